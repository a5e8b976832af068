// web/src/api/endpoints.ts: one function per API call the front end makes, returning decoded
// values (see types.ts). Paths are relative to config.apiBase (/api/v1).
import { ApiError, request } from './http';
import {
  decodeCaseload, decodeContact, decodeEpisode, decodePerson, decodeSession,
  type CaseloadRow, type Contact, type ContactMode, type Episode, type EpisodeAction,
  type PersonRecord, type Process, type Session,
} from './types';
import { obj } from './decode';

export async function login(username: string, password: string): Promise<Session> {
  return decodeSession(await request('POST', '/auth/login', { body: { username, password }, expireOn401: false }));
}

export async function logout(): Promise<void> {
  await request('POST', '/auth/logout', { expireOn401: false });
}

/** The current session, or null when not signed in. */
export async function me(): Promise<Session | null> {
  try {
    return decodeSession(await request('GET', '/auth/me', { expireOn401: false }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function caseload(): Promise<CaseloadRow[]> {
  return decodeCaseload(await request('GET', '/caseload'));
}

export async function person(personId: string): Promise<PersonRecord> {
  return decodePerson(await request('GET', `/people/${encodeURIComponent(personId)}`));
}

export interface NewContact {
  date: string;
  mode: ContactMode;
  duration_minutes: number;
  processes: Process[];
  note: string;
}

export async function addContact(partnershipId: string, c: NewContact): Promise<Contact> {
  const res = await request('POST', `/partnerships/${encodeURIComponent(partnershipId)}/contacts`, { body: c });
  return decodeContact(obj(res, 'response')['contact'], 'contact');
}

export interface EpisodeChange {
  action: EpisodeAction;
  reason?: string;
  to_worker_id?: number | string;
}

export async function changeEpisode(partnershipId: string, change: EpisodeChange): Promise<Episode> {
  const res = await request('POST', `/partnerships/${encodeURIComponent(partnershipId)}/episodes`, { body: change });
  return decodeEpisode(obj(res, 'response')['episode'], 'episode');
}
