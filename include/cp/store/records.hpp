// include/cp/store/records.hpp — rows of the practice record and the queries on them.
//
// Plain structs mirror the tables; functions take a SOCI session (the caller chooses read or
// write transaction through Database) and return rows. No permission checks here: app/ decides
// who may call what. SQL is portable (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace cp::store {

struct AgencyRow {
  long long id = 0;
  std::string name, sector;
};
struct TeamRow {
  long long id = 0, agency_id = 0;
  std::string name;
};
struct WorkerRow {
  long long id = 0, agency_id = 0;
  std::optional<long long> team_id;
  std::string display_name, job_title;
};
struct PersonRow {
  long long id = 0, agency_id = 0;
  std::string display_name, preferred_name, pronouns;
  std::optional<std::string> date_of_birth, postcode;
};
struct AccountRow {
  long long id = 0;
  std::string username, display_name, password_hash, role;
  std::optional<long long> agency_id, team_id, worker_id, person_id;
  bool active = true;
};
struct PartnershipRow {
  long long id = 0, agency_id = 0, team_id = 0, worker_id = 0, person_id = 0;
  std::string state, state_since, created_at;
};
struct EpisodeRow {
  long long id = 0, partnership_id = 0;
  std::string state, started_on;
  std::optional<std::string> ended_on, reason;
  std::optional<long long> from_worker_id, to_worker_id;
};
struct ContactRow {
  long long id = 0, partnership_id = 0;
  std::string date, mode;
  int duration_minutes = 0;
  std::vector<std::string> processes;
  std::string note;
};
// One line of a caseload: a partnership with its person, worker and team.
struct CaseloadRow {
  long long person_id = 0, partnership_id = 0, worker_id = 0, team_id = 0;
  std::string display_name, episode_state, episode_since, worker_name, team_name;
  std::optional<std::string> last_contact;
  long long contacts_count = 0;
};

// Inserts (return the new id). Precondition: inside Database::write.
long long insert_agency(soci::session& s, const std::string& name, const std::string& sector,
                        const std::string& now);
long long insert_team(soci::session& s, long long agency_id, const std::string& name);
long long insert_worker(soci::session& s, const WorkerRow& w);
long long insert_person(soci::session& s, const PersonRow& p, const std::string& now);
long long insert_account(soci::session& s, const AccountRow& a, const std::string& now);
long long insert_partnership(soci::session& s, const PartnershipRow& p);
long long insert_episode(soci::session& s, const EpisodeRow& e, std::optional<long long> by,
                         const std::string& now);
long long insert_contact(soci::session& s, const ContactRow& c, std::optional<long long> by,
                         const std::string& now);
// Closes the open episode of a partnership on `on` and sets the partnership's state.
void close_open_episode(soci::session& s, long long partnership_id, const std::string& on);
void set_partnership_state(soci::session& s, long long partnership_id, const std::string& state,
                           const std::string& since, std::optional<long long> new_worker_id);

// Lookups.
std::optional<AccountRow> account_by_username(soci::session& s, const std::string& username);
std::optional<AccountRow> account_by_id(soci::session& s, long long id);
long long count_rows(soci::session& s, const std::string& table);
std::optional<PersonRow> person_by_id(soci::session& s, long long id);
std::optional<WorkerRow> worker_by_id(soci::session& s, long long id);
std::optional<TeamRow> team_by_id(soci::session& s, long long id);
std::optional<AgencyRow> agency_by_id(soci::session& s, long long id);
std::vector<TeamRow> teams_of_agency(soci::session& s, long long agency_id);
std::vector<WorkerRow> workers_of_agency(soci::session& s, long long agency_id);
std::optional<PartnershipRow> partnership_by_id(soci::session& s, long long id);
std::vector<PartnershipRow> partnerships_of_person(soci::session& s, long long person_id);
std::vector<EpisodeRow> episodes_of(soci::session& s, long long partnership_id);
std::vector<ContactRow> contacts_of(soci::session& s, long long partnership_id, int limit);
std::optional<ContactRow> contact_by_id(soci::session& s, long long id);

// Caseloads, most recent activity first within state order.
std::vector<CaseloadRow> caseload_of_worker(soci::session& s, long long worker_id);
std::vector<CaseloadRow> caseload_of_team(soci::session& s, long long team_id);

}  // namespace cp::store
