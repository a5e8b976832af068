// tests/api/bad_input.test.mjs — every kind of bad input gets a 4xx with a message saying what
// and where, never a 5xx, and nothing is stored (issue 2, items 4 and 8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server, c, partnership;
before(async () => {
  server = await startServer();
  c = new Client(server.url);
  await c.login('demo-practitioner');
  partnership = (await c.get('/api/v1/caseload')).json.people.find((p) => p.episode_state === 'open').partnership_id;
});
after(async () => { await server.stop(); });

const countContacts = async () => (await c.get(`/api/v1/partnerships/${partnership}/contacts`)).json.contacts.length;
const good = { date: '2026-01-02', mode: 'video', duration_minutes: 40, processes: ['network_mapping'], note: 'ok' };

test('bad contact bodies: status, code, field; nothing stored', async () => {
  const before = await countContacts();
  const cases = [
    ['{"date": "2026-01-02", ', 400, 'malformed_json', 'body'],
    ['[1,2,3]', 400, 'wrong_type', 'body'],
    ['', 400, 'empty_body', null],
    [{ ...good, duration_minutes: '40' }, 400, 'wrong_type', 'duration_minutes'],
    [{ ...good, duration_minutes: 4.5 }, 400, 'wrong_type', 'duration_minutes'],
    [{ ...good, processes: 'goals' }, 400, 'wrong_type', 'processes'],
    [{ ...good, processes: ['goals', 7] }, 400, 'wrong_type', 'processes[1]'],
    [{ ...good, colour: 'blue' }, 400, 'unknown_field', 'colour'],
    [(({ date, ...rest }) => rest)(good), 400, 'missing_field', 'date'],
    [(({ mode, ...rest }) => rest)(good), 400, 'missing_field', 'mode'],
    [{ ...good, date: '2026-02-31' }, 400, 'invalid_date', 'date'],
    [{ ...good, date: '2999-01-01' }, 400, 'date_in_future', 'date'],
    [{ ...good, mode: 'telepathy' }, 400, 'invalid_value', 'mode'],
    [{ ...good, duration_minutes: 0 }, 400, 'out_of_range', 'duration_minutes'],
    [{ ...good, duration_minutes: 99999999999 }, 400, 'out_of_range', 'duration_minutes'],
    [{ ...good, processes: ['goals', 'goals'] }, 400, 'duplicate_value', 'processes[1]'],
    [{ ...good, processes: ['juggling'] }, 400, 'invalid_value', 'processes[0]'],
    [{ ...good, note: 'x'.repeat(2001) }, 400, 'too_long', 'note'],
  ];
  for (const [body, status, code, field] of cases) {
    const r = await c.post(`/api/v1/partnerships/${partnership}/contacts`, body);
    const label = typeof body === 'string' ? body.slice(0, 20) : JSON.stringify(body).slice(0, 60);
    assert.equal(r.status, status, label);
    assert.equal(r.json.error.code, code, label);
    assert.equal(r.json.error.field, field, label);
    assert.ok(r.json.error.message.length > 5, label);
  }
  assert.equal(await countContacts(), before, 'nothing was stored');
});

test('oversize bodies are 413', async () => {
  const before = await countContacts();
  const r = await c.post(`/api/v1/partnerships/${partnership}/contacts`, { ...good, note: 'x'.repeat(2 * 1024 * 1024) });
  assert.equal(r.status, 413);
  assert.equal(r.json.error.code, 'body_too_large');
  assert.equal(await countContacts(), before);
});

test('wrong content type is 415', async () => {
  const r = await c.post(`/api/v1/partnerships/${partnership}/contacts`, JSON.stringify(good), { 'content-type': 'text/plain' });
  assert.equal(r.status, 415);
});

test('unknown routes are 404, wrong methods 405, bad ids 400, missing records 404', async () => {
  let r = await c.get('/api/v1/nothing-here');
  assert.equal(r.status, 404);
  assert.equal(r.json.error.code, 'not_found');
  r = await c.request('DELETE', '/api/v1/caseload');
  assert.equal(r.status, 405);
  r = await c.get('/api/v1/people/abc');
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'id');
  r = await c.get('/api/v1/people/-1');
  assert.equal(r.status, 400);
  r = await c.post('/api/v1/partnerships/999999/contacts', good);
  assert.equal(r.status, 404);
});

test('bad episode changes are 400 and change nothing', async () => {
  const p = `/api/v1/partnerships/${partnership}/episodes`;
  let r = await c.post(p, { action: 'explode' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'action');
  r = await c.post(p, { action: 'open' });
  assert.equal(r.status, 400, 'an open partnership cannot be opened again');
  r = await c.post(p, { action: 'pause', to_worker_id: 3 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'to_worker_id');
  r = await c.post(p, { action: 'transfer' });
  assert.equal(r.status, 400);
  r = await c.post(p, { action: 'pause', reason: 'x'.repeat(501) });
  assert.equal(r.status, 400);
  const summary = await c.get('/api/v1/caseload');
  assert.equal(summary.json.people.find((x) => x.partnership_id === partnership).episode_state, 'open');
});

test('bad sign-in bodies are 400, not 401 or 500', async () => {
  const anon = new Client(server.url);
  for (const body of ['not json', { username: 'x' }, { username: 1, password: 'y' }, { username: 'x', password: 'y', extra: 1 }]) {
    const r = await anon.post('/api/v1/auth/login', body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
});

test('a flood of random bodies never produces a 5xx', async () => {
  const pieces = ['{', '}', '[', ']', '"', ':', ',', 'null', 'true', '1e999', '-0', '"\\u0000"', '"date"', '{"processes":[[]]}'];
  let seed = 42;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (let i = 0; i < 200; i++) {
    let body = '';
    const n = 1 + (rand() % 12);
    for (let k = 0; k < n; k++) body += pieces[rand() % pieces.length];
    const r = await c.post(`/api/v1/partnerships/${partnership}/contacts`, body);
    assert.ok(r.status >= 400 && r.status < 500, `${body} -> ${r.status}`);
  }
});
