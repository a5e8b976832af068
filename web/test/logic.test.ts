// web/test/logic.test.ts: unit tests (Vitest) for the front end's pure logic: configuration
// validation, routes, plain-English labels and dates, the caseload filter, which episode actions
// are offered, and the contact form's checks. Pages are covered by tests/browser/.
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../src/config';
import { parseRoute, personPath, safeNext } from '../src/router';
import { formatDate, modeLabel, orMissing, processLabel, roleLabel, stateLabel } from '../src/format';
import { filterRows } from '../src/pages/CaseloadPage';
import { actionsFor } from '../src/pages/person/EpisodeActions';
import { contactProblem } from '../src/pages/person/ContactForm';
import { landingPath } from '../src/session';
import { canChange } from '../src/pages/person/PartnershipSection';
import type { CaseloadRow, Partnership, User } from '../src/api/types';

describe('config (one validated module)', () => {
  test('defaults', () => {
    expect(parseConfig({})).toEqual({ apiBase: '/api/v1', requestTimeoutMs: 15000, appName: 'Connecting People' });
  });
  test('trailing slashes are dropped from the API base', () => {
    expect(parseConfig({ VITE_CP_API_BASE: 'https://cp.example.org/api/v1/' }).apiBase).toBe('https://cp.example.org/api/v1');
  });
  test('bad values are refused with the variable named', () => {
    expect(() => parseConfig({ VITE_CP_API_BASE: 'api' })).toThrow(/VITE_CP_API_BASE/);
    expect(() => parseConfig({ VITE_CP_REQUEST_TIMEOUT_MS: '1.5' })).toThrow(ConfigError);
    expect(() => parseConfig({ VITE_CP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/between 1 and 600000/);
    expect(() => parseConfig({ VITE_CP_APP_NAME: 'x'.repeat(81) })).toThrow(/VITE_CP_APP_NAME/);
    expect(() => parseConfig({ VITE_CP_APP_NAME: 5 })).toThrow(/must be a string/);
  });
});

describe('router', () => {
  test('known routes', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'home' });
    expect(parseRoute('/caseload', '')).toEqual({ name: 'caseload' });
    expect(parseRoute('/people/42', '')).toEqual({ name: 'person', id: '42', tab: 'overview' });
    expect(parseRoute('/people/42/goals', '')).toEqual({ name: 'person', id: '42', tab: 'goals' });
    expect(parseRoute('/sign-in', '?next=%2Fpeople%2F4')).toEqual({ name: 'sign-in', next: '/people/4' });
  });
  test('unknown routes and tabs are "not found"', () => {
    expect(parseRoute('/people/42/diary', '').name).toBe('not-found');
    expect(parseRoute('/people', '').name).toBe('not-found');
    expect(parseRoute('/admin', '').name).toBe('not-found');
  });
  test('"next" only ever points inside the site', () => {
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('/caseload')).toBe('/caseload');
    expect(parseRoute('/sign-in', '?next=https%3A%2F%2Fevil.example')).toEqual({ name: 'sign-in', next: null });
  });
  test('person paths round-trip', () => {
    expect(personPath('7')).toBe('/people/7');
    expect(personPath('7', 'fidelity')).toBe('/people/7/fidelity');
    expect(parseRoute(personPath('a b', 'network'), '')).toEqual({ name: 'person', id: 'a b', tab: 'network' });
  });
});

