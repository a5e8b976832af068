// src/store/backend.hpp — the few places where SQLite and PostgreSQL differ, in one spot.
//
// Everything else in store/ (and every query in app/) is written once, in SQL both backends
// accept: BIGINT ids, TEXT dates (ISO 8601), INTEGER 0/1 flags, LIMIT, named parameters.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "cp/store/database.hpp"

namespace cp::store::backend {

// The backend a session talks to (from SOCI's backend name).
Backend of(soci::session& s);

// Opens a session for `location` (a SQLite path, or a libpq key=value connection string) and
// prepares it (SQLite: WAL, foreign keys, busy timeout).
std::unique_ptr<soci::session> connect(Backend b, const std::string& location);

// Starts a write transaction. SQLite: BEGIN IMMEDIATE (take the write lock up front).
// PostgreSQL: READ COMMITTED whatever the server's default, which is what the audit chain's
// row lock (audit_head_lock_clause) and versioned updates (versioned_update) rely on.
const char* begin_write(Backend b);

// Starts a read-only transaction that sees one snapshot. SQLite: a deferred BEGIN (the snapshot
// is fixed by the first read; WAL lets writers go on). PostgreSQL: REPEATABLE READ READ ONLY,
// which a hot standby (streaming replica) accepts.
const char* begin_read_snapshot(Backend b);

// Whether the database behind `s` refuses writes: a PostgreSQL hot standby, or a session whose
// default_transaction_read_only is on. SQLite: false.
bool refuses_writes(soci::session& s);

// Appended to the SELECT of audit_head in append_audit: PostgreSQL takes the row lock, which
// serialises appends from every process and connection; SQLite already holds the database
// write lock (BEGIN IMMEDIATE).
const char* audit_head_lock_clause(Backend b);

// Whether a failed statement broke a UNIQUE constraint (PostgreSQL SQLSTATE 23505; SQLite
// SQLITE_CONSTRAINT). Used to tell "someone else created it first" from a real failure.
bool is_unique_violation(const soci::soci_error& e);

// The id of the row just inserted into `table` on this session.
long long last_insert_id(soci::session& s, const std::string& table);

// Whether `table` exists (without creating or locking anything; works on a read-only replica).
bool table_exists(soci::session& s, const std::string& table);

// Serialises schema migrations between processes (PostgreSQL advisory lock; SQLite: no-op,
// each step takes the write lock). Released by migration_unlock.
void migration_lock(soci::session& s);
void migration_unlock(soci::session& s) noexcept;

// Runs a PostgreSQL client program (pg_dump, pg_restore; from CP_PG_BINDIR or PATH) with
// `args`, connecting to `target` (the password goes through PGPASSWORD, never the command
// line). Returns its exit status (-1 when it could not be started); its output in `output`.
int run_pg_tool(const std::string& program, const std::vector<std::string>& args,
                const PostgresTarget& target, std::string& output);

}  // namespace cp::store::backend
