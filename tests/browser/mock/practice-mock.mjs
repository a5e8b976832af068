// tests/browser/mock/practice-mock.mjs: the practice-records API (docs/practice-api.md) in
// memory, for fake-cpi.mjs (development only; CTest runs the browser tests against the real
// server). Enough of the contract for the front end: network maps with versions and 409s,
// goals → objectives → activities, assets, ideas, engagements with map offers, barriers,
// recognition, history, the journey, and contacts with an `add` object.
const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);

export function makePractice(data) {
  const byPerson = new Map(); // person id -> { maps, goals, assets, ideas, engagements, barriers, recognition }
  const all = new Map(); // "kind:id" -> record (for PUT and history)
  const hist = new Map(); // "kind:id" -> versions
  let nextMember = 500;
  const rec = (pid) => {
    if (!byPerson.has(pid)) byPerson.set(pid, { maps: [], goals: [], assets: [], ideas: [], engagements: [], barriers: [], recognition: [], done: {} });
    return byPerson.get(pid);
  };
  const who = (u) => ({ account_id: u.id, display_name: u.display_name, role: u.role });
  const snapshot = (kind, r, change, u) => {
    const key = `${kind}:${r.id}`;
    if (!hist.has(key)) hist.set(key, []);
    hist.get(key).push({ version: r.version, changed_at: r.updated_at, changed_by: who(u), change, data: JSON.parse(JSON.stringify(r)) });
  };
  const create = (kind, pid, fields, u, extra = {}) => {
    const t = now();
    const r = { id: data.nextId(), person_id: pid, version: 1, created_at: t, updated_at: t, created_by: who(u), updated_by: who(u), ...fields, ...extra };
    all.set(`${kind}:${r.id}`, r);
    snapshot(kind, r, 'created', u);
    const processOf = { maps: 'network_mapping', goals: 'goals', objectives: 'goals', activities: 'goals', assets: 'assets', ideas: 'ideas', engagements: 'engagement', barriers: 'barriers', recognition: 'recognition' };
    rec(pid).done[processOf[kind]] = today();
    return r;
  };
  const measures = (m) => {
    const n = m.members.length;
    const t = m.ties.length;
    const rel = {};
    for (const x of m.members) rel[x.relation] = (rel[x.relation] ?? 0) + 1;
    const blau = n === 0 ? 0 : 1 - Object.values(rel).reduce((s, c) => s + (c / n) ** 2, 0);
    return { size: n, ties: t, density: n > 1 ? t / (n * (n - 1) / 2) : 0, effective_size: n > 0 ? n - (2 * t) / n : 0, blau_relation: blau, composition_relation: rel };
  };
  const withMeasures = (m) => ({ ...m, measures: measures(m) });
  const member = (b) => ({
    member_id: b.member_id ?? ++nextMember, name: b.name, kind: b.kind ?? 'person', relation: b.relation ?? 'friend', ring: b.ring ?? 'middle',
    support_to_person: b.support_to_person ?? [], support_from_person: b.support_from_person ?? [], frequency: b.frequency ?? 'unknown',
    resource_id: b.resource_id ?? null, x: b.x ?? null, y: b.y ?? null,
  });
  const latestMap = (pid, u) => {
    const maps = rec(pid).maps;
    return maps[maps.length - 1] ?? (maps.push(create('maps', pid, { taken_on: today(), note: '', members: [], ties: [] }, u)), maps[maps.length - 1]);
  };
  const touch = (kind, r, fields, u) => {
    Object.assign(r, fields, { version: r.version + 1, updated_at: now(), updated_by: who(u) });
    snapshot(kind, r, 'updated', u);
    return r;
  };
  const addAll = (pid, add, u) => {
    const added = {};
    for (const m of add.network_members ?? []) {
      const map = latestMap(pid, u);
      const mm = member(m);
      touch('maps', map, { members: [...map.members, mm] }, u);
      (added.network_members ??= []).push(mm.member_id);
    }
    const simple = { goals: 'goals', assets: 'assets', ideas: 'ideas', engagements: 'engagements', barriers: 'barriers', recognition: 'recognition' };
    for (const [key, kind] of Object.entries(simple)) {
      for (const b of add[key] ?? []) {
        const extra = kind === 'goals' ? { status: 'active', objectives: [] } : kind === 'engagements' ? { stages: [{ stage: b.stage ?? 'suggested', on: today() }] } : {};
        const r = create(kind, pid, b, u, extra);
        rec(pid)[kind].push(r);
        (added[key] ??= []).push(r.id);
      }
    }
    return added;
  };
  const PROCESSES = ['network_mapping', 'assets', 'goals', 'ideas', 'community_resources', 'engagement', 'barriers', 'recognition', 'feedback', 'review'];

  /** Handles a practice route; returns false when the route is not one of these. */
  return async function handle({ method, route, user, readJson, send, fail, canSee, isWriter }) {
    if (route === '/directory/resources' && method === 'GET') {
      return send(200, { resources: [{ id: 2, name: 'Greenfingers Community Garden (demo)', organization: { name: 'Greenfingers (demo)' } }], total: 1 });
    }
    let m = route.match(/^\/people\/(\d+)\/(network-maps|goals|assets|ideas|engagements|barriers|recognition|journey)$/);
    if (m) {
      const pid = Number(m[1]);
      const kind = m[2] === 'network-maps' ? 'maps' : m[2];
      if (!canSee(user, pid)) return fail(403, 'forbidden', 'Not permitted.');
      const r = rec(pid);
      if (kind === 'journey') {
        return send(200, { processes: PROCESSES.map((p) => ({ process: p, last_done: r.done[p] ?? null, status: r.done[p] ? 'done' : p === 'review' ? 'overdue' : 'not_started', due_by: null })) });
      }
      if (method === 'GET') {
        if (kind === 'maps') return send(200, { maps: [...r.maps].reverse().map((x) => ({ id: x.id, taken_on: x.taken_on, note: x.note, version: x.version, member_count: x.members.length, measures: measures(x) })) });
        return send(200, { [kind]: r[kind] });
      }
      if (method !== 'POST') return fail(405, 'method', 'No.');
      const ownShared = user.role === 'person' && ['maps', 'goals', 'ideas'].includes(kind);
      if (!ownShared && !isWriter(user, pid)) return fail(403, 'forbidden', 'Not permitted.');
      const b = await readJson();
      if (kind === 'maps') {
        const prev = r.maps[r.maps.length - 1];
        const copy = b.start_from !== 'empty' && prev ? { members: prev.members.map((x) => ({ ...x })), ties: prev.ties.map((x) => ({ ...x })) } : { members: [], ties: [] };
        const map = create('maps', pid, { taken_on: b.taken_on, note: b.note ?? '', ...copy }, user);
        r.maps.push(map);
        return send(201, withMeasures(map));
      }
      if (kind === 'engagements' && typeof b.resource_name !== 'string') return fail(400, 'invalid', 'resource_name is required.', 'resource_name');
      if ((kind === 'goals' || kind === 'ideas') && !b.text) return fail(400, 'invalid', 'text is required.', 'text');
      const { new_relationship: nr, ...fields } = b;
      const extra = kind === 'goals' ? { status: b.status ?? 'active', objectives: [] } : kind === 'engagements' ? { stages: [{ stage: b.stage, on: today() }] } : {};
      const created = create(kind, pid, fields, user, extra);
      r[kind].push(created);
      return send(201, nr ? { ...created, map_offer: { ...nr, resource_id: b.resource_id ?? null } } : created);
    }
    m = route.match(/^\/network-maps\/(\d+)(\/change)?$/);
    if (m) {
      const map = all.get(`maps:${m[1]}`);
      if (!map || !canSee(user, map.person_id)) return fail(404, 'not_found', 'No such map.');
      if (m[2]) {
        const first = rec(map.person_id).maps[0];
        const before = new Set(first.members.map((x) => x.member_id));
        const after = new Set(map.members.map((x) => x.member_id));
        return send(200, { from: first.id, to: map.id, new_members: map.members.filter((x) => !before.has(x.member_id)), lost_members: first.members.filter((x) => !after.has(x.member_id)), measures_from: measures(first), measures_to: measures(map) });
      }
      if (method === 'GET') return send(200, withMeasures(map));
      if (user.role !== 'person' && !isWriter(user, map.person_id)) return fail(403, 'forbidden', 'Not permitted.');
      const b = await readJson();
      if (b.version !== map.version) return send(409, { error: { code: 'version_conflict', message: 'The map has changed since you loaded it.', field: 'version', current: withMeasures(map) } });
      const keys = new Map();
      const members = b.members.map((x) => { const mm = member(x); if (x.key) keys.set(x.key, mm.member_id); return mm; });
      const ties = b.ties.map((t) => ({ a: keys.get(t.a) ?? t.a, b: keys.get(t.b) ?? t.b }));
      touch('maps', map, { members, ties, taken_on: b.taken_on ?? map.taken_on, note: b.note ?? map.note }, user);
      return send(200, withMeasures(map));
    }
    m = route.match(/^\/(goals|objectives)\/(\d+)\/(objectives|activities)$/);
    if (m && method === 'POST') {
      const parent = all.get(`${m[1]}:${m[2]}`);
      if (!parent) return fail(404, 'not_found', 'Not found.');
      const b = await readJson();
      const child = create(m[3], parent.person_id, { status: m[3] === 'activities' ? 'planned' : 'active', ...b }, user, m[3] === 'objectives' ? { activities: [] } : {});
      parent[m[3]].push(child);
      return send(201, child);
    }
    m = route.match(/^\/(goals|objectives|activities|assets|ideas|engagements|barriers|recognition)\/(\d+)(\/history|\/add-to-map)?$/);
    if (m) {
      const r = all.get(`${m[1]}:${m[2]}`);
      if (!r || !canSee(user, r.person_id)) return fail(404, 'not_found', 'Not found.');
      if (m[3] === '/history') return send(200, { history: hist.get(`${m[1]}:${m[2]}`) ?? [] });
      const b = await readJson();
      if (m[3] === '/add-to-map') {
        const map = latestMap(r.person_id, user);
        touch('maps', map, { members: [...map.members, member(b)] }, user);
        return send(200, withMeasures(map));
      }
      if (method !== 'PUT') return fail(405, 'method', 'No.');
      if (b.version !== r.version) return send(409, { error: { code: 'version_conflict', message: 'Changed since you loaded it.', field: 'version', current: r } });
      const { version: _v, ...fields } = b;
      if (m[1] === 'engagements' && fields.stage && fields.stage !== r.stage) r.stages = [...r.stages, { stage: fields.stage, on: today() }];
      return send(200, touch(m[1], r, fields, user));
    }
    m = route.match(/^\/partnerships\/(\d+)\/contacts$/);
    if (m && method === 'POST') {
      const p = data.partnerships.find((x) => x.id === Number(m[1]));
      if (!p || !isWriter(user, p.person_id)) return fail(403, 'forbidden', 'Not permitted.');
      const b = await readJson();
      if (typeof b.date !== 'string') return fail(400, 'missing_field', 'date is required.', 'date');
      const added = addAll(p.person_id, b.add ?? {}, user);
      const procs = new Set(b.processes ?? []);
      if (added.network_members) procs.add('network_mapping');
      if (added.goals) procs.add('goals');
      if (added.engagements) procs.add('engagement');
      const contact = { id: data.nextId(), date: b.date, mode: b.mode, duration_minutes: b.duration_minutes, processes: PROCESSES.filter((x) => procs.has(x)), note: b.note ?? '' };
      p.contacts.push(contact);
      for (const x of contact.processes) rec(p.person_id).done[x] = b.date;
      return send(201, { contact: { ...contact, added } });
    }
    return false;
  };
}
