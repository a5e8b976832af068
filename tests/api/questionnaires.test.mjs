// tests/api/questionnaires.test.mjs — questionnaire capture and the due list over the real
// server (issue 3, parts 5 and 6): partial and complete saves, scores equal to the engine's
// (`cpi score`), a bad item refused naming it with nothing stored, stale versions, roles both
// ways with audited refusals, the form definition and the due list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, Client, cpiPath } from '../support/server.mjs';

let server;
const as = {};
let personId, otherTeamPerson;
const base = () => `/api/v1/people/${personId}/questionnaires`;
const answers = { wem01: 4, wem02: 3, wem03: 3, wem06: 4, wem07: 2, wem09: 5, wem11: 3 };

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person', 'sysadmin']) {
    as[u] = new Client(server.url);
    assert.equal((await as[u].login(`demo-${u}`)).status, 200, `demo-${u} signs in`);
  }
  personId = (await as.person.get('/api/v1/auth/me')).json.user.person_id;
  const team = new Set((await as.lead.get('/api/v1/caseload')).json.people.map((p) => p.person_id));
  otherTeamPerson = [...Array(40).keys()].map((i) => i + 1).find((id) => !team.has(id));
  assert.ok(personId && otherTeamPerson);
});
after(async () => { await server.stop(); });

test('the form definition has topics, codes and labels, and says the licensed wording is not loaded', async () => {
  const r = await as.person.get('/api/v1/instruments/swemwbs');
  assert.equal(r.status, 200);
  const f = r.json.instrument;
  assert.equal(f.items.length, 7);
  assert.equal(f.items[0].id, 'wem01');
  assert.ok(f.items[0].topic.length > 0);
  assert.deepEqual(f.items[0].options.map((o) => o.code), [1, 2, 3, 4, 5]);
  assert.equal(f.wording_loaded, false);
  assert.match(f.wording_note, /not loaded/);
  assert.ok(!('wording' in f.items[0]), 'no wording is sent when none is loaded');
  const scope = await as.practitioner.get('/api/v1/instruments/scope');
  assert.equal(scope.json.instrument.provisional, true);
  assert.equal((await as.practitioner.get('/api/v1/instruments/nope')).status, 404);
  const list = await as.practitioner.get('/api/v1/instruments');
  assert.ok(list.json.instruments.some((i) => i.id === 'eq5d-5l'));
});

