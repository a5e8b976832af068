// web/src/pages/person/network/MemberForm.tsx: add or edit one member of the network map:
// name, kind, relation, ring, support each way, how often, and an optional link to a community
// resource in the directory. Used by the list view and when a member is tapped on the drawing.
import { useState } from 'preact/hooks';
import { FREQUENCIES, MEMBER_KINDS, RELATIONS, RINGS, SUPPORT_TYPES } from '../../../api/practice/codes';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { label, options } from '../../../practiceLabels';
import { CheckboxesField, Row, SelectField, TextField } from '../shared/fields';
import { ResourcePicker } from '../shared/ResourcePicker';
import type { DraftMember } from './mapDraft';

export type MemberFields = Omit<DraftMember, 'ref' | 'memberId' | 'x' | 'y'>;

export const BLANK_MEMBER: MemberFields = {
  name: '', kind: 'person', relation: 'friend', ring: 'middle', supportToPerson: [], supportFromPerson: [],
  frequency: 'unknown', resourceId: null,
};

interface Props {
  idPrefix: string;
  heading: string;
  initial: MemberFields;
  submitLabel: string;
  own: boolean;
  busy: boolean;
  onSubmit: (m: MemberFields) => Promise<boolean>;
  onCancel?: () => void;
}

export function MemberForm({ idPrefix, heading, initial, submitLabel, own, busy, onSubmit, onCancel }: Props) {
  const [m, setM] = useState<MemberFields>(initial);
  const [error, setError] = useState<string | null>(null);
  const [resourceName, setResourceName] = useState('');
  const id = (n: string): string => `${idPrefix}-${n}`;
  const set = (change: Partial<MemberFields>): void => setM((cur) => ({ ...cur, ...change }));

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (m.name.trim() === '') {
      setError('Please write a name (a first name or a nickname is fine).');
      return;
    }
    setError(null);
    if (await onSubmit({ ...m, name: m.name.trim() })) {
      if (!onCancel) setM(BLANK_MEMBER);
    }
  };

  const them = own ? 'you' : 'the person';
  return (
    <form class="form card-inner" onSubmit={submit} noValidate aria-labelledby={id('heading')} data-testid={`${idPrefix}-form`}>
      <h4 id={id('heading')}>{heading}</h4>
      <ErrorMessage error={error} />
      <TextField id={id('name')} label="Name" hint="A first name, a nickname or the name of a group is enough." value={m.name} required onInput={(v) => set({ name: v })} />
      <Row>
        <SelectField id={id('kind')} label="Kind" value={m.kind} options={options('kind', MEMBER_KINDS)} onChange={(v) => set({ kind: v })} />
        <SelectField id={id('relation')} label="Relation" value={m.relation} options={options('relation', RELATIONS)} onChange={(v) => set({ relation: v })} />
        <SelectField
          id={id('ring')}
          label="How close"
          value={m.ring}
          options={RINGS.map((r) => ({ value: r, label: `${label('ring', r)} ring` }))}
          onChange={(v) => set({ ring: v })}
        />
        <SelectField id={id('frequency')} label="How often in touch" value={m.frequency} options={options('frequency', FREQUENCIES)} onChange={(v) => set({ frequency: v })} />
      </Row>
      <CheckboxesField id={id('to')} legend={`Support they give ${them}`} values={m.supportToPerson} options={options('support', SUPPORT_TYPES)} onChange={(v) => set({ supportToPerson: v })} />
      <CheckboxesField id={id('from')} legend={`Support ${them} give${own ? '' : 's'} them`} values={m.supportFromPerson} options={options('support', SUPPORT_TYPES)} onChange={(v) => set({ supportFromPerson: v })} />
      <ResourcePicker
        id={id('resource')}
        label="Community resource (optional): search the directory"
        name={resourceName}
        resourceId={m.resourceId}
        freeText={false}
        onChange={(picked, rid) => {
          setResourceName(rid === null ? '' : picked);
          set({ resourceId: rid });
        }}
      />
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
