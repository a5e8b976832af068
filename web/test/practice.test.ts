// web/test/practice.test.ts: unit tests (Vitest) for the practice-records front end (issue 4):
// decoding the JSON of docs/practice-api.md, the network map draft (ids kept, new members keyed,
// ties, rings, the PUT body), what a version conflict changed, the record forms' bodies, the
// quick contact form's `add` object and "added by you / your worker".
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DecodeError } from '../src/api/decode';
import { setCsrfToken } from '../src/api/http';
import * as api from '../src/api/practice/endpoints';
import {
  decodeEngagement, decodeGoal, decodeHistory, decodeJourney, decodeMap, decodeMapChange, decodeMapSummary, listOf,
} from '../src/api/practice/types';
import { addedBy, label } from '../src/practiceLabels';
import {
  addTie, clampToRings, describeChanges, draftProblem, fromMap, hasTie, isDirty, layout, newMember, removeMember, ringAt, RING_RADIUS, toBody, updateMember,
} from '../src/pages/person/network/mapDraft';
import { bodyOf, conflictLines, missingField, normalise, type FieldSpec } from '../src/pages/person/shared/RecordForm';
import { additionsBody, NO_ADDITIONS } from '../src/pages/person/ContactAdditions';
import { journeySummary, stepDetails } from '../src/pages/person/JourneyPicture';
import { BARRIER_FIELDS } from '../src/pages/person/shared/specs';
import { show } from '../src/pages/person/network/Measures';

const author = (role: string, name = 'Sam Worker') => ({ account_id: 2, display_name: name, role });
const MAP = {
  id: 7, person_id: 1, taken_on: '2026-11-20', note: '', version: 3,
  created_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-21T10:00:00Z', created_by: author('practitioner'), updated_by: author('person', 'Alex'),
  members: [
    { member_id: 12, name: 'Sam', kind: 'person', relation: 'friend', ring: 'close', support_to_person: ['emotional'], support_from_person: ['practical'], frequency: 'weekly', resource_id: null, x: 50, y: -40 },
    { member_id: 13, name: 'Walking group', kind: 'group', relation: 'community_group', ring: 'outer', support_to_person: [], support_from_person: [], frequency: 'monthly', resource_id: 4, x: null, y: null },
  ],
  ties: [{ a: 12, b: 13 }],
  measures: { size: 2, ties: 1, density: 1, effective_size: 1, components: 1, isolates: 0, blau_relation: 0.5, composition_relation: { friend: 1, community_group: 1 }, odd: 'x' },
};

