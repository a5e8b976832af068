// src/store/migrations.cpp — the schema, as numbered migrations, and the code that applies them.
#include "cp/store/migrations.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

#include "cp/domain/clock.hpp"
#include "backend.hpp"
#include "schema.hpp"

namespace cp::store {

namespace {

// A statement that starts with "sqlite:" or "postgresql:" runs on that backend only.
// {{id}} becomes the backend's auto-numbered primary key.
std::string for_backend(const std::string& sql, Backend b, bool& applies) {
  std::string out = sql;
  applies = true;
  if (out.rfind("sqlite:", 0) == 0) {
    applies = b == Backend::sqlite;
    out = out.substr(7);
  } else if (out.rfind("postgresql:", 0) == 0) {
    applies = b == Backend::postgresql;
    out = out.substr(11);
  }
  const std::string id = b == Backend::sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  for (size_t pos; (pos = out.find("{{id}}")) != std::string::npos;) out.replace(pos, 6, id);
  return out;
}

}  // namespace

std::vector<Migration> foundation_migrations() {
  return {
      {1,
       "agencies, teams, workers, people, accounts, partnerships, episodes, contacts, audit log",
       {
           "CREATE TABLE agencies (id {{id}}, name TEXT NOT NULL, sector TEXT NOT NULL "
           "CHECK (sector IN ('statutory','nhs','third_sector','private','other')), "
           "created_at TEXT NOT NULL)",
           "CREATE TABLE teams (id {{id}}, agency_id BIGINT NOT NULL REFERENCES agencies(id), "
           "name TEXT NOT NULL, UNIQUE (agency_id, name))",
           "CREATE TABLE workers (id {{id}}, agency_id BIGINT NOT NULL REFERENCES agencies(id), "
           "team_id BIGINT REFERENCES teams(id), display_name TEXT NOT NULL, job_title TEXT, "
           "active INTEGER NOT NULL DEFAULT 1)",
           "CREATE TABLE people (id {{id}}, agency_id BIGINT NOT NULL REFERENCES agencies(id), "
           "display_name TEXT NOT NULL, preferred_name TEXT, pronouns TEXT, date_of_birth TEXT, "
           "postcode TEXT, created_at TEXT NOT NULL)",
           "CREATE TABLE accounts (id {{id}}, username TEXT NOT NULL UNIQUE, "
           "display_name TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL CHECK "
           "(role IN ('person','practitioner','team_leader','agency_admin','researcher',"
           "'system_admin')), agency_id BIGINT REFERENCES agencies(id), "
           "team_id BIGINT REFERENCES teams(id), worker_id BIGINT REFERENCES workers(id), "
           "person_id BIGINT REFERENCES people(id), active INTEGER NOT NULL DEFAULT 1, "
           "created_at TEXT NOT NULL)",
           "CREATE TABLE partnerships (id {{id}}, agency_id BIGINT NOT NULL REFERENCES "
           "agencies(id), team_id BIGINT NOT NULL REFERENCES teams(id), worker_id BIGINT NOT "
           "NULL REFERENCES workers(id), person_id BIGINT NOT NULL REFERENCES people(id), "
           "state TEXT NOT NULL CHECK (state IN ('open','paused','re_entered','moved_on',"
           "'transferred')), state_since TEXT NOT NULL, created_at TEXT NOT NULL)",
           "CREATE INDEX partnerships_worker ON partnerships (worker_id)",
           "CREATE INDEX partnerships_team ON partnerships (team_id)",
           "CREATE INDEX partnerships_person ON partnerships (person_id)",
           "CREATE TABLE episodes (id {{id}}, partnership_id BIGINT NOT NULL REFERENCES "
           "partnerships(id), state TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT, "
           "reason TEXT, from_worker_id BIGINT REFERENCES workers(id), to_worker_id BIGINT "
           "REFERENCES workers(id), recorded_by BIGINT REFERENCES accounts(id), "
           "recorded_at TEXT NOT NULL)",
           "CREATE INDEX episodes_partnership ON episodes (partnership_id, id)",
           "CREATE TABLE contacts (id {{id}}, partnership_id BIGINT NOT NULL REFERENCES "
           "partnerships(id), contact_date TEXT NOT NULL, mode TEXT NOT NULL, "
           "duration_minutes INTEGER NOT NULL, processes TEXT NOT NULL, note TEXT NOT NULL, "
           "recorded_by BIGINT REFERENCES accounts(id), recorded_at TEXT NOT NULL)",
           "CREATE INDEX contacts_partnership ON contacts (partnership_id, contact_date)",
           "CREATE TABLE audit_log (id {{id}}, at TEXT NOT NULL, account_id BIGINT, "
           "username TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, "
           "record_type TEXT NOT NULL, record_id TEXT NOT NULL, person_id BIGINT, "
           "outcome TEXT NOT NULL, detail TEXT NOT NULL, address TEXT NOT NULL, "
           "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
           "CREATE INDEX audit_person ON audit_log (person_id)",
           "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_id BIGINT NOT "
           "NULL, last_hash TEXT NOT NULL, entries BIGINT NOT NULL)",
           "INSERT INTO audit_head (id, last_id, last_hash, entries) VALUES (1, 0, "
           "'0000000000000000000000000000000000000000000000000000000000000000', 0)",
           "sqlite:CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
           "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
           "sqlite:CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
           "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
           "postgresql:CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
           "RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql",
           "postgresql:CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
           "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
           "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
       }},
  };
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> out;
    for (auto&& area : {foundation_migrations(), questionnaire_migrations(), practice_record_migrations(),
                        directory_migrations(), fidelity_migrations(), study_migrations(),
                        export_migrations(),
                        scale_migrations(), session_migrations()})
      out.insert(out.end(), area.begin(), area.end());
    std::sort(out.begin(), out.end(), [](const Migration& x, const Migration& y) { return x.version < y.version; });
    return out;
  }();
  return all;
}

