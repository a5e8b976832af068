// tests/api/directory.test.mjs — the agency's community directory over the API (issue 4, part 5):
// CRUD with versions and history, search, "I know someone there", review, HSDS import/export,
// each role's permissions both ways (including confidential locations hidden from the person
// role and from other agencies), and bad input (4xx, clear message, nothing stored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, Client, cpiPath, sourceDir, demoPassword, sqlExec } from '../support/server.mjs';

let server;
const as = {};

before(async () => {
  server = await startServer();
  for (const u of ['demo-practitioner', 'demo-lead', 'demo-admin', 'demo-researcher', 'demo-person', 'demo-sysadmin']) {
    as[u] = new Client(server.url);
    const r = await as[u].login(u);
    assert.equal(r.status, 200, u);
  }
  // A second agency with its own admin, to check that agencies never see each other's directory.
  sqlExec(server.dbPath, "INSERT INTO agencies (name, sector, created_at) VALUES ('Other agency (test)', 'nhs', '2026-01-01T00:00:00Z')");
  const other = sqlExec(server.dbPath, "SELECT id FROM agencies WHERE name = 'Other agency (test)'");
  execFileSync(cpiPath, ['user', 'add', '--db', server.dbPath, '--username', 'other-admin', '--role', 'agency_admin', '--agency-id', other],
    { input: `${demoPassword}\n` });
  as.other = new Client(server.url);
  assert.equal((await as.other.login('other-admin')).status, 200);
});

after(async () => { await server?.stop(); });

const byName = (list, part) => list.find((r) => r.name.includes(part));

test('search: the demo directory by interest, place, free text, capacity and timing', async () => {
  const all = await as['demo-practitioner'].get('/api/v1/directory/resources');
  assert.equal(all.status, 200);
  assert.ok(all.json.total >= 6);
  const walk = byName(all.json.resources, 'Walking');
  for (const k of ['id', 'name', 'organization', 'description', 'tags', 'locations', 'contacts', 'capacity', 'events',
    'accessibility', 'cost', 'confidential', 'reviewed_on', 'knowers', 'version']) assert.ok(k in walk, k);
  const tag = await as['demo-practitioner'].get('/api/v1/directory/resources?tag=singing');
  assert.deepEqual(tag.json.resources.map((r) => r.name), ['Northbrook Community Choir (demo)']);
  const place = await as['demo-practitioner'].get('/api/v1/directory/resources?place=NB2');
  assert.deepEqual(place.json.resources.map((r) => r.name), ['Greenfingers Community Garden (demo)']);
  const text = await as['demo-practitioner'].get('/api/v1/directory/resources?q=no%20auditions');
  assert.deepEqual(text.json.resources.map((r) => r.name), ['Northbrook Community Choir (demo)']);
  const open = await as['demo-practitioner'].get('/api/v1/directory/resources?open=true');
  assert.ok(!open.json.resources.some((r) => r.capacity !== 'open'));
  assert.ok(!byName(open.json.resources, 'Hearing Voices'), 'the full group is not open');
  const upcoming = await as['demo-practitioner'].get('/api/v1/directory/resources?active=upcoming');
  assert.deepEqual(upcoming.json.resources.map((r) => r.name), ['Digital skills for beginners (demo course)']);
  assert.match(upcoming.json.resources[0].next_date, /^\d{4}-03-\d\d$/, 'the first Wednesday on or after its March start');
  const now = await as['demo-practitioner'].get('/api/v1/directory/resources?active=now');
  assert.ok(!byName(now.json.resources, 'Digital skills'));
  const tags = await as['demo-person'].get('/api/v1/directory/tags');
  assert.equal(tags.status, 200);
  assert.ok(tags.json.tags.some((t) => t.tag === 'walking' && t.count === 1));
});

