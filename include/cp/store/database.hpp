// include/cp/store/database.hpp — the one gateway to persistent storage (SOCI).
//
// A Database owns a pool of SOCI sessions on one backend: SQLite (the embedded default: a file,
// WAL, foreign keys on) or PostgreSQL (`postgresql://user[:password]@host[:port]/dbname[?k=v…]`;
// same schema and SQL; the backend differences live in src/store/backend.cpp). Every write is
// one transaction (`write`), serialised in this process; across processes the audit chain is
// kept linear by the database (SQLite's write lock; PostgreSQL: a row lock on audit_head).
// Reads (`read`) run concurrently on pooled sessions. Schema migrations are applied when the
// database is opened (see migrations.hpp).
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

// A postgresql:// URL taken apart: the libpq connection string SOCI is given, and the URL as it
// may be shown to an operator (no password).
struct PostgresTarget {
  std::string conninfo;  // key='value' pairs (host, port, dbname, user, password, query params)
  std::string conninfo_without_password;  // for pg_dump/pg_restore (password via PGPASSWORD)
  std::string password;
  std::string display;
  std::string dbname;
};
bool is_postgresql_url(const std::string& url);
// Throws StoreError for a malformed URL. Query parameters (sslmode, host=/socket/dir,
// application_name, …) are passed to libpq as they are.
PostgresTarget parse_postgresql_url(const std::string& url);

class Database {
 public:
  // `url`: a file path, `sqlite:PATH`, or `postgresql://…` (or postgres://). Throws StoreError.
  static std::unique_ptr<Database> open(const std::string& url, const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const noexcept { return backend_; }
  // The file path (SQLite) or the URL without its password (PostgreSQL).
  const std::string& location() const noexcept { return display_; }
  int schema_version();

  // Runs f(session) on a pooled session, outside any explicit transaction.
  template <class F>
  auto read(F&& f) {
    Lease lease(*this);
    return f(lease.session());
  }

  // Runs f(session) inside one read-only transaction that sees one consistent snapshot of the
  // database, so that a long read (a research export, an analysis dataset) is not torn by
  // writes committed meanwhile and holds no write lock. Works on a PostgreSQL hot standby.
  template <class F>
  auto read_snapshot(F&& f) {
    Lease lease(*this);
    begin_read_snapshot(lease.session());
    return finish_transaction(lease.session(), std::forward<F>(f));
  }

  // Whether this database refuses writes: a PostgreSQL streaming replica (hot standby) or a
  // connection opened with default_transaction_read_only=on. Always false for SQLite.
  bool refuses_writes();

  // Runs f(session) inside one write transaction; commits when f returns, rolls back when it
  // throws (and rethrows). Writes from this process are serialised.
  template <class F>
  auto write(F&& f) {
    std::lock_guard<std::mutex> writer(write_mutex_);
    Lease lease(*this);
    begin_write(lease.session());
    return finish_transaction(lease.session(), std::forward<F>(f));
  }

  // A consistent copy of the whole database in the new file `path` (must not exist), verified:
  // SQLite: the online backup API (writers wait only for each step), then the copy is opened
  // and integrity-checked. PostgreSQL: pg_dump's custom format (one snapshot), then checked
  // with pg_restore --list. Throws StoreError.
  void backup_to(const std::string& path);
  // Restores a backup written by backup_to into `url`, which must be new or empty (nothing is
  // overwritten): SQLite copies the file in with the backup API; PostgreSQL runs pg_restore in
  // one transaction into an existing, empty database. Throws StoreError.
  static void restore_from(const std::string& backup_path, const std::string& url);
  // "ok" or the first problem PRAGMA integrity_check reports (SQLite).
  std::string integrity_check();

  // The id of the row just inserted into `table` on this session (portable across backends:
  // SQLite's last rowid; PostgreSQL's currval of the table's id sequence).
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
  // Runs f(s) in the transaction just begun on s: commits when f returns, rolls back when it
  // throws (and rethrows).
  template <class F>
  auto finish_transaction(soci::session& s, F&& f) {
    try {
      if constexpr (std::is_void_v<decltype(f(s))>) {
        f(s);
        commit(s);
      } else {
        auto result = f(s);
        commit(s);
        return result;
      }
    } catch (...) {
      rollback(s);
      throw;
    }
  }
  void begin_write(soci::session& s);
  void begin_read_snapshot(soci::session& s);
  void commit(soci::session& s);
  void rollback(soci::session& s) noexcept;
  std::unique_ptr<soci::session> connect();

  Backend backend_ = Backend::sqlite;
  std::string location_;        // file path (SQLite) or libpq connection string (PostgreSQL)
  std::string display_;         // what location() shows
  PostgresTarget pg_;           // PostgreSQL: the parsed URL
  std::mutex write_mutex_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<soci::session>> all_;
  std::vector<soci::session*> idle_;
};

// The backend a session talks to (for the rare query that must differ; keep those in store/).
Backend backend_of(soci::session& s);

// Column access that does not care how the backend typed an integer column.
long long get_int(const soci::row& r, std::size_t i);
std::string get_text(const soci::row& r, std::size_t i, const std::string& if_null = {});
bool is_null(const soci::row& r, std::size_t i);

}  // namespace cp::store
