// tests/api/records.test.mjs — the practice-records API (issue 4; contract docs/practice-api.md):
// every record type created, read, updated and its history listed; stale versions are 409 with
// the current record; each role's permissions both ways; bad input is a 400 naming the field
// with nothing stored; the quick contact form's added records; the person page and journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server;
const as = {};
let own, covered, otherTeam, ownPartnership;

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person', 'sysadmin']) {
    as[u] = new Client(server.url);
    assert.equal((await as[u].login(`demo-${u}`)).status, 200, `demo-${u} signs in`);
  }
  own = (await as.person.get('/api/v1/auth/me')).json.user.person_id;
  const mine = (await as.practitioner.get('/api/v1/caseload')).json.people;
  const team = (await as.lead.get('/api/v1/caseload')).json.people;
  ownPartnership = mine.find((p) => p.person_id === own).partnership_id;
  covered = team.find((p) => p.worker_id !== mine[0].worker_id).person_id;
  const teamIds = new Set(team.map((p) => p.person_id));
  otherTeam = [...Array(40).keys()].map((i) => i + 1).find((id) => !teamIds.has(id));
  assert.ok(own && covered && otherTeam && ownPartnership);
});
after(async () => { await server.stop(); });

// One valid create body, one change, and one bad body (with the field it must name) per type.
const types = {
  assets: { create: { kind: 'interest', text: 'Birdwatching' }, change: { status: 'archived' },
    bad: [{ kind: 'hobby', text: 'x' }, 'kind'] },
  goals: { create: { text: 'Feel at home in the neighbourhood', review_on: '2027-01-10' }, change: { status: 'achieved' },
    bad: [{ text: 'x', review_on: '10/01/2027' }, 'review_on'] },
  ideas: { create: { text: 'Repair café', suggested_by: 'worker' }, change: { outcome: 'liked', outcome_note: 'Went twice' },
    bad: [{ text: 'x', suggested_by: 'neighbour' }, 'suggested_by'] },
  engagements: { create: { resource_name: 'Repair café', stage: 'suggested', resource_id: 12 }, change: { stage: 'attended' },
    bad: [{ resource_name: 'Choir', stage: 'stopped' }, 'stopped_reason'] },
  barriers: { create: { side: 'person', category: 'money', description: 'Bus fares' }, change: { status: 'overcome', tried: 'Bus pass' },
    bad: [{ side: 'person', category: 'time' }, 'category'] },
  recognition: { create: { kind: 'achievement', text: 'Fixed a lamp', from: 'worker' }, change: { text: 'Fixed two lamps' },
    bad: [{ kind: 'achievement', text: 'x', from: 'worker', extra: 1 }, 'extra'] },
};

for (const [col, t] of Object.entries(types)) {
  test(`${col}: create, read, update, stale version, history`, async () => {
    const c = await as.practitioner.post(`/api/v1/people/${own}/${col}`, t.create);
    assert.equal(c.status, 201, c.text);
    assert.equal(c.json.version, 1);
    assert.equal(c.json.person_id, own);
    assert.equal(c.json.created_by.role, 'practitioner');
    const id = c.json.id;
    const list = await as.practitioner.get(`/api/v1/people/${own}/${col}`);
    assert.equal(list.status, 200);
    assert.ok(list.json[col].some((r) => r.id === id), 'the list holds the new record');
    assert.equal((await as.practitioner.get(`/api/v1/${col}/${id}`)).json.id, id);
    const u = await as.practitioner.put(`/api/v1/${col}/${id}`, { version: 1, ...t.change });
    assert.equal(u.status, 200, u.text);
    assert.equal(u.json.version, 2);
    for (const [k, v] of Object.entries(t.change)) assert.equal(u.json[k], v, k);
    const stale = await as.practitioner.put(`/api/v1/${col}/${id}`, { version: 1, ...t.create });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.code, 'version_conflict');
    assert.equal(stale.json.error.current.version, 2, 'the current record comes with the conflict');
    const h = await as.practitioner.get(`/api/v1/${col}/${id}/history`);
    assert.equal(h.status, 200);
    assert.deepEqual(h.json.history.map((e) => [e.version, e.change]), [[1, 'created'], [2, 'updated']]);
    for (const [k, v] of Object.entries(t.change)) assert.equal(h.json.history[1].data[k], v);
  });

  test(`${col}: bad input is a 400 naming the field, nothing stored`, async () => {
    const n = (await as.practitioner.get(`/api/v1/people/${own}/${col}`)).json[col].length;
    const [body, field] = t.bad;
    const r = await as.practitioner.post(`/api/v1/people/${own}/${col}`, body);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, field);
    const nojson = await as.practitioner.post(`/api/v1/people/${own}/${col}`, '{"kind":');
    assert.equal(nojson.status, 400);
    assert.equal((await as.practitioner.get(`/api/v1/people/${own}/${col}`)).json[col].length, n);
  });
}

