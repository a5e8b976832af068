// tests/api/shared_sessions.test.mjs — sign-in sessions live in the database (migration 9), so
// two `cpi serve` processes on one database (a region's servers behind a proxy) honour the same
// session with no sticky sessions, signing out on one ends it on both, and a restart signs
// nobody out. Runs on SQLite and (api_*.pg) on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, Client } from '../support/server.mjs';

let dir, first, second;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cpi-shared-sessions-'));
  first = await startServer({ dbDir: dir });
  second = await startServer({ dbDir: dir, demo: false });
});
after(async () => {
  await first?.stop();
  await second?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a session from one server works on the other; signing out on one ends it on both', async () => {
  const a = new Client(first.url);
  assert.equal((await a.login('demo-practitioner')).status, 200);
  const b = new Client(second.url);
  b.cookie = a.cookie;
  b.csrf = a.csrf;
  const caseload = await b.get('/api/v1/caseload');
  assert.equal(caseload.status, 200, caseload.text);
  assert.ok(caseload.json.people.length > 0);
  // A write on the second server with the first one's CSRF token is accepted.
  const created = await b.post('/api/v1/directory/resources', { name: 'Shared session test', cost: '0', capacity: 'open' });
  assert.equal(created.status, 201, created.text);
  assert.equal((await b.post('/api/v1/auth/logout', {})).status, 204);
  const after = await a.get('/api/v1/caseload');
  assert.equal(after.status, 401, 'signed out everywhere');
});

test('a restart signs nobody out', async () => {
  const c = new Client(first.url);
  assert.equal((await c.login('demo-lead')).status, 200);
  await first.stop();
  first = await startServer({ dbDir: dir, demo: false });
  c.base = first.url;
  const r = await c.get('/api/v1/caseload');
  assert.equal(r.status, 200, r.text);
});
