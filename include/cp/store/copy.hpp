// include/cp/store/copy.hpp — moving a whole database to another backend (`cpi migrate-store`,
// issue 8): every table's rows with their ids, the audit log and its head unchanged, so the
// hash chain verifies on the target.
#pragma once

#include <string>
#include <vector>

#include "cp/store/database.hpp"

namespace cp::store {

struct TableCopy {
  std::string table;
  long long rows = 0;
};

// Copies every table of `from` into `to`, in foreign-key order, in one transaction on `to`.
// Preconditions: both at the same schema version (both opened with migrations); `to` holds no
// data (only what its migrations inserted). Identity sequences on `to` continue after the
// copied ids. Throws StoreError (and `to` is left as it was).
std::vector<TableCopy> copy_database(Database& from, Database& to);

}  // namespace cp::store
