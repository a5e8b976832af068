// web/src/components/Tabs.tsx: an accessible tab list (WAI-ARIA tabs pattern, automatic
// activation). Tab moves into the list and out again; Left/Right/Home/End move between tabs.
// The selected tab is part of the URL, so the parent decides what `selected` is.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  label: string;
  idPrefix: string;
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}

export const tabId = (prefix: string, key: string): string => `${prefix}-tab-${key}`;
export const panelId = (prefix: string, key: string): string => `${prefix}-panel-${key}`;

export function Tabs<K extends string>({ label, idPrefix, tabs, selected, onSelect, children }: Props<K>) {
  const listRef = useRef<HTMLDivElement>(null);

  const move = (index: number): void => {
    const count = tabs.length;
    const next = tabs[((index % count) + count) % count];
    if (!next) return;
    onSelect(next.key);
    // Focus after the parent re-renders with the new selection.
    window.setTimeout(() => {
      listRef.current?.querySelector<HTMLButtonElement>(`#${tabId(idPrefix, next.key)}`)?.focus();
    }, 0);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const current = tabs.findIndex((t) => t.key === selected);
    if (e.key === 'ArrowRight') move(current + 1);
    else if (e.key === 'ArrowLeft') move(current - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(tabs.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tab-list" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const isSelected = t.key === selected;
          return (
            <button
              type="button"
              role="tab"
              key={t.key}
              id={tabId(idPrefix, t.key)}
              aria-selected={isSelected}
              aria-controls={panelId(idPrefix, t.key)}
              tabIndex={isSelected ? 0 : -1}
              class="tab"
              onClick={() => onSelect(t.key)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId(idPrefix, selected)}
        aria-labelledby={tabId(idPrefix, selected)}
        tabIndex={0}
        class="tab-panel"
      >
        {children}
      </div>
    </div>
  );
}
