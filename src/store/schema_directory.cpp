// src/store/schema_directory.cpp — this area's schema migrations (see schema.hpp); none yet.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> directory_migrations() { return {}; }

}  // namespace cp::store
