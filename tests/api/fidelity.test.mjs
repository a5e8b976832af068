// tests/api/fidelity.test.mjs — issue 5: the fidelity dashboards, thresholds, practice examples
// and CSV export, with each role's permissions both ways (a practitioner cannot see another
// worker's fidelity; a researcher sees it pseudonymised) and bad input refused by field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server;
const as = {};
let me, colleague, teamWorkers;

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person', 'sysadmin']) {
    as[u] = new Client(server.url);
    assert.equal((await as[u].login(`demo-${u}`)).status, 200, `demo-${u} signs in`);
  }
  me = (await as.practitioner.get('/api/v1/auth/me')).json.user.worker_id;
  const team = (await as.lead.get('/api/v1/fidelity/team'));
  assert.equal(team.status, 200, team.text);
  teamWorkers = team.json.workers;
  colleague = teamWorkers.find((w) => w.worker.id !== me).worker.id;
});
after(async () => { await server.stop(); });

test('the team view: a level per worker with its reasons, and a trend', async () => {
  const r = await as.lead.get('/api/v1/fidelity/team');
  const levels = new Set(['full', 'partial', 'low', 'insufficient_data']);
  assert.ok(levels.has(r.json.level));
  assert.equal(r.json.domains.length, 5);
  assert.equal(r.json.trend.length, 6);
  assert.ok(r.json.workers.length >= 2);
  for (const w of r.json.workers) {
    assert.ok(levels.has(w.level), w.level);
    assert.ok(Array.isArray(w.reasons) && w.reasons.length > 0, 'every level says why');
    assert.equal(w.indicators.length, 10);
  }
  // The demo keeps one worker without any network maps: flagged partial, and the reason says so.
  const noMaps = r.json.workers.find((w) => w.indicators.find((i) => i.id === 'network_map_recent').numerator === 0
    && w.people > 0);
  assert.ok(noMaps, 'a worker with people but no network maps');
  assert.equal(noMaps.level, 'partial');
  assert.ok(noMaps.reasons.some((x) => /network map/.test(x)), noMaps.reasons.join(' | '));
});

test('who may see what: practitioners only themselves; researchers pseudonymised', async () => {
  assert.equal((await as.practitioner.get(`/api/v1/fidelity/workers/${me}`)).status, 200);
  const other = await as.practitioner.get(`/api/v1/fidelity/workers/${colleague}`);
  assert.equal(other.status, 403);
  assert.equal(other.json.level, undefined, 'nothing leaks in a refusal');
  assert.equal((await as.practitioner.get('/api/v1/fidelity/team')).status, 403);
  assert.equal((await as.lead.get(`/api/v1/fidelity/workers/${colleague}`)).status, 200);
  assert.equal((await as.admin.get('/api/v1/fidelity/agency')).status, 200);
  assert.equal((await as.lead.get('/api/v1/fidelity/agency')).status, 403);
  for (const u of ['person', 'sysadmin', 'researcher'])
    assert.equal((await as[u].get('/api/v1/fidelity/team')).status, 403, u);
  for (const u of ['practitioner', 'lead', 'admin', 'person'])
    assert.equal((await as[u].get('/api/v1/fidelity/research')).status, 403, u);

  const research = await as.researcher.get('/api/v1/fidelity/research');
  assert.equal(research.status, 200);
  assert.equal(research.json.pseudonymised, true);
  const names = (await as.admin.get('/api/v1/workers')).json.workers.map((w) => w.display_name);
  assert.ok(names.length > 0);
  for (const n of names) assert.ok(!research.text.includes(n), `no worker name (${n}) in the research view`);
  const pseudos = research.json.teams.flatMap((t) => t.workers.map((w) => w.worker));
  assert.ok(pseudos.every((p) => /^W-[0-9a-f]{10}$/.test(p)), pseudos.join());
  const again = await as.researcher.get('/api/v1/fidelity/research');
  assert.deepEqual(again.json.teams.flatMap((t) => t.workers.map((w) => w.worker)), pseudos, 'stable pseudonyms');
  const csv = await as.researcher.get('/api/v1/fidelity/export.csv');
  assert.equal(csv.status, 200);
  for (const n of names) assert.ok(!csv.text.includes(n));
});

