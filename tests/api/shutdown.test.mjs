// tests/api/shutdown.test.mjs — SIGTERM finishes in-flight work and closes the database cleanly;
// acknowledged writes survive a restart (issue 2, item 4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, Client, cpiPath } from '../support/server.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

test('SIGTERM stops cleanly and acknowledged writes are there after a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpi-shutdown-'));
  try {
    const s1 = await startServer({ dbDir: dir });
    const c = new Client(s1.url);
    await c.login('demo-practitioner');
    const p = (await c.get('/api/v1/caseload')).json.people.find((x) => x.episode_state === 'open').partnership_id;
    const writes = [];
    for (let i = 0; i < 20; i++)
      writes.push(c.post(`/api/v1/partnerships/${p}/contacts`, { date: '2026-01-03', mode: 'text', duration_minutes: 5 + i, processes: ['feedback'] }));
    const results = await Promise.all(writes);
    const acknowledged = results.filter((r) => r.status === 201).length;
    assert.equal(acknowledged, 20);
    const code = await s1.stop();
    assert.equal(code, 0, s1.output());
    assert.match(s1.output(), /database closed cleanly/);
    const verify = execFileSync(cpiPath, ['audit', 'verify', '--db', s1.dbPath]).toString();
    assert.match(verify, /intact/);
    const s2 = await startServer({ dbDir: dir });
    try {
      const c2 = new Client(s2.url);
      await c2.login('demo-practitioner');
      const list = (await c2.get(`/api/v1/partnerships/${p}/contacts`)).json.contacts;
      assert.equal(list.filter((x) => x.date === '2026-01-03' && x.mode === 'text').length, 20);
    } finally { await s2.stop(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
