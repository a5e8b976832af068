// web/src/components/StateBadge.tsx: an episode state ("Open", "Paused", …) as a badge. The
// word carries the meaning; colour only repeats it (WCAG 1.4.1), with AA contrast in styles.
import { stateLabel } from '../format';

export function StateBadge({ state }: { state: string | null }) {
  const known = state ?? 'unknown';
  return <span class={`badge badge-${known.replace(/[^a-z_]/g, '')}`}>{stateLabel(state)}</span>;
}
