// web/src/pages/person/ContactAdditions.tsx: the "also add to the record" part of the quick
// contact form: a network member, a goal, an engagement and, under "more", a strength, an idea,
// a barrier or recognition, all sent with the contact as the API's `add` object (one request,
// all or nothing; docs/practice-api.md "The quick contact form").
import type { ComponentChildren } from 'preact';
import { MEMBER_KINDS, PERSON_BARRIERS, RECOGNITION_KINDS, RELATIONS, RINGS, STAGES, ASSET_KINDS } from '../../api/practice/codes';
import { label, options } from '../../practiceLabels';
import { Row, SelectField, TextField } from './shared/fields';

export const ADDITION_KINDS = ['member', 'goal', 'engagement', 'asset', 'idea', 'barrier', 'recognition'] as const;
export type AdditionKind = (typeof ADDITION_KINDS)[number];

export interface Additions {
  open: AdditionKind[];
  member: { name: string; kind: string; relation: string; ring: string };
  goal: { text: string; review_on: string };
  engagement: { resource_name: string; stage: string };
  asset: { kind: string; text: string };
  idea: { text: string };
  barrier: { category: string; description: string };
  recognition: { kind: string; text: string };
}

export const NO_ADDITIONS: Additions = {
  open: [],
  member: { name: '', kind: 'person', relation: 'friend', ring: 'middle' },
  goal: { text: '', review_on: '' },
  engagement: { resource_name: '', stage: 'suggested' },
  asset: { kind: 'strength', text: '' },
  idea: { text: '' },
  barrier: { category: 'self_stigma', description: '' },
  recognition: { kind: 'skill', text: '' },
};

const BUTTONS: Record<AdditionKind, string> = {
  member: 'Add a network member', goal: 'Add a goal', engagement: 'Add an engagement', asset: 'Add a strength or interest',
  idea: 'Add an idea', barrier: 'Add a barrier', recognition: 'Add recognition',
};

/** What the opened parts add, as the API's `add` object, or a plain-English problem. */
export function additionsBody(a: Additions): { add: Record<string, unknown[]> } | { problem: string } {
  const add: Record<string, unknown[]> = {};
  const on = (k: AdditionKind): boolean => a.open.includes(k);
  if (on('member')) {
    if (a.member.name.trim() === '') return { problem: 'Please write the name of the new network member.' };
    add['network_members'] = [{ ...a.member, name: a.member.name.trim() }];
  }
  if (on('goal')) {
    if (a.goal.text.trim() === '') return { problem: 'Please write the goal, in the person’s own words.' };
    add['goals'] = [{ text: a.goal.text.trim(), ...(a.goal.review_on ? { review_on: a.goal.review_on } : {}) }];
  }
  if (on('engagement')) {
    if (a.engagement.resource_name.trim() === '') return { problem: 'Please write the name of the group, place or activity.' };
    add['engagements'] = [{ resource_name: a.engagement.resource_name.trim(), stage: a.engagement.stage }];
  }
  if (on('asset')) {
    if (a.asset.text.trim() === '') return { problem: 'Please write the strength or interest.' };
    add['assets'] = [{ kind: a.asset.kind, text: a.asset.text.trim() }];
  }
  if (on('idea')) {
    if (a.idea.text.trim() === '') return { problem: 'Please write the idea.' };
    add['ideas'] = [{ text: a.idea.text.trim(), suggested_by: 'worker' }];
  }
  if (on('barrier')) {
    add['barriers'] = [{ side: 'person', category: a.barrier.category, ...(a.barrier.description.trim() ? { description: a.barrier.description.trim() } : {}) }];
  }
  if (on('recognition')) {
    if (a.recognition.text.trim() === '') return { problem: 'Please write what is recognised.' };
    add['recognition'] = [{ kind: a.recognition.kind, text: a.recognition.text.trim(), from: 'worker' }];
  }
  return { add };
}

interface Props { idPrefix: string; value: Additions; onChange: (a: Additions) => void }