test('create, read, update with versions, history; a stale update gets 409 with the current record', async () => {
  const c = as['demo-practitioner'];
  const created = await c.post('/api/v1/directory/resources', {
    name: 'Knit and Natter (test)', tags: ['Crafts', 'social'], capacity: 'open', cost: 'Free',
    locations: [{ name: 'Library', address_1: '3 Market Square', city: 'Northbrook', postal_code: 'NB3 1LB' }],
    events: [{ description: 'Tuesdays', freq: 'WEEKLY', byday: 'TU', opens_at: '14:00' }],
  });
  assert.equal(created.status, 201, created.text);
  const r = created.json;
  assert.equal(r.version, 1);
  assert.deepEqual(r.tags, ['crafts', 'social']);
  assert.match(r.locations[0].hsds_id, /^[0-9a-f-]{36}$/);
  assert.equal(r.events[0].opens_at, '14:00:00');
  const read = await as['demo-lead'].get(`/api/v1/directory/resources/${r.id}`);
  assert.equal(read.status, 200);
  assert.equal(read.json.name, 'Knit and Natter (test)');

  const v2 = await as['demo-lead'].put(`/api/v1/directory/resources/${r.id}`, { ...read.json, capacity: 'full', version: 1 });
  assert.equal(v2.status, 200, v2.text);
  assert.equal(v2.json.version, 2);
  assert.equal(v2.json.capacity, 'full');

  const stale = await c.put(`/api/v1/directory/resources/${r.id}`, { ...read.json, cost: '£1', version: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.code, 'version_conflict');
  assert.equal(stale.json.current.version, 2);
  assert.equal(stale.json.current.capacity, 'full');
  assert.equal((await c.get(`/api/v1/directory/resources/${r.id}`)).json.cost, 'Free', 'the stale write stored nothing');

  const history = await c.get(`/api/v1/directory/resources/${r.id}/history`);
  assert.equal(history.status, 200);
  assert.deepEqual(history.json.history.map((h) => [h.version, h.action]), [[1, 'create'], [2, 'update']]);
  assert.equal(history.json.history[0].resource.capacity, 'open');
  assert.equal(history.json.history[1].changed_by, 'Ellen Marsh');
});

test('I know someone there: the signed-in worker is added and removed; people do not see knowers', async () => {
  const c = as['demo-lead'];
  const list = await c.get('/api/v1/directory/resources?tag=gardening');
  const garden = list.json.resources[0];
  const added = await c.post(`/api/v1/directory/resources/${garden.id}/knowers`, { action: 'add', contact_name: 'Sue', note: 'Runs Saturdays' });
  assert.equal(added.status, 200, added.text);
  const me = added.json.knowers.find((k) => k.display_name === 'Ellen Marsh');
  assert.ok(me);
  assert.equal(me.contact_name, 'Sue');
  assert.equal(me.active, true);
  const personView = await as['demo-person'].get(`/api/v1/directory/resources/${garden.id}`);
  assert.equal(personView.status, 200);
  assert.deepEqual(personView.json.knowers, []);
  const removed = await c.post(`/api/v1/directory/resources/${garden.id}/knowers`, { action: 'remove' });
  assert.equal(removed.status, 200);
  assert.ok(!removed.json.knowers.some((k) => k.display_name === 'Ellen Marsh'));
  // A worker who leaves: what they knew stays on the entry, marked as no longer here.
  sqlExec(server.dbPath, "UPDATE workers SET active = 0 WHERE display_name = 'Ravi Sandhu'");
  const aid = (await c.get('/api/v1/directory/resources?q=women')).json.resources[0];
  const ravi = aid.knowers.find((k) => k.display_name === 'Ravi Sandhu');
  assert.ok(ravi, 'the knowledge stays with the agency');
  assert.equal(ravi.active, false);
  assert.equal(ravi.contact_name, 'Drop-in coordinator');
  // The agency admin has no worker record: refused, and audited.
  assert.equal((await as['demo-admin'].post(`/api/v1/directory/resources/${garden.id}/knowers`, { action: 'add' })).status, 403);
});

test('review: stale entries listed; marking reviewed takes one off the list', async () => {
  const c = as['demo-practitioner'];
  const due = await c.get('/api/v1/directory/review');
  assert.equal(due.status, 200);
  const names = due.json.resources.map((r) => r.name);
  assert.ok(names.includes('Greenfingers Community Garden (demo)'));
  assert.ok(names.includes('Northbrook Community Choir (demo)'));
  assert.ok(!names.includes('Riverside Walking Group (demo)'));
  const choir = byName(due.json.resources, 'Choir');
  const marked = await c.post(`/api/v1/directory/resources/${choir.id}/reviewed`, {});
  assert.equal(marked.status, 200, marked.text);
  assert.match(marked.json.reviewed_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(marked.json.version, choir.version + 1);
  const after = await c.get('/api/v1/directory/review');
  assert.ok(!after.json.resources.some((r) => r.id === choir.id));
  const short = await c.get('/api/v1/directory/review?months=1');
  assert.ok(short.json.resources.some((r) => r.name.includes('Walking')), 'reviewed 40 days ago: due at 1 month');
  assert.equal((await c.get('/api/v1/directory/review?months=0')).status, 400);
});

test('confidential locations: workers see the refuge; the person role and HSDS exports do not', async () => {
  const worker = await as['demo-practitioner'].get('/api/v1/directory/resources?q=women');
  const aid = worker.json.resources[0];
  assert.ok(aid.locations.some((l) => l.confidential && l.postal_code === 'NB4 9ZZ'));
  assert.equal((await as['demo-practitioner'].get('/api/v1/directory/resources?place=NB4')).json.total, 1);
  const person = await as['demo-person'].get(`/api/v1/directory/resources/${aid.id}`);
  assert.equal(person.status, 200);
  assert.ok(!person.text.includes('NB4 9ZZ'));
  assert.equal(person.json.locations.length, 1);
  assert.equal((await as['demo-person'].get('/api/v1/directory/resources?place=NB4')).json.total, 0);
  const exported = await as['demo-admin'].get('/api/v1/directory/export?format=hsds-json');
  assert.equal(exported.status, 200);
  assert.ok(exported.json.total_items >= 6);
  assert.ok(!exported.text.includes('NB4 9ZZ'));
  const csv = await as['demo-admin'].get('/api/v1/directory/export?format=hsds-csv&file=addresses.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.ok(csv.text.includes('NB1 4XY') && !csv.text.includes('NB4 9ZZ'));
});

test('a wholly confidential entry is hidden from the person role (404) but not from workers', async () => {
  const made = await as['demo-practitioner'].post('/api/v1/directory/resources', { name: 'Safe house network (test)', confidential: true });
  assert.equal(made.status, 201);
  assert.equal((await as['demo-person'].get(`/api/v1/directory/resources/${made.json.id}`)).status, 404);
  assert.ok(!(await as['demo-person'].get('/api/v1/directory/resources?q=safe%20house')).json.resources.length);
  assert.equal((await as['demo-lead'].get(`/api/v1/directory/resources/${made.json.id}`)).status, 200);
});

test('permissions: people read but never write; researcher and system admin have no access; other agencies see nothing', async () => {
  const list = await as['demo-practitioner'].get('/api/v1/directory/resources');
  const walk = byName(list.json.resources, 'Walking');
  assert.equal((await as['demo-person'].get('/api/v1/directory/resources')).status, 200);
  assert.equal((await as['demo-person'].post('/api/v1/directory/resources', { name: 'x' })).status, 403);
  assert.equal((await as['demo-person'].put(`/api/v1/directory/resources/${walk.id}`, { name: 'x', version: walk.version })).status, 403);
  assert.equal((await as['demo-person'].post(`/api/v1/directory/resources/${walk.id}/reviewed`, {})).status, 403);
  assert.equal((await as['demo-person'].get('/api/v1/directory/review')).status, 403);
  assert.equal((await as['demo-person'].get(`/api/v1/directory/resources/${walk.id}/history`)).status, 403);
  for (const u of ['demo-researcher', 'demo-sysadmin']) {
    assert.equal((await as[u].get('/api/v1/directory/resources')).status, 403, u);
    assert.equal((await as[u].get(`/api/v1/directory/resources/${walk.id}`)).status, 403, u);
    assert.equal((await as[u].get('/api/v1/directory/tags')).status, 403, u);
    assert.equal((await as[u].post('/api/v1/directory/resources', { name: 'x' })).status, 403, u);
  }
  for (const u of ['demo-practitioner', 'demo-lead', 'demo-person']) {
    assert.equal((await as[u].get('/api/v1/directory/export')).status, 403, u);
    assert.equal((await as[u].post('/api/v1/directory/import', { contents: [] })).status, 403, u);
  }
  assert.equal((await as.other.get('/api/v1/directory/resources')).json.total, 0);
  assert.equal((await as.other.get(`/api/v1/directory/resources/${walk.id}`)).status, 404);
  assert.equal((await as.other.put(`/api/v1/directory/resources/${walk.id}`, { name: 'x', version: walk.version })).status, 404);
  const otherExport = await as.other.get('/api/v1/directory/export?format=hsds-json');
  assert.equal(otherExport.json.total_items, 0);
  // Refusals are audited.
  const audit = await as['demo-sysadmin'].get('/api/v1/audit?limit=200');
  assert.ok(audit.json.entries.some((e) => e.action === 'directory.create' && e.outcome === 'refused'));
});

test('HSDS import: the published example imports into another agency, all or nothing, and re-import updates nothing', async () => {
  const example = readFileSync(path.join(sourceDir, 'tests', 'fixtures', 'hsds', 'examples', 'service_full.json'), 'utf8');
  const dry = await as.other.post('/api/v1/directory/import?dry_run=true', example);
  assert.equal(dry.status, 200, dry.text);
  assert.equal(dry.json.created.length, 1);
  assert.equal((await as.other.get('/api/v1/directory/resources')).json.total, 0, 'a dry run stores nothing');
  const first = await as.other.post('/api/v1/directory/import', example);
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(first.json.created.map((c) => c.name), ['Community Counselling']);
  const again = await as.other.post('/api/v1/directory/import', example);
  assert.equal(again.json.created.length, 0);
  assert.equal(again.json.unchanged.length, 1);
  const found = await as.other.get('/api/v1/directory/resources?q=counselling');
  assert.equal(found.json.total, 1);
  assert.equal((await as['demo-practitioner'].get('/api/v1/directory/resources?q=counselling')).json.total, 0);

  // A file with one good and one bad service: nothing is imported, the error names the place.
  const good = JSON.parse(example);
  good.id = '0f5e2a56-8a0e-4d5b-a3a8-9f1c1e1e0001';
  good.name = 'Should not be stored';
  const bad = { ...JSON.parse(example), id: '0f5e2a56-8a0e-4d5b-a3a8-9f1c1e1e0002', status: 'sometimes' };
  const refused = await as.other.post('/api/v1/directory/import', { contents: [good, bad] });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, 'invalid_hsds');
  assert.match(refused.json.error.field, /\$\.contents\[1\], status/);
  assert.equal((await as.other.get('/api/v1/directory/resources?q=stored')).json.total, 0);
  const audit = await as['demo-sysadmin'].get('/api/v1/audit?limit=500');
  assert.ok(audit.json.entries.some((e) => e.action === 'directory.import' && e.outcome === 'ok' && e.username === 'other-admin'));
  assert.ok(audit.json.entries.some((e) => e.action === 'directory.export' && e.outcome === 'ok'));
});

test('bad input: 4xx with the field named, nothing stored', async () => {
  const c = as['demo-practitioner'];
  const before = (await c.get('/api/v1/directory/resources')).json.total;
  const cases = [
    [{}, '$.name'],
    [{ name: 'x', capacity: 'sometimes' }, '$.capacity'],
    [{ name: 'x', colour: 'red' }, '$.colour'],
    [{ name: 'x', events: [{ freq: 'DAILY' }] }, '$.events[0].freq'],
    [{ name: 'x', events: [{ valid_from: '2026-02-30' }] }, '$.events[0].valid_from'],
    [{ name: 'x', locations: [{ address_1: '1 Road' }] }, '$.locations[0].city'],
    [{ name: 'x', tags: 'walking' }, '$.tags'],
    [{ name: 'x', locations: [{ latitude: 123 }] }, '$.locations[0].latitude'],
  ];
  for (const [body, field] of cases) {
    const r = await c.post('/api/v1/directory/resources', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.field, field, JSON.stringify(body));
  }
  assert.equal((await c.post('/api/v1/directory/resources', '{"name": ')).status, 400);
  assert.equal((await c.put('/api/v1/directory/resources/1', { name: 'x' })).json.error.field, 'version');
  assert.equal((await c.get('/api/v1/directory/resources?active=sometimes')).status, 400);
  assert.equal((await c.get('/api/v1/directory/resources/999999')).status, 404);
  assert.equal((await c.post('/api/v1/directory/resources/1/knowers', { action: 'maybe' })).status, 400);
  assert.equal((await as['demo-admin'].get('/api/v1/directory/export?format=xml')).status, 400);
  assert.equal((await as['demo-admin'].post('/api/v1/directory/import', '[1, 2')).status, 400);
  assert.equal((await as['demo-admin'].post('/api/v1/directory/import', '"hello"')).json.error.code, 'invalid_hsds');
  assert.equal((await c.get('/api/v1/directory/resources')).json.total, before);
});
