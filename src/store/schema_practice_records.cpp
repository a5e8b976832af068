// src/store/schema_practice_records.cpp — this area's schema migrations (see schema.hpp); none yet.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> practice_record_migrations() { return {}; }

}  // namespace cp::store
