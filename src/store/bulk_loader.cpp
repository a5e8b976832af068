// src/store/bulk_loader.cpp — BulkLoader for SQLite (prepared INSERTs on the native handle) and
// PostgreSQL (COPY FROM STDIN on the native connection); see bulk_loader.hpp.
#include "cp/store/bulk_loader.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>


#include <cstdio>
#include <fmt/format.h>
#include <stdexcept>

#include "backend.hpp"
#include "cp/store/database.hpp"

namespace cp::store {

using namespace sqlite_api;  // SOCI wraps sqlite3.h in this namespace

void BulkTable::add(std::vector<BulkValue> values) {
  if (values.size() != columns_.size())
    throw std::invalid_argument(fmt::format("{}: {} values for {} columns", name_, values.size(), columns_.size()));
  for (auto& v : values) values_.push_back(std::move(v));
}

namespace {

std::string column_list(const BulkTable& t) {
  std::string out;
  for (std::size_t i = 0; i < t.columns().size(); ++i) out += (i ? ", " : "") + t.columns()[i];
  return out;
}

class SqliteLoader final : public BulkLoader {
 public:
  explicit SqliteLoader(soci::session& s)
      : s_(s), db_(static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_) {
    exec("PRAGMA synchronous = OFF");
    exec("PRAGMA cache_size = -262144");  // 256 MiB of page cache while loading
  }
  ~SqliteLoader() override {
    for (auto& [_, st] : statements_) sqlite3_finalize(st);
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
  }

  void load(const BulkTable& t) override {
    if (!open_) {
      exec("BEGIN IMMEDIATE");
      open_ = true;
    }
    sqlite3_stmt* st = statement(t);
    const std::size_t cols = t.columns().size();
    for (std::size_t r = 0; r < t.rows(); ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const int i = static_cast<int>(c) + 1;
        const auto& v = t.at(r, c);
        if (std::holds_alternative<std::nullptr_t>(v)) sqlite3_bind_null(st, i);
        else if (auto* n = std::get_if<long long>(&v)) sqlite3_bind_int64(st, i, *n);
        else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(st, i, *d);
        else {
          const auto& text = std::get<std::string>(v);
          sqlite3_bind_text(st, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        }
      }
      if (sqlite3_step(st) != SQLITE_DONE)
        throw StoreError(fmt::format("bulk load into {} failed: {}", t.name(), sqlite3_errmsg(db_)));
      sqlite3_reset(st);
    }
    rows_ += static_cast<long long>(t.rows());
  }

  void commit() override {
    if (!open_) return;
    exec("COMMIT");
    open_ = false;
  }

  void finish(const std::vector<std::string>&) override {
    commit();
    exec("ANALYZE");
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

 private:
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw StoreError(fmt::format("bulk load: {}: {}", sql, msg));
    }
  }
  sqlite3_stmt* statement(const BulkTable& t) {
    auto it = statements_.find(t.name());
    if (it != statements_.end()) return it->second;
    std::string params;
    for (std::size_t i = 0; i < t.columns().size(); ++i) params += i ? ", ?" : "?";
    const std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", t.name(), column_list(t), params);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw StoreError(fmt::format("bulk load: cannot prepare {}: {}", sql, sqlite3_errmsg(db_)));
    statements_.emplace(t.name(), st);
    return st;
  }

  soci::session& s_;
  sqlite3* db_;
  bool open_ = false;
  std::map<std::string, sqlite3_stmt*> statements_;
};

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
void append_copy_text(std::string& out, const std::string& v) {
  for (char ch : v) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
}

class PostgresLoader final : public BulkLoader {
 public:
  explicit PostgresLoader(soci::session& s)
      : s_(s), conn_(static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_) {}
  ~PostgresLoader() override {
    if (open_) exec("ROLLBACK", false);
  }

  void load(const BulkTable& t) override {
    if (!open_) {
      exec("BEGIN", true);
      open_ = true;
    }
    PGresult* res = PQexec(conn_, fmt::format("COPY {} ({}) FROM STDIN", t.name(), column_list(t)).c_str());
    const bool ready = PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    if (!ready) throw StoreError(fmt::format("bulk load: COPY into {} refused: {}", t.name(), PQerrorMessage(conn_)));
    std::string buf;
    buf.reserve(1 << 21);
    const std::size_t cols = t.columns().size();
    for (std::size_t r = 0; r < t.rows(); ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        if (c) buf += '\t';
        const auto& v = t.at(r, c);
        if (std::holds_alternative<std::nullptr_t>(v)) buf += "\\N";
        else if (auto* n = std::get_if<long long>(&v)) buf += std::to_string(*n);
        else if (auto* d = std::get_if<double>(&v)) buf += fmt::format("{}", *d);
        else append_copy_text(buf, std::get<std::string>(v));
      }
      buf += '\n';
      if (buf.size() > (1 << 20)) put(buf);
    }
    put(buf);
    if (PQputCopyEnd(conn_, nullptr) != 1)
      throw StoreError(fmt::format("bulk load: ending COPY into {}: {}", t.name(), PQerrorMessage(conn_)));
    bool ok = true;
    std::string error;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        ok = false;
        error = PQresultErrorMessage(r);
      }
      PQclear(r);
    }
    if (!ok) throw StoreError(fmt::format("bulk load: COPY into {} failed: {}", t.name(), error));
    rows_ += static_cast<long long>(t.rows());
  }

  void commit() override {
    if (!open_) return;
    exec("COMMIT", true);
    open_ = false;
  }

  void finish(const std::vector<std::string>& tables_with_ids) override {
    if (!open_) {
      exec("BEGIN", true);
      open_ = true;
    }
    for (const auto& t : tables_with_ids)
      exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {0}), false)", t),
           true);
    commit();
    exec("ANALYZE", true);
  }

 private:
  void put(std::string& buf) {
    if (buf.empty()) return;
    if (PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) != 1)
      throw StoreError(fmt::format("bulk load: sending COPY data: {}", PQerrorMessage(conn_)));
    buf.clear();
  }
  void exec(const std::string& sql, bool check) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto st = PQresultStatus(r);
    const std::string err = PQresultErrorMessage(r);
    PQclear(r);
    if (check && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      throw StoreError(fmt::format("bulk load: {}: {}", sql, err));
  }

  soci::session& s_;
  PGconn* conn_;
  bool open_ = false;
};

void append_csv_field(std::string& out, const BulkValue& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return;
  if (auto* n = std::get_if<long long>(&v)) {
    out += std::to_string(*n);
    return;
  }
  if (auto* d = std::get_if<double>(&v)) {
    out += fmt::format("{}", *d);
    return;
  }
  const auto& text = std::get<std::string>(v);
  const bool quote = text.empty() || text.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

}  // namespace

std::unique_ptr<BulkLoader> BulkLoader::open(soci::session& s) {
  if (backend::of(s) == Backend::sqlite) return std::make_unique<SqliteLoader>(s);
  return std::make_unique<PostgresLoader>(s);
}

std::string to_csv(const BulkTable& t, bool with_header) {
  std::string out;
  if (with_header) {
    for (std::size_t i = 0; i < t.columns().size(); ++i) out += (i ? "," : "") + t.columns()[i];
    out += '\n';
  }
  const std::size_t cols = t.columns().size();
  for (std::size_t r = 0; r < t.rows(); ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (c) out += ',';
      append_csv_field(out, t.at(r, c));
    }
    out += '\n';
  }
  return out;
}

}  // namespace cp::store
