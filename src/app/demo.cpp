// src/app/demo.cpp — the synthetic demo agency (all names are made up).
#include "cp/app/demo.hpp"

#include <array>
#include <chrono>
#include <fmt/format.h>

#include "cp/app/passwords.hpp"
#include "cp/app/research_exports.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/clock.hpp"
#include "cp/domain/contact.hpp"
#include "cp/store/records.hpp"
#include "demo_internal.hpp"
#include "practice_records_internal.hpp"

namespace cp::app {

namespace {

constexpr std::array<const char*, 20> kFirst{
    "Alex", "Sam", "Jordan", "Priya", "Tomasz", "Aisha", "Niamh", "Kwame", "Rosa", "Declan",
    "Mei", "Farah", "Owen", "Grace", "Yusuf", "Hannah", "Luca", "Bea", "Callum", "Ifeoma"};
constexpr std::array<const char*, 20> kLast{
    "Morgan", "Ahmed", "Kowalski", "Patel", "O'Neill", "Mensah", "Rossi", "Byrne", "Chen", "Khan",
    "Evans", "Okafor", "Hughes", "Silva", "Reid", "Novak", "Price", "Adeyemi", "Walsh", "Lund"};

// A date `days` before `today` (both YYYY-MM-DD), via the system clock's calendar.
std::string days_before(std::chrono::system_clock::time_point now, int days) {
  return domain::iso_date(now - std::chrono::hours(24 * days));
}

}  // namespace

std::vector<DemoAccount> demo_accounts() {
  return {{"demo-practitioner", "practitioner", "a social worker in the Riverside team"},
          {"demo-lead", "team_leader", "the Riverside team's leader"},
          {"demo-admin", "agency_admin", "the agency's administrator"},
          {"demo-researcher", "researcher", "a researcher (pseudonymised data only)"},
          {"demo-person", "person", "a person on demo-practitioner's caseload"},
          {"demo-sysadmin", "system_admin", "the system administrator"}};
}

DemoSeedResult seed_demo(store::Database& db, const std::string& password) {
  DemoSeedResult result;
  result.accounts = demo_accounts();
  const std::string hash = hash_password(password);  // one hash, shared: demo only
  const auto now = std::chrono::system_clock::now();
  const std::string ts = domain::iso_timestamp(now);
  db.write([&](soci::session& s) {
    if (store::count_rows(s, "agencies") > 0) return;
    result.seeded = true;
    const long long agency = store::insert_agency(s, "Northbrook Community Support (demo)", "third_sector", ts);
    const long long riverside = store::insert_team(s, agency, "Riverside");
    const long long hillside = store::insert_team(s, agency, "Hillside");
    struct W { const char* name; long long team; const char* title; };
    const std::array<W, 6> workers_def{{{"Jo Fenwick", riverside, "Social worker"},
                                        {"Ravi Sandhu", riverside, "Support worker"},
                                        {"Ellen Marsh", riverside, "Team leader"},
                                        {"Tunde Bello", hillside, "Occupational therapist"},
                                        {"Carys Lloyd", hillside, "Social worker"},
                                        {"Martin Oyelaran", hillside, "Team leader"}}};
    std::vector<long long> workers;
    for (const auto& w : workers_def) {
      store::WorkerRow row;
      row.agency_id = agency;
      row.team_id = w.team;
      row.display_name = w.name;
      row.job_title = w.title;
      workers.push_back(store::insert_worker(s, row));
    }
    // Practitioners who hold caseloads: 0, 1 (Riverside), 3, 4 (Hillside).
    // Practice records (maps, goals, engagements…) are seeded for everyone, but worker 1, Ravi
    // Sandhu (Riverside), has NO network maps for any of their people, so that the fidelity
    // dashboard (issue 5) has a worker to flag as partial.
    const std::array<int, 4> holders{0, 1, 3, 4};
    const std::array<const char*, 5> states{"open", "open", "paused", "re_entered", "moved_on"};
    const auto& processes = domain::shared_processes();
    long long first_person_of_demo_practitioner = 0;
    std::vector<DemoPerson> study_people;
    for (int i = 0; i < 40; ++i) {
      store::PersonRow p;
      p.agency_id = agency;
      p.display_name = fmt::format("{} {}", kFirst[i % 20], kLast[(i * 7 + 3 + (i / 20) * 3) % 20]);  // 40 distinct names
      p.preferred_name = kFirst[i % 20];
      p.pronouns = i % 3 == 0 ? "she/her" : (i % 3 == 1 ? "he/him" : "they/them");
      p.date_of_birth = fmt::format("{}-{:02}-{:02}", 1950 + (i * 13) % 50, 1 + i % 12, 1 + (i * 5) % 28);
      p.postcode = demo_postcode(i);  // fictional "NB" area (research_exports.cpp)
      const long long person = store::insert_person(s, p, ts);
      ++result.people;
      const int holder = holders[static_cast<size_t>(i % 4)];
      const long long team = workers_def[static_cast<size_t>(holder)].team;
      const std::string state = states[static_cast<size_t>((i / 4) % 5)];
      const int started = 20 + (i * 11) % 300;
      store::PartnershipRow pr;
      pr.agency_id = agency;
      pr.team_id = team;
      pr.worker_id = workers[static_cast<size_t>(holder)];
      pr.person_id = person;
      pr.state = "open";
      pr.state_since = days_before(now, started);
      pr.created_at = ts;
      const long long partnership = store::insert_partnership(s, pr);
      ++result.partnerships;
      if (holder == 0 && first_person_of_demo_practitioner == 0) first_person_of_demo_practitioner = person;
      study_people.push_back({person, team, holder == 0});
      store::EpisodeRow e;
      e.partnership_id = partnership;
      e.state = "open";
      e.started_on = pr.state_since;
      store::insert_episode(s, e, std::nullopt, ts);
      if (state != "open") {
        // Walk the history to the target state: paused; re-entered after a pause; moved on.
        const std::string mid = days_before(now, started / 2);
        store::close_open_episode(s, partnership, mid);
        store::EpisodeRow next;
        next.partnership_id = partnership;
        next.started_on = mid;
        next.state = state == "re_entered" ? "paused" : state;
        next.reason = state == "moved_on" ? std::optional<std::string>("has built their own networks")
                                          : std::optional<std::string>("taking a break");
        store::insert_episode(s, next, std::nullopt, ts);
        std::string since = mid;
        if (state == "re_entered") {
          since = days_before(now, started / 4);
          store::close_open_episode(s, partnership, since);
          store::EpisodeRow back;
          back.partnership_id = partnership;
          back.started_on = since;
          back.state = "re_entered";
          store::insert_episode(s, back, std::nullopt, ts);
        }
        store::set_partnership_state(s, partnership, state, since, std::nullopt);
      }
      // Contacts: the newer the partnership, the fewer; some touch several shared processes.
      const int n_contacts = 1 + (i * 3) % 6;
      for (int k = 0; k < n_contacts; ++k) {
        store::ContactRow c;
        c.partnership_id = partnership;
        c.date = days_before(now, std::max(1, started - 10 - k * (started / (n_contacts + 1))));
        c.mode = domain::contact_modes()[static_cast<size_t>((i + k) % 3)];
        c.duration_minutes = 30 + 15 * ((i + k) % 4);
        c.processes = {processes[static_cast<size_t>((i + k) % processes.size())]};
        if ((i + k) % 2 == 0) c.processes.push_back(processes[static_cast<size_t>((i + 2 * k + 3) % processes.size())]);
        if (c.processes.size() == 2 && c.processes[0] == c.processes[1]) c.processes.pop_back();
        c.note = "Demo contact: synthetic note.";
        store::insert_contact(s, c, std::nullopt, ts);
        ++result.contacts;
      }
      {
        // Ravi Sandhu (holder 1) records goals, assets and engagements but draws no network maps,
        // so the fidelity dashboard flags him as partial implementation (issue 5's browser test).
        const store::Actor by{std::nullopt, workers_def[static_cast<size_t>(holder)].name, "practitioner"};
        const store::Actor themself{std::nullopt, p.display_name, "person"};
        records::seed_demo_records(s, person, i, by, themself, std::chrono::floor<std::chrono::days>(now), started,
                                   /*with_maps=*/holder != 1);
      }
    }
    auto add = [&](const char* username, const char* display, const char* role,
                   std::optional<long long> team, std::optional<long long> worker,
                   std::optional<long long> person) {
      store::AccountRow a;
      a.username = username;
      a.display_name = display;
      a.password_hash = hash;
      a.role = role;
      a.agency_id = agency;
      a.team_id = team;
      a.worker_id = worker;
      a.person_id = person;
      store::insert_account(s, a, ts);
    };
    add("demo-practitioner", "Jo Fenwick", "practitioner", riverside, workers[0], std::nullopt);
    add("demo-lead", "Ellen Marsh", "team_leader", riverside, workers[2], std::nullopt);
    add("demo-admin", "Agency administrator", "agency_admin", std::nullopt, std::nullopt, std::nullopt);
    add("demo-researcher", "Study researcher", "researcher", std::nullopt, std::nullopt, std::nullopt);
    add("demo-person", fmt::format("{}", kFirst[0]).c_str(), "person", std::nullopt, std::nullopt,
        first_person_of_demo_practitioner);
    add("demo-sysadmin", "System administrator", "system_admin", std::nullopt, std::nullopt, std::nullopt);
    seed_demo_directory(s, agency, workers, domain::iso_date(now), ts, days_before(now, 40), days_before(now, 420));
    seed_demo_deprivation(s, ts);
    seed_demo_study(s, agency, riverside, hillside, study_people, days_before(now, 200), days_before(now, 20), ts);
    Caller op;
    op.username = "demo-seed";
    op.address = "local";
    audit(s, op, "demo.seed", "database", "-", std::nullopt, "ok",
          fmt::format("{} people, {} partnerships", result.people, result.partnerships));
  });
  return result;
}

}  // namespace cp::app
