// tests/cli/analyse.test.mjs — `cpi analyse` end to end as a researcher runs it (issue 6):
// results.json with the documented keys, equal to R's reference, report.html offline, and bad
// specs refused with a message that names the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, sourceDir } from '../support/server.mjs';

const fixtures = path.join(sourceDir, 'tests', 'fixtures', 'r', 'analysis');

test('the pilot-like study: results.json matches R, report.html is self-contained', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'cpi-analyse-'));
  try {
    const r = spawnSync(cpiPath, ['analyse', '--spec', path.join(fixtures, 'pilot.toml'), '--out', out, '--quiet'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    const ref = JSON.parse(readFileSync(path.join(fixtures, 'reference_pilot.json'), 'utf8'));
    for (const outcome of ['scope', 'rguk']) {
      for (const model of ['paired', 'group_time', 'ancova', 'mixed']) {
        const got = results.outcomes[outcome][model];
        for (const key of ['estimate', 'se', 'df', 'ci_low', 'ci_high', 'p', 'n']) assert.ok(key in got, `${outcome}.${model}.${key}`);
        const want = ref.outcomes[outcome][model];
        for (const key of ['estimate', 'se', 'p']) {
          const rel = Math.abs(got[key] - want[key]) / Math.max(1e-12, Math.abs(want[key]));
          assert.ok(rel < 1e-6, `${outcome}.${model}.${key}: ${got[key]} vs R ${want[key]}`);
        }
      }
      for (const key of ['F', 'df1', 'df2', 'partial_eta_sq']) assert.ok(key in results.outcomes[outcome].group_time, key);
      for (const key of ['sigma2_cluster', 'sigma2_residual']) assert.ok(key in results.outcomes[outcome].mixed, key);
    }
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href="http/, 'readable offline: no external resources');
  } finally { rmSync(out, { recursive: true, force: true }); }
});

test('a spec with a missing column is refused with a message naming it; nothing half-written', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpi-analyse-bad-'));
  try {
    const spec = readFileSync(path.join(fixtures, 'pilot.toml'), 'utf8').replace('file = "pilot.csv"', `file = "${path.join(fixtures, 'pilot.csv')}"`).replace('scope_1', 'scope_9');
    writeFileSync(path.join(dir, 'bad.toml'), spec);
    const out = path.join(dir, 'out');
    const r = spawnSync(cpiPath, ['analyse', '--spec', path.join(dir, 'bad.toml'), '--out', out, '--quiet'], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /scope_9/);
    assert.equal(existsSync(path.join(out, 'results.json')), false);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
