// tests/cli/pg_commands.test.mjs — the commands that take --db, on PostgreSQL (issue 8): init,
// demo, user add, audit verify, backup/restore and migrate-store against postgresql:// URLs, each test on a fresh database of
// the throwaway cluster (registered with the pg_cluster fixture; tests/cli/CMakeLists.txt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, pgAdminUrl, createPgDatabase } from '../support/server.mjs';

const cpi = (args, input, env = {}) => spawnSync(cpiPath, args, { input, encoding: 'utf8', env: { ...process.env, ...env } });
const admin = pgAdminUrl();
const sql = (url, q) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', q], { encoding: 'utf8' }).trim();
const withDb = (fn) => { const d = createPgDatabase(admin); try { return fn(d.url); } finally { d.drop(); } };

test('the PostgreSQL test cluster is there (this file fails, never skips, without it)', () => {
  assert.ok(admin, 'CP_TEST_PG_URL_FILE or CP_TEST_PG_URL must be set');
  assert.match(sql(admin, 'SELECT 1'), /^1$/);
});

test('init, demo, user add and audit verify on a postgresql:// URL', () => withDb((url) => {
  let r = cpi(['init', '--db', url]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /is ready \(schema version \d+\)/);
  assert.ok(!r.stdout.includes('password='), 'no connection secrets in output');
  r = cpi(['init', '--db', url]);
  assert.equal(r.status, 0, r.stderr);
  r = cpi(['demo', '--db', url], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Demo data: 40 people/);
  assert.equal(sql(url, 'SELECT COUNT(*) FROM people'), '40');
  r = cpi(['user', 'add', '--db', url, '--username', 'ana', '--role', 'system_admin'], 'long-enough-password\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /account ana created \(id \d+/);
  r = cpi(['user', 'add', '--db', url, '--username', 'ana', '--role', 'researcher'], 'long-enough-password\n');
  assert.notEqual(r.status, 0, 'a duplicate username is refused');
  r = cpi(['audit', 'verify', '--db', url]);
  assert.equal(r.status, 0, r.stderr);
  const entries = Number(r.stdout.match(/intact: (\d+) entries/)[1]);
  assert.ok(entries >= 1);
  // A read-only connection (as to a streaming replica) opens an up-to-date database and verifies.
  const readOnly = `${url}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
  r = cpi(['audit', 'verify', '--db', readOnly]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`intact: ${entries} entries`));
  withDb((fresh) => {  // …and the option is really in force: a new database cannot be set up through it
    const rr = cpi(['init', '--db', `${fresh}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`]);
    assert.equal(rr.status, 2);
    assert.match(rr.stderr, /read-only transaction/);
  });
  // The append-only guard holds on PostgreSQL too; tampering (with the guard dropped) is found.
  assert.throws(() => sql(url, 'UPDATE audit_log SET username = \'x\' WHERE id = 1'), /append-only/);
  sql(url, 'DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET username = \'x\' WHERE id = 1');
  r = cpi(['audit', 'verify', '--db', url]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /NOT intact/);
}));

test('an unreachable server is a clear error, without the password', () => {
  const r = cpi(['init', '--db', 'postgresql://someone:hunter2@127.0.0.1:1/nothing?connect_timeout=2']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot open the database postgresql:\/\/someone@127\.0\.0\.1:1\/nothing/);
  assert.ok(!r.stderr.includes('hunter2'));
});

const withDir = (fn) => { const d = mkdtempSync(path.join(tmpdir(), 'cpi-pgcli-')); try { return fn(d); } finally { rmSync(d, { recursive: true, force: true }); } };
const counts = (url) => sql(url, "SELECT (SELECT COUNT(*) FROM people) || ',' || (SELECT COUNT(*) FROM contacts) || ',' || (SELECT COUNT(*) FROM accounts) || ',' || (SELECT COUNT(*) FROM audit_log)");

test('backup (pg_dump) and restore round trip on PostgreSQL; restore refuses a database with data', () => withDir((dir) => withDb((url) => {
  assert.equal(cpi(['demo', '--db', url], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' }).status, 0);
  assert.equal(cpi(['user', 'add', '--db', url, '--username', 'ana', '--role', 'system_admin'], 'long-enough-password\n').status, 0);
  const before = counts(url);
  const file = path.join(dir, 'cpi.pgdump');
  let r = cpi(['backup', file, '--db', url]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /pg_dump custom format\) and verified/);
  assert.equal(cpi(['backup', file, '--db', url]).status, 1, 'an existing file is not overwritten');
  withDb((copy) => {
    r = cpi(['restore', file, '--db', copy]);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /audit log intact: \d+ entries/);
    assert.equal(counts(copy), before);
    // New rows continue after the restored ids.
    r = cpi(['user', 'add', '--db', copy, '--username', 'bea', '--role', 'researcher'], 'long-enough-password\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(cpi(['audit', 'verify', '--db', copy]).status, 0);
    r = cpi(['restore', file, '--db', copy]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not empty/);
  });
})));

test('migrate-store moves a SQLite database to PostgreSQL with the audit chain intact', () => withDir((dir) => withDb((url) => {
  const db = path.join(dir, 'agency.db');
  assert.equal(cpi(['demo', '--db', db], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' }).status, 0);
  assert.equal(cpi(['user', 'add', '--db', db, '--username', 'ana', '--role', 'system_admin'], 'long-enough-password\n').status, 0);
  const sqliteAudit = cpi(['audit', 'verify', '--db', db]).stdout.match(/intact: (\d+) entries/)[1];
  let r = cpi(['migrate-store', '--from', `sqlite:${db}`, '--to', url]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, new RegExp(`audit log intact on the target: ${sqliteAudit} entries`));
  r = cpi(['audit', 'verify', '--db', url]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`intact: ${sqliteAudit} entries`));
  const sqlite = (q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
  assert.equal(sql(url, 'SELECT COUNT(*) FROM contacts'), sqlite('SELECT COUNT(*) FROM contacts'));
  assert.equal(sql(url, 'SELECT string_agg(display_name, \'|\' ORDER BY id) FROM people'), sqlite("SELECT group_concat(display_name, '|') FROM (SELECT display_name FROM people ORDER BY id)"));
  // The target works as a database of its own: new ids follow the moved ones, the chain grows.
  r = cpi(['user', 'add', '--db', url, '--username', 'bea', '--role', 'researcher'], 'long-enough-password\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(cpi(['audit', 'verify', '--db', url]).status, 0);
  // Moving again into the same (now non-empty) database is refused, and changes nothing.
  const after = counts(url);
  r = cpi(['migrate-store', '--from', `sqlite:${db}`, '--to', url]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already has data|not empty/);
  assert.equal(counts(url), after);
})));
