// src/store/database.cpp — session pool, transactions and backup over SOCI.
#include "cp/store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>


#include <filesystem>
#include <fmt/format.h>

#include "backend.hpp"
#include "cp/store/migrations.hpp"

namespace cp::store {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url, const OpenOptions& options) {
  std::unique_ptr<Database> db(new Database());
  if (is_postgresql_url(url)) {
    const auto target = parse_postgresql_url(url);
    db->backend_ = Backend::postgresql;
    db->location_ = target.conninfo;
    db->display_ = target.display;
    db->pg_ = target;
  } else {
    db->backend_ = Backend::sqlite;
    db->location_ = starts_with(url, "sqlite:") ? url.substr(7) : url;
    db->display_ = db->location_;
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
  if (options.apply_migrations) {
    try {
      migrate(*db->all_.front(), db->backend_);
    } catch (const soci::soci_error& e) {  // e.g. a read-only connection to a new database
      throw StoreError(fmt::format("cannot bring the schema of {} up to date: {}", db->display_, e.what()));
    }
  }
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
    return backend::connect(backend_, location_);
  } catch (const soci::soci_error& e) {
    throw StoreError(fmt::format("cannot open the database {}: {}", display_, e.what()));
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
  // deadlock between two writers). PostgreSQL: READ COMMITTED (see backend.hpp).
  s << backend::begin_write(backend_);
}

void Database::begin_read_snapshot(soci::session& s) { s << backend::begin_read_snapshot(backend_); }

bool Database::refuses_writes() {
  return read([](soci::session& s) { return backend::refuses_writes(s); });
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
  return backend::last_insert_id(s, table);
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
  namespace fs = std::filesystem;
  if (fs::exists(path)) throw StoreError(fmt::format("{} already exists; choose a new file", path));
  if (backend_ == Backend::postgresql) {
    // pg_dump reads one snapshot, so the copy is consistent while the server keeps writing.
    std::string out;
    int rc = backend::run_pg_tool("pg_dump", {"--format=custom", "--no-owner", "--no-privileges", "--file=" + path}, pg_, out);
    if (rc != 0) {
      std::error_code ec;
      fs::remove(path, ec);
      throw StoreError(fmt::format("pg_dump of {} failed: {}", display_, out));
    }
    std::string listing;
    rc = backend::run_pg_tool("pg_restore", {"--list", path}, pg_, listing);
    if (rc != 0 || listing.find("TABLE DATA public audit_log") == std::string::npos ||
        listing.find("TABLE DATA public schema_migrations") == std::string::npos)
      throw StoreError(fmt::format("backup {} could not be read back by pg_restore: {}", path, listing));
    return;
  }
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

Backend backend_of(soci::session& s) { return backend::of(s); }

void Database::restore_from(const std::string& backup_path, const std::string& url) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(backup_path, ec)) throw StoreError(fmt::format("no backup file at {}", backup_path));
  std::string magic(16, '\0');
  {
    FILE* f = std::fopen(backup_path.c_str(), "rb");
    if (!f) throw StoreError(fmt::format("cannot read {}", backup_path));
    magic.resize(std::fread(magic.data(), 1, magic.size(), f));
    std::fclose(f);
  }
  const bool sqlite_file = magic.rfind("SQLite format 3", 0) == 0;
  const bool pg_dump_file = magic.rfind("PGDMP", 0) == 0;
  if (!is_postgresql_url(url)) {
    if (!sqlite_file)
      throw StoreError(fmt::format("{} is not a SQLite backup (a PostgreSQL backup restores into a postgresql:// database)", backup_path));
    const std::string target = starts_with(url, "sqlite:") ? url.substr(7) : url;
    if (fs::exists(target)) throw StoreError(fmt::format("{} already exists; restore into a new file", target));
    OpenOptions o;
    o.pool_size = 1;
    o.create = false;
    o.apply_migrations = false;
    auto source = Database::open(backup_path, o);
    source->backup_to(target);  // copies with the backup API and verifies the copy
    return;
  }
  if (!pg_dump_file)
    throw StoreError(fmt::format("{} is not a PostgreSQL backup (pg_dump custom format)", backup_path));
  OpenOptions o;
  o.pool_size = 1;
  o.apply_migrations = false;
  auto target = Database::open(url, o);
  const long long tables = target->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()", soci::into(n);
    return n;
  });
  if (tables != 0)
    throw StoreError(fmt::format("{} is not empty ({} tables); restore into a new, empty database (createdb)", target->location(), tables));
  const PostgresTarget pg = target->pg_;
  target.reset();
  std::string out;
  const int rc = backend::run_pg_tool(
      "pg_restore", {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", backup_path}, pg, out);
  if (rc != 0) throw StoreError(fmt::format("pg_restore into {} failed (nothing was restored): {}", pg.display, out));
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
