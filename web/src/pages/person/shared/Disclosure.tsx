// web/src/pages/person/shared/Disclosure.tsx: a button that shows or hides what follows it
// (aria-expanded), used to keep "add" and "change" forms out of the way until wanted.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  /** Renders the content; `close` hides it again (after a save, or Cancel). */
  children: (close: () => void) => ComponentChildren;
  secondary?: boolean;
  small?: boolean;
}

export function Disclosure({ id, label, children, secondary, small }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div class="disclosure">
      <button
        type="button"
        class={`button${secondary ? ' button-secondary' : ''}${small ? ' button-small' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      <div id={id} hidden={!open}>
        {open ? children(() => setOpen(false)) : null}
      </div>
    </div>
  );
}
