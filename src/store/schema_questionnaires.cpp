// src/store/schema_questionnaires.cpp — this area's schema migrations (see schema.hpp); none yet.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> questionnaire_migrations() { return {}; }

}  // namespace cp::store