test('engagements: stages come from the history; a new relationship is offered to the map', async () => {
  const c = await as.practitioner.post(`/api/v1/people/${own}/engagements`, {
    resource_name: 'Community choir', stage: 'accompanied', new_relationship: { name: 'Pat', relation: 'community_group', ring: 'middle' },
  });
  assert.equal(c.status, 201, c.text);
  assert.deepEqual(c.json.map_offer, { name: 'Pat', relation: 'community_group', ring: 'middle', resource_id: null });
  const u = await as.practitioner.put(`/api/v1/engagements/${c.json.id}`, { version: 1, stage: 'continuing' });
  assert.deepEqual(u.json.stages.map((s) => s.stage), ['accompanied', 'continuing']);
  const added = await as.practitioner.post(`/api/v1/engagements/${c.json.id}/add-to-map`, c.json.map_offer);
  assert.equal(added.status, 201, added.text);
  assert.ok(added.json.members.some((m) => m.name === 'Pat' && m.relation === 'community_group'));
});

test('goals → objectives → activities: create, nest, update, history', async () => {
  const g = (await as.practitioner.post(`/api/v1/people/${own}/goals`, { text: 'Cook for friends' })).json;
  const o = await as.practitioner.post(`/api/v1/goals/${g.id}/objectives`, { text: 'Learn three recipes' });
  assert.equal(o.status, 201, o.text);
  assert.equal(o.json.goal_id, g.id);
  const a = await as.practitioner.post(`/api/v1/objectives/${o.json.id}/activities`, { text: 'Buy a cookbook', who: 'person', by_when: '2026-12-01' });
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.status, 'planned');
  const bad = await as.practitioner.post(`/api/v1/objectives/${o.json.id}/activities`, { text: 'x', who: 'nobody' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'who');
  const goals = (await as.practitioner.get(`/api/v1/people/${own}/goals`)).json.goals;
  const nested = goals.find((x) => x.id === g.id);
  assert.equal(nested.objectives[0].activities[0].id, a.json.id);
  assert.equal(nested.objectives[0].activities.length, 1, 'the bad activity was not stored');
  for (const [col, id] of [['objectives', o.json.id], ['activities', a.json.id]]) {
    const u = await as.practitioner.put(`/api/v1/${col}/${id}`, { version: 1, status: col === 'objectives' ? 'achieved' : 'done' });
    assert.equal(u.status, 200, u.text);
    assert.equal((await as.practitioner.get(`/api/v1/${col}/${id}/history`)).json.history.length, 2);
    assert.equal((await as.practitioner.put(`/api/v1/${col}/${id}`, { version: 1, text: 'y' })).status, 409);
  }
  assert.equal((await as.practitioner.post('/api/v1/goals/999999/objectives', { text: 'x' })).status, 404);
});

test('network maps: snapshot from the previous one, replace content, history, change, GraphML', async () => {
  // Person `covered` has no map in the demo data; the team leader writes in the team.
  const first = await as.lead.post(`/api/v1/people/${covered}/network-maps`, { taken_on: '2026-03-01' });
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(first.json.members, []);
  const put = await as.lead.put(`/api/v1/network-maps/${first.json.id}`, {
    version: 1,
    members: [
      { key: 'a', name: 'Sam', kind: 'person', relation: 'friend', ring: 'close', support_to_person: ['emotional'], support_from_person: ['practical'], frequency: 'weekly', x: 10.5, y: -4 },
      { key: 'b', name: 'Walking group', kind: 'group', relation: 'community_group', ring: 'middle' },
    ],
    ties: [{ a: 'a', b: 'b' }],
  });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json.version, 2);
  assert.equal(put.json.measures.size, 2);
  assert.equal(put.json.measures.ties, 1);
  assert.equal(put.json.members[0].x, 10.5);
  const [sam, group] = put.json.members.map((m) => m.member_id);
  assert.deepEqual(put.json.ties, [{ a: Math.min(sam, group), b: Math.max(sam, group) }]);
  const stale = await as.lead.put(`/api/v1/network-maps/${first.json.id}`, { version: 1, members: [] });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.current.members.length, 2);
  const second = await as.lead.post(`/api/v1/people/${covered}/network-maps`, { taken_on: '2026-09-01', note: 'review' });
  assert.deepEqual(second.json.members.map((m) => m.member_id), [sam, group], 'members keep their ids');
  const edit = await as.lead.put(`/api/v1/network-maps/${second.json.id}`, {
    version: 1, members: [second.json.members[0], { name: 'Dee', relation: 'neighbour', ring: 'outer' }],
  });
  assert.equal(edit.status, 200, edit.text);
  const change = await as.lead.get(`/api/v1/network-maps/${second.json.id}/change?from=${first.json.id}`);
  assert.equal(change.status, 200);
  assert.deepEqual(change.json.new_members.map((m) => m.name), ['Dee']);
  assert.deepEqual(change.json.lost_members.map((m) => m.member_id), [group]);
  assert.equal(change.json.measures_from.size, 2);
  assert.equal(change.json.measures_to.size, 2);
  const list = (await as.lead.get(`/api/v1/people/${covered}/network-maps`)).json.maps;
  assert.deepEqual(list.map((m) => m.id), [second.json.id, first.json.id], 'newest first');
  assert.equal(list[1].member_count, 2);
  const h = await as.lead.get(`/api/v1/network-maps/${first.json.id}/history`);
  assert.deepEqual(h.json.history.map((e) => e.change), ['created', 'updated']);
  const g = await as.lead.get(`/api/v1/network-maps/${second.json.id}/graphml`);
  assert.equal(g.status, 200);
  assert.match(g.headers.get('content-type'), /application\/graphml\+xml/);
  assert.match(g.text, /<graphml/);
  assert.match(g.text, /neighbour/);
  assert.doesNotMatch(g.text, /Dee/, 'labels (personal data) are left out');
});

