// web/src/pages/DueAssessments.tsx: "Questionnaires due" under the caseload (issue 3, part 5):
// the waves that are due, overdue or part-done for the worker's people (a team leader: the
// team's), most urgent first, each linking to the person's Questionnaires tab.
import { useEffect, useState } from 'preact/hooks';
import { dueAssessments, type DueItem } from '../api/questionnaires';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { formatDate } from '../format';
import { personPath } from '../router';
import { StatusBadge } from './person/QuestionnaireParts';
import '../styles/questionnaires.css';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; items: DueItem[] };

export function DueAssessments({ isLead }: { isLead: boolean }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    dueAssessments(isLead ? 'team' : 'mine').then(
      (items) => live && setLoad({ kind: 'ready', items }),
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [isLead]);

  return (
    <section class="card" aria-labelledby="due-heading" data-testid="due-assessments">
      <h2 id="due-heading">Questionnaires due</h2>
      {load.kind === 'loading' ? <p class="loading">Loading…</p> : null}
      <ErrorMessage error={load.kind === 'failed' ? load.error : null} />
      {load.kind === 'ready' && load.items.length === 0 ? <p>Nothing is due or overdue.</p> : null}
      {load.kind === 'ready' && load.items.length > 0 ? (
        <ul class="due-list">
          {load.items.map((d) => {
            const left = d.instruments.filter((i) => i.status !== 'complete');
            return (
              <li key={`${d.personId}-${d.wave}`}>
                <Link href={personPath(d.personId, 'questionnaires')}>{d.displayName}</Link>
                <span>{d.label}</span>
                <StatusBadge status={d.status} />
                <span class="hint-inline">
                  {d.closes ? `window ${formatDate(d.opens)} to ${formatDate(d.closes)}` : 'no dates yet'}
                  {isLead && d.workerName ? ` · ${d.workerName}` : ''}
                </span>
                <span class="hint-inline">
                  {left.length} to do: {left.map((i) => i.title.replace(/\s*\(.*$/, '')).join(', ')}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
