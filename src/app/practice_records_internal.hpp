// src/app/practice_records_internal.hpp — shared inside app/ by the practice-record use cases
// (practice_records*.cpp): the record kinds as data (fields, enums, who may write), strict
// checking of bodies, JSON shapes, and the transaction helpers. Not a public header.
#pragma once

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "cp/app/access.hpp"
#include "cp/app/caller.hpp"
#include "cp/domain/result.hpp"
#include "cp/store/database.hpp"
#include "cp/network/ego_network.hpp"
#include "cp/store/practice_records.hpp"

namespace cp::app::records {

using nlohmann::json;

enum class FieldType { text, choice, date, id, relationship };

struct Field {
  std::string key;     // JSON key
  std::string column;  // table column
  FieldType type = FieldType::text;
  bool required = false;
  std::vector<std::string> choices;  // FieldType::choice
  std::size_t max = 2000;            // FieldType::text
  json fallback = nullptr;           // value on create when left out
};

// One kind of editable record (everything but network maps, which have content of their own).
struct Kind {
  std::string collection;   // API name: "goals"
  std::string record_type;  // audit and history: "goal"
  std::string table;
  std::string process;      // the shared process a change of this kind counts for
  bool person_writes = false;
  std::string parent_key;         // "goal_id" for objectives, "objective_id" for activities
  std::string parent_collection;  // "goals", "objectives"
  std::vector<Field> fields;
  std::vector<store::Column> columns;  // the table's own columns (fields and parent)
};

const Kind* kind_of(std::string_view collection);

// Choice lists of the contract (docs/practice-api.md).
const std::vector<std::string>& person_barriers();
const std::vector<std::string>& worker_barriers();
const std::vector<std::string>& member_kinds();
const std::vector<std::string>& relations();
const std::vector<std::string>& rings();
const std::vector<std::string>& support_types();
const std::vector<std::string>& frequencies();

std::string now_ts();
store::Actor actor_of(const Caller& c);
json actor_json(const store::Actor& a);
std::string one_of(const std::vector<std::string>& v);

// Checks `body` for kind `k` and returns its columns' values. On create `current` is null and
// fallbacks apply; on update `current` holds the record's fields and left-out keys keep them.
// `allowed_extra` keys (e.g. "version") are accepted and ignored. Field paths start with
// `prefix` ("add.goals[0].").
Result<json> check_fields(const Kind& k, const json& body, const json* current,
                          const std::string& prefix, const std::vector<std::string>& allowed_extra);
// Checks that ids in `fields` (an idea's goal_id) name the same person's records.
Result<Unit> check_references(soci::session& s, const Kind& k, long long person_id,
                              const json& fields, const std::string& prefix);

json record_json(soci::session& s, const Kind& k, const store::RecordRow& r);

// Inserts a record of kind `k` (version 1) and its first history entry; returns its JSON.
// Preconditions: inside Database::write; fields checked; access checked by the caller.
json insert_record(soci::session& s, const Kind& k, long long person_id, const json& fields,
                   const store::Actor& by, const std::string& now);

// The caller's access to the person's record of a kind.
Access access_for(soci::session& s, const Caller& c, long long person_id, bool person_may_write);

Error refused(const std::string& what);

// Thrown inside a write transaction to roll it back; caught by `run`, which returns the Error.
// A refusal is returned (not thrown), so that its audit entry is committed.
template <class F>
Result<json> run_write(store::Database& db, F&& f) {
  try {
    return db.write([&](soci::session& s) -> Result<json> {
      Result<json> r = f(s);
      if (!r.ok() && r.error().kind != ErrorKind::forbidden) throw ErrorException(r.error());
      return r;
    });
  } catch (const ErrorException& e) {
    return e.error();
  }
}

// The person's records of one collection (goals nested with objectives and activities).
json list_json(soci::session& s, const Kind& k, long long person_id);
// {"history": [...]} of one record, oldest first.
json history_json(soci::session& s, const std::string& record_type, long long id);

// ---- network maps (practice_records_maps.cpp) ----
// Adds members (contract shape, without member_id) to the person's latest map, or starts one
// taken today; returns the new member ids. Precondition: access checked.
Result<std::vector<long long>> add_members_to_latest_map(soci::session& s, long long person_id,
                                                         const json& members, const std::string& prefix,
                                                         const store::Actor& by, const std::string& today);
// Saves `content` as the map's content and bumps its version (or, for a new map, inserts
// `header` as version 1); appends the history entry; returns the map JSON.
json save_map(soci::session& s, store::RecordRow header, const store::MapContent& content, bool is_new,
              const store::Actor& by, std::string now = {});
// The latest snapshot of the person (full JSON) or null.
json latest_map_json(soci::session& s, long long person_id);

// Demo data (demo.cpp): a person's maps, goals, assets, ideas, engagements, barriers and
// recognition, dated relative to `today`; `variant` varies the content from person to person.
// Ideas the person suggested are recorded as theirs (`themself`). Without `with_maps`, no
// network map is drawn (a worker who does not map networks, for the fidelity demo).
void seed_demo_records(soci::session& s, long long person_id, int variant, const store::Actor& by,
                       const store::Actor& themself, std::chrono::sys_days today, int started_days_ago,
                       bool with_maps = true);

// A stored snapshot as a network value: member ids are the stable member ids, labels the names
// (the research export replaces both, app/research_exports.cpp).
network::EgoSnapshot to_snapshot(const store::MapContent& c, const std::string& taken_on, int sequence);

}  // namespace cp::app::records
