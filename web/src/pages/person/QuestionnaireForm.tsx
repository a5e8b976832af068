// web/src/pages/person/QuestionnaireForm.tsx: fills in one questionnaire at one wave.
//   interviewer mode (a worker with the person): every question on one page, "Save for later"
//     and "Finish and score";
//   self-completion (the person, often on a phone): one question per screen with big tap
//     targets, progress, Back and Next (each Next saves, so they can stop and come back later).
// Each question shows our short topic; licensed wording is shown only when the agency has
// loaded it (the form says so). Answers are checked by the server, which names the question.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import {
  instrumentForm, questionnaireResponse, saveResponse,
  type Answers, type FormItem, type InstrumentForm, type InstrumentStatus, type QuestionnaireResponse, type WaveView,
} from '../../api/questionnaires';
import { useAnnounce } from '../../components/Announcer';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { ScoreList } from './QuestionnaireParts';

interface Props {
  personId: string;
  wave: WaveView;
  item: InstrumentStatus;
  mode: 'self' | 'interviewer';
  onClose: () => Promise<void>;
}

type Raw = Record<string, string>;
type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; form: InstrumentForm };

function toRaw(a: Answers): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(a)) out[k] = String(v);
  return out;
}

/** Turns the typed answers into the API's answers; returns the first problem in plain English. */
export function toAnswers(items: readonly FormItem[], raw: Raw): { answers: Answers } | { problem: string } {
  const answers: Answers = {};
  for (const [i, it] of items.entries()) {
    const v = (raw[it.id] ?? '').trim();
    if (v === '') continue;
    if (it.type === 'text') {
      answers[it.id] = v;
      continue;
    }
    const n = Number(v);
    if (!Number.isFinite(n) || ((it.type === 'integer' || it.type === 'code') && !Number.isInteger(n))) {
      return { problem: `Question ${i + 1} (${it.topic}): please enter a ${it.type === 'number' ? 'number' : 'whole number'}.` };
    }
    if ((it.min !== null && n < it.min) || (it.max !== null && n > it.max)) {
      return { problem: `Question ${i + 1} (${it.topic}): please enter a number from ${it.min ?? ''} to ${it.max ?? ''}.` };
    }
    answers[it.id] = n;
  }
  return { answers };
}

