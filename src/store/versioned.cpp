// src/store/versioned.cpp — what a versioned UPDATE's row count means (see versioned.hpp).
#include "cp/store/versioned.hpp"

#include <fmt/format.h>

#include "backend.hpp"

namespace cp::store::detail {

void savepoint(soci::session& s, const char* verb) { s << verb; }

bool is_unique_violation(const soci::soci_error& e) { return backend::is_unique_violation(e); }

VersionedResult versioned_outcome(soci::session& s, const std::string& table, long long id,
                                  long long expected_version, long long rows_changed) {
  if (rows_changed == 1) return {VersionedOutcome::updated, expected_version + 1};
  if (rows_changed > 1)
    throw StoreError(fmt::format("versioned update of {} {} changed {} rows", table, id, rows_changed));
  // Nothing changed: either the record is gone or someone else's update came first.
  long long current = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT version FROM " + table + " WHERE id = :id", soci::use(id), soci::into(current, ind);
  if (!s.got_data() || ind != soci::i_ok) return {VersionedOutcome::not_found, 0};
  return {VersionedOutcome::conflict, current};
}

}  // namespace cp::store::detail