int latest_schema_version() { return migrations().back().version; }

int current_schema_version(soci::session& s) {
  // Read-only when the table exists (a PostgreSQL read replica must be able to answer).
  if (!backend::table_exists(s, "schema_migrations"))
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "applied_at TEXT NOT NULL, description TEXT NOT NULL)";
  int version = 0;
  soci::indicator ind = soci::i_ok;
  s << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_null ? 0 : version;
}

void migrate(soci::session& s, Backend backend) {
  const int latest = latest_schema_version();
  auto refuse_newer = [&](int current) {
    if (current > latest)
      throw StoreError(fmt::format(
          "this database was written by a newer version of Connecting People (schema version {}; "
          "this cpi knows versions up to {}). Install the newer cpi; nothing was changed.",
          current, latest));
  };
  // Up to date: nothing to lock or write (so a PostgreSQL read-only replica opens too).
  const int seen = current_schema_version(s);
  refuse_newer(seen);
  if (seen == latest) return;
  // Two processes opening a new PostgreSQL database at once: one migrates, the other waits and
  // then finds nothing to do.
  backend::migration_lock(s);
  struct Unlock {
    soci::session& s;
    ~Unlock() { backend::migration_unlock(s); }
  } unlock{s};
  const int current = current_schema_version(s);
  refuse_newer(current);
  const char* fault = std::getenv("CP_FAULT");
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    s << backend::begin_write(backend);
    try {
      for (const auto& sql : m.statements) {
        bool applies = true;
        const auto stmt = for_backend(sql, backend, applies);
        if (applies) s << stmt;
      }
      if (fault && std::string(fault) == fmt::format("migration:{}", m.version))
        throw StoreError(fmt::format("injected fault in migration {}", m.version));
      const std::string now = domain::iso_timestamp(std::chrono::system_clock::now());
      s << "INSERT INTO schema_migrations (version, applied_at, description) VALUES (:v, :a, :d)",
          soci::use(m.version), soci::use(now), soci::use(m.description);
      s << "COMMIT";
    } catch (const std::exception& e) {
      try {
        s << "ROLLBACK";
      } catch (...) {
      }
      throw StoreError(fmt::format("schema migration {} ({}) failed and was rolled back: {}",
                                   m.version, m.description, e.what()));
    }
  }
}

}  // namespace cp::store