function Question({ item, index, total, value, onChange, idPrefix, big }: {
  item: FormItem; index: number; total: number; value: string; onChange: (v: string) => void; idPrefix: string; big: boolean;
}) {
  const qid = `${idPrefix}-${item.id}`;
  const title = item.wording ?? item.topic;
  const count = big ? `Question ${index + 1} of ${total}` : `${index + 1}.`;
  if (item.type === 'code') {
    return (
      <fieldset class={big ? 'question question-big' : 'question'} data-testid={`question-${item.id}`}>
        <legend>
          <span class="question-count">{count}</span> <span class="question-topic">{title}</span>
        </legend>
        <div class="options">
          {item.options.map((o) => (
            <div class="option" key={o.code}>
              <input
                type="radio"
                id={`${qid}-${o.code}`}
                name={qid}
                value={String(o.code)}
                checked={value === String(o.code)}
                onChange={() => onChange(String(o.code))}
              />
              <label for={`${qid}-${o.code}`}>{o.wording ?? o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  const range = item.min !== null && item.max !== null ? ` (${item.min} to ${item.max})` : '';
  return (
    <div class={big ? 'field question question-big' : 'field question'} data-testid={`question-${item.id}`}>
      <label for={qid}>
        <span class="question-count">{count}</span> <span class="question-topic">{title}</span>
        {range}
      </label>
      <input
        id={qid}
        type={item.type === 'text' ? 'text' : 'number'}
        inputMode={item.type === 'integer' ? 'numeric' : item.type === 'number' ? 'decimal' : 'text'}
        {...(item.min !== null ? { min: item.min } : {})}
        {...(item.max !== null ? { max: item.max } : {})}
        {...(item.maxLength !== null ? { maxLength: item.maxLength } : {})}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}

export function QuestionnaireForm({ personId, wave, item, mode, onClose }: Props) {
  const announce = useAnnounce();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [raw, setRaw] = useState<Raw>({});
  const [version, setVersion] = useState(0);
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<QuestionnaireResponse | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const self = mode === 'self';
  const idPrefix = `q-${wave.wave}-${item.instrument}`;

  useEffect(() => {
    let live = true;
    Promise.all([instrumentForm(item.instrument), questionnaireResponse(personId, wave.wave, item.instrument)]).then(
      ([form, resp]) => {
        if (!live) return;
        setRaw(toRaw(resp.answers));
        setVersion(resp.version);
        // Carry on at the first unanswered question.
        const first = form.items.findIndex((it) => resp.answers[it.id] === undefined);
        setStep(first < 0 ? 0 : first);
        setLoad({ kind: 'ready', form });
      },
      (e: unknown) => live && setLoad({ kind: 'failed', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [personId, wave.wave, item.instrument]);

  useEffect(() => {
    heading.current?.focus();
  }, [load.kind, done]);

  if (load.kind === 'loading') return <p class="loading">Loading the questionnaire…</p>;
  if (load.kind === 'failed') {
    return (
      <>
        <ErrorMessage error={load.error} />
        <button type="button" class="button button-secondary" onClick={() => void onClose()}>
          Back to questionnaires
        </button>
      </>
    );
  }
  const form = load.form;
  const items = form.items;

  const save = async (complete: boolean): Promise<QuestionnaireResponse | null> => {
    const checked = toAnswers(items, raw);
    if ('problem' in checked) {
      setError(checked.problem);
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await saveResponse(personId, wave.wave, item.instrument, { version, answers: checked.answers, complete });
      setVersion(r.version);
      return r;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setError('Someone else saved this questionnaire while you had it open. Go back to the list and open it again to see their answers.');
      } else {
        const n = e instanceof ApiError && e.field ? items.findIndex((it) => `answers.${it.id}` === e.field) : -1;
        setError(n >= 0 ? `Question ${n + 1}: ${errorText(e)}` : errorText(e));
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const finish = async (): Promise<void> => {
    const r = await save(true);
    if (r) {
      setDone(r);
      announce(`${form.title} finished and saved.`);
    }
  };
  const saveForLater = async (): Promise<void> => {
    const r = await save(false);
    if (r) {
      announce('Saved. You can come back to it later.');
      await onClose();
    }
  };
  const setAnswer = (id: string, v: string): void => setRaw((cur) => ({ ...cur, [id]: v }));

  const notice = (
    <div class="message message-info" data-testid="wording-notice">
      <p>
        {form.wordingLoaded
          ? form.wordingNote ?? 'The licensed wording is loaded.'
          : self
            ? 'Each question is shown as a short topic, because the full wording of this questionnaire is not loaded here. Ask your worker if a question is not clear.'
            : form.wordingNote ?? 'The licensed wording is not loaded: the form shows our short topic for each question.'}
      </p>
      {form.provisional ? (
        <p>
          <strong>Provisional:</strong> {form.provisionalNote ?? 'part of this questionnaire is not yet published to us.'}
        </p>
      ) : null}
    </div>
  );

  if (done) {
    return (
      <section class="questionnaire-form" aria-labelledby={`${idPrefix}-h`} data-testid="questionnaire-done">
        <h3 id={`${idPrefix}-h`} ref={heading} tabIndex={-1}>
          {self ? 'Thank you: your answers are saved' : `${form.title}: finished`}
        </h3>
        {done.scores ? <ScoreList scores={done.scores} provisional={form.provisional} /> : null}
        <button type="button" class="button" onClick={() => void onClose()}>
          Back to questionnaires
        </button>
      </section>
    );
  }

  const header = (
    <>
      <h3 id={`${idPrefix}-h`} ref={heading} tabIndex={-1}>
        {form.title}
        <span class="hint-inline"> · {wave.label}</span>
      </h3>
      {notice}
      <ErrorMessage error={error} />
    </>
  );

  if (items.length === 0) {
    return (
      <section class="questionnaire-form" aria-labelledby={`${idPrefix}-h`}>
        {header}
        <p>The questions of this questionnaire are not yet published to us, so it cannot be filled in here yet.</p>
        <button type="button" class="button button-secondary" onClick={() => void onClose()}>
          Back to questionnaires
        </button>
      </section>
    );
  }

  if (self) {
    const it = items[Math.min(step, items.length - 1)];
    if (!it) return null;
    const last = step >= items.length - 1;
    const answered = items.filter((x) => (raw[x.id] ?? '') !== '').length;
    const go = async (to: number): Promise<void> => {
      // Each move saves what has been answered so far, so nothing is lost if the person stops.
      const r = await save(false);
      if (!r) return;
      setStep(to);
      announce(`Question ${to + 1} of ${items.length}`);
    };
    return (
      <section class="questionnaire-form self" aria-labelledby={`${idPrefix}-h`} data-testid="questionnaire-form">
        {header}
        <div class="progress-row">
          <label for={`${idPrefix}-progress`}>
            {answered} of {items.length} answered
          </label>
          <progress id={`${idPrefix}-progress`} max={items.length} value={answered} />
        </div>
        <form onSubmit={(e) => { e.preventDefault(); void (last ? finish() : go(step + 1)); }} noValidate>
          <Question item={it} index={step} total={items.length} value={raw[it.id] ?? ''}
            onChange={(v) => setAnswer(it.id, v)} idPrefix={idPrefix} big />
          <div class="step-buttons">
            {step > 0 ? (
              <button type="button" class="button button-secondary" disabled={busy} onClick={() => void go(step - 1)}>
                Back
              </button>
            ) : null}
            <button type="submit" class="button" disabled={busy}>
              {busy ? 'Saving…' : last ? 'Finish' : 'Next'}
            </button>
          </div>
          <button type="button" class="button-link" disabled={busy} onClick={() => void saveForLater()}>
            Save and finish later
          </button>
        </form>
      </section>
    );
  }

  return (
    <section class="questionnaire-form" aria-labelledby={`${idPrefix}-h`} data-testid="questionnaire-form">
      {header}
      <form onSubmit={(e) => { e.preventDefault(); void finish(); }} noValidate>
        {items.map((x, i) => (
          <Question key={x.id} item={x} index={i} total={items.length} value={raw[x.id] ?? ''}
            onChange={(v) => setAnswer(x.id, v)} idPrefix={idPrefix} big={false} />
        ))}
        <div class="step-buttons">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : 'Finish and score'}
          </button>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => void saveForLater()}>
            Save for later
          </button>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => void onClose()}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
