// web/src/pages/person/QuestionnairesTab.tsx: the person page's Questionnaires tab (issue 3):
// the assessment waves with their window and due status, each instrument's status and scores
// (marked provisional where the definition is), and the form to fill one in: interviewer mode
// for a worker, self-completion for the person themself (QuestionnaireForm).
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  personQuestionnaires, type InstrumentStatus, type PersonQuestionnaires, type WaveView,
} from '../../api/questionnaires';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { formatDate } from '../../format';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ScoreList, StatusBadge } from './QuestionnaireParts';
import '../../styles/questionnaires.css';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: PersonQuestionnaires };
interface Open { wave: WaveView; item: InstrumentStatus }

function windowText(w: WaveView): string {
  if (!w.opens || !w.closes) return 'No start date recorded yet, so no dates.';
  return `Between ${formatDate(w.opens)} and ${formatDate(w.closes)}`;
}

export function QuestionnairesTab({ personId, own }: { personId: string; own: boolean }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [open, setOpen] = useState<Open | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    try {
      setLoad({ kind: 'ready', data: await personQuestionnaires(personId) });
    } catch (e) {
      setLoad({ kind: 'failed', error: errorText(e) });
    }
  }, [personId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.kind === 'loading') return <p class="loading">Loading questionnaires…</p>;
  if (load.kind === 'failed') return <ErrorMessage error={load.error} />;
  const data = load.data;

  if (open) {
    return (
      <QuestionnaireForm
        personId={personId}
        wave={open.wave}
        item={open.item}
        mode={data.mode}
        onClose={async () => {
          setOpen(null);
          await reload();
        }}
      />
    );
  }

  return (
    <div class="questionnaires" data-testid="questionnaires">
      <p>
        {own
          ? 'These short questionnaires ask how things are going for you. You can fill them in here, on your phone or computer, or with your worker. You can stop at any time and come back later.'
          : 'Questionnaires are due at each wave of the assessment schedule. Fill one in with the person (interviewer mode), or they can fill it in themselves when they sign in.'}
      </p>
      {data.waves.map((w) => (
        <section class="card wave" key={w.wave} aria-labelledby={`wave-${w.wave}`} data-testid={`wave-${w.wave}`}>
          <div class="wave-head">
            <h3 id={`wave-${w.wave}`}>{w.label}</h3>
            <StatusBadge status={w.status} />
          </div>
          <p class="hint">{windowText(w)}</p>
          <ul class="instrument-list">
            {w.instruments.map((it) => (
              <li key={it.instrument} class="instrument" data-testid={`instrument-${w.wave}-${it.instrument}`}>
                <div class="instrument-head">
                  <span class="instrument-title">
                    {it.title}
                    {it.provisional ? <span class="tag-provisional"> (provisional)</span> : null}
                  </span>
                  <StatusBadge status={it.responseStatus === 'not_started' ? it.status : it.responseStatus} />
                </div>
                {it.scores && it.responseStatus === 'complete' ? <ScoreList scores={it.scores} provisional={it.provisional} /> : null}
                {data.access === 'write' ? (
                  <button
                    type="button"
                    class={it.responseStatus === 'complete' ? 'button button-secondary' : 'button'}
                    onClick={() => setOpen({ wave: w, item: it })}
                  >
                    {it.responseStatus === 'not_started' ? 'Start' : it.responseStatus === 'partial' ? 'Carry on' : 'Change answers'}
                    <span class="visually-hidden">
                      {' '}
                      {it.title}, {w.label}
                    </span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
