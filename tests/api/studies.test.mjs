// tests/api/studies.test.mjs — studies over the real server (issue 6 parts 1–2, issue 8 part 5):
// the researcher's dataset CSV is pseudonymised (no names, no dates), a practitioner, team leader,
// agency admin or person cannot read it, a person whose consent is withdrawn disappears from it,
// the CONSORT counts follow, and study design is the researcher's and agency admin's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server;
const as = {};

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person', 'sysadmin']) {
    as[u] = new Client(server.url);
    assert.equal((await as[u].login(`demo-${u}`)).status, 200, `demo-${u} signs in`);
  }
});
after(async () => { await server.stop(); });

const parse = (csv) => {
  const lines = csv.trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
};

test('the researcher reads the demo study and its pseudonymised dataset; nobody else reads the dataset', async () => {
  const list = await as.researcher.get('/api/v1/studies');
  assert.equal(list.status, 200);
  const demo = list.json.studies[0];
  assert.deepEqual(demo.sites.map((s) => [s.team, s.arm]), [['Riverside', 'intervention'], ['Hillside', 'control']]);
  assert.deepEqual(demo.waves.map((w) => w.wave), ['baseline', 'month_6']);
  const r = await as.researcher.get(`/api/v1/studies/${demo.id}/dataset.csv?age=true`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /text\/csv/);
  const { header, rows } = parse(r.text);
  assert.deepEqual(header, ['id', 'team', 'arm', 'age', 'swemwbs_raw_baseline', 'swemwbs_raw_month_6']);
  assert.equal(rows.length, 32);
  for (const row of rows) {
    assert.match(row[0], /^P[0-9a-f]{12}$/);
    assert.ok(Number(row[3]) >= 16 && Number(row[3]) < 100, `age ${row[3]}`);
  }
  assert.doesNotMatch(r.text, /\d{4}-\d{2}-\d{2}/, 'no dates (of birth or otherwise)');
  const names = (await as.lead.get('/api/v1/caseload')).json.people.map((p) => p.display_name);
  assert.ok(names.length > 5);
  for (const n of names) assert.ok(!r.text.includes(n), `name ${n} absent`);
  for (const u of ['practitioner', 'lead', 'admin', 'person']) {
    const refused = await as[u].get(`/api/v1/studies/${demo.id}/dataset.csv`);
    assert.equal(refused.status, 403, u);
  }
  const audit = await as.sysadmin.get('/api/v1/audit?limit=20');
  assert.equal(audit.status, 200);
  const entries = audit.json.entries.filter((e) => e.action === 'study.dataset');
  assert.ok(entries.some((e) => e.outcome === 'ok' && e.username === 'demo-researcher'));
  assert.ok(entries.some((e) => e.outcome === 'refused' && e.username === 'demo-practitioner'));
});