test('network maps: bad content is a 400 naming the field, nothing stored', async () => {
  const map = (await as.lead.post(`/api/v1/people/${covered}/network-maps`, { taken_on: '2026-10-01' })).json;
  const cases = [
    [{ version: map.version, members: [{ name: 'A', relation: 'friend', ring: 'far' }] }, 'members[0].ring'],
    [{ version: map.version, members: [{ name: 'A', relation: 'cousin', ring: 'close' }] }, 'members[0].relation'],
    [{ version: map.version, members: [{ name: '', relation: 'friend', ring: 'close' }] }, 'members[0].name'],
    [{ version: map.version, members: [{ name: 'A', relation: 'friend', ring: 'close', support_to_person: ['money'] }] }, 'members[0].support_to_person[0]'],
    [{ version: map.version, members: [{ key: 'a', name: 'A', relation: 'friend', ring: 'close' }], ties: [{ a: 'a', b: 'zz' }] }, 'ties[0].b'],
    [{ version: map.version, members: [{ member_id: 1, name: 'A', relation: 'friend', ring: 'close' }] }, 'members[0].member_id'],
    [{ members: [] }, 'version'],
  ];
  for (const [body, field] of cases) {
    const r = await as.lead.put(`/api/v1/network-maps/${map.id}`, body);
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    assert.equal(r.json.error.field, field);
  }
  const after = (await as.lead.get(`/api/v1/network-maps/${map.id}`)).json;
  assert.equal(after.version, map.version);
  assert.deepEqual(after.members, map.members);
  assert.equal((await as.lead.post(`/api/v1/people/${covered}/network-maps`, { taken_on: 'soon' })).json.error.field, 'taken_on');
});

test('permissions: each role both ways on the record', async () => {
  const goal = { text: 'A goal' };
  const asset = { kind: 'skill', text: 'Knitting' };
  // [person, method, path, body, {role: status}]
  const cases = [
    [own, 'get', 'goals', null, { practitioner: 200, lead: 200, person: 200, admin: 403, researcher: 403, sysadmin: 403 }],
    [own, 'post', 'goals', goal, { practitioner: 201, lead: 201, person: 201, admin: 403, researcher: 403, sysadmin: 403 }],
    [own, 'post', 'ideas', { text: 'x', suggested_by: 'person' }, { practitioner: 201, person: 201, admin: 403 }],
    [own, 'post', 'network-maps', { taken_on: '2026-11-01' }, { person: 201, researcher: 403, sysadmin: 403 }],
    [own, 'post', 'assets', asset, { practitioner: 201, lead: 201, person: 403, admin: 403, researcher: 403, sysadmin: 403 }],
    [own, 'post', 'engagements', { resource_name: 'x', stage: 'suggested' }, { person: 403 }],
    [own, 'post', 'barriers', { side: 'person', category: 'money' }, { person: 403 }],
    [own, 'post', 'recognition', { kind: 'skill', text: 'x', from: 'person' }, { person: 403 }],
    [own, 'get', 'record', null, { practitioner: 200, lead: 200, person: 200, admin: 403, researcher: 403, sysadmin: 403 }],
    [own, 'get', 'journey', null, { practitioner: 200, person: 200, researcher: 403 }],
    [covered, 'get', 'assets', null, { practitioner: 200, lead: 200, person: 403, admin: 403 }],
    [covered, 'post', 'assets', asset, { practitioner: 403, lead: 201, person: 403 }],
    [covered, 'post', 'goals', goal, { practitioner: 403, person: 403 }],
    [otherTeam, 'get', 'goals', null, { practitioner: 403, lead: 403, person: 403 }],
    [otherTeam, 'post', 'goals', goal, { practitioner: 403, lead: 403 }],
  ];
  for (const [person, method, what, body, expect] of cases) {
    for (const [u, status] of Object.entries(expect)) {
      const path = `/api/v1/people/${person}/${what}`;
      const r = method === 'get' ? await as[u].get(path) : await as[u].post(path, body);
      assert.equal(r.status, status, `${u} ${method} ${path}: ${r.text.slice(0, 200)}`);
      if (status === 403) assert.equal(r.json.error.code, 'forbidden');
    }
  }
  // The person's own change is recorded as theirs.
  const mine = await as.person.post(`/api/v1/people/${own}/goals`, { text: 'In my own words' });
  assert.equal(mine.json.created_by.role, 'person');
  const upd = await as.person.put(`/api/v1/goals/${mine.json.id}`, { version: 1, status: 'paused' });
  assert.equal(upd.json.updated_by.role, 'person');
  // Refusals are audited (the system administrator reviews the log).
  const log = (await as.sysadmin.get('/api/v1/audit?limit=200')).json;
  const entries = log.entries ?? log.audit ?? [];
  assert.ok(entries.some((e) => e.action === 'asset.create' && e.outcome === 'refused' && e.username === 'demo-person'),
    'the refused asset.create by the person is in the audit log');
});

