// web/src/pages/person/JourneyPicture.tsx: the journey picture on the Overview: the model's
// shared processes drawn as one cycle, each marked done (with when), due, overdue or not
// started (GET /people/{id}/journey). The list beside it says the same in words, so it is
// the text equivalent for screen readers and is also what phone users read first.
import { useEffect, useState } from 'preact/hooks';
import * as api from '../../api/practice/endpoints';
import type { JourneyStep } from '../../api/practice/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { sectionError } from './shared/useRecords';
import { formatDate, processLabel } from '../../format';
import { label } from '../../practiceLabels';

const SIZE = 320;
const R = 120;
const MARK: Record<string, string> = { done: '✓', due: '!', overdue: '!!', not_started: '' };

/** When a step was last done and when it is next due: "last on 4 Mar 2026, next due by 4 Jun 2026". */
export function stepDetails(s: JourneyStep): string {
  const parts: string[] = [];
  if (s.lastDone) parts.push(`last on ${formatDate(s.lastDone)}`);
  if (s.dueBy) parts.push(`${s.status === 'overdue' ? 'was due by' : 'next due by'} ${formatDate(s.dueBy)}`);
  return parts.join(', ');
}

export function journeySummary(steps: readonly JourneyStep[]): string {
  const count = (st: string): number => steps.filter((s) => s.status === st).length;
  return `The Connecting People journey: ${count('done')} of ${steps.length} shared processes done, ${count('due')} due soon, ${count('overdue')} overdue, ${count('not_started')} not started.`;
}

export function JourneyPicture({ personId, refresh, own }: { personId: string; refresh: unknown; own: boolean }) {
  const [steps, setSteps] = useState<JourneyStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.journey(personId).then((s) => { setSteps(s); setError(null); }, (e: unknown) => setError(sectionError(e)));
  }, [personId, refresh]);

  return (
    <section class="card journey" aria-labelledby="journey-heading" data-testid="journey">
      <h2 id="journey-heading">{own ? 'Our journey so far' : 'The journey so far'}</h2>
      <p class="hint">
        The shared processes of Connecting People, which {own ? 'you and your worker' : 'the worker and the person'} go round together, in any order and as often as needed.
      </p>
      <ErrorMessage error={error} />
      {steps === null ? null : (
        <div class="journey-body">
          <svg class="journey-svg" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="journey-svg-title">
            <title id="journey-svg-title">{journeySummary(steps)}</title>
            <circle cx={SIZE / 2} cy={SIZE / 2} r={R} class="journey-loop" />
            {steps.map((s, i) => {
              const a = -Math.PI / 2 + (2 * Math.PI * i) / steps.length;
              const x = SIZE / 2 + R * Math.cos(a);
              const y = SIZE / 2 + R * Math.sin(a);
              return (
                <g key={s.process} class={`journey-step journey-${s.status}`}>
                  <circle cx={x} cy={y} r={20} />
                  <text x={x} y={y - 3} text-anchor="middle" class="journey-num">{i + 1}</text>
                  <text x={x} y={y + 11} text-anchor="middle" class="journey-mark">{MARK[s.status] ?? ''}</text>
                </g>
              );
            })}
            <text x={SIZE / 2} y={SIZE / 2 - 6} text-anchor="middle" class="journey-centre">{own ? 'You and' : 'Person and'}</text>
            <text x={SIZE / 2} y={SIZE / 2 + 14} text-anchor="middle" class="journey-centre">{own ? 'your worker' : 'worker'}</text>
          </svg>
          <ol class="journey-list" data-testid="journey-list">
            {steps.map((s) => (
              <li key={s.process} class={`journey-item journey-${s.status}`} data-status={s.status}>
                <strong class="journey-name">{processLabel(s.process)}</strong> <span class="journey-badge">{label('journey', s.status)}</span>
                {stepDetails(s) ? <span class="journey-when"> · {stepDetails(s)}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