test('a person whose research consent is withdrawn disappears from the dataset; the counts follow', async () => {
  const id = (await as.researcher.get('/api/v1/studies')).json.studies[0].id;
  const before = parse((await as.researcher.get(`/api/v1/studies/${id}/dataset.csv`)).text);
  const consortBefore = (await as.researcher.get(`/api/v1/studies/${id}/consort`)).json;
  const mine = await as.practitioner.get(`/api/v1/studies/${id}`);
  assert.equal(mine.status, 200);
  const p = mine.json.participants.find((x) => x.consent === 'given');
  assert.ok(p, 'one of the practitioner\'s people has consented');
  // Not the researcher's to record, and not another team's.
  assert.equal((await as.researcher.post(`/api/v1/studies/${id}/participants/${p.participant_id}/consent`, { event: 'withdrawn', date: '2026-11-01' })).status, 403);
  const w = await as.practitioner.post(`/api/v1/studies/${id}/participants/${p.participant_id}/consent`, { event: 'withdrawn', date: '2026-11-01', note: 'by phone' });
  assert.equal(w.status, 201, w.text);
  assert.equal(w.json.consent, 'withdrawn');
  assert.deepEqual(w.json.consent_history.map((e) => e.event), ['given', 'withdrawn']);
  const after = parse((await as.researcher.get(`/api/v1/studies/${id}/dataset.csv`)).text);
  assert.equal(after.rows.length, before.rows.length - 1);
  const ids = new Set(before.rows.map((r) => r[0]));
  for (const r of after.rows) assert.ok(ids.has(r[0]), 'pseudonyms are stable');
  const consort = (await as.researcher.get(`/api/v1/studies/${id}/consort`)).json;
  assert.equal(consort.arms.intervention.consent_withdrawn, consortBefore.arms.intervention.consent_withdrawn + 1);
  assert.equal(consort.arms.intervention.analysed, consortBefore.arms.intervention.analysed - 1);
  assert.equal((await as.person.get(`/api/v1/studies/${id}/consort`)).status, 403);
  // Recording the same change twice is a conflict; bad bodies name the field.
  assert.equal((await as.practitioner.post(`/api/v1/studies/${id}/participants/${p.participant_id}/consent`, { event: 'withdrawn', date: '2026-11-01' })).status, 409);
  const bad = await as.practitioner.post(`/api/v1/studies/${id}/participants/${p.participant_id}/consent`, { event: 'given', date: '2026-11-01', extra: 1 });
  assert.equal(bad.status, 400);
  assert.equal((await as.practitioner.post(`/api/v1/studies/${id}/participants/999999/consent`, { event: 'given', date: '2026-11-01' })).status, 404);
});

test('study design: researcher and agency admin create, practitioner refused; recruitment by the person\'s worker', async () => {
  const teams = (await as.admin.get('/api/v1/teams')).json.teams;
  const byName = Object.fromEntries(teams.map((t) => [t.name, t.id]));
  const body = {
    name: 'Second study', design: 'cluster_controlled',
    sites: [{ team_id: byName.Riverside, arm: 'intervention' }, { team_id: byName.Hillside, arm: 'control' }],
    waves: [{ wave: 'baseline', target_month: 0, window_days: 28 }, { wave: 'month_12', target_month: 12, window_days: 28 }],
  };
  assert.equal((await as.practitioner.post('/api/v1/studies', body)).status, 403);
  const created = await as.admin.post('/api/v1/studies', body);
  assert.equal(created.status, 201, created.text);
  const sid = created.json.id;
  const own = (await as.practitioner.get('/api/v1/caseload')).json.people[0].person_id;
  assert.equal((await as.researcher.post(`/api/v1/studies/${sid}/participants`, { person_id: own, assessed_on: '2026-11-02' })).status, 403);
  const rec = await as.practitioner.post(`/api/v1/studies/${sid}/participants`, { person_id: own, assessed_on: '2026-11-02', consent_given: true });
  assert.equal(rec.status, 201, rec.text);
  assert.equal(rec.json.consent, 'given');
  assert.equal((await as.practitioner.post(`/api/v1/studies/${sid}/participants`, { person_id: own, assessed_on: '2026-11-02' })).status, 409);
  const wd = await as.practitioner.post(`/api/v1/studies/${sid}/participants/${rec.json.participant_id}/withdraw`, { date: '2026-11-03', reason: 'no longer wishes to be followed up' });
  assert.equal(wd.status, 200, wd.text);
  assert.equal(wd.json.status, 'withdrawn');
  const ds = parse((await as.researcher.get(`/api/v1/studies/${sid}/dataset.csv`)).text);
  assert.equal(ds.rows.length, 1, 'withdrawn from follow-up, consent stands: still analysed');
  const consort = (await as.researcher.get(`/api/v1/studies/${sid}/consort`)).json;
  assert.equal(consort.arms.intervention.withdrawn, 1);
  assert.equal(consort.arms.intervention.recruited, 1);
});