test('quick contact form: records added in one transaction, all or nothing', async () => {
  const contacts = async () => (await as.practitioner.get(`/api/v1/partnerships/${ownPartnership}/contacts`)).json.contacts.length;
  const goals = async () => (await as.practitioner.get(`/api/v1/people/${own}/goals`)).json.goals.length;
  const [c0, g0] = [await contacts(), await goals()];
  const base = { date: '2026-01-12', mode: 'in_person', duration_minutes: 45, processes: ['goals'], note: '' };
  const bad = await as.practitioner.post(`/api/v1/partnerships/${ownPartnership}/contacts`, {
    ...base, add: { goals: [{ text: 'Fine' }], engagements: [{ resource_name: 'Choir', stage: 'nowhere' }] },
  });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.json.error.field, 'add.engagements[0].stage');
  const unknown = await as.practitioner.post(`/api/v1/partnerships/${ownPartnership}/contacts`, { ...base, add: { friends: [] } });
  assert.equal(unknown.json.error.field, 'add.friends');
  assert.equal(await contacts(), c0);
  assert.equal(await goals(), g0);
  const ok = await as.practitioner.post(`/api/v1/partnerships/${ownPartnership}/contacts`, {
    ...base,
    add: {
      network_members: [{ name: 'Jan from the choir', kind: 'person', relation: 'community_group', ring: 'outer' }],
      goals: [{ text: 'Sing in public', review_on: '2027-03-01' }],
      engagements: [{ resource_name: 'Community choir', stage: 'attended' }],
    },
  });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.added.network_members.length, 1);
  assert.equal(ok.json.added.goals.length, 1);
  assert.equal(ok.json.added.engagements.length, 1);
  assert.deepEqual(ok.json.contact.processes, ['goals', 'network_mapping', 'engagement']);
  assert.equal(await contacts(), c0 + 1);
  assert.equal(await goals(), g0 + 1);
  const page = (await as.practitioner.get(`/api/v1/people/${own}/record`)).json;
  assert.ok(page.network_map.members.some((m) => m.member_id === ok.json.added.network_members[0]));
  // Without `add` the form is what it was.
  const plain = await as.practitioner.post(`/api/v1/partnerships/${ownPartnership}/contacts`, base);
  assert.equal(plain.status, 201);
  assert.equal(plain.json.added, undefined);
});

test('the person page and the journey picture', async () => {
  const page = await as.practitioner.get(`/api/v1/people/${own}/record`);
  assert.equal(page.status, 200);
  for (const k of ['person', 'partnerships', 'network_map', 'assets', 'goals', 'ideas', 'engagements', 'barriers', 'recognition', 'journey'])
    assert.ok(k in page.json, k);
  assert.equal(page.json.person.id, own);
  const j = await as.person.get(`/api/v1/people/${own}/journey`);
  assert.equal(j.status, 200);
  const names = j.json.processes.map((p) => p.process);
  assert.deepEqual(names, ['network_mapping', 'assets', 'goals', 'ideas', 'community_resources', 'engagement', 'barriers', 'recognition', 'feedback', 'review']);
  for (const p of j.json.processes) assert.ok(['done', 'due', 'overdue', 'not_started'].includes(p.status), p.status);
  assert.ok(j.json.processes.find((p) => p.process === 'goals').last_done, 'goals were recorded today');
  assert.equal((await as.practitioner.get('/api/v1/people/99999/record')).status, 404);
});