describe('plain-English labels and dates', () => {
  test('codes become words; unknown codes are shown, not hidden', () => {
    expect(stateLabel('re_entered')).toBe('Re-entered');
    expect(stateLabel('on_hold')).toBe('on hold');
    expect(stateLabel(null)).toBe('—');
    expect(modeLabel('in_person')).toBe('In person');
    expect(processLabel('community_resources')).toBe('Community resources');
    expect(roleLabel('team_leader')).toBe('Team leader');
    expect(roleLabel('toString')).toBe('toString');
  });
  test('dates', () => {
    expect(formatDate('2026-03-04')).toBe('4 Mar 2026');
    expect(formatDate('2026-11-21T23:59:00Z')).toBe('21 Nov 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('soon')).toBe('soon');
    expect(orMissing(null)).toBe('—');
    expect(orMissing(0)).toBe('0');
  });
});

const row = (name: string, worker: string, team: string, state: string): CaseloadRow => ({
  personId: name, displayName: name, partnershipId: null, episodeState: state, episodeSince: null,
  workerId: null, workerName: worker, teamName: team, lastContact: null, contactsCount: null,
});

describe('caseload filter', () => {
  const rows = [row('Alex Morgan', 'Sam Lee', 'North', 'open'), row('Bilal Khan', 'Kim Ode', 'South', 'paused')];
  test('matches every word in name, worker, team or state, ignoring case', () => {
    expect(filterRows(rows, '').map((r) => r.displayName)).toEqual(['Alex Morgan', 'Bilal Khan']);
    expect(filterRows(rows, 'alex').map((r) => r.displayName)).toEqual(['Alex Morgan']);
    expect(filterRows(rows, 'south paused').map((r) => r.displayName)).toEqual(['Bilal Khan']);
    expect(filterRows(rows, 'north paused')).toEqual([]);
    expect(filterRows(rows, '  KIM  ').map((r) => r.displayName)).toEqual(['Bilal Khan']);
  });
});

describe('episode actions offered', () => {
  test('follow the state; people may leave and come back', () => {
    expect(actionsFor('open')).toEqual(['pause', 'move_on', 'transfer']);
    expect(actionsFor('re_entered')).toEqual(['pause', 'move_on', 'transfer']);
    expect(actionsFor('paused')).toEqual(['re_enter', 'move_on']);
    expect(actionsFor('moved_on')).toEqual(['re_enter']);
    expect(actionsFor('transferred')).toEqual(['pause', 'move_on', 'transfer']);
    expect(actionsFor('paused')).not.toContain('transfer');
    expect(actionsFor(null)).toEqual(['open']);
    expect(actionsFor('something_new')).toEqual([]);
  });
});

describe('contact form checks', () => {
  test('accepts a sensible contact and explains what is wrong otherwise', () => {
    expect(contactProblem('2026-01-02', '45', 'ok')).toBeNull();
    expect(contactProblem('', '45', '')).toMatch(/date/);
    expect(contactProblem('2999-01-01', '45', '')).toMatch(/future/);
    expect(contactProblem('2026-01-02', '0', '')).toMatch(/minutes/);
    expect(contactProblem('2026-01-02', '601', '')).toMatch(/minutes/);
    expect(contactProblem('2026-01-02', '4.5', '')).toMatch(/minutes/);
    expect(contactProblem('2026-01-02', '600', 'x'.repeat(2000))).toBeNull();
    expect(contactProblem('2026-01-02', '30', 'x'.repeat(2001))).toMatch(/note/);
  });
});

describe('where each role lands', () => {
  const user = (role: string, personId: string | null = null): User => ({ id: '1', username: 'u', displayName: 'U', role, personId, workerId: null });
  test('person → own record, workers → caseload, others → home', () => {
    expect(landingPath(user('person', '9'))).toBe('/people/9');
    expect(landingPath(user('practitioner'))).toBe('/caseload');
    expect(landingPath(user('team_leader'))).toBe('/caseload');
    expect(landingPath(user('researcher'))).toBe('/');
    expect(landingPath(user('person'))).toBe('/');
  });
});

describe('who gets the contact and episode forms', () => {
  const user = (role: string): User => ({ id: '1', username: 'u', displayName: 'U', role, personId: null, workerId: null });
  const part = (access: Partnership['access']): Partnership => ({ id: '1', workerName: null, teamName: null, agencyName: null, episodeState: 'open', access, episodes: [], contacts: [] });
  test('the server\'s access decides; without it, workers do', () => {
    expect(canChange(part('write'), user('practitioner'))).toBe(true);
    expect(canChange(part('read'), user('practitioner'))).toBe(false);
    expect(canChange(part(null), user('team_leader'))).toBe(true);
    expect(canChange(part(null), user('person'))).toBe(false);
  });
});
