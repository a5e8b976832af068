// web/src/session.ts: who is signed in, shared with every page through a Preact context, and
// where each role lands after signing in.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session, User } from './api/types';
import { personPath } from './router';

export interface SessionApi {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

/** The signed-in session; only used inside pages that are shown when signed in. */
export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession used outside a signed-in page');
  return s;
}

/** Roles that hold a caseload and may record contacts and episode changes. */
export function isWorker(user: User): boolean {
  return user.role === 'practitioner' || user.role === 'team_leader';
}

/** Roles that use the agency's community directory page: its workers and its administrator. */
export function usesDirectory(user: User): boolean {
  return isWorker(user) || user.role === 'agency_admin';
}

/** The first page after signing in: a person's own record, a worker's caseload, else home. */
export function landingPath(user: User): string {
  if (user.role === 'person' && user.personId !== null) return personPath(user.personId);
  if (isWorker(user)) return '/caseload';
  return '/';
}
