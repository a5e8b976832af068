// src/cli/database_options.hpp — what every command that takes --db shares: the option's help,
// opening the database (SQLite file or postgresql:// URL), the operator as caller, and
// --audit-db for research reads from a read-only replica.
#pragma once

#include <memory>
#include <string>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/store/database.hpp"

namespace cp::cli {

inline constexpr const char* kDefaultDb = "var/cpi.db";
inline constexpr const char* kDbHelp =
    "Database: a SQLite file path (default var/cpi.db) or "
    "postgresql://user[:password]@host[:port]/dbname";
inline constexpr const char* kAuditDbHelp =
    "when --db is a read-only PostgreSQL streaming replica: the primary's postgresql:// URL, "
    "where the audit row is written and the pseudonym key is kept (docs/deployment.md)";

// Opens `url` with `pool_size` sessions. create=false: the database must exist already (a
// SQLite file, or a PostgreSQL database at the current schema version or one migrations can
// bring up to date). Throws cp::ErrorException (field `option`) with the store's message.
std::unique_ptr<store::Database> open_database(const std::string& url, int pool_size = 1,
                                               bool create = false, const char* option = "db");

// The operator at the command line: account id 0, system_admin, recorded as "cli:<USER>".
app::Caller operator_caller();

// For commands that make research reads (export, analyse --study). With `audit_db_url`: opens
// the primary, checks it is at the same schema version as service.database(), and makes it the
// service's audit database (returned; keep it alive while the service is used). Without: when
// service.database() refuses writes (a replica), throws cp::ErrorException telling the user to
// give --audit-db; otherwise returns null.
std::unique_ptr<store::Database> use_audit_database(app::Service& service,
                                                    const std::string& audit_db_url);

}  // namespace cp::cli
