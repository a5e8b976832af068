// src/store/schema_exports.cpp — migration 7: research exports (issue 8 part 5). The postcode →
// IMD decile lookup that lets an export give an area's deprivation decile instead of a postcode.
// Loaded by `cpi deprivation import` from the English IMD 2019 by postcode (docs/exports.md);
// postcodes are stored normalised (upper case, no spaces). See schema.hpp for the rules.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> export_migrations() {
  return {
      {7,
       "research exports: postcode to IMD decile lookup",
       {
           "CREATE TABLE postcode_deprivation (postcode TEXT PRIMARY KEY, imd_decile INTEGER NOT "
           "NULL CHECK (imd_decile BETWEEN 1 AND 10), source TEXT NOT NULL, loaded_at TEXT NOT "
           "NULL)",
       }},
  };
}

}  // namespace cp::store
