// tests/api/auth.test.mjs — sign-in, sign-out, CSRF, cookies, throttling and session timeouts
// against a real server (issue 2, items 4 and 8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoPassword } from '../support/server.mjs';

let server;
before(async () => { server = await startServer({ extraArgs: ['--login-limit', '3'] }); });
after(async () => { await server.stop(); });

test('health is public and says ok', async () => {
  const c = new Client(server.url);
  const r = await c.get('/api/v1/health');
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'ok');
});

test('sign-in sets an HttpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
  const c = new Client(server.url);
  const r = await c.login('demo-practitioner');
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /cp_session=[0-9a-f]{64}/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/, 'no TLS here, so no Secure flag');
  assert.match(r.json.csrf_token, /^[0-9a-f]{64}$/);
  assert.equal(r.json.user.role, 'practitioner');
  assert.equal(r.json.user.username, 'demo-practitioner');
  assert.equal('password_hash' in r.json.user, false);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.csrf_token, r.json.csrf_token);
});

test('a wrong password and an unknown user get the same 401', async () => {
  const c = new Client(server.url);
  const a = await c.post('/api/v1/auth/login', { username: 'demo-researcher', password: 'not-it-at-all' });
  const b = await c.post('/api/v1/auth/login', { username: 'no-such-user', password: 'not-it-at-all' });
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.equal(a.json.error.message, b.json.error.message);
  assert.equal(a.headers.get('set-cookie'), null);
});

test('without a session every protected route is 401', async () => {
  const c = new Client(server.url);
  for (const route of ['/api/v1/caseload', '/api/v1/people/1', '/api/v1/auth/me', '/api/v1/teams', '/api/v1/audit']) {
    const r = await c.get(route);
    assert.equal(r.status, 401, route);
    assert.equal(r.json.error.code, 'not_signed_in');
  }
  const w = await c.post('/api/v1/partnerships/1/contacts', { date: '2026-01-01', mode: 'phone', duration_minutes: 5, processes: [] });
  assert.equal(w.status, 401);
});

test('a state-changing request without the CSRF token, or with a wrong one, is 403 and changes nothing', async () => {
  const c = new Client(server.url);
  await c.login('demo-practitioner');
  const caseload = await c.get('/api/v1/caseload');
  const open = caseload.json.people.find((p) => p.episode_state === 'open');
  const before = (await c.get(`/api/v1/partnerships/${open.partnership_id}/contacts`)).json.contacts.length;
  const body = { date: '2026-01-05', mode: 'phone', duration_minutes: 10, processes: ['goals'] };
  const missing = await c.post(`/api/v1/partnerships/${open.partnership_id}/contacts`, body, { 'x-csrf-token': '' });
  assert.equal(missing.status, 403);
  assert.equal(missing.json.error.code, 'csrf_failed');
  const wrong = await c.post(`/api/v1/partnerships/${open.partnership_id}/contacts`, body, { 'x-csrf-token': 'f'.repeat(64) });
  assert.equal(wrong.status, 403);
  const after = (await c.get(`/api/v1/partnerships/${open.partnership_id}/contacts`)).json.contacts.length;
  assert.equal(after, before);
  const right = await c.post(`/api/v1/partnerships/${open.partnership_id}/contacts`, body);
  assert.equal(right.status, 201);
});

test('sign-out ends the session and clears the cookie', async () => {
  const c = new Client(server.url);
  await c.login('demo-lead');
  const saved = c.cookie;
  const out = await c.post('/api/v1/auth/logout');
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
  c.cookie = saved; // replaying the old cookie must not work
  const r = await c.get('/api/v1/caseload');
  assert.equal(r.status, 401);
});

test('an account is locked after repeated failures, even for the right password, and it is audited', async () => {
  const c = new Client(server.url);
  for (let i = 0; i < 3; i++) {
    const r = await c.post('/api/v1/auth/login', { username: 'demo-admin', password: 'wrong-password-' + i });
    assert.equal(r.status, 401);
  }
  const locked = await c.post('/api/v1/auth/login', { username: 'demo-admin', password: demoPassword });
  assert.equal(locked.status, 429);
  assert.equal(locked.json.error.code, 'too_many_attempts');
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
  const admin = new Client(server.url);
  await admin.login('demo-sysadmin');
  const audit = await admin.get('/api/v1/audit?limit=10');
  assert.ok(audit.json.entries.some((e) => e.action === 'auth.login' && e.outcome === 'refused' && e.detail === 'throttled'));
});

test('idle sessions time out', async () => {
  const s = await startServer({ extraArgs: ['--session-idle', '1'] });
  try {
    const c = new Client(s.url);
    await c.login('demo-practitioner');
    assert.equal((await c.get('/api/v1/auth/me')).status, 200);
    await new Promise((r) => setTimeout(r, 2200));
    const r = await c.get('/api/v1/auth/me');
    assert.equal(r.status, 401);
    assert.match(r.json.error.message, /session has ended/);
  } finally { await s.stop(); }
});

test('security headers are on API and page responses', async () => {
  const c = new Client(server.url);
  for (const route of ['/api/v1/health', '/']) {
    const r = await c.get(route);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', route);
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/, route);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', route);
  }
});
