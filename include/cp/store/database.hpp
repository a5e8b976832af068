// include/cp/store/database.hpp — the one gateway to persistent storage (SOCI).
//
// A Database owns a pool of SOCI sessions on one backend: SQLite (the embedded default: a file,
// WAL, foreign keys on) or, later, PostgreSQL (same SQL; backend differences live in
// backend.cpp). Every write is one transaction (`write`), serialised in this process so that the
// audit hash chain stays linear; reads (`read`) run concurrently on pooled sessions.
// Schema migrations are applied when the database is opened (see migrations.hpp).
#pragma once

#include <soci/soci.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cp::store {

enum class Backend { sqlite, postgresql };

struct OpenOptions {
  int pool_size = 4;            // sessions kept open (≥ the server's threads)
  bool create = true;           // create the SQLite file when missing
  bool apply_migrations = true; // bring the schema up to date
};

// Thrown for storage problems the caller cannot fix by changing its input (I/O, a database
// written by a newer version, a failed migration). Messages are safe to show an operator.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  // `url`: a file path, `sqlite:PATH`, or `postgresql://…`. Throws StoreError.
  static std::unique_ptr<Database> open(const std::string& url, const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const noexcept { return backend_; }
  const std::string& location() const noexcept { return location_; }
  int schema_version();

  // Runs f(session) on a pooled session, outside any explicit transaction.
  template <class F>
  auto read(F&& f) {
    Lease lease(*this);
    return f(lease.session());
  }

  // Runs f(session) inside one write transaction; commits when f returns, rolls back when it
  // throws (and rethrows). Writes from this process are serialised.
  template <class F>
  auto write(F&& f) {
    std::lock_guard<std::mutex> writer(write_mutex_);
    Lease lease(*this);
    begin_write(lease.session());
    try {
      if constexpr (std::is_void_v<decltype(f(lease.session()))>) {
        f(lease.session());
        commit(lease.session());
      } else {
        auto result = f(lease.session());
        commit(lease.session());
        return result;
      }
    } catch (...) {
      rollback(lease.session());
      throw;
    }
  }

  // SQLite: online backup into `path` (then reopened and integrity-checked). Throws StoreError.
  void backup_to(const std::string& path);
  // "ok" or the first problem PRAGMA integrity_check reports (SQLite).
  std::string integrity_check();

  // The id of the row just inserted into `table` on this session (portable across backends).
  static long long last_insert_id(soci::session& s, const std::string& table);

 private:
  class Lease {
   public:
    explicit Lease(Database& db);
    ~Lease();
    soci::session& session() { return *session_; }

   private:
    Database& db_;
    soci::session* session_;
  };

  Database() = default;
  void begin_write(soci::session& s);
  void commit(soci::session& s);
  void rollback(soci::session& s) noexcept;
  std::unique_ptr<soci::session> connect();

  Backend backend_ = Backend::sqlite;
  std::string location_;        // file path or connection string
  std::mutex write_mutex_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<soci::session>> all_;
  std::vector<soci::session*> idle_;
};

// Column access that does not care how the backend typed an integer column.
long long get_int(const soci::row& r, std::size_t i);
std::string get_text(const soci::row& r, std::size_t i, const std::string& if_null = {});
bool is_null(const soci::row& r, std::size_t i);

}  // namespace cp::store