describe('decoding the practice API', () => {
  test('a network map snapshot, with ids as text and measures kept', () => {
    const m = decodeMap(MAP);
    expect(m).toMatchObject({ id: '7', version: 3, takenOn: '2026-11-20', note: null, personId: '1' });
    expect(m.members[0]).toEqual({
      memberId: '12', name: 'Sam', kind: 'person', relation: 'friend', ring: 'close', supportToPerson: ['emotional'],
      supportFromPerson: ['practical'], frequency: 'weekly', resourceId: null, x: 50, y: -40,
    });
    expect(m.members[1]?.resourceId).toBe('4');
    expect(m.ties).toEqual([{ a: '12', b: '13' }]);
    expect(m.measures['blau_relation']).toBe(0.5);
    expect(m.measures['composition_relation']).toEqual({ friend: 1, community_group: 1 });
    expect('odd' in m.measures).toBe(false);
    expect(m.updatedBy).toEqual({ accountId: '2', displayName: 'Alex', role: 'person' });
  });
  test('a map missing what the page needs is refused, naming the place', () => {
    expect(() => decodeMap({ ...MAP, version: undefined })).toThrow(/network_map\.version/);
    expect(() => decodeMap({ ...MAP, version: 0 })).toThrow(DecodeError);
    expect(() => decodeMap({ ...MAP, members: [{ name: 'No id', kind: 'person', relation: 'friend', ring: 'close' }] })).toThrow(/members\[0\]\.member_id/);
    expect(() => decodeMap({ ...MAP, ties: [{ a: 12 }] })).toThrow(/ties\[0\]\.b/);
  });
  test('the list of snapshots and the change between two', () => {
    const list = listOf({ maps: [{ id: 7, taken_on: '2026-11-20', version: 1, member_count: 2, measures: { size: 2 } }] }, 'maps', decodeMapSummary);
    expect(list).toEqual([{ id: '7', takenOn: '2026-11-20', note: null, version: 1, memberCount: 2, measures: { size: 2 } }]);
    expect(() => listOf({ maps: [{ id: 7 }] }, 'maps', decodeMapSummary)).toThrow(/maps\[0\]\.taken_on/);
    const c = decodeMapChange({ from: 5, to: { id: 7 }, new_members: [{ member_id: 13, name: 'Walking group' }], lost_members: ['Jo'], measures_from: { size: 1 }, measures_to: { size: 2 } });
    expect(c).toEqual({ fromId: '5', toId: '7', newMembers: [{ memberId: '13', name: 'Walking group' }], lostMembers: [{ memberId: null, name: 'Jo' }], measuresFrom: { size: 1 }, measuresTo: { size: 2 } });
  });
  test('goals with objectives and activities', () => {
    const g = decodeGoal({
      id: 1, version: 2, text: 'Get back to swimming', status: 'active', review_on: '2027-01-10', created_by: author('person', 'Alex'),
      objectives: [{ id: 2, version: 1, text: 'Find a pool', activities: [{ id: 3, version: 1, text: 'Look up times', who: 'both', by_when: '2026-12-01' }] }],
    }, 'goal');
    expect(g.text).toBe('Get back to swimming');
    expect(g.objectives[0]?.status).toBe('active');
    expect(g.objectives[0]?.activities[0]).toMatchObject({ id: '3', who: 'both', byWhen: '2026-12-01', status: 'planned', whoOther: null });
    expect(() => decodeGoal({ id: 1, version: 1 }, 'goals[0]')).toThrow(/goals\[0\]\.text/);
  });
  test('an engagement with its journey and a map offer', () => {
    const e = decodeEngagement({
      id: 4, version: 2, resource_id: null, resource_name: 'Allotment club', stage: 'accompanied',
      stages: [{ stage: 'suggested', on: '2026-11-01' }, { stage: 'accompanied', on: '2026-11-08' }],
      map_offer: { name: 'Allotment club', relation: 'community_group', ring: 'outer', resource_id: null },
    }, 'engagement');
    expect(e.stages).toEqual([{ stage: 'suggested', on: '2026-11-01' }, { stage: 'accompanied', on: '2026-11-08' }]);
    expect(e.mapOffer).toEqual({ name: 'Allotment club', relation: 'community_group', ring: 'outer', resourceId: null });
    expect(decodeEngagement({ id: 4, version: 1, resource_name: 'X', stage: 'suggested' }, 'e').mapOffer).toBeNull();
  });
  test('the journey and the history of a record', () => {
    const j = decodeJourney({ processes: [{ process: 'goals', last_done: '2026-11-20', status: 'done', due_by: '2027-02-20' }, { process: 'barriers', last_done: null, status: 'not_started', due_by: null }] });
    expect(j[1]).toEqual({ process: 'barriers', lastDone: null, status: 'not_started', dueBy: null });
    expect(() => decodeJourney({ processes: [{ process: 'goals' }] })).toThrow(/processes\[0\]\.status/);
    const h = decodeHistory({ history: [{ version: 1, changed_at: '2026-11-20T10:00:00Z', changed_by: author('person', 'Alex'), change: 'created', data: { text: 'a' } }] });
    expect(h[0]).toMatchObject({ version: 1, change: 'created', data: { text: 'a' }, changedBy: { role: 'person' } });
  });
});

