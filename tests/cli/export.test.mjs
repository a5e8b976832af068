// tests/cli/export.test.mjs — `cpi export` and `cpi deprivation import` (issue 8 part 5) as an
// operator runs them: every format writes its files for the demo study (record ids are
// pseudonyms, the same participants in every format), progress goes to stderr, bad input exits 2
// naming the option, each export is one audit row by cli:<user>, and the IMD lookup loads all
// rows or none, after which the export carries the new decile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpiPath, demoPassword } from '../support/server.mjs';

let dir, db;
const cpi = (...args) => spawnSync(cpiPath, args, { encoding: 'utf8', env: { ...process.env, USER: 'tester' } });
const sql = (q) => execFileSync('sqlite3', [db, q]).toString().trim();

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cpi-export-'));
  db = path.join(dir, 'cpi.db');
  const seeded = spawnSync(cpiPath, ['demo', '--db', db], { encoding: 'utf8', env: { ...process.env, CPI_DEMO_PASSWORD: demoPassword } });
  assert.equal(seeded.status, 0, seeded.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const recordIds = (csvText) => new Set(csvText.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]));

test('cpi export writes every format for the demo study, audited once per export', () => {
  const expected = {
    redcap: ['study_1_redcap_data.csv', 'study_1_redcap_dictionary.csv', 'study_1_redcap_instrument_designation.csv'],
    long: ['study_1_codebook.csv', 'study_1_long.csv'],
    stata: ['study_1.dta', 'study_1_codebook.csv'],
    spss: ['study_1.sav', 'study_1_codebook.csv'],
  };
  const auditBefore = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'study.export'"));
  for (const [format, files] of Object.entries(expected)) {
    const out = path.join(dir, format);
    const r = cpi('export', '--format', format, '--out', out, '--db', db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /study 1: \d+ consented participants, \d+ rows, \d+ files written/);
    assert.deepEqual(readdirSync(out).sort(), files);
  }
  const redcap = recordIds(readFileSync(path.join(dir, 'redcap', 'study_1_redcap_data.csv'), 'utf8'));
  const long = recordIds(readFileSync(path.join(dir, 'long', 'study_1_long.csv'), 'utf8'));
  assert.ok(redcap.size > 20);
  assert.deepEqual([...long].sort(), [...redcap].sort(), 'the same participants in both');
  for (const id of redcap) assert.match(id, /^P[0-9a-f]{12}$/);
  const dta = readFileSync(path.join(dir, 'stata', 'study_1.dta')).toString('latin1');
  for (const id of redcap) assert.ok(dta.includes(id), `${id} in the .dta`);

  const g = cpi('export', '--format', 'graphml', '--out', path.join(dir, 'net'), '--db', db, '--study', '1', '--quiet');
  assert.equal(g.status, 0, g.stderr);
  assert.equal(g.stderr, '', '--quiet');
  const net = readdirSync(path.join(dir, 'net'));
  const graphs = net.filter((f) => f.endsWith('.graphml'));
  assert.ok(graphs.length > 5);
  for (const f of graphs) {
    const stem = f.replace(/\.graphml$/, '');
    for (const part of ['_ego.csv', '_attributeList_Person.csv', '_edgeList_tie.csv']) assert.ok(net.includes(stem + part), stem + part);
    assert.ok(redcap.has(stem.split('_')[0]), 'egos are consented participants');
  }
  const audit = sql("SELECT username || '|' || outcome || '|' || detail FROM audit_log WHERE action = 'study.export' ORDER BY id").split('\n');
  assert.equal(audit.length - auditBefore, 5, 'one audit row per export');
  assert.ok(audit.every((l) => l.startsWith('cli:tester|ok|format ')));
});

test('cpi export: bad input exits 2 with a message naming the option', () => {
  const cases = [
    [['export', '--format', 'excel', '--out', path.join(dir, 'x'), '--db', db], /unknown format 'excel'.*\(format\)/],
    [['export', '--out', path.join(dir, 'x'), '--db', db], /give --format/],
    [['export', '--format', 'long', '--db', db], /give --out.*\(out\)/],
    [['export', '--format', 'long', '--out', path.join(dir, 'x'), '--db', path.join(dir, 'none.db')], /no database.*\(db\)/],
    [['export', '--format', 'long', '--out', path.join(dir, 'x'), '--db', db, '--study', '99'], /no study with that id/],
  ];
  for (const [args, message] of cases) {
    const r = cpi(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
  const help = cpi('export', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format/);
  assert.match(help.stdout, /--study/);
});

test('cpi deprivation import loads all rows or none; the export then carries the decile', () => {
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, 'postcode,imd_decile\nzz1 1aa,3\nZZ2 2BB,11\n');
  const r = cpi('deprivation', 'import', bad, '--db', db);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /1 to 10.*line 3, imd_decile/);
  assert.equal(sql("SELECT COUNT(*) FROM postcode_deprivation WHERE postcode LIKE 'ZZ%'"), '0', 'nothing written');
  const notNumber = path.join(dir, 'nan.csv');
  writeFileSync(notNumber, 'postcode,imd_decile\nzz1 1aa,three\n');
  assert.equal(cpi('deprivation', 'import', notNumber, '--db', db).status, 2);

  // Give the first demo person (consented) a decile no demo district has, and see it in the export.
  const deciles = (name) => readFileSync(path.join(dir, name, 'study_1_long.csv'), 'utf8').split(/\r?\n/)
    .filter((l) => l.endsWith(',imd_decile,1')).length;
  assert.equal(cpi('export', '--format', 'long', '--out', path.join(dir, 'before'), '--db', db).status, 0);
  assert.equal(deciles('before'), 0);
  const [pc] = sql('SELECT postcode FROM people WHERE id = 1').split('\n');
  const good = path.join(dir, 'good.csv');
  writeFileSync(good, `postcode,imd_decile\n${pc.toLowerCase()},1\nzz1 1aa,3\n`);
  const ok = cpi('deprivation', 'import', good, '--db', db, '--source', 'test file');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /loaded 2 postcode deciles/);
  assert.equal(sql(`SELECT imd_decile || '|' || source FROM postcode_deprivation WHERE postcode = '${pc.replace(/ /g, '')}'`), '1|test file');
  assert.equal(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'deprivation.import' AND outcome = 'ok'"), '1');
  assert.equal(cpi('export', '--format', 'long', '--out', path.join(dir, 'after'), '--db', db).status, 0);
  assert.equal(deciles('after'), 1, 'the new decile is exported');
});

test('cpi export: a failed file write (CP_FAULT=export-write) leaves no files behind', () => {
  const out = path.join(dir, 'fault');
  const r = spawnSync(cpiPath, ['export', '--format', 'redcap', '--out', out, '--db', db],
    { encoding: 'utf8', env: { ...process.env, CP_FAULT: 'export-write' } });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /injected fault in export-write/);
  assert.deepEqual(readdirSync(out), [], 'no file and no .part file');
  const again = cpi('export', '--format', 'redcap', '--out', out, '--db', db);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(readdirSync(out).length, 3);
});
