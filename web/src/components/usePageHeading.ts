// web/src/components/usePageHeading.ts: sets the document title for a page and, after an
// in-app navigation, moves keyboard focus to the page's h1 so that screen-reader and keyboard
// users start at the new content (the first page load keeps the browser's own focus order).
import { useEffect, useRef } from 'preact/hooks';
import { config } from '../config';
import { hasNavigated } from '../router';

export function usePageHeading(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${config.appName}`;
    if (hasNavigated()) ref.current?.focus();
  }, [title]);
  return ref;
}
