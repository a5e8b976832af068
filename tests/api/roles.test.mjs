// tests/api/roles.test.mjs — every role on every endpoint, both ways (issue 2: "Every role is
// tested on every endpoint both ways"); refusals are 403 and audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server;
const as = {};
let mine, covered, otherTeamPerson, ownPersonId;

before(async () => {
  server = await startServer();
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person', 'sysadmin']) {
    as[u] = new Client(server.url);
    const r = await as[u].login(`demo-${u}`);
    assert.equal(r.status, 200, `demo-${u} signs in`);
  }
  const own = (await as.practitioner.get('/api/v1/caseload')).json.people;
  const team = (await as.lead.get('/api/v1/caseload')).json.people;
  ownPersonId = (await as.person.get('/api/v1/auth/me')).json.user.person_id;
  mine = own.find((p) => p.person_id === ownPersonId);
  covered = team.find((p) => p.worker_id !== mine.worker_id && p.episode_state === 'open');
  const teamIds = new Set(team.map((p) => p.person_id));
  otherTeamPerson = [...Array(40).keys()].map((i) => i + 1).find((id) => !teamIds.has(id));
  assert.ok(mine && covered && otherTeamPerson);
});
after(async () => { await server.stop(); });

const contact = () => ({ date: '2026-01-10', mode: 'in_person', duration_minutes: 30, processes: ['assets'] });

test('caseload: practitioner and team leader yes; everyone else 403', async () => {
  const expect = { practitioner: 200, lead: 200, admin: 403, researcher: 403, person: 403, sysadmin: 403 };
  for (const [u, status] of Object.entries(expect)) {
    const r = await as[u].get('/api/v1/caseload');
    assert.equal(r.status, status, u);
    if (status === 403) assert.equal(r.json.error.code, 'forbidden');
  }
  const own = (await as.practitioner.get('/api/v1/caseload')).json.people;
  const team = (await as.lead.get('/api/v1/caseload')).json.people;
  assert.ok(own.every((p) => p.worker_id === mine.worker_id), 'practitioner sees only their own');
  assert.ok(team.length > own.length, 'team leader sees the whole team');
});

test("a person's record: who may read it", async () => {
  const cases = [
    [mine.person_id, { practitioner: 200, lead: 200, person: 200, admin: 403, researcher: 403, sysadmin: 403 }],
    [covered.person_id, { practitioner: 200, lead: 200, person: 403, admin: 403, researcher: 403, sysadmin: 403 }],
    [otherTeamPerson, { practitioner: 403, lead: 403, person: 403, admin: 403, researcher: 403, sysadmin: 403 }],
  ];
  for (const [id, expect] of cases) {
    for (const [u, status] of Object.entries(expect)) {
      const r = await as[u].get(`/api/v1/people/${id}`);
      assert.equal(r.status, status, `${u} reading person ${id}`);
      if (status === 200) assert.equal(r.json.person.id, id);
      else assert.equal(r.json.person, undefined, 'nothing of the record leaks in a refusal');
    }
  }
  assert.equal((await as.practitioner.get('/api/v1/people/99999')).status, 404);
});

test('contacts: the partnership holder and team leader write; cover reads; others refused', async () => {
  const writes = { practitioner: 201, lead: 201, person: 403, admin: 403, researcher: 403, sysadmin: 403 };
  for (const [u, status] of Object.entries(writes)) {
    const r = await as[u].post(`/api/v1/partnerships/${mine.partnership_id}/contacts`, contact());
    assert.equal(r.status, status, `${u} recording a contact`);
  }
  const coverWrite = await as.practitioner.post(`/api/v1/partnerships/${covered.partnership_id}/contacts`, contact());
  assert.equal(coverWrite.status, 403, 'covering a colleague is read-only');
  const reads = { practitioner: 200, lead: 200, person: 200, admin: 403, researcher: 403, sysadmin: 403 };
  for (const [u, status] of Object.entries(reads)) {
    const r = await as[u].get(`/api/v1/partnerships/${mine.partnership_id}/contacts`);
    assert.equal(r.status, status, `${u} listing contacts`);
  }
  const list = (await as.practitioner.get(`/api/v1/partnerships/${mine.partnership_id}/contacts`)).json.contacts;
  assert.equal(list.filter((c) => c.date === '2026-01-10' && c.processes[0] === 'assets').length, 2, 'exactly the two permitted writes were stored');
  assert.equal((await as.practitioner.get(`/api/v1/partnerships/${covered.partnership_id}/contacts`)).status, 200);
});

