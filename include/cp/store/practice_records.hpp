// include/cp/store/practice_records.hpp — rows and SQL of the co-produced CPI record (migration 4):
// the editable records (assets, goals, objectives, activities, ideas, engagements, barriers,
// recognition, network map headers), their history, and network map content.
//
// The editable records share their common columns (schema_practice_records.cpp), so one set of
// functions serves them all: the caller names the table and its own columns (code constants,
// never request data). Values travel as JSON scalars (string, integer or null). No permission
// checks here: app/ decides who may call what. Preconditions: writes run inside Database::write.
#pragma once

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cp::store {

// Who made a change: the account (null for seeded demo data), its display name and role then.
struct Actor {
  std::optional<long long> account_id;
  std::string display_name, role;
};

struct Column {
  std::string name;
  bool integer = false;  // BIGINT (else TEXT)
};

// One editable record: the common columns and the table's own (column name -> JSON scalar).
struct RecordRow {
  long long id = 0, person_id = 0;
  int version = 1;
  std::string created_at, updated_at;
  Actor created_by, updated_by;
  nlohmann::json fields = nlohmann::json::object();
};

// Inserts `row` as version 1, created and updated by `by` at `now`; returns the new id.
long long insert_record(soci::session& s, const std::string& table, const std::vector<Column>& cols,
                        const RecordRow& row, const Actor& by, const std::string& now);
// Writes row.fields and version = row.version + 1, updated by `by` at `now`, only if the stored
// version is still row.version (one statement); false when it is not (a concurrent change).
bool update_record(soci::session& s, const std::string& table, const std::vector<Column>& cols,
                   const RecordRow& row, const Actor& by, const std::string& now);
std::optional<RecordRow> record_by_id(soci::session& s, const std::string& table,
                                      const std::vector<Column>& cols, long long id);
// The person's records of a table, oldest first.
std::vector<RecordRow> records_of_person(soci::session& s, const std::string& table,
                                         const std::vector<Column>& cols, long long person_id);

struct HistoryRow {
  int version = 0;
  std::string changed_at;
  Actor changed_by;
  std::string change;  // "created" | "updated"
  std::string data_json;
};
void append_history(soci::session& s, const std::string& record_type, long long record_id,
                    long long person_id, int version, const std::string& at, const Actor& by,
                    const std::string& change, const std::string& data_json);
// Oldest first.
std::vector<HistoryRow> history_of(soci::session& s, const std::string& record_type,
                                   long long record_id);
// The latest change (changed_at) of each record type of a person.
std::map<std::string, std::string> last_change_by_type(soci::session& s, long long person_id);

// ---- network map content ----
struct MapMemberRow {
  long long member_id = 0;
  std::string name, kind, relation, ring;
  std::vector<std::string> support_to_person, support_from_person;
  std::string frequency = "unknown";
  std::optional<long long> resource_id;
  std::optional<double> x, y;
};
struct MapContent {
  std::vector<MapMemberRow> members;               // in drawing order
  std::vector<std::pair<long long, long long>> ties;  // member ids, a < b
};
MapContent map_content(soci::session& s, long long map_id);
// Replaces the snapshot's members and ties. Precondition: every member id belongs to the map's
// person (member_person), ties name members of `c`.
void replace_map_content(soci::session& s, long long map_id, const MapContent& c);
// A new stable member identity for the person.
long long insert_member(soci::session& s, long long person_id, const std::string& now);
// Whose member this is (nullopt when there is no such member).
std::optional<long long> member_person(soci::session& s, long long member_id);

}  // namespace cp::store
