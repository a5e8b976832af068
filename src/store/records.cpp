// src/store/records.cpp — SQL for the practice record (agencies … contacts).
#include "cp/store/records.hpp"

#include "cp/store/key_queries.hpp"

#include <fmt/format.h>

#include "cp/store/database.hpp"

namespace cp::store {

namespace {

// Bind helpers for optional values.
struct OptInt {
  long long v = 0;
  soci::indicator ind = soci::i_null;
  explicit OptInt(const std::optional<long long>& o) {
    if (o) {
      v = *o;
      ind = soci::i_ok;
    }
  }
};
struct OptText {
  std::string v;
  soci::indicator ind = soci::i_null;
  explicit OptText(const std::optional<std::string>& o) {
    if (o) {
      v = *o;
      ind = soci::i_ok;
    }
  }
};

std::optional<long long> opt_int(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_int(r, i);
}
std::optional<std::string> opt_text(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_text(r, i);
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

AccountRow account_from(const soci::row& r) {
  AccountRow a;
  a.id = get_int(r, 0);
  a.username = get_text(r, 1);
  a.display_name = get_text(r, 2);
  a.password_hash = get_text(r, 3);
  a.role = get_text(r, 4);
  a.agency_id = opt_int(r, 5);
  a.team_id = opt_int(r, 6);
  a.worker_id = opt_int(r, 7);
  a.person_id = opt_int(r, 8);
  a.active = get_int(r, 9) != 0;
  return a;
}
constexpr const char* kAccountCols =
    "id, username, display_name, password_hash, role, agency_id, team_id, worker_id, person_id, "
    "active";

PartnershipRow partnership_from(const soci::row& r) {
  PartnershipRow p;
  p.id = get_int(r, 0);
  p.agency_id = get_int(r, 1);
  p.team_id = get_int(r, 2);
  p.worker_id = get_int(r, 3);
  p.person_id = get_int(r, 4);
  p.state = get_text(r, 5);
  p.state_since = get_text(r, 6);
  p.created_at = get_text(r, 7);
  return p;
}
// Columns: id, agency_id, team_id, display_name, job_title.
WorkerRow worker_from(const soci::row& r) {
  WorkerRow w;
  w.id = get_int(r, 0);
  w.agency_id = get_int(r, 1);
  w.team_id = opt_int(r, 2);
  w.display_name = get_text(r, 3);
  w.job_title = get_text(r, 4);
  return w;
}

const std::string& kPartnershipCols = queries::kPartnershipCols;

ContactRow contact_from(const soci::row& r) {
  ContactRow c;
  c.id = get_int(r, 0);
  c.partnership_id = get_int(r, 1);
  c.date = get_text(r, 2);
  c.mode = get_text(r, 3);
  c.duration_minutes = static_cast<int>(get_int(r, 4));
  c.processes = split(get_text(r, 5));
  c.note = get_text(r, 6);
  return c;
}
const std::string& kContactCols = queries::kContactCols;

std::vector<CaseloadRow> caseload_query(soci::session& s, const std::string& sql, long long key) {
  std::vector<CaseloadRow> out;
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(key));
  for (const auto& r : rows) {
    CaseloadRow c;
    c.person_id = get_int(r, 0);
    c.partnership_id = get_int(r, 1);
    c.worker_id = get_int(r, 2);
    c.team_id = get_int(r, 3);
    c.display_name = get_text(r, 4);
    c.episode_state = get_text(r, 5);
    c.episode_since = get_text(r, 6);
    c.worker_name = get_text(r, 7);
    c.team_name = get_text(r, 8);
    c.last_contact = opt_text(r, 9);
    c.contacts_count = get_int(r, 10);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

long long insert_agency(soci::session& s, const std::string& name, const std::string& sector,
                        const std::string& now) {
  s << "INSERT INTO agencies (name, sector, created_at) VALUES (:n, :s, :c)", soci::use(name),
      soci::use(sector), soci::use(now);
  return Database::last_insert_id(s, "agencies");
}

long long insert_team(soci::session& s, long long agency_id, const std::string& name) {
  s << "INSERT INTO teams (agency_id, name) VALUES (:a, :n)", soci::use(agency_id),
      soci::use(name);
  return Database::last_insert_id(s, "teams");
}

long long insert_worker(soci::session& s, const WorkerRow& w) {
  OptInt team(w.team_id);
  s << "INSERT INTO workers (agency_id, team_id, display_name, job_title) VALUES (:a, :t, :n, "
       ":j)",
      soci::use(w.agency_id), soci::use(team.v, team.ind), soci::use(w.display_name),
      soci::use(w.job_title);
  return Database::last_insert_id(s, "workers");
}

long long insert_person(soci::session& s, const PersonRow& p, const std::string& now) {
  OptText dob(p.date_of_birth), pc(p.postcode);
  s << "INSERT INTO people (agency_id, display_name, preferred_name, pronouns, date_of_birth, "
       "postcode, created_at) VALUES (:a, :n, :pn, :pr, :d, :pc, :c)",
      soci::use(p.agency_id), soci::use(p.display_name), soci::use(p.preferred_name),
      soci::use(p.pronouns), soci::use(dob.v, dob.ind), soci::use(pc.v, pc.ind), soci::use(now);
  return Database::last_insert_id(s, "people");
}

long long insert_account(soci::session& s, const AccountRow& a, const std::string& now) {
  OptInt ag(a.agency_id), tm(a.team_id), wk(a.worker_id), pe(a.person_id);
  int active = a.active ? 1 : 0;
  s << "INSERT INTO accounts (username, display_name, password_hash, role, agency_id, team_id, "
       "worker_id, person_id, active, created_at) VALUES (:u, :d, :h, :r, :ag, :t, :w, :p, :ac, "
       ":c)",
      soci::use(a.username), soci::use(a.display_name), soci::use(a.password_hash),
      soci::use(a.role), soci::use(ag.v, ag.ind), soci::use(tm.v, tm.ind), soci::use(wk.v, wk.ind),
      soci::use(pe.v, pe.ind), soci::use(active), soci::use(now);
  return Database::last_insert_id(s, "accounts");
}

long long insert_partnership(soci::session& s, const PartnershipRow& p) {
  s << "INSERT INTO partnerships (agency_id, team_id, worker_id, person_id, state, state_since, "
       "created_at) VALUES (:a, :t, :w, :p, :s, :ss, :c)",
      soci::use(p.agency_id), soci::use(p.team_id), soci::use(p.worker_id),
      soci::use(p.person_id), soci::use(p.state), soci::use(p.state_since),
      soci::use(p.created_at);
  return Database::last_insert_id(s, "partnerships");
}

long long insert_episode(soci::session& s, const EpisodeRow& e, std::optional<long long> by,
                         const std::string& now) {
  OptText ended(e.ended_on), reason(e.reason);
  OptInt from(e.from_worker_id), to(e.to_worker_id), rec(by);
  s << "INSERT INTO episodes (partnership_id, state, started_on, ended_on, reason, "
       "from_worker_id, to_worker_id, recorded_by, recorded_at) VALUES (:p, :s, :st, :en, :r, "
       ":f, :t, :b, :at)",
      soci::use(e.partnership_id), soci::use(e.state), soci::use(e.started_on),
      soci::use(ended.v, ended.ind), soci::use(reason.v, reason.ind), soci::use(from.v, from.ind),
      soci::use(to.v, to.ind), soci::use(rec.v, rec.ind), soci::use(now);
  return Database::last_insert_id(s, "episodes");
}

long long insert_contact(soci::session& s, const ContactRow& c, std::optional<long long> by,
                         const std::string& now) {
  OptInt rec(by);
  const std::string processes = join(c.processes);
  s << "INSERT INTO contacts (partnership_id, contact_date, mode, duration_minutes, processes, "
       "note, recorded_by, recorded_at) VALUES (:p, :d, :m, :du, :pr, :n, :b, :at)",
      soci::use(c.partnership_id), soci::use(c.date), soci::use(c.mode),
      soci::use(c.duration_minutes), soci::use(processes), soci::use(c.note),
      soci::use(rec.v, rec.ind), soci::use(now);
  return Database::last_insert_id(s, "contacts");
}

void close_open_episode(soci::session& s, long long partnership_id, const std::string& on) {
  s << "UPDATE episodes SET ended_on = :on WHERE partnership_id = :p AND ended_on IS NULL",
      soci::use(on), soci::use(partnership_id);
}

void set_partnership_state(soci::session& s, long long partnership_id, const std::string& state,
                           const std::string& since, std::optional<long long> new_worker_id) {
  if (new_worker_id) {
    long long w = *new_worker_id;
    s << "UPDATE partnerships SET state = :s, state_since = :ss, worker_id = :w WHERE id = :p",
        soci::use(state), soci::use(since), soci::use(w), soci::use(partnership_id);
  } else {
    s << "UPDATE partnerships SET state = :s, state_since = :ss WHERE id = :p", soci::use(state),
        soci::use(since), soci::use(partnership_id);
  }
}

std::optional<AccountRow> account_by_username(soci::session& s, const std::string& username) {
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM accounts WHERE username = :u", kAccountCols),
       soci::use(username));
  for (const auto& r : rows) return account_from(r);
  return std::nullopt;
}

std::optional<AccountRow> account_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM accounts WHERE id = :i", kAccountCols),
       soci::use(id));
  for (const auto& r : rows) return account_from(r);
  return std::nullopt;
}

long long count_rows(soci::session& s, const std::string& table) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

std::optional<PersonRow> person_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kPersonById, soci::use(id));
  for (const auto& r : rows) {
    PersonRow p;
    p.id = get_int(r, 0);
    p.agency_id = get_int(r, 1);
    p.display_name = get_text(r, 2);
    p.preferred_name = get_text(r, 3);
    p.pronouns = get_text(r, 4);
    p.date_of_birth = opt_text(r, 5);
    p.postcode = opt_text(r, 6);
    return p;
  }
  return std::nullopt;
}

