// tests/cli/serve_instruments.test.mjs — `cpi serve` loads the instrument catalogue before it
// listens (issue 3, part 6): a missing definitions folder or a broken definition file stops it
// with a message naming the file, and nothing is served; --data-dir chooses the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, sourceDir } from '../support/server.mjs';

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
