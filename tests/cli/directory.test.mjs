// tests/cli/directory.test.mjs — `cpi directory validate|import|export` as an operator uses them
// (issue 4, part 5): the published HSDS example imports; import → export → import round trips
// through JSON and through a CSV data package; bad files give exit 1 naming file, place and
// field, and nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync, readdirSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, sourceDir } from '../support/server.mjs';

const cpi = (args, input) => spawnSync(cpiPath, args, { input, encoding: 'utf8', env: { ...process.env, CPI_DEMO_PASSWORD: 'demo-password-for-tests-1' } });
const withDir = (fn) => { const d = mkdtempSync(path.join(tmpdir(), 'cpi-dir-')); try { return fn(d); } finally { rmSync(d, { recursive: true, force: true }); } };
const hsds = path.join(sourceDir, 'tests', 'fixtures', 'hsds', 'examples');
const count = (db, sql) => Number(spawnSync('sqlite3', [db, sql], { encoding: 'utf8' }).stdout.trim());

test('every directory command has --help', () => {
  for (const args of [['directory', '--help'], ['directory', 'validate', '--help'], ['directory', 'import', '--help'], ['directory', 'export', '--help']]) {
    const r = cpi(args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /Usage:/);
  }
  assert.match(cpi(['directory', 'import', '--help']).stdout, /--dry-run/);
});

test('validate: the published example is valid; a broken file exits 1 naming file, place and field', () => withDir((d) => {
  let r = cpi(['directory', 'validate', path.join(hsds, 'service_full.json')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /valid: 1 service/);
  const bad = JSON.parse(readFileSync(path.join(hsds, 'service_full.json'), 'utf8'));
  bad.status = 'sometimes';
  delete bad.name;
  const file = path.join(d, 'bad.json');
  writeFileSync(file, JSON.stringify(bad));
  r = cpi(['directory', 'validate', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.json, \$, field status: must be one of: active, inactive, defunct, temporarily closed/);
  assert.match(r.stderr, /bad\.json, \$, field name: is required but missing/);
  r = cpi(['directory', 'validate', path.join(hsds, 'csv')]);
  assert.equal(r.status, 1, 'the published CSV example has dangling foreign keys');
  assert.match(r.stderr, /locations\.csv, row 2, field organization_id: refers to 985e4a42/);
  r = cpi(['directory', 'validate', path.join(d, 'missing.json')]);
  assert.equal(r.status, 2);
}));

test('import → export → import round trip through the CLI, JSON and CSV; dry run and bad input write nothing', () => withDir((d) => {
  const db = path.join(d, 'cpi.db');
  assert.equal(cpi(['demo', '--db', db]).status, 0);
  // A second agency, empty, to import into.
  spawnSync('sqlite3', [db, "INSERT INTO agencies (name, sector, created_at) VALUES ('Import test', 'nhs', '2026-01-01T00:00:00Z')"]);
  const other = String(count(db, "SELECT id FROM agencies WHERE name = 'Import test'"));
  let r = cpi(['directory', 'import', path.join(hsds, 'service_full.json'), '--db', db, '--agency', other, '--dry-run']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).created.length, 1);
  assert.equal(count(db, `SELECT COUNT(*) FROM directory_resources WHERE agency_id = ${other}`), 0, 'dry run writes nothing');
  r = cpi(['directory', 'import', path.join(hsds, 'service_full.json'), '--db', db, '--agency', other]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(count(db, `SELECT COUNT(*) FROM directory_resources WHERE agency_id = ${other}`), 1);

  // The demo agency's directory out as JSON and as CSV, and back into fresh agencies.
  const json = path.join(d, 'out.json');
  r = cpi(['directory', 'export', '--format', 'hsds-json', '--out', json, '--db', db, '--agency', '1']);
  assert.equal(r.status, 0, r.stderr);
  const exported = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(exported.total_items, 6);
  assert.ok(!readFileSync(json, 'utf8').includes('NB4 9ZZ'), 'the refuge address never leaves');
  const csvDir = path.join(d, 'out-csv');
  r = cpi(['directory', 'export', '--format', 'hsds-csv', '--out', csvDir, '--db', db, '--agency', '1']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readdirSync(csvDir).includes('services.csv') && readdirSync(csvDir).includes('datapackage.json'));
  r = cpi(['directory', 'export', '--format', 'hsds-csv', '--out', csvDir, '--db', db, '--agency', '1']);
  assert.notEqual(r.status, 0, 'an existing output directory is not overwritten');
  assert.equal(cpi(['directory', 'validate', csvDir]).status, 0);
  assert.equal(cpi(['directory', 'validate', json]).status, 0);

  for (const [name, input] of [['via json', json], ['via csv', csvDir]]) {
    spawnSync('sqlite3', [db, `INSERT INTO agencies (name, sector, created_at) VALUES ('${name}', 'nhs', '2026-01-01T00:00:00Z')`]);
    const id = String(count(db, `SELECT id FROM agencies WHERE name = '${name}'`));
    r = cpi(['directory', 'import', input, '--db', db, '--agency', id]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).created.length, 6, name);
    const again = path.join(d, `again-${id}.json`);
    assert.equal(cpi(['directory', 'export', '--format', 'hsds-json', '--out', again, '--db', db, '--agency', id]).status, 0);
    assert.deepEqual(JSON.parse(readFileSync(again, 'utf8')), exported, `${name}: export → import → export is identical`);
  }

  // A bad CSV package: exit 1, the place named, and nothing imported.
  const broken = path.join(d, 'broken');
  cpSync(csvDir, broken, { recursive: true });
  const services = path.join(broken, 'services.csv');
  writeFileSync(services, readFileSync(services, 'utf8').replace(',active,', ',sometimes,'));
  const before = count(db, 'SELECT COUNT(*) FROM directory_resources');
  r = cpi(['directory', 'import', broken, '--db', db, '--agency', other]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /services\.csv, row \d+, field status/);
  assert.equal(count(db, 'SELECT COUNT(*) FROM directory_resources'), before);
  r = cpi(['directory', 'import', json, '--db', db, '--agency', '999']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no agency/);
}));
