// web/src/pages/person/shared/specs.ts: the fields of each practice record as RecordForm shows
// them (names as in docs/practice-api.md), and each record's current values for its edit form.
import {
  ACTIVITY_STATUSES, ASSET_KINDS, ASSET_STATUSES, BARRIER_SIDES, BARRIER_STATUSES, GOAL_STATUSES, IDEA_OUTCOMES,
  PERSON_BARRIERS, RECOGNITION_KINDS, STAGES, SUGGESTED_BY, WHO, WORKER_BARRIERS,
} from '../../../api/practice/codes';
import type { Activity, Asset, Barrier, Engagement, Goal, Idea, Objective, Recognition } from '../../../api/practice/types';
import { label, options } from '../../../practiceLabels';
import type { FieldSpec, Values } from './RecordForm';

const s = (v: string | null): string => v ?? '';

export const GOAL_FIELDS = (own: boolean): FieldSpec[] => [
  { name: 'text', label: own ? 'The goal, in your own words' : 'The goal, in the person’s own words', kind: 'textarea', required: true },
  { name: 'status', label: 'Status', kind: 'select', options: options('goalStatus', GOAL_STATUSES) },
  { name: 'review_on', label: 'Review on', kind: 'date' },
];
export const goalValues = (g: Goal): Values => ({ text: g.text, status: g.status, review_on: s(g.reviewOn) });

export const OBJECTIVE_FIELDS: FieldSpec[] = [
  { name: 'text', label: 'The step', kind: 'text', required: true },
  { name: 'status', label: 'Status', kind: 'select', options: options('goalStatus', GOAL_STATUSES) },
  { name: 'review_on', label: 'Review on', kind: 'date' },
];
export const objectiveValues = (o: Objective): Values => ({ text: o.text, status: o.status, review_on: s(o.reviewOn) });

export const ACTIVITY_FIELDS = (own: boolean): FieldSpec[] => [
  { name: 'text', label: 'What will be done', kind: 'text', required: true },
  { name: 'who', label: 'Who does it', kind: 'select', options: options(own ? 'whoOwn' : 'who', WHO) },
  { name: 'who_other', label: 'Who else', kind: 'text', when: (v) => v['who'] === 'other' },
  { name: 'by_when', label: 'By when', kind: 'date' },
  { name: 'status', label: 'Status', kind: 'select', options: options('activityStatus', ACTIVITY_STATUSES) },
];
export const activityValues = (a: Activity): Values => ({ text: a.text, who: a.who, who_other: s(a.whoOther), by_when: s(a.byWhen), status: a.status });

export const ASSET_FIELDS: FieldSpec[] = [
  { name: 'kind', label: 'Kind', kind: 'select', options: options('assetKind', ASSET_KINDS) },
  { name: 'text', label: 'What it is', kind: 'text', required: true },
  { name: 'status', label: 'Status', kind: 'select', options: options('assetStatus', ASSET_STATUSES) },
];
export const assetValues = (a: Asset): Values => ({ kind: a.kind, text: a.text, status: a.status });

export const IDEA_FIELDS = (own: boolean, goals: readonly Goal[]): FieldSpec[] => [
  { name: 'text', label: 'The idea', kind: 'textarea', required: true },
  { name: 'suggested_by', label: 'Suggested by', kind: 'select', options: options(own ? 'suggestedByOwn' : 'suggestedBy', SUGGESTED_BY) },
  { name: 'goal_id', label: 'For the goal', kind: 'select', blank: 'No particular goal', options: goals.map((g) => ({ value: g.id, label: g.text })) },
  { name: 'outcome', label: 'What came of it', kind: 'select', options: options('outcome', IDEA_OUTCOMES) },
  { name: 'outcome_note', label: 'How it went (optional)', kind: 'text' },
];
export const ideaValues = (i: Idea): Values => ({
  text: i.text, suggested_by: i.suggestedBy, goal_id: s(i.goalId), outcome: i.outcome, outcome_note: s(i.outcomeNote),
});

export const ENGAGEMENT_FIELDS: FieldSpec[] = [
  { name: 'stage', label: 'Where it has got to', kind: 'select', options: options('stage', STAGES) },
  { name: 'stopped_reason', label: 'Why it stopped', kind: 'text', required: true, when: (v) => v['stage'] === 'stopped' },
  { name: 'started_on', label: 'Started on', kind: 'date' },
  { name: 'note', label: 'Note', kind: 'textarea' },
];
export const engagementValues = (e: Engagement): Values => ({
  stage: e.stage, stopped_reason: s(e.stoppedReason), started_on: s(e.startedOn), note: s(e.note),
});

export const BARRIER_FIELDS: FieldSpec[] = [
  { name: 'side', label: 'Whose barrier', kind: 'select', options: options('side', BARRIER_SIDES) },
  { name: 'category', label: 'Kind of barrier', kind: 'select', options: options('category', PERSON_BARRIERS), when: (v) => v['side'] !== 'worker_agency' },
  { name: 'category', label: 'Kind of barrier', kind: 'select', options: options('category', WORKER_BARRIERS), when: (v) => v['side'] === 'worker_agency' },
  { name: 'description', label: 'What happens', kind: 'textarea' },
  { name: 'status', label: 'Status', kind: 'select', options: options('barrierStatus', BARRIER_STATUSES) },
  { name: 'tried', label: 'What has been tried', kind: 'textarea' },
  { name: 'reviewed_on', label: 'Reviewed on', kind: 'date' },
];
export const barrierValues = (b: Barrier): Values => ({
  side: b.side, category: b.category, description: s(b.description), status: b.status, tried: s(b.tried), reviewed_on: s(b.reviewedOn),
});

export const RECOGNITION_FIELDS: FieldSpec[] = [
  { name: 'kind', label: 'Kind', kind: 'select', options: options('recognitionKind', RECOGNITION_KINDS) },
  { name: 'text', label: 'What', kind: 'textarea', required: true },
  { name: 'from', label: 'From', kind: 'select', options: options('from', ['person', 'worker']) },
];
export const recognitionValues = (r: Recognition): Values => ({ kind: r.kind, text: r.text, from: r.from });

/** A record's status as a short badge text. */
export const statusText = (set: Parameters<typeof label>[0], code: string): string => label(set, code);