test('partial save keeps answers without scores; complete scores exactly like `cpi score`', async () => {
  let r = await as.practitioner.put(`${base()}/baseline/swemwbs`, { version: 0, answers: { wem01: 4, wem02: 3 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.response.status, 'partial');
  assert.equal(r.json.response.mode, 'interviewer');
  assert.equal(r.json.response.scores, null);
  assert.equal(r.json.response.version, 1);

  r = await as.practitioner.put(`${base()}/baseline/swemwbs`, { version: 1, answers, complete: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.response.status, 'complete');
  assert.equal(r.json.response.version, 2);

  const engine = spawnSync(cpiPath, ['score', 'swemwbs', '-'], { input: JSON.stringify(answers), encoding: 'utf8' });
  assert.equal(engine.status, 0, engine.stderr);
  const expected = JSON.parse(engine.stdout);
  const back = await as.practitioner.get(`${base()}/baseline/swemwbs`);
  assert.equal(back.status, 200);
  assert.deepEqual(back.json.response.scores.scores, expected.scores);
  assert.equal(back.json.response.scores.scores.raw, 24);

  const hist = await as.practitioner.get(`${base()}/baseline/swemwbs/history`);
  assert.deepEqual(hist.json.history.map((h) => [h.version, h.data.status]), [[1, 'partial'], [2, 'complete']]);
});

test('a stale version is 409 version_conflict with the current record; nothing written', async () => {
  const r = await as.practitioner.put(`${base()}/baseline/swemwbs`, { version: 1, answers: { wem01: 1 }, complete: false });
  assert.equal(r.status, 409);
  assert.equal(r.json.error.code, 'version_conflict');
  assert.equal(r.json.error.current.version, 2);
  const back = await as.practitioner.get(`${base()}/baseline/swemwbs`);
  assert.equal(back.json.response.answers.wem01, 4);
});

test('a bad item is 400 naming it, and nothing is stored', async () => {
  for (const [body, field] of [
    [{ version: 0, answers: { wem01: 4, wem02: 7 } }, 'answers.wem02'],
    [{ version: 0, answers: { wem01: 4, bogus: 1 } }, 'answers.bogus'],
    [{ version: 0, answers: { wem01: 'often' } }, 'answers.wem01'],
    [{ version: 0, answers: [] }, 'answers'],
    [{ version: 0, answers: {}, colour: 'red' }, 'colour'],
  ]) {
    const r = await as.practitioner.put(`${base()}/month_6/swemwbs`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.field, field);
  }
  const back = await as.practitioner.get(`${base()}/month_6/swemwbs`);
  assert.equal(back.json.response.status, 'not_started');
  assert.equal(back.json.response.version, 0);
  const notDue = await as.practitioner.put(`${base()}/baseline/rq`, { version: 0, answers: {} });
  assert.equal(notDue.status, 400);
  assert.equal(notDue.json.error.field, 'instrument');
});

test('the person completes their own in self mode; other roles are refused (403, audited)', async () => {
  const own = await as.person.put(`${base()}/baseline/eq5d-5l`, { version: 0, answers: { mo: 1, sc: 1, ua: 2, pd: 2, ad: 1 } });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.json.response.mode, 'self');
  assert.equal(own.json.response.created_by.role, 'person');
  const list = await as.person.get(base());
  assert.equal(list.status, 200);
  assert.equal(list.json.mode, 'self');
  const elsewhere = await as.person.get(`/api/v1/people/${otherTeamPerson}/questionnaires`);
  assert.equal(elsewhere.status, 403);
  for (const u of ['admin', 'researcher', 'sysadmin']) {
    assert.equal((await as[u].get(base())).status, 403, u);
    const w = await as[u].put(`${base()}/baseline/swemwbs`, { version: 2, answers, complete: true });
    assert.equal(w.status, 403, u);
  }
  assert.equal((await as.practitioner.get(`/api/v1/people/${otherTeamPerson}/questionnaires`)).status, 403);
  const log = await as.sysadmin.get('/api/v1/audit?limit=50');
  const refusals = log.json.entries.filter((e) => e.action.startsWith('questionnaire.') && e.outcome === 'refused');
  for (const u of ['demo-admin', 'demo-researcher', 'demo-sysadmin', 'demo-person']) {
    assert.ok(refusals.some((e) => e.username === u), `refusal of ${u} audited`);
  }
  assert.ok(log.json.entries.some((e) => e.action === 'questionnaire.save' && e.outcome === 'ok' && e.username === 'demo-person'));
});

test('the person list has waves with dates and statuses and the complete SWEMWBS scores', async () => {
  const r = await as.practitioner.get(base());
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.waves.map((w) => w.wave), ['baseline', 'month_6', 'month_12']);
  const baseline = r.json.waves[0];
  assert.match(baseline.opens, /^\d{4}-\d{2}-\d{2}$/);
  const sw = baseline.instruments.find((i) => i.instrument === 'swemwbs');
  assert.equal(sw.status, 'complete');
  assert.equal(sw.scores.scores.raw, 24);
  assert.equal(r.json.waves[1].status, 'not_yet_due');
});

test('due list: the worker sees their people, the team leader the team; ?scope and ?status checked', async () => {
  const mine = await as.practitioner.get('/api/v1/assessments/due?status=all');
  assert.equal(mine.status, 200);
  const ownWorker = mine.json.items.find((i) => i.person_id === personId).worker_id;
  assert.ok(mine.json.items.every((i) => i.worker_id === ownWorker));
  const item = mine.json.items.find((i) => i.person_id === personId && i.wave === 'baseline');
  assert.equal(item.status, 'partial');  // SWEMWBS and EQ-5D-5L saved, four to go
  assert.ok(item.opens <= item.closes);
  assert.equal(item.instruments.find((i) => i.instrument === 'swemwbs').status, 'complete');
  const team = await as.lead.get('/api/v1/assessments/due?status=all');
  assert.ok(new Set(team.json.items.map((i) => i.worker_id)).size >= 2);
  const cover = await as.practitioner.get('/api/v1/assessments/due?scope=team&status=all');
  assert.equal(cover.json.scope, 'team');
  assert.equal((await as.practitioner.get('/api/v1/assessments/due?scope=everyone')).status, 400);
  assert.equal((await as.practitioner.get('/api/v1/assessments/due?status=late')).status, 400);
  assert.equal((await as.person.get('/api/v1/assessments/due')).status, 403);
});

test('schedule: team leader edits with versions; practitioner refused', async () => {
  const s = await as.lead.get('/api/v1/assessments/schedule');
  assert.equal(s.json.version, 0);
  const waves = s.json.schedule.waves;
  assert.deepEqual(waves.map((w) => w.months), [0, 6, 12]);
  const next = { version: 0, waves: [...waves, { id: 'month_24', label: '24 months', months: 24, instruments: ['swemwbs'] }] };
  assert.equal((await as.practitioner.put('/api/v1/assessments/schedule', next)).status, 403);
  const ok = await as.lead.put('/api/v1/assessments/schedule', next);
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, 1);
  assert.equal((await as.lead.put('/api/v1/assessments/schedule', next)).status, 409);
  const bad = await as.lead.put('/api/v1/assessments/schedule', { version: 1, waves: [{ id: 'x', months: 0, instruments: ['nope'] }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'waves[0].instruments[0]');
  const list = await as.practitioner.get(base());
  assert.equal(list.json.waves.length, 4);
});