describe('the network map draft', () => {
  test('round trip: a saved map becomes the same PUT body, with ids and version', () => {
    const d = fromMap(decodeMap(MAP));
    const body = toBody(d);
    expect(body.version).toBe(3);
    expect(body.members[0]).toMatchObject({ member_id: 12, name: 'Sam', ring: 'close', support_to_person: ['emotional'], x: 50, y: -40 });
    expect(body.members[1]).toMatchObject({ member_id: 13, resource_id: 4, x: null });
    expect(body.ties).toEqual([{ a: 12, b: 13 }]);
    expect(isDirty(d, decodeMap(MAP))).toBe(false);
  });
  test('a new member gets a key, and a tie to it names the key', () => {
    let d = fromMap(decodeMap(MAP));
    const m = newMember({ name: 'Priya', relation: 'neighbour', ring: 'middle' });
    d = { ...d, members: [...d.members, m] };
    d = addTie(d, '12', m.ref);
    d = addTie(d, m.ref, '12');
    expect(d.ties).toHaveLength(2);
    const body = toBody(d);
    const added = body.members[2]!;
    expect(added.member_id).toBeUndefined();
    expect(added.key).toBe(m.ref);
    expect(body.ties[1]).toEqual({ a: 12, b: m.ref });
    expect(isDirty(d, decodeMap(MAP))).toBe(true);
  });
  test('taking a member off removes their ties; editing keeps their id', () => {
    let d = fromMap(decodeMap(MAP));
    d = updateMember(d, '12', { ring: 'outer', name: 'Samuel' });
    expect(toBody(d).members[0]).toMatchObject({ member_id: 12, name: 'Samuel', ring: 'outer' });
    d = removeMember(d, '13');
    expect(d.members.map((m) => m.ref)).toEqual(['12']);
    expect(hasTie(d, '12', '13')).toBe(false);
    expect(toBody(d).ties).toEqual([]);
  });
  test('rings by distance, and positions on the right ring', () => {
    expect(ringAt(0, RING_RADIUS['close']!)).toBe('close');
    expect(ringAt(RING_RADIUS['middle']!, 0)).toBe('middle');
    expect(ringAt(1000, 1000)).toBe('outer');
    const d = fromMap(decodeMap(MAP));
    const pos = layout(d.members);
    expect(pos.get('12')).toEqual({ x: 50, y: -40 }); // saved and inside the close ring
    const p13 = pos.get('13')!;
    expect(ringAt(p13.x, p13.y)).toBe('outer'); // no position saved: placed on its ring
    // A saved position that is not on the member's ring is not used.
    const moved = layout(updateMember(d, '12', { ring: 'outer' }).members).get('12')!;
    expect(ringAt(moved.x, moved.y)).toBe('outer');
  });
  test('a member dropped beyond the outer ring is pulled back onto it', () => {
    expect(clampToRings(10, 20)).toEqual({ x: 10, y: 20 });
    const p = clampToRings(0, 1000);
    expect(p.x).toBeCloseTo(0);
    expect(p.y).toBeCloseTo(RING_RADIUS['outer']!);
    expect(ringAt(p.x, p.y)).toBe('outer');
  });
  test('a member without a name stops the save', () => {
    const d = fromMap(decodeMap(MAP));
    expect(draftProblem(d)).toBeNull();
    expect(draftProblem(updateMember(d, '13', { name: '  ' }))).toMatch(/Member 2/);
  });
  test('a version conflict says what the other save changed', () => {
    const mine = decodeMap(MAP);
    const theirs = decodeMap({
      ...MAP, version: 4,
      members: [{ ...MAP.members[0], ring: 'middle' }, { member_id: 14, name: 'Jo', kind: 'person', relation: 'family', ring: 'close' }],
      ties: [],
    });
    const lines = describeChanges(mine, theirs);
    expect(lines).toContain('Jo was added.');
    expect(lines).toContain('Walking group was taken off the map.');
    expect(lines).toContain('Sam moved from the close ring to the middle ring.');
    expect(lines).toContain('Links between people: 1 before, 0 now.');
    expect(describeChanges(mine, mine)).toEqual(['Only the positions on the drawing were changed.']);
  });
});

describe('record forms', () => {
  const fields: FieldSpec[] = [
    { name: 'text', label: 'The goal', kind: 'textarea', required: true },
    { name: 'status', label: 'Status', kind: 'select', options: [{ value: 'active', label: 'Working on it' }, { value: 'achieved', label: 'Achieved' }] },
    { name: 'review_on', label: 'Review on', kind: 'date' },
  ];
  test('bodies: empty optional fields left out when adding, null when changing', () => {
    expect(bodyOf(fields, { text: ' Swim ', status: 'active', review_on: '' }, 'create')).toEqual({ text: 'Swim', status: 'active' });
    expect(bodyOf(fields, { text: 'Swim', status: 'achieved', review_on: '' }, 'update')).toEqual({ text: 'Swim', status: 'achieved', review_on: null });
  });
  test('a required field left empty is named', () => {
    expect(missingField(fields, { text: ' ' })).toBe('Please fill in “The goal”.');
    expect(missingField(fields, { text: 'x' })).toBeNull();
  });
  test('barrier categories follow the side, and the body says what is shown', () => {
    const person = bodyOf(BARRIER_FIELDS, { side: 'person', category: 'money', status: 'open' }, 'update');
    expect(person['category']).toBe('money');
    const worker = normalise(BARRIER_FIELDS, { side: 'worker_agency', category: 'money' });
    expect(worker['category']).toBe('local_knowledge');
    expect(bodyOf(BARRIER_FIELDS, { side: 'worker_agency', category: 'time' }, 'create')['category']).toBe('time');
  });
  test('a conflict lists the fields that differ, in words', () => {
    const lines = conflictLines(fields, { text: 'Swim', status: 'active', review_on: '' }, { text: 'Swim', status: 'achieved', review_on: null, version: 5 });
    expect(lines).toEqual(['Status: now “Achieved” (you started from “Working on it”).']);
  });
});

