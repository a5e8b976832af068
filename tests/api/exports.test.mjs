// tests/api/exports.test.mjs — issue 8 part 5: the researcher's pseudonymised study exports over
// the real server, on SQLite and (the .pg variant) PostgreSQL. For every format (redcap, long,
// stata, spss, graphml) every file of the manifest is fetched and read back (a CSV reader, an XML
// scan of the GraphML, the ReadStat files' bytes); only consented participants appear, a person
// whose consent is withdrawn vanishes from every file, and no direct identifier appears anywhere
// (names, preferred names, dates of birth, postcodes, contact notes, network member names, map
// notes, consent notes, database ids as record ids, calendar dates). A practitioner is refused;
// each export is one audit row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, sqlExec } from '../support/server.mjs';

let server;
const as = {};
let studyId;
const formats = ['redcap', 'long', 'stata', 'spss', 'graphml'];
const pseudonym = /^P[0-9a-f]{12}$/;

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'researcher', 'sysadmin', 'admin']) {
    as[u] = new Client(server.url);
    assert.equal((await as[u].login(`demo-${u}`)).status, 200, `demo-${u} signs in`);
  }
  studyId = (await as.researcher.get('/api/v1/studies')).json.studies[0].id;
});
after(async () => { await server.stop(); });

/** RFC 4180: quoted fields, "" escapes, CRLF or LF. Returns rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  assert.equal(quoted, false, 'no unterminated quote');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const table = (text) => {
  const [header, ...rows] = parseCsv(text);
  return { header, rows, col: (name) => rows.map((r) => r[header.indexOf(name)]) };
};

/** Every file of one export: [{name, bytes (Buffer), text (latin1 view)}] and the manifest. */
async function fetchExport(format) {
  const m = await as.researcher.get(`/api/v1/studies/${studyId}/exports/${format}`);
  assert.equal(m.status, 200, m.text);
  assert.equal(m.json.format, format);
  assert.ok(m.json.files.length > 0);
  const files = [];
  for (const f of m.json.files) {
    const res = await fetch(server.url + f.href, { headers: { cookie: as.researcher.cookie } });
    assert.equal(res.status, 200, f.name);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.length, f.size, `${f.name} has the manifest's size`);
    files.push({ name: f.name, bytes, text: bytes.toString('latin1') });
  }
  return { manifest: m.json, files };
}

/** Record ids an export holds, read back from its files. */
function recordsOf(format, files) {
  const ids = new Set();
  const byName = (suffix) => files.find((f) => f.name.endsWith(suffix));
  if (format === 'redcap') {
    const data = table(byName('_redcap_data.csv').text);
    assert.deepEqual(data.header.slice(0, 2), ['record_id', 'redcap_event_name']);
    for (const e of data.col('redcap_event_name')) assert.ok(['baseline_arm_1', 'month_6_arm_1'].includes(e), e);
    for (const name of data.header) assert.match(name, /^[a-z][a-z0-9_]{0,25}$/, 'a valid REDCap variable name');
    data.col('record_id').forEach((id) => ids.add(id));
    const dict = table(byName('_redcap_dictionary.csv').text);
    assert.equal(dict.header.length, 18);
    assert.deepEqual(dict.header.slice(0, 5), ['Variable / Field Name', 'Form Name', 'Section Header', 'Field Type', 'Field Label']);
    assert.equal(dict.header[17], 'Field Annotation');
    assert.equal(dict.rows[0][0], 'record_id');
    assert.deepEqual(dict.col('Variable / Field Name').slice(1), data.header.slice(2), 'the dictionary describes every column');
  } else if (format === 'long') {
    const data = table(byName('_long.csv').text);
    assert.deepEqual(data.header, ['record_id', 'wave', 'variable', 'value']);
    data.col('record_id').forEach((id) => ids.add(id));
    const book = table(byName('_codebook.csv').text);
    const described = new Set(book.col('variable'));
    for (const v of data.col('variable')) assert.ok(described.has(v), `${v} is in the codebook`);
    assert.ok(described.has('imd_decile') && described.has('age'));
  } else if (format === 'stata' || format === 'spss') {
    const bin = byName(format === 'stata' ? '.dta' : '.sav');
    assert.ok(bin.text.startsWith(format === 'stata' ? '<stata_dta>' : '$FL2'), 'the format\'s magic');
    for (const m of bin.text.matchAll(/P[0-9a-f]{12}/g)) ids.add(m[0]);
    assert.ok(byName('_codebook.csv'));
  } else {
    for (const f of files.filter((x) => x.name.endsWith('.graphml'))) {
      assert.match(f.text, /^<\?xml/);
      const ego = f.text.match(/<data key="ego_id">([^<]*)<\/data>/);
      assert.ok(ego, `${f.name} names its ego`);
      ids.add(ego[1]);
      assert.ok(!/key="label"/.test(f.text), 'no member labels');
      for (const m of f.text.matchAll(/<node id="([^"]*)"/g)) assert.match(m[1], pseudonym, 'node ids are pseudonyms');
    }
    for (const f of files.filter((x) => x.name.endsWith('_attributeList_Person.csv'))) {
      const nodes = table(f.text);
      assert.deepEqual(nodes.header.slice(0, 3), ['nodeID', 'networkCanvasEgoUUID', 'networkCanvasUUID']);
      for (const id of nodes.col('networkCanvasUUID')) assert.match(id, pseudonym);
      nodes.col('networkCanvasEgoUUID').forEach((id) => ids.add(id));
    }
    for (const f of files.filter((x) => x.name.endsWith('_edgeList_tie.csv'))) {
      const edges = table(f.text);
      assert.deepEqual(edges.header.slice(0, 3), ['edgeID', 'from', 'to']);
    }
    for (const f of files.filter((x) => x.name.endsWith('_ego.csv'))) {
      const ego = table(f.text);
      assert.equal(ego.header[0], 'networkCanvasEgoUUID');
      assert.equal(ego.rows.length, 1);
    }
  }
  for (const id of ids) assert.match(id, pseudonym, `record id ${id} is a pseudonym, not a database id`);
  return ids;
}

