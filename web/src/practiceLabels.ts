// web/src/practiceLabels.ts: plain-English words for the codes of the practice records
// (api/practice/codes.ts), and small helpers for showing who added a record. Unknown codes are
// shown as written, never hidden (as in format.ts).
import type { Author } from './api/practice/types';

const LABELS: Record<string, Record<string, string>> = {
  kind: { person: 'Person', group: 'Group', organisation: 'Organisation' },
  relation: {
    family: 'Family', friend: 'Friend', neighbour: 'Neighbour', work_education: 'Work or education',
    community_group: 'Community or interest group', faith: 'Faith', peer: 'Peer (shared experience)',
    professional_service: 'Professional or service', online: 'Online',
  },
  ring: { close: 'Close', middle: 'Middle', outer: 'Outer' },
  support: { emotional: 'Emotional', practical: 'Practical help', information: 'Information or advice', companionship: 'Company' },
  frequency: { daily: 'Every day', weekly: 'Every week', monthly: 'Every month', less_often: 'Less often', unknown: 'Not sure' },
  assetKind: { strength: 'Strength', interest: 'Interest', skill: 'Skill', would_like_to_try: 'Would like to try' },
  assetStatus: { current: 'Current', archived: 'Put aside' },
  goalStatus: { active: 'Working on it', achieved: 'Achieved', paused: 'Paused', dropped: 'Dropped' },
  who: { person: 'The person', worker: 'The worker', both: 'Both together', other: 'Someone else' },
  whoOwn: { person: 'You', worker: 'Your worker', both: 'Both of you', other: 'Someone else' },
  activityStatus: { planned: 'Planned', done: 'Done', not_done: 'Not done' },
  suggestedBy: { person: 'The person', worker: 'The worker' },
  suggestedByOwn: { person: 'You', worker: 'Your worker' },
  outcome: { open: 'Not tried yet', tried: 'Tried', liked: 'Liked it', not_for_me: 'Not for me' },
  stage: { suggested: 'Suggested', accompanied: 'Went along together', attended: 'Went on their own', continuing: 'Keeps going', stopped: 'Stopped' },
  side: { person: 'For the person', worker_agency: 'For the worker or agency' },
  category: {
    self_stigma: 'Self-stigma', discrimination: 'Discrimination', culturally_appropriate_services: 'No culturally appropriate services',
    physical_health: 'Physical health', complicated_life: 'Complicated life circumstances', unhelpful_attitudes: 'Unhelpful attitudes of others',
    unhelpful_connections: 'Connections that do not help recovery', lack_of_information: 'Lack of information', poor_access: 'Poor access',
    money: 'Money', housing: 'Housing', local_knowledge: 'Lack of local knowledge', time: 'Time', resources: 'Resources',
    bureaucracy: 'Bureaucratic procedures', attitudes: 'Attitudes',
  },
  barrierStatus: { open: 'Open', working_on: 'Working on it', overcome: 'Overcome', remains: 'Still there' },
  recognitionKind: { skill: 'Skill recognised', achievement: 'Achievement', feedback_to_person: 'Feedback to the person', feedback_to_worker: 'Feedback to the worker' },
  from: { person: 'The person', worker: 'The worker' },
  journey: { done: 'Done', due: 'Due soon', overdue: 'Overdue', not_started: 'Not started' },
};

export type LabelSet = keyof typeof LABELS;

/** The plain-English label of `code` in `set`; an unknown code is shown with spaces. */
export function label(set: LabelSet, code: string | null): string {
  if (code === null) return '—';
  return LABELS[set]?.[code] ?? code.replace(/_/g, ' ');
}

/** Options for a <select>: value and label, in the order of `codes`. */
export function options(set: LabelSet, codes: readonly string[]): { value: string; label: string }[] {
  return codes.map((c) => ({ value: c, label: label(set, c) }));
}

/**
 * Who added a record, as the reader would say it: "added by you" / "added by your worker" on
 * the person's own view, "added by Alex (the person)" or "added by Sam Jones" for workers.
 */
export function addedBy(a: Author | null, own: boolean): string {
  if (a === null) return own ? 'added by your worker' : 'added by the worker';
  if (a.role === 'person') return own ? 'added by you' : `added by ${a.displayName ?? 'the person'} (the person)`;
  return own ? 'added by your worker' : `added by ${a.displayName ?? 'a worker'}`;
}

/** Ids are kept as text in the front end; the API takes numbers where they look like numbers. */
export function apiId(s: string): number | string {
  return /^\d+$/.test(s) ? Number(s) : s;
}
