// web/src/pages/person/network/MemberList.tsx: the keyboard-usable equivalent of the drawing:
// a table of the members (who, relation, ring, support, how often) with Edit and Take off
// buttons, an edit form, the links between members, and the "add someone" form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { label } from '../../../practiceLabels';
import { SelectField } from '../shared/fields';
import type { Draft, DraftMember } from './mapDraft';
import { hasTie } from './mapDraft';
import { BLANK_MEMBER, MemberForm, type MemberFields } from './MemberForm';

interface Props {
  draft: Draft;
  editable: boolean;
  own: boolean;
  busy: boolean;
  editing: string | null;
  setEditing: (ref: string | null) => void;
  onAdd: (m: MemberFields) => Promise<boolean>;
  onEdit: (ref: string, m: MemberFields) => Promise<boolean>;
  onRemove: (ref: string) => Promise<void>;
  onTie: (a: string, b: string, on: boolean) => Promise<void>;
}

const supportText = (s: readonly string[]): string => (s.length === 0 ? '—' : s.map((x) => label('support', x)).join(', '));

export function MemberList({ draft, editable, own, busy, editing, setEditing, onAdd, onEdit, onRemove, onTie }: Props) {
  const byRef = new Map(draft.members.map((m) => [m.ref, m]));
  const editMember = editing !== null ? byRef.get(editing) ?? null : null;
  const editRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editMember) editRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [editing]);

  return (
    <section aria-labelledby="members-heading" data-testid="member-list">
      <h3 id="members-heading">{own ? 'The people and groups on your map' : 'Members of the map'}</h3>
      {draft.members.length === 0 ? (
        <p>{own ? 'Nobody is on this map yet.' : 'Nobody is on this map yet.'}</p>
      ) : (
        <table class="table table-cards">
          <caption class="visually-hidden">Members of the network map</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Relation</th>
              <th scope="col">Ring</th>
              <th scope="col">{own ? 'Support they give you' : 'Support to the person'}</th>
              <th scope="col">{own ? 'Support you give' : 'Support from the person'}</th>
              <th scope="col">How often</th>
              {editable ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {draft.members.map((m) => (
              <MemberRow key={m.ref} m={m} editable={editable} busy={busy} onEdit={() => setEditing(m.ref)} onRemove={() => void onRemove(m.ref)} />
            ))}
          </tbody>
        </table>
      )}

      {editable && editMember ? (
        <div ref={editRef}>
          <MemberForm
            key={editMember.ref}
            idPrefix="edit-member"
            heading={`Change ${editMember.name}`}
            initial={editMember}
            submitLabel="Save changes"
            own={own}
            busy={busy}
            onSubmit={async (f) => {
              const ok = await onEdit(editMember.ref, f);
              if (ok) setEditing(null);
              return ok;
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}

      <Ties draft={draft} editable={editable} busy={busy} byRef={byRef} onTie={onTie} />

      {editable ? (
        <MemberForm idPrefix="add-member" heading={own ? 'Add someone to your map' : 'Add someone to the map'} initial={BLANK_MEMBER} submitLabel="Add to the map" own={own} busy={busy} onSubmit={onAdd} />
      ) : null}
    </section>
  );
}

function MemberRow({ m, editable, busy, onEdit, onRemove }: { m: DraftMember; editable: boolean; busy: boolean; onEdit: () => void; onRemove: () => void }) {
  return (
    <tr data-testid="member-row">
      <th scope="row">
        {m.name}
        <span class="hint"> ({label('kind', m.kind).toLowerCase()})</span>
        {m.resourceId !== null ? <span class="hint"> · in the directory</span> : null}
      </th>
      <td data-label="Relation">{label('relation', m.relation)}</td>
      <td data-label="Ring">{label('ring', m.ring)}</td>
      <td data-label="Support to">{supportText(m.supportToPerson)}</td>
      <td data-label="Support from">{supportText(m.supportFromPerson)}</td>
      <td data-label="How often">{label('frequency', m.frequency)}</td>
      {editable ? (
        <td data-label="Change" class="button-cell">
          <button type="button" class="button button-small button-secondary" onClick={onEdit} disabled={busy}>
            Edit<span class="visually-hidden"> {m.name}</span>
          </button>{' '}
          <button type="button" class="button button-small button-secondary" onClick={onRemove} disabled={busy}>
            Take off<span class="visually-hidden"> {m.name} from this map</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function Ties({ draft, editable, busy, byRef, onTie }: {
  draft: Draft; editable: boolean; busy: boolean; byRef: Map<string, DraftMember>; onTie: (a: string, b: string, on: boolean) => Promise<void>;
}) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [problem, setProblem] = useState('');
  const choices = draft.members.map((m) => ({ value: m.ref, label: m.name }));
  const name = (ref: string): string => byRef.get(ref)?.name ?? 'someone';
  const link = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (a === '' || b === '' || a === b) return setProblem('Choose two different people.');
    if (hasTie(draft, a, b)) return setProblem(`${name(a)} and ${name(b)} are already linked.`);
    setProblem('');
    await onTie(a, b, true);
  };
  return (
    <>
      <h3>Who knows whom</h3>
      {draft.ties.length === 0 ? (
        <p>No links between the members are recorded.</p>
      ) : (
        <ul class="ties" data-testid="ties">
          {draft.ties.map(([x, y]) => (
            <li key={`${x}-${y}`}>
              {name(x)} and {name(y)} know each other{' '}
              {editable ? (
                <button type="button" class="link-button" disabled={busy} onClick={() => void onTie(x, y, false)}>
                  Remove this link<span class="visually-hidden"> between {name(x)} and {name(y)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable && draft.members.length >= 2 ? (
        <form class="form" onSubmit={link} noValidate aria-label="Link two members who know each other">
          <div class="form-row">
            <SelectField id="tie-a" label="This member" value={a} blank="Choose…" options={choices} onChange={setA} />
            <SelectField id="tie-b" label="knows" value={b} blank="Choose…" options={choices} onChange={setB} />
          </div>
          {problem ? <p class="hint" role="status">{problem}</p> : null}
          <button type="submit" class="button button-secondary" disabled={busy}>
            Link them
          </button>
        </form>
      ) : null}
    </>
  );
}
