// src/store/database.cpp — session pool, transactions and backup over SOCI.
#include "cp/store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>


#include <filesystem>
#include <fmt/format.h>

#include "cp/store/migrations.hpp"

namespace cp::store {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

std::string sqlite_conn_string(const std::string& path) {
  // SOCI's sqlite3 backend parses "db=… timeout=…"; quote the path in case it has spaces.
  return fmt::format("db=\"{}\" timeout=10 shared_cache=false", path);
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url, const OpenOptions& options) {
  std::unique_ptr<Database> db(new Database());
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    db->backend_ = Backend::postgresql;
    db->location_ = url;
  } else {
    db->backend_ = Backend::sqlite;
    db->location_ = starts_with(url, "sqlite:") ? url.substr(7) : url;
    namespace fs = std::filesystem;
    const fs::path p(db->location_);
    if (!fs::exists(p)) {
      if (!options.create)
        throw StoreError(fmt::format("no database at {} (run `cpi init --db {}` first)",
                                     db->location_, db->location_));
      if (p.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec)
          throw StoreError(fmt::format("cannot create the folder {}: {}",
                                       p.parent_path().string(), ec.message()));
      }
    }
  }
  const int n = std::max(1, options.pool_size);
  for (int i = 0; i < n; ++i) {
    db->all_.push_back(db->connect());
    db->idle_.push_back(db->all_.back().get());
  }
  if (options.apply_migrations) migrate(*db->all_.front(), db->backend_);
  return db;
}

Database::~Database() {
  for (auto& s : all_) {
    try {
      if (backend_ == Backend::sqlite) *s << "PRAGMA optimize";
      s->close();
    } catch (...) {
      // Closing is best effort; WAL content is already durable.
    }
  }
}

std::unique_ptr<soci::session> Database::connect() {
  try {
    if (backend_ == Backend::sqlite) {
      auto s = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                               sqlite_conn_string(location_));
      *s << "PRAGMA journal_mode = WAL";
      *s << "PRAGMA foreign_keys = ON";
      *s << "PRAGMA synchronous = NORMAL";
      *s << "PRAGMA busy_timeout = 10000";
      return s;
    }
    return std::make_unique<soci::session>(*soci::factory_postgresql(), location_);
  } catch (const soci::soci_error& e) {
    throw StoreError(fmt::format("cannot open the database {}: {}",
                                 backend_ == Backend::sqlite ? location_ : "(postgresql)",
                                 e.what()));
  }
}

Database::Lease::Lease(Database& db) : db_(db) {
  std::unique_lock<std::mutex> lock(db.pool_mutex_);
  db.pool_cv_.wait(lock, [&] { return !db.idle_.empty(); });
  session_ = db.idle_.back();
  db.idle_.pop_back();
}

Database::Lease::~Lease() {
  {
    std::lock_guard<std::mutex> lock(db_.pool_mutex_);
    db_.idle_.push_back(session_);
  }
  db_.pool_cv_.notify_one();
}

void Database::begin_write(soci::session& s) {
  // SQLite: take the write lock up front so a reader never has to upgrade (no SQLITE_BUSY
  // deadlock between two writers). PostgreSQL: an ordinary transaction.
  if (backend_ == Backend::sqlite)
    s << "BEGIN IMMEDIATE";
  else
    s << "BEGIN";
}

void Database::commit(soci::session& s) { s << "COMMIT"; }

void Database::rollback(soci::session& s) noexcept {
  try {
    s << "ROLLBACK";
  } catch (...) {
    // The transaction may already be gone (e.g. the failure was the commit itself).
  }
}

int Database::schema_version() {
  return read([](soci::session& s) { return current_schema_version(s); });
}

long long Database::last_insert_id(soci::session& s, const std::string& table) {
  long long id = 0;
  if (!s.get_last_insert_id(table, id))
    throw StoreError(fmt::format("could not read the new id in {}", table));
  return id;
}

std::string Database::integrity_check() {
  if (backend_ != Backend::sqlite) return "ok";
  return read([](soci::session& s) {
    std::string result;
    s << "PRAGMA integrity_check", soci::into(result);
    return result;
  });
}

void Database::backup_to(const std::string& path) {
  if (backend_ != Backend::sqlite)
    throw StoreError("cpi backup for PostgreSQL uses pg_dump; see docs/deployment.md");
  namespace fs = std::filesystem;
  if (fs::exists(path)) throw StoreError(fmt::format("{} already exists; choose a new file", path));
  read([&](soci::session& s) {
    using namespace sqlite_api;  // SOCI wraps sqlite3.h in this namespace
    auto* be = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
    sqlite3* dest = nullptr;
    if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
      std::string msg = dest ? sqlite3_errmsg(dest) : "out of memory";
      sqlite3_close(dest);
      throw StoreError(fmt::format("cannot create {}: {}", path, msg));
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", be->conn_, "main");
    int rc = SQLITE_OK;
    if (b) {
      // Copy in steps so writers are not blocked for the whole copy.
      do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(b);
    }
    const int final_rc = b ? rc : sqlite3_errcode(dest);
    std::string msg = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    if (final_rc != SQLITE_DONE) {
      std::error_code ec;
      fs::remove(path, ec);
      throw StoreError(fmt::format("backup to {} failed: {}", path, msg));
    }
  });
  // Verify: open the copy on its own and check it.
  OpenOptions check;
  check.pool_size = 1;
  check.create = false;
  check.apply_migrations = false;
  auto copy = Database::open(path, check);
  const auto verdict = copy->integrity_check();
  if (verdict != "ok") throw StoreError(fmt::format("backup {} failed its integrity check: {}", path, verdict));
  if (copy->schema_version() != schema_version())
    throw StoreError(fmt::format("backup {} has a different schema version", path));
}

long long get_int(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      throw StoreError(fmt::format("column {} is not a number", r.get_properties(i).get_name()));
  }
}

bool is_null(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null; }

std::string get_text(const soci::row& r, std::size_t i, const std::string& if_null) {
  if (is_null(r, i)) return if_null;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return r.get<std::string>(i);
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long:
      return std::to_string(get_int(r, i));
    case soci::dt_double:
      return fmt::format("{}", r.get<double>(i));
    default:
      return r.get<std::string>(i);
  }
}

}  // namespace cp::store
