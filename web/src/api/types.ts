// web/src/api/types.ts: the shapes the front end works with, and their decoders from the
// API's JSON (see docs/web.md for the contract). Names follow the API; ids are strings.
import { arr, id, obj, optId, optNum, optStr, str, strList } from './decode';

export const ROLES = ['person', 'practitioner', 'team_leader', 'agency_admin', 'researcher', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

export const EPISODE_STATES = ['open', 'paused', 're_entered', 'moved_on', 'transferred'] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

export const CONTACT_MODES = ['in_person', 'phone', 'video', 'text', 'other'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const PROCESSES = [
  'network_mapping', 'assets', 'goals', 'ideas', 'community_resources',
  'engagement', 'barriers', 'recognition', 'feedback', 'review',
] as const;
export type Process = (typeof PROCESSES)[number];

export const EPISODE_ACTIONS = ['open', 'pause', 're_enter', 'move_on', 'transfer'] as const;
export type EpisodeAction = (typeof EPISODE_ACTIONS)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Unknown roles are kept as text so that a newer server does not lock people out. */
  role: Role | string;
  personId: string | null;
  workerId: string | null;
}

export interface Session { user: User; csrfToken: string }

export interface CaseloadRow {
  personId: string;
  displayName: string;
  partnershipId: string | null;
  episodeState: string | null;
  episodeSince: string | null;
  workerId: string | null;
  workerName: string | null;
  teamName: string | null;
  lastContact: string | null;
  contactsCount: number | null;
}

export interface Episode { id: string; state: string; startedOn: string | null; endedOn: string | null; reason: string | null }

export interface Contact {
  id: string; date: string | null; mode: string | null; durationMinutes: number | null;
  processes: string[]; note: string | null;
}

export interface Partnership {
  id: string;
  workerName: string | null;
  teamName: string | null;
  agencyName: string | null;
  episodeState: string | null;
  /** What the viewer may do with this partnership, when the server says; null when it does not. */
  access: 'read' | 'write' | null;
  episodes: Episode[];
  contacts: Contact[];
}

export interface PersonRecord {
  id: string;
  displayName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  partnerships: Partnership[];
}

function nameOf(v: unknown, key: string): string | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? optStr((v as Record<string, unknown>)[key]) : null;
}

export function decodeSession(v: unknown): Session {
  const o = obj(v, 'session');
  const u = obj(o['user'], 'session.user');
  return {
    user: {
      id: id(u['id'], 'user.id'),
      username: str(u['username'], 'user.username'),
      displayName: optStr(u['display_name']) ?? str(u['username'], 'user.username'),
      role: str(u['role'], 'user.role'),
      personId: optId(u['person_id']),
      workerId: optId(u['worker_id']),
    },
    csrfToken: str(o['csrf_token'], 'csrf_token'),
  };
}

export function decodeCaseload(v: unknown): CaseloadRow[] {
  return arr(obj(v, 'caseload')['people'], 'caseload.people').map((p, i) => {
    const o = obj(p, `people[${i}]`);
    return {
      personId: id(o['person_id'], `people[${i}].person_id`),
      displayName: str(o['display_name'], `people[${i}].display_name`),
      partnershipId: optId(o['partnership_id']),
      episodeState: optStr(o['episode_state']),
      episodeSince: optStr(o['episode_since']),
      workerId: optId(o['worker_id']),
      workerName: optStr(o['worker_name']),
      teamName: optStr(o['team_name']),
      lastContact: optStr(o['last_contact']),
      contactsCount: optNum(o['contacts_count']),
    };
  });
}

export function decodeEpisode(v: unknown, where: string): Episode {
  const e = obj(v, where);
  return {
    id: id(e['id'], `${where}.id`),
    state: str(e['state'], `${where}.state`),
    startedOn: optStr(e['started_on']),
    endedOn: optStr(e['ended_on']),
    reason: optStr(e['reason']),
  };
}

export function decodeContact(v: unknown, where: string): Contact {
  const c = obj(v, where);
  return {
    id: id(c['id'], `${where}.id`),
    date: optStr(c['date']),
    mode: optStr(c['mode']),
    durationMinutes: optNum(c['duration_minutes']),
    processes: strList(c['processes']),
    note: optStr(c['note']),
  };
}

export function decodePerson(v: unknown): PersonRecord {
  const o = obj(v, 'response');
  const p = obj(o['person'], 'person');
  return {
    id: id(p['id'], 'person.id'),
    displayName: str(p['display_name'], 'person.display_name'),
    preferredName: optStr(p['preferred_name']),
    pronouns: optStr(p['pronouns']),
    dateOfBirth: optStr(p['date_of_birth']),
    partnerships: arr(o['partnerships'], 'partnerships').map((raw, i) => {
      const w = `partnerships[${i}]`;
      const ps = obj(raw, w);
      return {
        id: id(ps['id'], `${w}.id`),
        workerName: nameOf(ps['worker'], 'display_name'),
        teamName: nameOf(ps['team'], 'name'),
        agencyName: nameOf(ps['agency'], 'name'),
        episodeState: optStr(ps['episode_state']),
        access: ps['access'] === 'write' || ps['access'] === 'read' ? ps['access'] : null,
        episodes: arr(ps['episodes'], `${w}.episodes`).map((e, j) => decodeEpisode(e, `${w}.episodes[${j}]`)),
        contacts: arr(ps['contacts'], `${w}.contacts`).map((c, j) => decodeContact(c, `${w}.contacts[${j}]`)),
      };
    }),
  };
}
