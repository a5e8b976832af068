// src/store/schema_practice_records.cpp — migration 4: the co-produced CPI record (issue 4):
// network map snapshots with stable members, assets, goals → objectives → activities, ideas,
// engagements, barriers, recognition, and one history table of JSON snapshots per change.
//
// Every editable record carries version (1, +1 per change) and who created and last changed it
// (account id, the display name and role at the time). Nothing is deleted: records end by
// status. Community resources are referred to by resource_id (the directory, migration 3) with
// no foreign key yet, so the two areas can be built apart.
#include "schema.hpp"

#include <string>

namespace cp::store {

namespace {

// The columns every editable record has, after its id.
std::string common() {
  return "person_id BIGINT NOT NULL REFERENCES people(id), version INTEGER NOT NULL, "
         "created_at TEXT NOT NULL, created_by BIGINT REFERENCES accounts(id), "
         "created_by_name TEXT NOT NULL, created_by_role TEXT NOT NULL, "
         "updated_at TEXT NOT NULL, updated_by BIGINT REFERENCES accounts(id), "
         "updated_by_name TEXT NOT NULL, updated_by_role TEXT NOT NULL";
}

std::string table(const std::string& name, const std::string& own_columns) {
  return "CREATE TABLE " + name + " (id {{id}}, " + common() + ", " + own_columns + ")";
}

std::string person_index(const std::string& name) {
  return "CREATE INDEX " + name + "_person ON " + name + " (person_id)";
}

}  // namespace

std::vector<Migration> practice_record_migrations() {
  return {
      {4,
       "practice records: network maps (snapshots, stable members, ties), assets, goals, "
       "objectives, activities, ideas, engagements, barriers, recognition, record history",
       {
           table("network_maps", "taken_on TEXT NOT NULL, note TEXT NOT NULL"),
           person_index("network_maps"),
           // A member's identity, stable across the person's snapshots.
           "CREATE TABLE network_members (id {{id}}, person_id BIGINT NOT NULL REFERENCES "
           "people(id), created_at TEXT NOT NULL)",
           person_index("network_members"),
           // A member as drawn in one snapshot. Supports are comma-separated lists.
           "CREATE TABLE network_map_members (map_id BIGINT NOT NULL REFERENCES network_maps(id), "
           "member_id BIGINT NOT NULL REFERENCES network_members(id), position INTEGER NOT NULL, "
           "name TEXT NOT NULL, kind TEXT NOT NULL, relation TEXT NOT NULL, ring TEXT NOT NULL, "
           "support_to_person TEXT NOT NULL, support_from_person TEXT NOT NULL, "
           "frequency TEXT NOT NULL, resource_id BIGINT, x DOUBLE PRECISION, y DOUBLE PRECISION, "
           "PRIMARY KEY (map_id, member_id))",
           "CREATE TABLE network_map_ties (map_id BIGINT NOT NULL REFERENCES network_maps(id), "
           "a BIGINT NOT NULL REFERENCES network_members(id), b BIGINT NOT NULL REFERENCES "
           "network_members(id), PRIMARY KEY (map_id, a, b))",
           table("assets", "kind TEXT NOT NULL, content TEXT NOT NULL, status TEXT NOT NULL"),
           person_index("assets"),
           table("goals", "content TEXT NOT NULL, status TEXT NOT NULL, review_on TEXT"),
           person_index("goals"),
           table("objectives", "goal_id BIGINT NOT NULL REFERENCES goals(id), content TEXT NOT "
                               "NULL, status TEXT NOT NULL, review_on TEXT"),
           person_index("objectives"),
           "CREATE INDEX objectives_goal ON objectives (goal_id)",
           table("activities", "objective_id BIGINT NOT NULL REFERENCES objectives(id), content "
                               "TEXT NOT NULL, who TEXT NOT NULL, who_other TEXT, by_when TEXT, "
                               "status TEXT NOT NULL"),
           person_index("activities"),
           "CREATE INDEX activities_objective ON activities (objective_id)",
           table("ideas", "content TEXT NOT NULL, suggested_by TEXT NOT NULL, goal_id BIGINT "
                          "REFERENCES goals(id), resource_id BIGINT, outcome TEXT NOT NULL, "
                          "outcome_note TEXT"),
           person_index("ideas"),
           table("engagements", "resource_id BIGINT, resource_name TEXT NOT NULL, stage TEXT NOT "
                                "NULL, stopped_reason TEXT, started_on TEXT, note TEXT, "
                                "new_relationship TEXT"),
           person_index("engagements"),
           table("barriers", "side TEXT NOT NULL, category TEXT NOT NULL, description TEXT, "
                             "status TEXT NOT NULL, tried TEXT, reviewed_on TEXT"),
           person_index("barriers"),
           table("recognition", "kind TEXT NOT NULL, content TEXT NOT NULL, given_by TEXT NOT NULL"),
           person_index("recognition"),
           // One row per version of any record above: the record's JSON as it was then.
           "CREATE TABLE record_history (id {{id}}, record_type TEXT NOT NULL, record_id BIGINT "
           "NOT NULL, person_id BIGINT NOT NULL REFERENCES people(id), version INTEGER NOT NULL, "
           "changed_at TEXT NOT NULL, changed_by BIGINT REFERENCES accounts(id), "
           "changed_by_name TEXT NOT NULL, changed_by_role TEXT NOT NULL, change_kind TEXT NOT "
           "NULL, data_json TEXT NOT NULL, UNIQUE (record_type, record_id, version))",
           "CREATE INDEX record_history_person ON record_history (person_id, record_type)",
       }},
  };
}

}  // namespace cp::store
