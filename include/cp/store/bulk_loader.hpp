// include/cp/store/bulk_loader.hpp — loading many generated rows fast (`cpi demo --scale`).
//
// A BulkTable is plain data: a table name, its columns and rows of values. A BulkLoader appends
// such tables to the database in large transactions, the fastest way each backend offers:
//   SQLite      one prepared INSERT per table (sqlite3_bind_*/step/reset on the native handle),
//               BEGIN IMMEDIATE … COMMIT per batch, with `PRAGMA synchronous = OFF` while it
//               loads (WAL stays on; a crash mid-load loses the load, which is regenerated).
//   PostgreSQL  COPY … FROM STDIN in text format (PQputCopyData on the native PGconn) inside
//               BEGIN … COMMIT per batch.
// Rows carry their own ids; finish() moves PostgreSQL's id sequences past them and refreshes
// the planner's statistics (ANALYZE) on both backends. Only for loading into an empty
// database: nothing is audited here (the caller writes one audit row for the whole load).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace cp::store {

// One value: NULL, an integer, a real number or text.
using BulkValue = std::variant<std::nullptr_t, long long, double, std::string>;

class BulkTable {
 public:
  BulkTable(std::string name, std::vector<std::string> columns)
      : name_(std::move(name)), columns_(std::move(columns)) {}
  const std::string& name() const noexcept { return name_; }
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  // Appends one row; `values` must have one value per column (throws std::invalid_argument).
  void add(std::vector<BulkValue> values);
  std::size_t rows() const noexcept { return columns_.empty() ? 0 : values_.size() / columns_.size(); }
  const BulkValue& at(std::size_t row, std::size_t column) const { return values_[row * columns_.size() + column]; }
  void clear() noexcept { values_.clear(); }

 private:
  std::string name_;
  std::vector<std::string> columns_;
  std::vector<BulkValue> values_;
};

class BulkLoader {
 public:
  // `s` must be outside any transaction (a session from Database::read).
  static std::unique_ptr<BulkLoader> open(soci::session& s);
  virtual ~BulkLoader() = default;
  // Appends every row of `t` (a transaction is begun when none is open). Throws StoreError.
  virtual void load(const BulkTable& t) = 0;
  // Commits the open transaction, if any.
  virtual void commit() = 0;
  // Commits, moves the id sequences of `tables_with_ids` past their largest id (PostgreSQL),
  // and runs ANALYZE.
  virtual void finish(const std::vector<std::string>& tables_with_ids) = 0;
  long long rows_loaded() const noexcept { return rows_; }

 protected:
  long long rows_ = 0;
};

// The CSV text of a table (RFC 4180: a header line, fields quoted when they hold a comma, quote
// or line break; NULL is an empty unquoted field) — the input of the databases' own loaders in
// bench/scale_bench.sh. `with_header` false appends rows only.
std::string to_csv(const BulkTable& t, bool with_header);

}  // namespace cp::store
