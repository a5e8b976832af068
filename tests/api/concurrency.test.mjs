// tests/api/concurrency.test.mjs — optimistic concurrency under concurrent clients (issue 8):
// many clients read a versioned record and write it back at once; each write either succeeds or
// gets 409 version_conflict, and no acknowledged update is lost — the final version is the number
// of successes + 1 and the history has every version once. Runs on SQLite and (api_*.pg) on
// PostgreSQL. Uses the community directory's resources (docs/directory.md), the first versioned
// record with a PUT route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
