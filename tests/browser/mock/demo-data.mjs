// tests/browser/mock/demo-data.mjs: synthetic demo data for fake-cpi.mjs (development only):
// one agency, two teams, a handful of people with partnerships in every episode state.
export function makeDemoData() {
  let next = 1000;
  const nextId = () => ++next;
  const workers = [
    { id: 1, display_name: 'Sam Practitioner', team_id: 1 },
    { id: 2, display_name: 'Lee Colleague', team_id: 1 },
    { id: 3, display_name: 'Kim Other', team_id: 2 },
  ];
  const teams = { 1: 'North team', 2: 'South team' };
  const names = ['Alex Morgan', 'Bilal Khan', 'Chloe Evans', 'Dev Patel', 'Erin Walsh', 'Femi Adeyemi', 'Grace Liu', 'Hamish Reid'];
  const states = ['open', 'paused', 're_entered', 'moved_on', 'transferred', 'open', 'open', 'paused'];
  const people = names.map((n, i) => ({ id: i + 1, display_name: n, preferred_name: n.split(' ')[0], pronouns: i % 2 ? 'she/her' : null, date_of_birth: i % 3 ? `19${70 + i}-0${(i % 9) + 1}-1${i}` : null }));
  const partnerships = people.map((p, i) => ({
    id: 100 + i, person_id: p.id, worker_id: workers[i % 3].id, team_id: workers[i % 3].team_id,
    episodes: [
      { id: nextId(), state: 'open', started_on: '2026-01-05', ended_on: states[i] === 'open' ? null : '2026-06-01', reason: null },
      ...(states[i] === 'open' ? [] : [{ id: nextId(), state: states[i], started_on: '2026-06-01', ended_on: null, reason: i % 2 ? 'Holiday' : null }]),
    ],
    contacts: i % 4 === 3 ? [] : [
      { id: nextId(), date: '2026-10-02', mode: 'in_person', duration_minutes: 60, processes: ['network_mapping', 'assets'], note: 'Drew the first network map together.' },
      { id: nextId(), date: '2026-11-0' + ((i % 8) + 1), mode: 'phone', duration_minutes: 20, processes: ['goals'], note: '' },
    ],
  }));
  const users = [
    { id: 1, username: 'demo-practitioner', display_name: 'Sam Practitioner', role: 'practitioner', person_id: null, worker_id: 1 },
    { id: 2, username: 'demo-lead', display_name: 'Terry Lead', role: 'team_leader', person_id: null, worker_id: 4 },
    { id: 3, username: 'demo-admin', display_name: 'Ada Admin', role: 'agency_admin', person_id: null, worker_id: null },
    { id: 4, username: 'demo-researcher', display_name: 'Ray Researcher', role: 'researcher', person_id: null, worker_id: null },
    { id: 5, username: 'demo-person', display_name: 'Alex Morgan', role: 'person', person_id: 1, worker_id: null },
  ];
  const stateOf = (p) => p.episodes[p.episodes.length - 1]?.state ?? null;
  const caseloadRow = (p) => {
    const person = people.find((x) => x.id === p.person_id);
    const w = workers.find((x) => x.id === p.worker_id);
    const dates = p.contacts.map((c) => c.date).sort();
    return {
      person_id: p.person_id, display_name: person.display_name, partnership_id: p.id,
      episode_state: stateOf(p), episode_since: p.episodes[p.episodes.length - 1]?.started_on ?? null,
      worker_id: w.id, worker_name: w.display_name, team_id: w.team_id, team_name: teams[w.team_id],
      last_contact: dates[dates.length - 1] ?? null, contacts_count: p.contacts.length,
    };
  };
  const personRecord = (id) => {
    const { id: pid, ...rest } = people.find((x) => x.id === id);
    return {
      person: { id: pid, ...rest },
      partnerships: partnerships.filter((p) => p.person_id === id).map((p) => {
        const w = workers.find((x) => x.id === p.worker_id);
        return {
          id: p.id, worker: { id: w.id, display_name: w.display_name }, team: { id: w.team_id, name: teams[w.team_id] },
          agency: { id: 1, name: 'Demo Agency' }, episode_state: stateOf(p), episodes: p.episodes, contacts: p.contacts,
        };
      }),
    };
  };
  return { people, partnerships, users, caseloadRow, personRecord, nextId };
}
