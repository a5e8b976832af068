// web/src/pages/person/QuestionnaireParts.tsx: small pieces shared by the Questionnaires tab, the
// questionnaire form and the due list: a status badge (the word carries the meaning; colour only
// repeats it) and a list of scores with the provisional notice and the scores that are missing.
import { dueStatusLabel, scoreLabel, type InstrumentStatus, type Scores } from '../../api/questionnaires';

export function StatusBadge({ status }: { status: InstrumentStatus['status'] | InstrumentStatus['responseStatus'] }) {
  return <span class={`badge qbadge-${status}`}>{dueStatusLabel(status)}</span>;
}

function formatScore(v: number | string): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

export function ScoreList({ scores, provisional }: { scores: Scores; provisional: boolean }) {
  return (
    <div class="scores" data-testid="scores">
      {provisional || scores.provisional ? (
        <p class="provisional">
          <strong>Provisional:</strong> part of how this questionnaire is scored is not yet published to us, so these
          figures may change.
        </p>
      ) : null}
      {scores.values.length > 0 ? (
        <dl class="score-list">
          {scores.values.map((s) => (
            <div key={s.name}>
              <dt>{scoreLabel(s.name)}</dt>
              <dd>{formatScore(s.value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {scores.missing.length > 0 ? (
        <details>
          <summary>{scores.missing.length} score{scores.missing.length === 1 ? '' : 's'} could not be worked out</summary>
          <ul>
            {scores.missing.map((m) => (
              <li key={m.name}>
                {scoreLabel(m.name)}: {m.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

