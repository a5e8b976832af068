// tests/cli/serve_instruments.test.mjs — `cpi serve` loads the instrument catalogue before it
// listens (issue 3, part 6): a missing definitions folder or a broken definition file stops it
// with a message naming the file, and nothing is served; --data-dir chooses the folder;
// --wording merges a licence holder's wording, which the form definition then carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, cpiPath, sourceDir, startServer } from '../support/server.mjs';

const serve = (dataDir, dir) => spawnSync(cpiPath, ['serve', '--port', '0', '--db', path.join(dir, 'x.db'), '--data-dir', dataDir],
  { encoding: 'utf8', timeout: 60000 });
const withDir = (fn) => { const d = mkdtempSync(path.join(tmpdir(), 'cpi-serve-')); try { return fn(d); } finally { rmSync(d, { recursive: true, force: true }); } };

test('serve stops before listening when there are no instrument definitions', () => withDir((d) => {
  const r = serve(path.join(d, 'nowhere'), d);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /no instrument definitions/);
  assert.doesNotMatch(r.stdout, /listening on/);
}));

test('serve names the broken definition file and does not start', () => withDir((d) => {
  const data = path.join(d, 'data');
  cpSync(path.join(sourceDir, 'data'), data, { recursive: true });
  writeFileSync(path.join(data, 'instruments', 'swemwbs.json'), '{"format": "cp-instrument/1", "id": ');
  const r = serve(data, d);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /swemwbs\.json/);
  assert.doesNotMatch(r.stdout, /listening on/);
}));

test('serve --wording: the form carries the loaded wording; without it, none', async () => {
  const wording = path.join(sourceDir, 'data', 'wording', 'example.srh.json');
  const bad = withDir((d) => spawnSync(cpiPath, ['serve', '--port', '0', '--db', path.join(d, 'x.db'), '--wording', path.join(d, 'none.json')],
    { encoding: 'utf8', timeout: 60000 }));
  assert.equal(bad.status, 2, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /none\.json/);
  const server = await startServer({ extraArgs: ['--wording', wording] });
  try {
    const c = new Client(server.url);
    assert.equal((await c.login('demo-practitioner')).status, 200);
    const srh = (await c.get('/api/v1/instruments/srh')).json.instrument;
    assert.equal(srh.wording_loaded, true);
    assert.match(srh.items[0].wording, /Licensed wording of item srh goes here/);
    assert.match(srh.items[0].options[0].wording, /wording of response 1/);
    const other = (await c.get('/api/v1/instruments/swemwbs')).json.instrument;
    assert.equal(other.wording_loaded, false);
    assert.ok(!('wording' in other.items[0]));
  } finally {
    await server.stop();
  }
});
