// include/cp/store/versioned.hpp — optimistic concurrency for editable records (issue 8;
// docs/practice-api.md "Every editable record"): a `version` column, and an UPDATE that
// succeeds only when the client's version is still the current one.
//
//   auto r = store::update_versioned(s, "contacts", id, expected_version,
//                                    "note = :note, mode = :mode", soci::use(note), soci::use(mode));
//   switch (r.outcome) {
//     case store::VersionedOutcome::updated:   …  r.version is the new version
//     case store::VersionedOutcome::conflict:  …  409 version_conflict; r.version is current
//     case store::VersionedOutcome::not_found: …  404
//   }
//
// It runs `UPDATE <table> SET <set>, version = version + 1 WHERE id = :id AND version = :v` and
// counts the rows it changed, so the check and the change are one statement: two writers with
// the same version cannot both succeed, on SQLite (one writer at a time) or on PostgreSQL
// (READ COMMITTED re-checks the WHERE clause against the row the other writer committed).
// The table needs `id` and `version BIGINT NOT NULL DEFAULT 1` columns (new rows start at 1).
// Call it inside Database::write. `set` and `table` are SQL written by the caller, never input.
#pragma once

#include <soci/soci.h>

#include <string>
#include <utility>

#include "cp/store/database.hpp"

namespace cp::store {

enum class VersionedOutcome { updated, conflict, not_found };

struct VersionedResult {
  VersionedOutcome outcome = VersionedOutcome::not_found;
  long long version = 0;  // updated: the new version; conflict: the current one; not_found: 0
  bool ok() const { return outcome == VersionedOutcome::updated; }
};

namespace detail {
void savepoint(soci::session& s, const char* verb);
bool is_unique_violation(const soci::soci_error& e);
VersionedResult versioned_outcome(soci::session& s, const std::string& table, long long id,
                                  long long expected_version, long long rows_changed);
}

// `uses` bind the named parameters of `set`, in the order they appear in it.
template <class... Uses>
VersionedResult update_versioned(soci::session& s, const std::string& table, long long id,
                                 long long expected_version, const std::string& set, Uses&&... uses) {
  const std::string sql = "UPDATE " + table + " SET " + set +
                          (set.empty() ? "" : ", ") +
                          "version = version + 1 WHERE id = :cp_id AND version = :cp_version";
  auto prep = (s.prepare << sql);
  ((void)(prep, std::forward<Uses>(uses)), ...);
  prep, soci::use(id), soci::use(expected_version);
  soci::statement st(prep);
  st.execute(true);
  return detail::versioned_outcome(s, table, id, expected_version, st.get_affected_rows());
}

// Creates a record that has at most one row per key (a UNIQUE constraint), for the first save
// of a versioned record: runs `insert()` inside a savepoint and returns false, with nothing
// written and the transaction still usable, when a concurrent writer in another process created
// the row first (PostgreSQL; SQLite's write lock makes this impossible there). Any other failure
// is rethrown. Call it inside Database::write.
template <class Insert>
bool insert_unless_taken(soci::session& s, Insert&& insert) {
  detail::savepoint(s, "SAVEPOINT cp_insert");
  try {
    insert();
  } catch (const soci::soci_error& e) {
    if (!detail::is_unique_violation(e)) throw;
    detail::savepoint(s, "ROLLBACK TO SAVEPOINT cp_insert");
    return false;
  }
  detail::savepoint(s, "RELEASE SAVEPOINT cp_insert");
  return true;
}

}  // namespace cp::store
