// web/src/pages/person/shared/RecordForm.tsx: one form for adding or changing any practice
// record (goal, step, activity, asset, idea, engagement, barrier, recognition), driven by a
// list of fields named as in the API. Empty optional fields are left out when adding and sent
// as null when changing. A 409 version_conflict shows, field by field, what someone else
// changed, and offers to load the latest version.
import { useState } from 'preact/hooks';
import * as api from '../../../api/practice/endpoints';
import { ErrorMessage, errorText } from '../../../components/ErrorMessage';
import { ApiError } from '../../../api/http';
import { SelectField, TextField } from './fields';

export interface FieldSpec {
  /** The API's field name. */
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  /** For optional selects: the text of the empty choice. */
  blank?: string;
  /** Shown only when this returns true for the current values. */
  when?: (v: Values) => boolean;
}

export type Values = Record<string, string>;

/** The body for the API: trimmed text; empty optional fields left out (create) or null (update). */
export function bodyOf(fields: readonly FieldSpec[], values: Values, mode: 'create' | 'update'): Record<string, unknown> {
  const v = normalise(fields, values);
  const body: Record<string, unknown> = {};
  const visible = fields.filter((f) => !f.when || f.when(v));
  for (const f of fields) {
    if (!visible.includes(f)) {
      if (mode === 'update' && !visible.some((o) => o.name === f.name)) body[f.name] = null;
      continue;
    }
    const value = (v[f.name] ?? '').trim();
    if (value !== '') body[f.name] = value;
    else if (mode === 'update' && !f.required) body[f.name] = null;
  }
  return body;
}

/**
 * A select shows its first choice when its value is not one of its choices (say, after the
 * barrier's side changed the list of categories); make the values say what is shown.
 */
export function normalise(fields: readonly FieldSpec[], v: Values): Values {
  const out = { ...v };
  for (const f of fields) {
    if (f.kind !== 'select' || f.blank !== undefined || (f.when && !f.when(out))) continue;
    const first = f.options?.[0]?.value;
    if (first !== undefined && !f.options?.some((o) => o.value === out[f.name])) out[f.name] = first;
  }
  return out;
}

/** The first required field left empty, as a plain-English request, or null. */
export function missingField(fields: readonly FieldSpec[], v: Values): string | null {
  for (const f of fields) {
    if (f.required && (!f.when || f.when(v)) && (v[f.name] ?? '').trim() === '') return `Please fill in “${f.label}”.`;
  }
  return null;
}

function shown(f: FieldSpec, raw: string): string {
  if (raw === '') return 'nothing';
  return f.options?.find((o) => o.value === raw)?.label ?? raw;
}

/** What differs between the values the user started from and the record now on the server. */
export function conflictLines(fields: readonly FieldSpec[], base: Values, current: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const f of fields) {
    const cur = current[f.name];
    const now = typeof cur === 'string' ? cur : typeof cur === 'number' ? String(cur) : '';
    const had = base[f.name] ?? '';
    if (now !== had) lines.push(`${f.label}: now “${shown(f, now)}” (you started from “${shown(f, had)}”).`);
  }
  return lines.length > 0 ? lines : ['It was saved again by someone else, with the same values.'];
}

interface Props {
  idPrefix: string;
  heading: string;
  fields: readonly FieldSpec[];
  initial: Values;
  submitLabel: string;
  /** Sends the values; throws ApiError on refusal. */
  onSubmit: (v: Values) => Promise<void>;
  onCancel?: () => void;
  /** Reloads the records after a version conflict. */
  onReload?: () => Promise<void>;
}

export function RecordForm({ idPrefix, heading, fields, initial, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const [v, setV] = useState<Values>(initial);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (n: string): string => `${idPrefix}-${n}`;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const missing = missingField(fields, v);
    if (missing) return setError(missing);
    setBusy(true);
    setError(null);
    setConflict(null);
    try {
      await onSubmit(normalise(fields, v));
      if (!onCancel) setV(initial);
    } catch (err) {
      const current = api.conflictCurrent(err);
      if (current) {
        setError('Your change was not saved: someone else changed this while you had it open.');
        setConflict(conflictLines(fields, initial, current));
      } else {
        const where = err instanceof ApiError && err.field ? ` (${err.field.replace(/_/g, ' ')})` : '';
        setError(errorText(err) + where);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form record-form" onSubmit={submit} noValidate aria-labelledby={id('heading')} data-testid={`${idPrefix}-form`}>
      <h4 id={id('heading')} class="form-heading">{heading}</h4>
      <ErrorMessage error={error} />
      {conflict ? (
        <div class="message message-info" data-testid="conflict">
          <ul>{conflict.map((l) => <li key={l}>{l}</li>)}</ul>
          {onReload ? (
            <button type="button" class="button" onClick={() => void onReload()}>
              Load the latest version
            </button>
          ) : null}
        </div>
      ) : null}
      <div class="form-row">
        {fields.filter((f) => !f.when || f.when(v)).map((f) =>
          f.kind === 'select' ? (
            <SelectField
              key={f.name}
              id={id(f.name)}
              label={f.label}
              {...(f.hint ? { hint: f.hint } : {})}
              {...(f.blank !== undefined ? { blank: f.blank } : {})}
              value={v[f.name] ?? ''}
              options={f.options ?? []}
              onChange={(x) => setV({ ...v, [f.name]: x })}
            />
          ) : (
            <div class={f.kind === 'textarea' || (f.kind === 'text' && f.required) ? 'field-wide' : 'field-narrow'} key={f.name}>
              <TextField
                id={id(f.name)}
                label={f.label}
                {...(f.hint ? { hint: f.hint } : {})}
                value={v[f.name] ?? ''}
                required={f.required ?? false}
                multiline={f.kind === 'textarea'}
                type={f.kind === 'date' ? 'date' : 'text'}
                onInput={(x) => setV({ ...v, [f.name]: x })}
              />
            </div>
          ),
        )}
      </div>
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
