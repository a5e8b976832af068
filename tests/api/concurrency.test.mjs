// tests/api/concurrency.test.mjs — optimistic concurrency under concurrent clients (issue 8):
// many clients read a versioned record and write it back at once; each write either succeeds or
// gets 409 version_conflict, and no acknowledged update is lost — the final version is the number
// of successes + 1 and the history has every version once. Runs on SQLite and (api_*.pg) on
// PostgreSQL. Uses the community directory's resources (docs/directory.md), the first versioned
// record with a PUT route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, Client } from '../support/server.mjs';

let server;
before(async () => { server = await startServer({ extraArgs: ['--threads', '4'] }); });
after(async () => { await server?.stop(); });

test('concurrent read-modify-write clients: every PUT is 200 or 409 and no update is lost', async () => {
  const owner = new Client(server.url);
  assert.equal((await owner.login('demo-practitioner')).status, 200);
  const created = await owner.post('/api/v1/directory/resources', { name: 'Counter (concurrency test)', cost: '0', capacity: 'open' });
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;

  const users = ['demo-practitioner', 'demo-lead', 'demo-practitioner', 'demo-lead', 'demo-practitioner', 'demo-lead'];
  const clients = [];
  for (const u of users) {
    const c = new Client(server.url);
    assert.equal((await c.login(u)).status, 200, u);
    clients.push(c);
  }
  const attempts = 8;
  let ok = 0, conflicts = 0;
  const other = [];
  await Promise.all(clients.map(async (c) => {
    for (let i = 0; i < attempts; i++) {
      const seen = (await c.get(`/api/v1/directory/resources/${id}`)).json;
      // The classic lost-update pattern: the new value is computed from the value read.
      const next = String(Number(seen.cost) + 1);
      const r = await c.put(`/api/v1/directory/resources/${id}`, { ...seen, cost: next, version: seen.version });
      if (r.status === 200) { ok++; assert.equal(r.json.version, seen.version + 1); }
      else if (r.status === 409) { conflicts++; assert.equal(r.json.error.code, 'version_conflict'); assert.ok(r.json.current.version > seen.version); }
      else other.push(`${r.status} ${r.text}`);
    }
  }));
  assert.deepEqual(other, [], 'every attempt is 200 or 409');
  assert.equal(ok + conflicts, users.length * attempts);
  assert.ok(ok > 0);
  const final = (await owner.get(`/api/v1/directory/resources/${id}`)).json;
  assert.equal(final.version, ok + 1, 'final version = successes + 1');
  assert.equal(final.cost, String(ok), 'no acknowledged increment was lost');
  const history = (await owner.get(`/api/v1/directory/resources/${id}/history`)).json.history;
  assert.deepEqual(history.map((h) => h.version), Array.from({ length: ok + 1 }, (_, k) => k + 1));
  console.log(`${ok} updates, ${conflicts} conflicts (409) from ${users.length} concurrent clients`);
});

// Several `cpi serve` processes on one database (a regional deployment on PostgreSQL; on SQLite
// the file's write lock does the same): each process's own write lock no longer orders the
// writers, so the version check must be part of the UPDATE itself. Sessions are per process, so
// each client signs in to the process it talks to.
test('two server processes on one database: questionnaire and directory saves are 200 or 409, none lost', async () => {
  const shared = mkdtempSync(path.join(tmpdir(), 'cpi-two-'));
  const a = await startServer({ dbDir: shared, extraArgs: ['--threads', '4'] });
  const b = await startServer({ dbDir: shared, extraArgs: ['--threads', '4'] });
  try {
    const clients = [];
    for (const [srv, u] of [[a, 'demo-practitioner'], [b, 'demo-practitioner'], [a, 'demo-lead'], [b, 'demo-lead']]) {
      const c = new Client(srv.url);
      assert.equal((await c.login(u)).status, 200, u);
      clients.push(c);
    }
    const answers = { wem01: 3, wem02: 3, wem03: 3, wem06: 3, wem07: 3, wem09: 3, wem11: 3 };
    const route = '/api/v1/people/1/questionnaires/baseline/swemwbs';
    const startVersion = (await clients[0].get(route)).json.response.version;
    const created = await clients[0].post('/api/v1/directory/resources', { name: 'Counter (two processes)', cost: '0', capacity: 'open' });
    assert.equal(created.status, 201, created.text);
    const rid = created.json.id;

    let saved = 0, edited = 0;
    const other = [];
    await Promise.all(clients.map(async (c, k) => {
      for (let i = 0; i < 6; i++) {
        const seen = (await c.get(route)).json.response;
        const r = await c.put(route, { version: seen.version, answers: { ...answers, wem01: 1 + ((k + i) % 5) } });
        if (r.status === 200) { saved++; assert.equal(r.json.response.version, seen.version + 1); }
        else if (r.status === 409) assert.equal(r.json.error.code, 'version_conflict');
        else other.push(`questionnaire ${r.status} ${r.text.slice(0, 200)}`);

        const res = (await c.get(`/api/v1/directory/resources/${rid}`)).json;
        const u = await c.put(`/api/v1/directory/resources/${rid}`, { ...res, cost: String(Number(res.cost) + 1), version: res.version });
        if (u.status === 200) edited++;
        else if (u.status === 409) assert.equal(u.json.error.code, 'version_conflict');
        else other.push(`directory ${u.status} ${u.text.slice(0, 200)}`);
      }
    }));
    assert.deepEqual(other, [], 'every attempt is 200 or 409');
    assert.ok(saved > 0 && edited > 0);

    const history = (await clients[1].get(`${route}/history`)).json.history.map((h) => h.version);
    assert.deepEqual(history, Array.from({ length: startVersion + saved }, (_, k) => k + 1),
      'each questionnaire version once, none lost');
    const final = (await clients[1].get(`/api/v1/directory/resources/${rid}`)).json;
    assert.equal(final.version, edited + 1);
    assert.equal(final.cost, String(edited), 'no acknowledged increment was lost across processes');
    console.log(`two processes: ${saved} questionnaire saves, ${edited} directory edits acknowledged`);
  } finally {
    await a.stop();
    await b.stop();
    rmSync(shared, { recursive: true, force: true });
  }
});
