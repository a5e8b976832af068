// web/src/components/Link.tsx: an ordinary link that the router handles without a page load
// (plain left clicks only; opening in a new tab still works).
import type { ComponentChildren, JSX } from 'preact';
import { navigate } from '../router';

interface Props extends Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string;
  children: ComponentChildren;
}

export function Link({ href, children, ...rest }: Props) {
  const onClick = (e: MouseEvent): void => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
