// web/src/api/practice/codes.ts: the codes of the practice-records API (docs/practice-api.md):
// network members, goals, ideas, engagements, barriers and recognition. One list per code
// set, so forms, decoders and labels (practiceLabels.ts) cannot drift apart.

export const MEMBER_KINDS = ['person', 'group', 'organisation'] as const;
export const RELATIONS = [
  'family', 'friend', 'neighbour', 'work_education', 'community_group', 'faith', 'peer', 'professional_service', 'online',
] as const;
export const RINGS = ['close', 'middle', 'outer'] as const;
export const SUPPORT_TYPES = ['emotional', 'practical', 'information', 'companionship'] as const;
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'less_often', 'unknown'] as const;

export const ASSET_KINDS = ['strength', 'interest', 'skill', 'would_like_to_try'] as const;
export const ASSET_STATUSES = ['current', 'archived'] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;
export const WHO = ['person', 'worker', 'both', 'other'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'not_done'] as const;
export const SUGGESTED_BY = ['person', 'worker'] as const;
export const IDEA_OUTCOMES = ['open', 'tried', 'liked', 'not_for_me'] as const;
export const STAGES = ['suggested', 'accompanied', 'attended', 'continuing', 'stopped'] as const;
export const BARRIER_SIDES = ['person', 'worker_agency'] as const;
export const PERSON_BARRIERS = [
  'self_stigma', 'discrimination', 'culturally_appropriate_services', 'physical_health', 'complicated_life',
  'unhelpful_attitudes', 'unhelpful_connections', 'lack_of_information', 'poor_access', 'money', 'housing',
] as const;
export const WORKER_BARRIERS = ['local_knowledge', 'time', 'resources', 'bureaucracy', 'attitudes'] as const;
export const BARRIER_STATUSES = ['open', 'working_on', 'overcome', 'remains'] as const;
export const RECOGNITION_KINDS = ['skill', 'achievement', 'feedback_to_person', 'feedback_to_worker'] as const;
export const JOURNEY_STATUSES = ['done', 'due', 'overdue', 'not_started'] as const;

export type MemberKind = (typeof MEMBER_KINDS)[number];
export type Relation = (typeof RELATIONS)[number];
export type Ring = (typeof RINGS)[number];
export type SupportType = (typeof SUPPORT_TYPES)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type Stage = (typeof STAGES)[number];

/** True when `v` is one of `codes`; used to narrow text from the API or a form. */
export function isCode<T extends string>(codes: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (codes as readonly string[]).includes(v);
}
