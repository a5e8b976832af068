// web/src/pages/person/EpisodeActions.tsx: changes a partnership's episode: pause it, re-enter,
// move on, or transfer to another worker. CPI lets people leave and come back, so moving on is
// never final. Only actions that make sense for the current state are offered; the server
// decides in the end and its message is shown if it refuses.
import { useState } from 'preact/hooks';
import * as api from '../../api/endpoints';
import type { EpisodeAction } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { ACTION_LABELS, stateLabel } from '../../format';

interface Props {
  partnershipId: string;
  state: string | null;
  idPrefix: string;
  onSaved: () => Promise<void>;
}

/**
 * Actions offered for a state, following the server's rules (cp::domain::next_episode_state):
 * open, re-entered and transferred are active (pause, move on, transfer); paused may re-enter
 * or move on; moved on may re-enter; a partnership without episodes starts with "open".
 */
export function actionsFor(state: string | null): EpisodeAction[] {
  switch (state) {
    case 'open':
    case 're_entered':
    case 'transferred':
      return ['pause', 'move_on', 'transfer'];
    case 'paused':
      return ['re_enter', 'move_on'];
    case 'moved_on':
      return ['re_enter'];
    case null:
      return ['open'];
    default:
      return [];
  }
}

export function EpisodeActions({ partnershipId, state, idPrefix, onSaved }: Props) {
  const announce = useAnnounce();
  const actions = actionsFor(state);
  const [action, setAction] = useState<EpisodeAction | ''>('');
  const [reason, setReason] = useState('');
  const [toWorker, setToWorker] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string): string => `${idPrefix}-episode-${name}`;

  if (actions.length === 0) {
    return (
      <section class="card-inner" aria-labelledby={id('heading')}>
        <h3 id={id('heading')}>Change the partnership</h3>
        <p>This partnership is in a state ({stateLabel(state)}) that this page cannot change.</p>
      </section>
    );
  }

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (action === '') {
      setError('Please choose what to do.');
      return;
    }
    const worker = toWorker.trim();
    if (action === 'transfer' && !/^\d+$/.test(worker)) {
      setError('Please enter the number of the worker to transfer to.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.changeEpisode(partnershipId, {
        action,
        ...(reason.trim() !== '' ? { reason: reason.trim() } : {}),
        ...(action === 'transfer' ? { to_worker_id: Number(worker) } : {}),
      });
      announce(`Done: ${ACTION_LABELS[action].toLowerCase()}.`);
      setAction('');
      setReason('');
      setToWorker('');
      await onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form card-inner" onSubmit={submit} noValidate aria-labelledby={id('heading')} data-testid="episode-form">
      <h3 id={id('heading')}>Change the partnership</h3>
      <p class="hint">It is {stateLabel(state).toLowerCase()} now. People are free to leave and to come back.</p>
      <ErrorMessage error={error} />
      <div class="field">
        <label for={id('action')}>What to do</label>
        <select id={id('action')} value={action} onChange={(e) => setAction(e.currentTarget.value as EpisodeAction | '')}>
          <option value="">Choose…</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      {action === 'transfer' ? (
        <div class="field">
          <label for={id('worker')}>Number of the worker to transfer to</label>
          <input id={id('worker')} type="text" inputMode="numeric" value={toWorker} onInput={(e) => setToWorker(e.currentTarget.value)} />
        </div>
      ) : null}
      <div class="field">
        <label for={id('reason')}>Reason (optional)</label>
        <input id={id('reason')} type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button button-secondary" disabled={busy}>
        {busy ? 'Saving…' : 'Save change'}
      </button>
    </form>
  );
}
