// tests/cli/pg_replica.test.mjs — research reads from a real PostgreSQL streaming replica (issue 8
// part 8: "a read-only replica for research exports and analyses"). A hot standby of the
// throwaway cluster (scripts/pg_test_cluster.sh start-replica: pg_basebackup -R) serves `cpi
// export` and `cpi analyse --study`; their audit rows go to the primary (--audit-db). Without
// --audit-db a replica is refused with a message that says what to do; nothing is ever written
// to the replica (it could not be), and the primary's audit chain still verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, demoPassword, pgAdminUrl, createPgDatabase } from '../support/server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const stateDir = process.env.CP_TEST_PG_URL_FILE ? path.dirname(process.env.CP_TEST_PG_URL_FILE) : null;
const cluster = (cmd) => spawnSync('bash', [path.join(root, 'scripts/pg_test_cluster.sh'), cmd, stateDir], { encoding: 'utf8' });
const cpi = (args) => spawnSync(cpiPath, args, { encoding: 'utf8', env: { ...process.env, USER: 'tester', CPI_DEMO_PASSWORD: demoPassword } });
const sql = (url, q) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', q], { encoding: 'utf8' }).trim();
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let dir, primary, replica, drop;

before(() => {
  assert.ok(pgAdminUrl() && stateDir, 'CP_TEST_PG_URL_FILE must name the throwaway cluster\'s url file');
  dir = mkdtempSync(path.join(tmpdir(), 'cpi-replica-'));
  const d = createPgDatabase();
  primary = d.url;
  drop = d.drop;
  const seeded = cpi(['demo', '--db', primary]);
  assert.equal(seeded.status, 0, seeded.stderr);
  const started = cluster('start-replica');
  assert.equal(started.status, 0, started.stderr);
  const u = new URL(readFileSync(path.join(stateDir, 'replica_url'), 'utf8').trim());
  u.pathname = new URL(primary).pathname;
  replica = u.toString();
  // The base backup holds the demo already; wait until the standby accepts connections.
  for (let i = 0; ; ++i) {
    try {
      if (sql(replica, 'SELECT COUNT(*) FROM people') === '40') break;
    } catch (e) { if (i > 100) throw e; }
    assert.ok(i < 150, 'the replica did not come up with the demo data');
    sleep(200);
  }
});

after(() => {
  cluster('stop-replica');
  drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const auditCount = () => Number(sql(primary, 'SELECT COUNT(*) FROM audit_log'));
const lastAudit = () => sql(primary, 'SELECT action || \' \' || outcome || \' \' || username FROM audit_log ORDER BY id DESC LIMIT 1');

test('the replica is a real hot standby: in recovery, and it refuses writes', () => {
  assert.equal(sql(replica, 'SELECT pg_is_in_recovery()'), 't');
  assert.throws(() => sql(replica, 'DELETE FROM settings'), /read-only transaction|recovery/);
});

test('cpi export from the replica is refused without --audit-db, with what to do', () => {
  const before = auditCount();
  const r = cpi(['export', '--format', 'long', '--study', '1', '--db', replica, '--out', path.join(dir, 'refused')]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /is read-only \(a streaming replica\?\); give --audit-db with the primary's URL/);
  assert.equal(auditCount(), before);
});

test('cpi export --db REPLICA --audit-db PRIMARY: data from the replica, one audit row on the primary', () => {
  const out = path.join(dir, 'export');
  const direct = path.join(dir, 'direct');
  let r = cpi(['export', '--format', 'long', '--study', '1', '--db', primary, '--out', direct, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const before = auditCount();
  r = cpi(['export', '--format', 'long', '--study', '1', '--db', replica, '--audit-db', primary, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['study_1_codebook.csv', 'study_1_long.csv']);
  // The same pseudonyms and values as an export from the primary (the key is the primary's).
  assert.equal(readFileSync(path.join(out, 'study_1_long.csv'), 'utf8'), readFileSync(path.join(direct, 'study_1_long.csv'), 'utf8'));
  assert.equal(auditCount(), before + 1);
  assert.equal(lastAudit(), 'study.export ok cli:tester');
  // A bad --audit-db is a clear error before anything is read.
  r = cpi(['export', '--format', 'long', '--study', '1', '--db', replica, '--audit-db', replica, '--out', path.join(dir, 'x')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /\(--audit-db\) is read-only too; give the primary/);
});

test('cpi analyse --study on the replica, audited on the primary; the chain verifies on both', () => {
  writeFileSync(path.join(dir, 'spec.toml'), [
    '[data]', 'id = "id"', 'cluster = "team"', 'arm = "arm"', 'control = "control"', '',
    '[[outcomes]]', 'name = "swemwbs"', 'baseline = "swemwbs_raw_baseline"', 'followup = "swemwbs_raw_month_6"', '',
    '[analysis]', 'models = ["paired", "ancova"]', ''].join('\n'));
  const before = auditCount();
  const out = path.join(dir, 'analysis');
  const r = cpi(['analyse', '--spec', path.join(dir, 'spec.toml'), '--study', '1', '--db', replica, '--audit-db', primary, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
  assert.equal(results.data.n, 32);
  assert.equal(typeof results.outcomes.swemwbs.ancova.estimate, 'number');
  assert.equal(auditCount(), before + 1);
  assert.equal(lastAudit(), 'study.dataset ok cli:tester');
  let v = cpi(['audit', 'verify', '--db', primary]);
  assert.equal(v.status, 0, v.stderr);
  const entries = v.stdout.match(/intact: (\d+) entries/)[1];
  // The replica catches up by streaming, and its copy of the chain verifies there.
  for (let i = 0; ; ++i) {
    v = cpi(['audit', 'verify', '--db', replica]);
    if (v.status === 0 && v.stdout.includes(`intact: ${entries} entries`)) break;
    assert.ok(i < 100, `the replica did not catch up: ${v.stdout}${v.stderr}`);
    sleep(200);
  }
});
