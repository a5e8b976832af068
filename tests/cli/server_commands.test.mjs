// tests/cli/server_commands.test.mjs — cpi init, demo, user add, backup and audit verify as an
// operator uses them (issue 2, item 6): exit codes, messages and their effect on the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath } from '../support/server.mjs';

const cpi = (args, input, env = {}) => spawnSync(cpiPath, args, { input, encoding: 'utf8', env: { ...process.env, ...env } });
const withDir = (fn) => { const d = mkdtempSync(path.join(tmpdir(), 'cpi-cli-')); try { return fn(d); } finally { rmSync(d, { recursive: true, force: true }); } };

test('every command has --help', () => {
  for (const args of [['--help'], ['init', '--help'], ['serve', '--help'], ['user', 'add', '--help'], ['demo', '--help'],
    ['backup', '--help'], ['restore', '--help'], ['migrate-store', '--help'], ['audit', 'verify', '--help']]) {
    const r = cpi(args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /Usage:/, args.join(' '));
  }
  assert.match(cpi(['serve', '--help']).stdout, /--db/);
});

test('init creates the database; demo fills it once; the demo password comes from the environment', () => withDir((d) => {
  const db = path.join(d, 'x.db');
  let r = cpi(['init', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /schema version [1-9]\d*/);  // grows as areas add migrations
  r = cpi(['demo', '--db', db], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /40 people/);
  assert.match(r.stdout, /chosen-password-1/);
  assert.match(r.stdout, /demo-practitioner/);
  r = cpi(['demo', '--db', db]);
  assert.equal(r.status, 1, 'a second demo into a database with data is refused');
  assert.match(r.stderr, /already has data/);
}));

test('without CPI_DEMO_PASSWORD a password is generated and printed', () => withDir((d) => {
  const r = cpi(['demo', '--db', path.join(d, 'g.db')], '', { CPI_DEMO_PASSWORD: '' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /password [A-Za-z0-9]{16}, generated/);
}));

test('user add: reads the password from stdin, refuses weak passwords and unknown roles', () => withDir((d) => {
  const db = path.join(d, 'u.db');
  cpi(['init', '--db', db]);
  let r = cpi(['user', 'add', '--db', db, '--username', 'ana', '--role', 'system_admin'], 'long-enough-password\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /account ana created/);
  r = cpi(['user', 'add', '--db', db, '--username', 'bob', '--role', 'system_admin'], 'short\n');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /at least 10 characters/);
  r = cpi(['user', 'add', '--db', db, '--username', 'cy', '--role', 'overlord'], 'long-enough-password\n');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--role must be one of/);
  r = cpi(['user', 'add', '--db', db, '--username', 'ana', '--role', 'researcher'], 'long-enough-password\n');
  assert.equal(r.status, 2, 'duplicate username');
}));

test('backup writes a verified copy and refuses to overwrite; audit verify passes on both', () => withDir((d) => {
  const db = path.join(d, 'b.db'), copy = path.join(d, 'copy.db');
  cpi(['demo', '--db', db], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' });
  let r = cpi(['backup', copy, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /verified/);
  assert.ok(existsSync(copy));
  r = cpi(['backup', copy, '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already exists/);
  for (const f of [db, copy]) {
    r = cpi(['audit', 'verify', '--db', f]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /intact/);
  }
  r = cpi(['backup', path.join(d, 'c.db'), '--db', path.join(d, 'missing.db')]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /cpi init/);
}));

test('restore brings a SQLite backup back into a new file, audit chain intact, and never overwrites', () => withDir((d) => {
  const db = path.join(d, 'r.db'), copy = path.join(d, 'r-backup.db'), back = path.join(d, 'restored.db');
  cpi(['demo', '--db', db], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' });
  assert.equal(cpi(['backup', copy, '--db', db]).status, 0);
  let r = cpi(['restore', copy, '--db', back]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /audit log intact: \d+ entries/);
  const sqlite = (f, q) => spawnSync('sqlite3', [f, q], { encoding: 'utf8' }).stdout.trim();
  for (const t of ['people', 'contacts', 'accounts', 'audit_log'])
    assert.equal(sqlite(back, `SELECT COUNT(*) FROM ${t}`), sqlite(db, `SELECT COUNT(*) FROM ${t}`), t);
  r = cpi(['restore', copy, '--db', back]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already exists/);
  r = cpi(['restore', path.join(d, 'nothing.db'), '--db', path.join(d, 'x.db')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no backup file/);
}));

test('audit verify exits 1 when an entry was altered', () => withDir((d) => {
  const db = path.join(d, 't.db');
  cpi(['demo', '--db', db], '', { CPI_DEMO_PASSWORD: 'chosen-password-1' });
  const sql = spawnSync('sqlite3', [db, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing happened' WHERE id = 1;"], { encoding: 'utf8' });
  assert.equal(sql.status, 0, sql.stderr);
  const r = cpi(['audit', 'verify', '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /NOT intact: entry 1 was altered/);
}));

test('a database written by a newer version is refused with a clear message', () => withDir((d) => {
  const db = path.join(d, 'n.db');
  cpi(['init', '--db', db]);
  spawnSync('sqlite3', [db, "INSERT INTO schema_migrations VALUES (42, 'x', 'from the future')"]);
  const r = cpi(['init', '--db', db]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /newer version of Connecting People/);
}));

test('score: invalid input names the item and exits non-zero; valid input prints the utility', () => {
  let r = cpi(['score', 'eq5d-3l', '-'], '{"mobility": 1}');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /mobility/);
  r = cpi(['score', 'eq5d-3l', '-'], '{"mo":1,"sc":1,"ua":2,"pd":2,"ad":1}');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.instrument, 'eq5d-3l');
  assert.ok(Math.abs(out.scores.utility - 0.760) < 1e-9, JSON.stringify(out.scores));
});
