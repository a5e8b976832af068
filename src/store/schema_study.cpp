// src/store/schema_study.cpp — this area's schema migrations (see schema.hpp); none yet.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> study_migrations() { return {}; }

}  // namespace cp::store
