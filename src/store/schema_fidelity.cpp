// src/store/schema_fidelity.cpp — this area's schema migrations (see schema.hpp); none yet.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> fidelity_migrations() { return {}; }

}  // namespace cp::store