test('episodes: holder and team leader change them; others refused', async () => {
  const refused = ['person', 'admin', 'researcher', 'sysadmin'];
  for (const u of refused) {
    const r = await as[u].post(`/api/v1/partnerships/${mine.partnership_id}/episodes`, { action: 'pause' });
    assert.equal(r.status, 403, u);
  }
  const p = await as.practitioner.post(`/api/v1/partnerships/${mine.partnership_id}/episodes`, { action: 'pause', reason: 'holiday' });
  assert.equal(p.status, 201);
  assert.equal(p.json.episode.state, 'paused');
  const back = await as.lead.post(`/api/v1/partnerships/${mine.partnership_id}/episodes`, { action: 're_enter' });
  assert.equal(back.status, 201);
  assert.equal(back.json.episode.state, 're_entered');
  const cover = await as.practitioner.post(`/api/v1/partnerships/${covered.partnership_id}/episodes`, { action: 'pause' });
  assert.equal(cover.status, 403);
  const summary = await as.practitioner.get(`/api/v1/people/${mine.person_id}`);
  const states = summary.json.partnerships[0].episodes.map((e) => e.state);
  assert.deepEqual(states.slice(-2), ['paused', 're_entered'], 'history kept');
});

test('transfer moves the partnership to another worker of the agency and keeps the history', async () => {
  const lead = as.lead;
  const team = (await lead.get('/api/v1/caseload')).json.people;
  const target = team.find((p) => p.worker_id === mine.worker_id && p.person_id !== mine.person_id && p.episode_state === 'open');
  assert.ok(target);
  const r = await lead.post(`/api/v1/partnerships/${target.partnership_id}/episodes`, { action: 'transfer', to_worker_id: covered.worker_id, reason: 'closer to home' });
  assert.equal(r.status, 201);
  assert.equal(r.json.episode.to_worker_id, covered.worker_id);
  const after = (await lead.get('/api/v1/caseload')).json.people.find((p) => p.partnership_id === target.partnership_id);
  assert.equal(after.worker_id, covered.worker_id);
  assert.equal(after.episode_state, 'transferred');
  const bad = await lead.post(`/api/v1/partnerships/${target.partnership_id}/episodes`, { action: 'transfer', to_worker_id: 99999 });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'to_worker_id');
});

test('teams: agency staff yes; person, researcher, system admin no', async () => {
  const expect = { practitioner: 200, lead: 200, admin: 200, researcher: 403, person: 403, sysadmin: 403 };
  for (const [u, status] of Object.entries(expect)) assert.equal((await as[u].get('/api/v1/teams')).status, status, u);
  assert.equal((await as.admin.get('/api/v1/teams')).json.teams.length, 2);
});

test('workers: agency staff yes; person, researcher, system admin no', async () => {
  const expect = { practitioner: 200, lead: 200, admin: 200, researcher: 403, person: 403, sysadmin: 403 };
  for (const [u, status] of Object.entries(expect)) assert.equal((await as[u].get('/api/v1/workers')).status, status, u);
  const workers = (await as.lead.get('/api/v1/workers')).json.workers;
  assert.equal(workers.length, 6);
  assert.ok(workers.some((w) => w.id === covered.worker_id));
  assert.equal('person_id' in workers[0], false);
});

test('audit review: system admin only; the chain verifies; refusals were recorded', async () => {
  for (const u of ['practitioner', 'lead', 'admin', 'researcher', 'person']) {
    assert.equal((await as[u].get('/api/v1/audit')).status, 403, u);
    assert.equal((await as[u].get('/api/v1/audit/verify')).status, 403, u);
  }
  const v = await as.sysadmin.get('/api/v1/audit/verify');
  assert.equal(v.status, 200);
  assert.equal(v.json.intact, true);
  const entries = (await as.sysadmin.get('/api/v1/audit?limit=1000')).json.entries;
  const refusal = entries.find((e) => e.username === 'demo-researcher' && e.action === 'person.read' && e.outcome === 'refused');
  assert.ok(refusal, 'the researcher trying to read a person is in the audit log');
  assert.ok(entries.some((e) => e.username === 'demo-person' && e.action === 'person.read' && e.outcome === 'ok' && e.person_id === ownPersonId));
  assert.ok(entries.some((e) => e.action === 'contact.create' && e.outcome === 'ok'));
});