std::optional<WorkerRow> worker_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, agency_id, team_id, display_name, job_title FROM workers WHERE "
                    "id = :i",
       soci::use(id));
  for (const auto& r : rows) return worker_from(r);
  return std::nullopt;
}

std::optional<TeamRow> team_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, agency_id, name FROM teams WHERE id = :i", soci::use(id));
  for (const auto& r : rows) return TeamRow{get_int(r, 0), get_int(r, 1), get_text(r, 2)};
  return std::nullopt;
}

std::optional<AgencyRow> agency_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, name, sector FROM agencies WHERE id = :i", soci::use(id));
  for (const auto& r : rows) return AgencyRow{get_int(r, 0), get_text(r, 1), get_text(r, 2)};
  return std::nullopt;
}

std::vector<TeamRow> teams_of_agency(soci::session& s, long long agency_id) {
  std::vector<TeamRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, agency_id, name FROM teams WHERE agency_id = :a ORDER BY name",
       soci::use(agency_id));
  for (const auto& r : rows) out.push_back({get_int(r, 0), get_int(r, 1), get_text(r, 2)});
  return out;
}

std::vector<WorkerRow> workers_of_agency(soci::session& s, long long agency_id) {
  std::vector<WorkerRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, agency_id, team_id, display_name, job_title FROM workers WHERE "
                    "agency_id = :a AND active = 1 ORDER BY display_name",
       soci::use(agency_id));
  for (const auto& r : rows) out.push_back(worker_from(r));
  return out;
}

