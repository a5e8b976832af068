// web/test/decode.test.ts: unit tests (Vitest) for reading API answers: extra fields are fine,
// missing optional fields become null (shown as "—"), missing required ones are a DecodeError,
// and ids may be numbers or strings. Also the fetch wrapper's CSRF header and error mapping.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DecodeError } from '../src/api/decode';
import { decodeCaseload, decodePerson, decodeSession } from '../src/api/types';
import { ApiError, request, setCsrfToken, setUnauthorizedHandler } from '../src/api/http';

describe('decoders', () => {
  test('session, with unknown fields ignored', () => {
    const s = decodeSession({ user: { id: 3, username: 'demo-person', display_name: 'Alex', role: 'person', person_id: 12, worker_id: null, extra: true }, csrf_token: 'tok', more: 1 });
    expect(s).toEqual({ user: { id: '3', username: 'demo-person', displayName: 'Alex', role: 'person', personId: '12', workerId: null }, csrfToken: 'tok' });
  });
  test('a session without a csrf token is refused', () => {
    expect(() => decodeSession({ user: { id: 1, username: 'a', role: 'person' } })).toThrow(DecodeError);
  });
  test('caseload rows with optional fields missing', () => {
    const rows = decodeCaseload({ people: [{ person_id: 'p1', display_name: 'Alex' }] });
    expect(rows[0]).toMatchObject({ personId: 'p1', displayName: 'Alex', episodeState: null, lastContact: null, contactsCount: null, teamName: null });
    expect(decodeCaseload({ people: [] })).toEqual([]);
    expect(() => decodeCaseload({ people: [{ display_name: 'No id' }] })).toThrow(/people\[0\]\.person_id/);
    expect(() => decodeCaseload({ people: 'nope' })).toThrow(DecodeError);
  });
  test('a person record with partnerships, episodes and contacts', () => {
    const p = decodePerson({
      person: { id: 5, display_name: 'Bilal Khan', preferred_name: null },
      partnerships: [{
        id: 9, worker: { id: 1, display_name: 'Sam' }, team: { id: 2, name: 'North' }, agency: null, episode_state: 'paused',
        episodes: [{ id: 1, state: 'open', started_on: '2026-01-01', ended_on: '2026-02-01', reason: null }],
        contacts: [{ id: 4, date: '2026-01-10', mode: 'phone', duration_minutes: 15, processes: ['goals', 7], note: 'Hi' }],
      }],
    });
    expect(p.displayName).toBe('Bilal Khan');
    expect(p.preferredName).toBeNull();
    expect(p.dateOfBirth).toBeNull();
    expect(p.partnerships[0]).toMatchObject({ id: '9', workerName: 'Sam', teamName: 'North', agencyName: null, episodeState: 'paused', access: null });
    expect(p.partnerships[0]?.contacts[0]).toEqual({ id: '4', date: '2026-01-10', mode: 'phone', durationMinutes: 15, processes: ['goals'], note: 'Hi' });
    expect(decodePerson({ person: { id: 1, display_name: 'A' } }).partnerships).toEqual([]);
    const withAccess = (access: unknown) => decodePerson({ person: { id: 1, display_name: 'A' }, partnerships: [{ id: 1, access }] }).partnerships[0]?.access;
    expect(withAccess('write')).toBe('write');
    expect(withAccess('read')).toBe('read');
    expect(withAccess('admin')).toBeNull();
  });
});

describe('request()', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status }));

  test('sends X-CSRF-Token on POST but not on GET', async () => {
    const fetchMock = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('abc');
    await request('GET', '/caseload');
    await request('POST', '/partnerships/1/contacts', { body: { a: 1 } });
    const headers = (i: number) => (fetchMock.mock.calls[i] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers(0)['X-CSRF-Token']).toBeUndefined();
    expect(headers(1)['X-CSRF-Token']).toBe('abc');
    expect(headers(1)['Content-Type']).toBe('application/json');
    expect((fetchMock.mock.calls[1] as unknown as [string])[0]).toBe('/api/v1/partnerships/1/contacts');
  });
  test('API errors keep the server message and field', async () => {
    vi.stubGlobal('fetch', answer(400, { error: { code: 'invalid', message: 'duration_minutes must be positive', field: 'duration_minutes' } }));
    await expect(request('POST', '/x', { body: {} })).rejects.toMatchObject({ status: 400, code: 'invalid', field: 'duration_minutes', message: 'duration_minutes must be positive' });
  });
  test('a 401 ends the session unless the caller handles it', async () => {
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated', message: 'Not signed in', field: null } }));
    const expired = vi.fn();
    setUnauthorizedHandler(expired);
    await expect(request('GET', '/caseload')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    await expect(request('POST', '/auth/login', { expireOn401: false })).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
  });
  test('non-JSON errors and network failures get plain messages', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>oops</html>', { status: 502 })));
    await expect(request('GET', '/x')).rejects.toMatchObject({ status: 502, message: 'The server had a problem. Please try again in a moment.' });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    await expect(request('GET', '/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
  test('204 gives null', async () => {
    vi.stubGlobal('fetch', answer(204, null));
    expect(await request('POST', '/auth/logout')).toBeNull();
  });
});