/** Everything that identifies someone, read from the database (test setup, not the API). */
function identifiers() {
  const rows = (sql) => sqlExec(server.dbPath, sql).split('\n').filter((l) => l.trim() !== '');
  const out = [];
  for (const line of rows('SELECT display_name, preferred_name, date_of_birth, postcode FROM people')) {
    const [name, preferred, dob, postcode] = line.split('|');
    out.push(name, preferred, dob, postcode, postcode.replace(/ /g, ''));
  }
  out.push(...rows('SELECT note FROM contacts'), ...rows('SELECT DISTINCT name FROM network_map_members'));
  out.push(...rows("SELECT note FROM network_maps WHERE note <> ''"));
  out.push(...rows('SELECT withdrawal_reason FROM study_participants WHERE withdrawal_reason IS NOT NULL'));
  out.push(...rows('SELECT note FROM study_consent_events WHERE note IS NOT NULL'));
  return [...new Set(out.filter((x) => x && x.length >= 2))];
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('researcher exports in every format: consented participants only, a withdrawn consent vanishes, no identifier anywhere', async () => {
  const before = {};
  for (const f of formats) before[f] = recordsOf(f, (await fetchExport(f)).files);
  const consort = (await as.researcher.get(`/api/v1/studies/${studyId}/consort`)).json;
  const analysed = consort.arms.intervention.analysed + consort.arms.control.analysed;
  assert.equal(before.redcap.size, analysed, 'exactly the consented participants');
  for (const f of ['long', 'stata', 'spss']) assert.deepEqual([...before[f]].sort(), [...before.redcap].sort(), f);
  for (const id of before.graphml) assert.ok(before.redcap.has(id), 'network egos are consented participants');
  assert.ok(before.graphml.size > 5, 'network maps are exported');

  // Withdraw consent for one of the practitioner's people who has a network map.
  const mine = (await as.practitioner.get(`/api/v1/studies/${studyId}`)).json.participants.filter((x) => x.consent === 'given');
  assert.ok(mine.length > 0);
  const withMap = [];
  for (const p of mine) {
    const maps = await as.practitioner.get(`/api/v1/people/${p.person_id}/network-maps`);
    if (maps.status === 200 && maps.json.maps.length > 0) withMap.push(p);
  }
  const p = withMap[0] ?? mine[0];
  const w = await as.practitioner.post(`/api/v1/studies/${studyId}/participants/${p.participant_id}/consent`, { event: 'withdrawn', date: '2026-11-02', note: 'Said so at the Thursday visit' });
  assert.equal(w.status, 201, w.text);

  const bad = identifiers();
  assert.ok(bad.length > 80, `identifiers collected (${bad.length})`);
  const patterns = bad.map((s) => new RegExp(`(^|[^A-Za-z0-9])${escapeRe(s)}($|[^A-Za-z0-9])`));
  let gone = null;
  for (const f of formats) {
    const { manifest, files } = await fetchExport(f);
    const after = recordsOf(f, files);
    const vanished = [...before[f]].filter((id) => !after.has(id));
    for (const id of after) assert.ok(before[f].has(id), `${f}: pseudonyms are stable`);
    if (f !== 'graphml') {
      assert.equal(vanished.length, 1, `${f}: exactly one participant vanished`);
      assert.equal(manifest.records, analysed - 1);
      gone ??= vanished[0];
      assert.equal(vanished[0], gone, `${f}: the same participant vanished`);
    } else if (withMap.length) {
      assert.deepEqual(vanished, [gone], 'graphml: their network maps vanished too');
    }
    for (const file of files) {
      assert.ok(!file.text.includes(gone), `${f}/${file.name}: the withdrawn participant is absent`);
      for (let i = 0; i < bad.length; i++) assert.ok(!patterns[i].test(file.text), `${f}/${file.name} holds "${bad[i]}"`);
      if (!/\.(dta|sav)$/.test(file.name)) assert.doesNotMatch(file.text, /\d{4}-\d{2}-\d{2}/, `${f}/${file.name}: no calendar dates`);
    }
  }
});

test('only researchers export; bad requests name the field; each export is one audit row', async () => {
  for (const u of ['practitioner', 'admin']) {
    const r = await as[u].get(`/api/v1/studies/${studyId}/exports/redcap`);
    assert.equal(r.status, 403, u);
  }
  const badFormat = await as.researcher.get(`/api/v1/studies/${studyId}/exports/excel`);
  assert.equal(badFormat.status, 400);
  assert.equal(badFormat.json.error.field, 'format');
  assert.equal((await as.researcher.get(`/api/v1/studies/${studyId}/exports/long?file=nope.csv`)).status, 404);
  assert.equal((await as.researcher.get('/api/v1/studies/9999/exports/long')).status, 404);
  const audit = await as.sysadmin.get('/api/v1/audit?limit=200');
  assert.equal(audit.status, 200);
  const entries = audit.json.entries.filter((e) => e.action === 'study.export');
  const ok = entries.filter((e) => e.outcome === 'ok' && e.username === 'demo-researcher');
  for (const f of formats) assert.ok(ok.some((e) => e.detail.startsWith(`format ${f},`) && /\d+ records, \d+ rows/.test(e.detail)), `audited: ${f}`);
  assert.ok(ok.every((e) => e.record_id === String(studyId)));
  assert.ok(entries.some((e) => e.outcome === 'refused' && e.username === 'demo-practitioner'));
  assert.ok(entries.some((e) => e.outcome === 'refused' && e.username === 'demo-admin'));
});

test('item answers: numeric and coded items with their value labels, text answers never', async () => {
  // Demographics (with a free-text LSOA code) at baseline, then one complete EQ-5D-5L and one
  // complete demographics response for a consented participant of the practitioner.
  const lead = new Client(server.url);
  assert.equal((await lead.login('demo-lead')).status, 200);
  const s = (await lead.get('/api/v1/assessments/schedule')).json;
  const waves = s.schedule.waves.map((w) => (w.id === 'baseline' ? { ...w, instruments: [...w.instruments, 'demographics'] } : w));
  const put = await lead.put('/api/v1/assessments/schedule', { version: s.version, waves });
  assert.equal(put.status, 200, put.text);
  const p = (await as.practitioner.get(`/api/v1/studies/${studyId}`)).json.participants.find((x) => x.consent === 'given');
  assert.ok(p);
  const q = `/api/v1/people/${p.person_id}/questionnaires/baseline`;
  let r = await as.practitioner.put(`${q}/eq5d-5l`, { version: 0, answers: { mo: 3, sc: 1, ua: 2, pd: 1, ad: 1, vas: 65 }, complete: true });
  assert.equal(r.status, 200, r.text);
  const lsoa = 'E01004321';
  r = await as.practitioner.put(`${q}/demographics`, { version: 0, answers: { age: 41, gender: 2, ethnic_group: 1, living_situation: 1, employment: 4, lsoa_code: lsoa }, complete: true });
  assert.equal(r.status, 200, r.text);

  const long = await fetchExport('long');
  const data = table(long.files.find((f) => f.name.endsWith('_long.csv')).text);
  const values = (v) => data.rows.filter((x) => x[2] === v).map((x) => [x[1], x[3]]);
  assert.deepEqual(values('eq5d_5l_mo'), [['baseline', '3']]);
  assert.deepEqual(values('eq5d_5l_vas'), [['baseline', '65']]);
  assert.deepEqual(values('eq5d_5l_vas_score'), [['baseline', '65']], 'a score named like an item gets _score');
  assert.deepEqual(values('demographics_gender'), [['baseline', '2']]);
  const book = table(long.files.find((f) => f.name.endsWith('_codebook.csv')).text);
  const entry = (v) => book.rows.find((x) => x[0] === v);
  assert.equal(entry('eq5d_5l_mo')[2], 'categorical');
  assert.match(entry('eq5d_5l_mo')[1], /mobility/);
  assert.match(entry('eq5d_5l_mo')[4], /3=moderate problems/);
  assert.equal(entry('eq5d_5l_vas')[2], 'integer');
  assert.equal(entry('eq5d_5l_vas')[3], '0-100');
  assert.equal(entry('demographics_gender')[4], '1=woman; 2=man; 3=in another way');
  assert.equal(entry('demographics_lsoa_code'), undefined, 'text items are not variables');

  const redcap = await fetchExport('redcap');
  const dict = table(redcap.files.find((f) => f.name.endsWith('_dictionary.csv')).text);
  const mo = dict.rows.find((x) => x[0] === 'eq5d_5l_mo');
  assert.equal(mo[1], 'eq5d_5l');
  assert.equal(mo[3], 'dropdown');
  assert.match(mo[5], /^1, no problems \| 2, slight problems/);
  const stata = await fetchExport('stata');
  assert.ok(stata.files.find((f) => f.name.endsWith('.dta')).text.includes('moderate problems'), 'value labels in the .dta');
  const spss = await fetchExport('spss');
  for (const file of [...long.files, ...redcap.files, ...stata.files, ...spss.files])
    assert.ok(!file.text.includes(lsoa), `${file.name}: the text answer is absent`);
});