std::optional<PartnershipRow> partnership_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM partnerships WHERE id = :i", kPartnershipCols),
       soci::use(id));
  for (const auto& r : rows) return partnership_from(r);
  return std::nullopt;
}

std::vector<PartnershipRow> partnerships_of_person(soci::session& s, long long person_id) {
  std::vector<PartnershipRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kPartnershipsOfPerson, soci::use(person_id));
  for (const auto& r : rows) out.push_back(partnership_from(r));
  return out;
}

std::vector<EpisodeRow> episodes_of(soci::session& s, long long partnership_id) {
  std::vector<EpisodeRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kEpisodesOf, soci::use(partnership_id));
  for (const auto& r : rows) {
    EpisodeRow e;
    e.id = get_int(r, 0);
    e.partnership_id = get_int(r, 1);
    e.state = get_text(r, 2);
    e.started_on = get_text(r, 3);
    e.ended_on = opt_text(r, 4);
    e.reason = opt_text(r, 5);
    e.from_worker_id = opt_int(r, 6);
    e.to_worker_id = opt_int(r, 7);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<ContactRow> contacts_of(soci::session& s, long long partnership_id, int limit) {
  std::vector<ContactRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kContactsOf, soci::use(partnership_id), soci::use(limit));
  for (const auto& r : rows) out.push_back(contact_from(r));
  return out;
}

std::optional<ContactRow> contact_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM contacts WHERE id = :i", kContactCols),
       soci::use(id));
  for (const auto& r : rows) return contact_from(r);
  return std::nullopt;
}

std::vector<CaseloadRow> caseload_of_worker(soci::session& s, long long worker_id) {
  return caseload_query(s, queries::kCaseloadOfWorker, worker_id);
}

std::vector<CaseloadRow> caseload_of_team(soci::session& s, long long team_id) {
  return caseload_query(s, queries::kCaseloadOfTeam, team_id);
}

}  // namespace cp::store