describe('the quick contact form', () => {
  test('nothing opened: an empty add object', () => {
    expect(additionsBody(NO_ADDITIONS)).toEqual({ add: {} });
  });
  test('a network member, a goal and an engagement in one add object', () => {
    const a = {
      ...NO_ADDITIONS, open: ['member', 'goal', 'engagement'] as const,
      member: { name: ' Priya ', kind: 'person', relation: 'neighbour', ring: 'middle' },
      goal: { text: 'Go to the allotment every week', review_on: '' },
      engagement: { resource_name: 'Allotment club', stage: 'suggested' },
    };
    expect(additionsBody({ ...a, open: [...a.open] })).toEqual({
      add: {
        network_members: [{ name: 'Priya', kind: 'person', relation: 'neighbour', ring: 'middle' }],
        goals: [{ text: 'Go to the allotment every week' }],
        engagements: [{ resource_name: 'Allotment club', stage: 'suggested' }],
      },
    });
  });
  test('an opened part left empty is a problem, not a silent skip', () => {
    expect(additionsBody({ ...NO_ADDITIONS, open: ['goal'] })).toEqual({ problem: 'Please write the goal, in the person’s own words.' });
  });
});

describe('labels and the journey', () => {
  test('who added a record, for the person and for workers', () => {
    expect(addedBy({ accountId: '1', displayName: 'Alex', role: 'person' }, true)).toBe('added by you');
    expect(addedBy({ accountId: '2', displayName: 'Sam Worker', role: 'practitioner' }, true)).toBe('added by your worker');
    expect(addedBy({ accountId: '1', displayName: 'Alex', role: 'person' }, false)).toBe('added by Alex (the person)');
    expect(addedBy({ accountId: '2', displayName: 'Sam Worker', role: 'practitioner' }, false)).toBe('added by Sam Worker');
  });
  test('codes become words; unknown codes are shown, not hidden', () => {
    expect(label('relation', 'work_education')).toBe('Work or education');
    expect(label('stage', 'brand_new_stage')).toBe('brand new stage');
  });
  test('measures in words: shares as percentages (also 0 and 1), breakdowns by label', () => {
    expect(show('share_outside_services', 1)).toBe('100%');
    expect(show('reciprocity', 0.5)).toBe('50%');
    expect(show('size', 4)).toBe('4');
    expect(show('density', 1 / 6)).toBe('0.17');
    expect(show('by_ring', { close: 2, middle: 0, outer: 1 })).toBe('Close 2, Outer 1');
    expect(show('by_relation', { work_education: 1 })).toBe('Work or education 1');
    expect(show('density', null)).toBe('—');
  });
  test('journey words', () => {
    const steps = [
      { process: 'goals', lastDone: '2026-08-01', status: 'overdue', dueBy: '2026-11-01' },
      { process: 'network_mapping', lastDone: '2026-11-01', status: 'done', dueBy: '2027-05-01' },
      { process: 'barriers', lastDone: null, status: 'not_started', dueBy: null },
    ];
    expect(stepDetails(steps[0]!)).toBe('last on 1 Aug 2026, was due by 1 Nov 2026');
    expect(stepDetails(steps[2]!)).toBe('');
    expect(journeySummary(steps)).toBe('The Connecting People journey: 1 of 3 shared processes done, 0 due soon, 1 overdue, 1 not started.');
  });
});

describe('practice endpoints', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

  test('a 409 version_conflict carries the current record', async () => {
    vi.stubGlobal('fetch', answer(409, { error: { code: 'version_conflict', message: 'changed', field: 'version', current: MAP } }));
    const err = await api.saveMap('7', toBody(fromMap(decodeMap(MAP)))).catch((e: unknown) => e);
    const current = api.conflictCurrent(err);
    expect(current).not.toBeNull();
    expect(decodeMap(current).members).toHaveLength(2);
    vi.stubGlobal('fetch', answer(400, { error: { code: 'invalid', message: 'bad', field: 'members[0].ring' } }));
    expect(api.conflictCurrent(await api.saveMap('7', toBody(fromMap(decodeMap(MAP)))).catch((e: unknown) => e))).toBeNull();
  });
  test('the contact form sends add in the same request and reads what was added', async () => {
    const fetchMock = answer(201, { contact: { id: 99, date: '2026-11-21', processes: ['goals'], added: { network_members: [40], goals: [41], engagements: [42] } } });
    vi.stubGlobal('fetch', fetchMock);
    const res = await api.addContactWithRecords('3', { date: '2026-11-21', add: { goals: [{ text: 'x' }] } });
    expect(res).toEqual({ contactId: '99', added: { network_members: ['40'], goals: ['41'], engagements: ['42'] } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/partnerships/3/contacts');
    expect(JSON.parse(String(init.body))).toEqual({ date: '2026-11-21', add: { goals: [{ text: 'x' }] } });
  });
  test('the directory search falls back when the server has no directory', async () => {
    vi.stubGlobal('fetch', answer(404, { error: { code: 'not_found', message: 'no', field: null } }));
    expect(await api.searchResources('walk')).toBeNull();
    vi.stubGlobal('fetch', answer(200, { resources: [{ id: 5, name: 'Walking for health', description: 'Weekly walks' }, { name: 'no id' }] }));
    expect(await api.searchResources('walk')).toEqual([{ id: '5', name: 'Walking for health', detail: 'Weekly walks' }]);
  });
});
