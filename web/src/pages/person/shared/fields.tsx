// web/src/pages/person/shared/fields.tsx: small labelled form controls used by the practice
// record forms, so every control has a visible label, a unique id and the same look.
import type { ComponentChildren } from 'preact';

interface Base { id: string; label: string; hint?: string }

export function TextField({ id, label, hint, value, onInput, required, multiline, type }: Base & {
  value: string; onInput: (v: string) => void; required?: boolean; multiline?: boolean; type?: 'text' | 'date';
}) {
  const described = hint ? { 'aria-describedby': `${id}-hint` } : {};
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {multiline ? (
        <textarea id={id} rows={3} value={value} required={required ?? false} {...described} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input id={id} type={type ?? 'text'} value={value} required={required ?? false} {...described} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
    </div>
  );
}

export function SelectField({ id, label, hint, value, onChange, options, blank }: Base & {
  value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[]; blank?: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <select id={id} value={value} {...(hint ? { 'aria-describedby': `${id}-hint` } : {})} onChange={(e) => onChange(e.currentTarget.value)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxesField({ id, legend, values, onChange, options }: {
  id: string; legend: string; values: readonly string[]; onChange: (v: string[]) => void; options: readonly { value: string; label: string }[];
}) {
  const toggle = (v: string, on: boolean): void => {
    const next = on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v);
    onChange(options.map((o) => o.value).filter((o) => next.includes(o)));
  };
  return (
    <fieldset class="checkboxes">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div class="checkbox" key={o.value}>
          <input id={`${id}-${o.value}`} type="checkbox" checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Row({ children }: { children: ComponentChildren }) {
  return <div class="form-row">{children}</div>;
}
