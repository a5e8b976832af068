// include/cp/store/migrations.hpp — numbered schema migrations, applied in order at start.
//
// The schema version is the highest row of schema_migrations. A database whose version is
// higher than this build knows is refused with a clear message (it was written by a newer
// version). Each migration runs in its own transaction; SQL is kept portable to PostgreSQL, with
// the few backend differences substituted from placeholders ({{id}} for an identity key).
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "cp/store/database.hpp"

namespace cp::store {

struct Migration {
  int version;
  std::string description;  // human-readable note kept in schema_migrations
  std::vector<std::string> statements;
};

// All migrations this build knows, in order.
const std::vector<Migration>& migrations();
int latest_schema_version();

// Version recorded in the database (0 for an empty one). Creates schema_migrations if missing.
int current_schema_version(soci::session& s);

// Applies pending migrations; throws StoreError when the database is newer than this build or
// a step fails (nothing of that step is kept). Fault point: environment variable
// CP_FAULT=migration:N makes step N fail after its statements ran, before commit (tests).
void migrate(soci::session& s, Backend backend);

}  // namespace cp::store