test('CSV export for the team leader', async () => {
  const r = await as.lead.get('/api/v1/fidelity/export.csv?scope=team');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const lines = r.text.trim().split('\n');
  assert.equal(lines[0], 'unit,id,name,level,overall,community,assessment,planning,partnership,relationships,people,warning');
  assert.equal(lines.length, 1 + 1 + teamWorkers.length);
  assert.match(lines[1], /^team,/);
  assert.equal((await as.practitioner.get('/api/v1/fidelity/export.csv?scope=team')).status, 403);
});

test('thresholds: the agency admin sets them, with bad values refused by name', async () => {
  assert.equal((await as.lead.get('/api/v1/fidelity/thresholds')).json.thresholds.full, 0.7);
  assert.equal((await as.lead.put('/api/v1/fidelity/thresholds', { full: 0.8 })).status, 403);
  const bad = await as.admin.put('/api/v1/fidelity/thresholds', { ful: 0.8 });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'fidelity.ful');
  const range = await as.admin.put('/api/v1/fidelity/thresholds', { partial: 0.9 });
  assert.equal(range.status, 400, 'partial must stay below full');
  const ok = await as.admin.put('/api/v1/fidelity/thresholds', { full: 0.75, partial: 0.35 });
  assert.equal(ok.status, 200);
  const now = await as.lead.get('/api/v1/fidelity/team');
  assert.equal(now.json.thresholds.full, 0.75);
  assert.equal(now.json.thresholds.partial, 0.35);
});

test('practice examples: independent ratings, consensus, agreement', async () => {
  const add = await as.practitioner.post('/api/v1/fidelity/examples',
    { worker_id: me, domain: 'community', description: 'Went with a person to the allotment group twice.' });
  assert.equal(add.status, 201, add.text);
  const ex = add.json;
  assert.equal((await as.practitioner.post('/api/v1/fidelity/examples',
    { worker_id: colleague, domain: 'community', description: 'x' })).status, 403, 'not for another worker');
  const badDomain = await as.practitioner.post('/api/v1/fidelity/examples', { worker_id: me, domain: 'cooking', description: 'x' });
  assert.equal(badDomain.status, 400);
  assert.equal(badDomain.json.error.field, 'domain');
  assert.equal((await as.practitioner.post(`/api/v1/fidelity/examples/${ex.id}/ratings`, { rating: 9 })).status, 403,
    'nobody rates their own practice');
  const r1 = await as.lead.post(`/api/v1/fidelity/examples/${ex.id}/ratings`, { rating: 6 });
  assert.equal(r1.status, 201);
  const early = await as.lead.post(`/api/v1/fidelity/examples/${ex.id}/consensus`, { version: r1.json.version, consensus: 6 });
  assert.equal(early.status, 409, 'a consensus needs two ratings');
  const outOfRange = await as.admin.post(`/api/v1/fidelity/examples/${ex.id}/ratings`, { rating: 10 });
  assert.equal(outOfRange.status, 400);
  assert.equal(outOfRange.json.error.field, 'rating');
  const r2 = await as.admin.post(`/api/v1/fidelity/examples/${ex.id}/ratings`, { rating: 8 });
  assert.equal(r2.status, 201);
  assert.equal(r2.json.ratings.length, 2);
  const c = await as.lead.post(`/api/v1/fidelity/examples/${ex.id}/consensus`, { version: r2.json.version, consensus: 7, note: 'agreed' });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.consensus, 7);
  const stale = await as.lead.post(`/api/v1/fidelity/examples/${ex.id}/consensus`, { version: r2.json.version, consensus: 5 });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.code, 'version_conflict');
  const list = await as.lead.get('/api/v1/fidelity/examples?scope=team');
  assert.equal(list.status, 200);
  const community = list.json.agreement.find((a) => a.domain === 'community');
  assert.equal(community.pairs, 1);
  assert.equal(community.mean_abs_difference, 2);
  assert.equal(community.consensus_mean, 7);
  // The consensus now counts as scale evidence for the worker's community domain.
  const mine = await as.practitioner.get(`/api/v1/fidelity/workers/${me}`);
  assert.equal(mine.json.domains[0].scale_raw, 7);
  assert.equal((await as.practitioner.get(`/api/v1/fidelity/examples?scope=worker&id=${colleague}`)).status, 403);
});