export function ContactAdditions({ idPrefix, value: a, onChange }: Props) {
  const id = (n: string): string => `${idPrefix}-add-${n}`;
  const toggle = (k: AdditionKind): void =>
    onChange({ ...a, open: a.open.includes(k) ? a.open.filter((x) => x !== k) : [...a.open, k] });
  const set = <K extends Exclude<keyof Additions, 'open'>>(k: K, change: Partial<Additions[K]>): void =>
    onChange({ ...a, [k]: { ...a[k], ...change } });

  const part = (k: AdditionKind, body: ComponentChildren) => (
    <div class="addition" key={k}>
      <button type="button" class="button button-secondary button-small" aria-expanded={a.open.includes(k)} aria-controls={id(k)} onClick={() => toggle(k)}>
        {a.open.includes(k) ? `Do not ${BUTTONS[k].charAt(0).toLowerCase()}${BUTTONS[k].slice(1)}` : BUTTONS[k]}
      </button>
      <div id={id(k)} hidden={!a.open.includes(k)} class="addition-fields">
        {a.open.includes(k) ? body : null}
      </div>
    </div>
  );

  return (
    <fieldset class="additions" data-testid="contact-additions">
      <legend>Also add to the record (optional)</legend>
      <p class="hint">Anything added here is saved with the contact, in one go.</p>
      {part('member', (
        <Row>
          <TextField id={id('member-name')} label="Network member's name" value={a.member.name} onInput={(v) => set('member', { name: v })} />
          <SelectField id={id('member-kind')} label="Kind" value={a.member.kind} options={options('kind', MEMBER_KINDS)} onChange={(v) => set('member', { kind: v })} />
          <SelectField id={id('member-relation')} label="Relation" value={a.member.relation} options={options('relation', RELATIONS)} onChange={(v) => set('member', { relation: v })} />
          <SelectField id={id('member-ring')} label="How close" value={a.member.ring} options={RINGS.map((r) => ({ value: r, label: `${label('ring', r)} ring` }))} onChange={(v) => set('member', { ring: v })} />
        </Row>
      ))}
      {part('goal', (
        <Row>
          <TextField id={id('goal-text')} label="Goal, in the person's own words" value={a.goal.text} onInput={(v) => set('goal', { text: v })} />
          <TextField id={id('goal-review')} type="date" label="Review on (optional)" value={a.goal.review_on} onInput={(v) => set('goal', { review_on: v })} />
        </Row>
      ))}
      {part('engagement', (
        <Row>
          <TextField id={id('engagement-name')} label="Group, place or activity" value={a.engagement.resource_name} onInput={(v) => set('engagement', { resource_name: v })} />
          <SelectField id={id('engagement-stage')} label="Where it has got to" value={a.engagement.stage} options={options('stage', STAGES.filter((s) => s !== 'stopped'))} onChange={(v) => set('engagement', { stage: v })} />
        </Row>
      ))}
      <details class="more-additions">
        <summary>More: a strength, an idea, a barrier or recognition</summary>
        {part('asset', (
          <Row>
            <SelectField id={id('asset-kind')} label="Kind" value={a.asset.kind} options={options('assetKind', ASSET_KINDS)} onChange={(v) => set('asset', { kind: v })} />
            <TextField id={id('asset-text')} label="Strength or interest" value={a.asset.text} onInput={(v) => set('asset', { text: v })} />
          </Row>
        ))}
        {part('idea', <TextField id={id('idea-text')} label="Idea" value={a.idea.text} onInput={(v) => set('idea', { text: v })} />)}
        {part('barrier', (
          <Row>
            <SelectField id={id('barrier-category')} label="Barrier for the person" value={a.barrier.category} options={options('category', PERSON_BARRIERS)} onChange={(v) => set('barrier', { category: v })} />
            <TextField id={id('barrier-description')} label="What happens (optional)" value={a.barrier.description} onInput={(v) => set('barrier', { description: v })} />
          </Row>
        ))}
        {part('recognition', (
          <Row>
            <SelectField id={id('recognition-kind')} label="Kind" value={a.recognition.kind} options={options('recognitionKind', RECOGNITION_KINDS)} onChange={(v) => set('recognition', { kind: v })} />
            <TextField id={id('recognition-text')} label="What is recognised" value={a.recognition.text} onInput={(v) => set('recognition', { text: v })} />
          </Row>
        ))}
      </details>
    </fieldset>
  );
}
