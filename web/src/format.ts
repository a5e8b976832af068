// web/src/format.ts: plain-English words and dates for what the API sends as codes. Anything
// missing or unknown is shown as "—" or as the code itself, never hidden.
import type { ContactMode, EpisodeAction, EpisodeState, Process } from './api/types';

export const MISSING = '—';

const STATE_LABELS: Record<EpisodeState, string> = {
  open: 'Open',
  paused: 'Paused',
  re_entered: 'Re-entered',
  moved_on: 'Moved on',
  transferred: 'Transferred',
};

const MODE_LABELS: Record<ContactMode, string> = {
  in_person: 'In person',
  phone: 'Phone',
  video: 'Video call',
  text: 'Text or message',
  other: 'Other',
};

export const PROCESS_LABELS: Record<Process, string> = {
  network_mapping: 'Mapping their network',
  assets: 'Strengths and assets',
  goals: 'Goals',
  ideas: 'Ideas and inspiration',
  community_resources: 'Community resources',
  engagement: 'Taking part in the community',
  barriers: 'Barriers',
  recognition: 'Recognising skills',
  feedback: 'Feedback',
  review: 'Reviewing progress',
};

export const ACTION_LABELS: Record<EpisodeAction, string> = {
  open: 'Open the partnership',
  pause: 'Pause',
  re_enter: 'Re-enter (start again)',
  move_on: 'Move on',
  transfer: 'Transfer to another worker',
};

const ROLE_LABELS: Record<string, string> = {
  person: 'Person',
  practitioner: 'Practitioner',
  team_leader: 'Team leader',
  agency_admin: 'Agency administrator',
  researcher: 'Researcher',
  system_admin: 'System administrator',
};

function lookup<K extends string>(table: Record<K, string>, code: string | null): string {
  if (code === null) return MISSING;
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code as K] : code.replace(/_/g, ' ');
}

export const stateLabel = (s: string | null): string => lookup(STATE_LABELS, s);
export const modeLabel = (m: string | null): string => lookup(MODE_LABELS, m);
export const processLabel = (p: string): string => lookup(PROCESS_LABELS, p);
export const roleLabel = (r: string): string => lookup(ROLE_LABELS, r);

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-03-04" or a full ISO timestamp → "4 Mar 2026"; null or unreadable → "—" or as sent. */
export function formatDate(iso: string | null): string {
  if (iso === null) return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** Today's date in the user's own time zone as YYYY-MM-DD (for date inputs). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function orMissing(v: string | number | null): string {
  return v === null || v === '' ? MISSING : String(v);
}

const DESIGN_LABELS: Record<string, string> = {
  cluster_controlled: 'Cluster controlled (teams compared, not randomised)',
  cluster_randomised: 'Cluster randomised (teams randomised to an arm)',
  pre_post: 'Before and after (pre–post)',
};
const ARM_LABELS: Record<string, string> = { intervention: 'Intervention', control: 'Control' };

export const designLabel = (d: string): string => lookup(DESIGN_LABELS, d);
export const armLabel = (a: string): string => lookup(ARM_LABELS, a);

/** A study wave id as words: "baseline" → "Baseline", "month_6" → "Month 6". */
export function waveLabel(wave: string): string {
  const words = wave.replace(/_/g, ' ').trim();
  return words === '' ? MISSING : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A file size for people: "211 bytes", "1.1 KB", "11.9 KB", "2.4 MB" (1 KB = 1,024 bytes). */
export function humanSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return MISSING;
  if (bytes === 1) return '1 byte';
  if (bytes < 1024) return `${Math.round(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1023.5 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  const shown = v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${shown} ${units[u]}`;
}
