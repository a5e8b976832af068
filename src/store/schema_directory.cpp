// src/store/schema_directory.cpp — the community directory's tables (migration 3; issue 4,
// part 5). A resource's detail is kept as one JSON document (`body`, the API's shape from
// cp::directory::to_json) with the columns search and review need beside it; tags have their
// own indexed table; every version is kept in directory_history; resource_knowers records which
// workers know a contact there, so the agency keeps the knowledge when a worker leaves.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> directory_migrations() {
  return {
      {3,
       "community directory: resources (HSDS services) owned by an agency, tags, history, knowers",
       {
           "CREATE TABLE directory_resources (id {{id}}, agency_id BIGINT NOT NULL REFERENCES "
           "agencies(id), hsds_id TEXT NOT NULL, name TEXT NOT NULL, capacity TEXT NOT NULL CHECK "
           "(capacity IN ('open','full','waiting_list')), confidential INTEGER NOT NULL DEFAULT 0, "
           "status TEXT NOT NULL, reviewed_on TEXT, body TEXT NOT NULL, version INTEGER NOT NULL, "
           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by BIGINT REFERENCES "
           "accounts(id), updated_by_name TEXT NOT NULL, UNIQUE (agency_id, hsds_id))",
           "CREATE INDEX directory_resources_agency ON directory_resources (agency_id, name)",
           "CREATE INDEX directory_resources_review ON directory_resources (agency_id, "
           "reviewed_on)",
           "CREATE TABLE directory_tags (resource_id BIGINT NOT NULL REFERENCES "
           "directory_resources(id), agency_id BIGINT NOT NULL REFERENCES agencies(id), "
           "tag TEXT NOT NULL, PRIMARY KEY (resource_id, tag))",
           "CREATE INDEX directory_tags_tag ON directory_tags (agency_id, tag)",
           "CREATE TABLE directory_history (id {{id}}, resource_id BIGINT NOT NULL REFERENCES "
           "directory_resources(id), version INTEGER NOT NULL, action TEXT NOT NULL, "
           "body TEXT NOT NULL, changed_at TEXT NOT NULL, changed_by BIGINT REFERENCES "
           "accounts(id), changed_by_name TEXT NOT NULL, UNIQUE (resource_id, version))",
           "CREATE TABLE resource_knowers (id {{id}}, resource_id BIGINT NOT NULL REFERENCES "
           "directory_resources(id), worker_id BIGINT NOT NULL REFERENCES workers(id), "
           "contact_name TEXT NOT NULL, note TEXT NOT NULL, since TEXT NOT NULL, "
           "UNIQUE (resource_id, worker_id))",
           "CREATE INDEX resource_knowers_worker ON resource_knowers (worker_id)",
       }},
  };
}

}  // namespace cp::store
