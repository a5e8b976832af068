// tests/cli/analyse_study.test.mjs — `cpi analyse --study ID --db DB` (issue 6 part 5): the demo
// study's pseudonymised dataset is built from the store and run through the same engine as a CSV;
// results.json has the models' numbers, the store's CONSORT counts and their flow diagram.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, demoPassword } from '../support/server.mjs';

const spec = `
[data]
id = "id"
cluster = "team"
arm = "arm"
control = "control"
covariates = ["age"]

[[outcomes]]
name = "swemwbs"
baseline = "swemwbs_raw_baseline"
followup = "swemwbs_raw_month_6"

[analysis]
models = ["paired", "group_time", "ancova"]
`;

test('cpi analyse --study: the demo study from the store gives results.json and a report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpi-analyse-study-'));
  try {
    const db = path.join(dir, 'cpi.db');
    const env = { ...process.env, CPI_DEMO_PASSWORD: demoPassword };
    const seeded = spawnSync(cpiPath, ['demo', '--db', db], { encoding: 'utf8', env });
    assert.equal(seeded.status, 0, seeded.stderr);
    writeFileSync(path.join(dir, 'spec.toml'), spec);
    const out = path.join(dir, 'out');
    const r = spawnSync(cpiPath, ['analyse', '--spec', path.join(dir, 'spec.toml'), '--study', '1', '--db', db, '--out', out],
      { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /building the dataset of study 1/);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    // 40 demo people: 4 declined, 4 withdrew consent to research use → 32 rows, 2 teams.
    assert.equal(results.data.n, 32);
    assert.equal(results.data.n_clusters, 2);
    assert.deepEqual(results.data.covariates, ['age']);
    for (const model of ['paired', 'group_time', 'ancova']) {
      const m = results.outcomes.swemwbs[model];
      assert.ok(m, model);
      for (const key of ['estimate', 'se', 'df', 'ci_low', 'ci_high', 'p', 'n']) assert.ok(key in m, `${model}.${key}`);
    }
    assert.equal(typeof results.outcomes.swemwbs.group_time.estimate, 'number');
    assert.ok(Number.isFinite(results.outcomes.swemwbs.group_time.F));
    // The store's counts, and the flow diagram built from them.
    const c = results.consort;
    assert.deepEqual(c.waves, ['baseline', 'month_6']);
    const sum = (k) => c.arms.intervention[k] + c.arms.control[k];
    assert.equal(sum('assessed'), 40);
    assert.equal(sum('declined'), 4);
    assert.equal(sum('consent_withdrawn'), 4);
    assert.equal(sum('analysed'), 32);
    for (const arm of ['intervention', 'control']) {
      assert.equal(results.flow[arm].recruited, c.arms[arm].recruited);
      assert.equal(results.flow[arm].followed_up, c.arms[arm].measured.month_6);
    }
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    assert.match(html, new RegExp(`n = ${c.arms.intervention.recruited}`));
    // No names from the demo data in anything written.
    for (const name of ['Alex Patel', 'Jo Fenwick']) {
      assert.doesNotMatch(html, new RegExp(name));
      assert.doesNotMatch(readFileSync(path.join(out, 'results.json'), 'utf8'), new RegExp(name));
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('cpi analyse --study refuses a missing database and a study that does not exist', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpi-analyse-study-bad-'));
  try {
    writeFileSync(path.join(dir, 'spec.toml'), spec);
    const out = path.join(dir, 'out');
    const none = spawnSync(cpiPath, ['analyse', '--spec', path.join(dir, 'spec.toml'), '--study', '1', '--db', path.join(dir, 'no.db'), '--out', out, '--quiet'], { encoding: 'utf8' });
    assert.notEqual(none.status, 0);
    assert.match(none.stderr, /no database/);
    const db = path.join(dir, 'cpi.db');
    assert.equal(spawnSync(cpiPath, ['demo', '--db', db], { encoding: 'utf8', env: { ...process.env, CPI_DEMO_PASSWORD: demoPassword } }).status, 0);
    const missing = spawnSync(cpiPath, ['analyse', '--spec', path.join(dir, 'spec.toml'), '--study', '99', '--db', db, '--out', out, '--quiet'], { encoding: 'utf8' });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /no study/i);
    assert.equal(existsSync(path.join(out, 'results.json')), false);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
