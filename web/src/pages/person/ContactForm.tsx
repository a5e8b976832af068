// web/src/pages/person/ContactForm.tsx: "Add a contact": records one session of a partnership
// (date, how, how long, which shared CPI processes it touched, a note). Those processes are what
// later lets practice records show fidelity without extra forms. From the same form the worker
// can add a network member, a goal, an engagement and more (ContactAdditions), in one request.
import { useState } from 'preact/hooks';
import * as practice from '../../api/practice/endpoints';
import { ApiError } from '../../api/http';
import { CONTACT_MODES, PROCESSES, type ContactMode, type Process } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { modeLabel, PROCESS_LABELS, todayIso } from '../../format';
import { additionsBody, ContactAdditions, NO_ADDITIONS, type Additions } from './ContactAdditions';

interface Props {
  partnershipId: string;
  idPrefix: string;
  onSaved: () => Promise<void>;
}

// The server's limits (cp::domain::validate_contact): 1 to 600 minutes, a note of up to 2,000 characters.
const MAX_MINUTES = 600;
const MAX_NOTE = 2000;

/** Checks the form before sending; returns a plain-English problem or null. */
export function contactProblem(date: string, minutes: string, note: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Please enter the date of the contact.';
  if (date > todayIso()) return 'The date of the contact cannot be in the future.';
  if (!/^\d+$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > MAX_MINUTES) {
    return `Please enter how long the contact lasted, in whole minutes from 1 to ${MAX_MINUTES}.`;
  }
  if (note.length > MAX_NOTE) return `Please keep the note under ${MAX_NOTE} characters.`;
  return null;
}

export function ContactForm({ partnershipId, idPrefix, onSaved }: Props) {
  const announce = useAnnounce();
  const [date, setDate] = useState(todayIso());
  const [mode, setMode] = useState<ContactMode>('in_person');
  const [minutes, setMinutes] = useState('60');
  const [processes, setProcesses] = useState<Process[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [additions, setAdditions] = useState<Additions>(NO_ADDITIONS);
  const id = (name: string): string => `${idPrefix}-contact-${name}`;

  const toggle = (p: Process, on: boolean): void =>
    setProcesses((cur) => (on ? [...cur.filter((x) => x !== p), p] : cur.filter((x) => x !== p)));

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const problem = contactProblem(date, minutes, note);
    const extra = additionsBody(additions);
    if (problem || 'problem' in extra) {
      setError(problem ?? ('problem' in extra ? extra.problem : null));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ordered = PROCESSES.filter((p) => processes.includes(p));
      const hasAdd = Object.keys(extra.add).length > 0;
      const saved = await practice.addContactWithRecords(partnershipId, {
        date, mode, duration_minutes: Number(minutes), processes: ordered, note, ...(hasAdd ? { add: extra.add } : {}),
      });
      setProcesses([]);
      setNote('');
      setAdditions(NO_ADDITIONS);
      const count = Object.values(saved.added).reduce((n, ids) => n + ids.length, 0);
      announce(count > 0 ? `Contact saved, with ${count} ${count === 1 ? 'record' : 'records'} added.` : 'Contact saved.');
      await onSaved();
    } catch (err) {
      const where = err instanceof ApiError && err.field ? ` (${err.field.replace(/_/g, ' ')})` : '';
      setError(errorText(err) + where);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form card-inner" onSubmit={submit} noValidate aria-labelledby={id('heading')} data-testid="contact-form">
      <h3 id={id('heading')}>Add a contact</h3>
      <ErrorMessage error={error} />
      <div class="form-row">
        <div class="field">
          <label for={id('date')}>Date</label>
          <input id={id('date')} type="date" required max={todayIso()} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={id('mode')}>How you met</label>
          <select id={id('mode')} value={mode} onChange={(e) => setMode(e.currentTarget.value as ContactMode)}>
            {CONTACT_MODES.map((m) => (
              <option key={m} value={m}>
                {modeLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('minutes')}>Length in minutes</label>
          <input
            id={id('minutes')}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MINUTES}
            step={1}
            required
            value={minutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </div>
      </div>
      <fieldset class="checkboxes">
        <legend>What you worked on together</legend>
        {PROCESSES.map((p) => (
          <div class="checkbox" key={p}>
            <input
              id={id(`process-${p}`)}
              type="checkbox"
              checked={processes.includes(p)}
              onChange={(e) => toggle(p, e.currentTarget.checked)}
            />
            <label for={id(`process-${p}`)}>{PROCESS_LABELS[p]}</label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for={id('note')}>Note</label>
        <p class="hint" id={id('note-hint')}>
          Write it so that the person could read it: it is part of their record too.
        </p>
        <textarea id={id('note')} rows={4} maxLength={MAX_NOTE} aria-describedby={id('note-hint')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <ContactAdditions idPrefix={idPrefix} value={additions} onChange={setAdditions} />
      <button type="submit" class="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save contact'}
      </button>
    </form>
  );
}
