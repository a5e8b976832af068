// include/cp/store/directory.hpp — SQL for the community directory (migration 3). Rows carry the
// resource as JSON text; app/ turns it into cp::directory values. Every function runs on the
// caller's session; writers expect the caller to hold the write transaction.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cp::store {

struct DirectoryRow {
  long long id = 0, agency_id = 0;
  std::string hsds_id, name, capacity = "open", status = "active";
  bool confidential = false;
  std::optional<std::string> reviewed_on;
  std::string body;  // JSON (cp::directory::to_json)
  int version = 1;
  std::string created_at, updated_at, updated_by_name;
  std::optional<long long> updated_by;  // account; none for an operator's CLI import
};

struct DirectoryFilter {
  std::string tag;       // exact (lower case); empty: any
  std::string capacity;  // open / full / waiting_list; empty: any
  bool include_confidential = false;
};

struct DirectoryHistoryRow {
  int version = 0;
  std::string action, body, changed_at, changed_by_name;
  std::optional<long long> changed_by;
};

struct KnowerRow {
  long long worker_id = 0;
  std::string display_name, job_title, contact_name, note, since;
  bool active = true;  // false when the worker has left: the knowledge stays with the agency
};

std::vector<DirectoryRow> directory_resources(soci::session& s, long long agency_id,
                                              const DirectoryFilter& f);
std::optional<DirectoryRow> directory_resource(soci::session& s, long long id);
std::optional<DirectoryRow> directory_resource_by_hsds(soci::session& s, long long agency_id,
                                                       const std::string& hsds_id);
// Inserts the resource (version 1), its tags and its first history entry; returns the id.
long long insert_directory_resource(soci::session& s, DirectoryRow& row,
                                    const std::vector<std::string>& tags,
                                    const std::string& action);
// Replaces the resource when its version is still `expected_version`: bumps the version, writes
// tags and a history entry. Returns false (nothing written) when the version moved on.
bool update_directory_resource(soci::session& s, DirectoryRow& row, int expected_version,
                               const std::vector<std::string>& tags, const std::string& action);
std::vector<DirectoryHistoryRow> directory_history(soci::session& s, long long resource_id);
// Resources not reviewed on or after `before` (or never reviewed), oldest first.
std::vector<DirectoryRow> directory_stale(soci::session& s, long long agency_id,
                                          const std::string& before);
// Tags in use with how many resources carry each.
std::vector<std::pair<std::string, long long>> directory_tags(soci::session& s, long long agency_id,
                                                              bool include_confidential);

std::vector<KnowerRow> knowers_of(soci::session& s, long long resource_id);
// Adds (or updates) the worker as knowing a contact at the resource.
void add_knower(soci::session& s, long long resource_id, long long worker_id,
                const std::string& contact_name, const std::string& note, const std::string& since);
bool remove_knower(soci::session& s, long long resource_id, long long worker_id);

}  // namespace cp::store
