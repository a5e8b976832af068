// src/store/schema.hpp — the schema's migrations by area. Each area owns a block of version
// numbers so that areas can be built side by side:
//   1  foundation (migrations.cpp)      2  questionnaires: waves, schedules, responses
//   3  community directory (issue 4)    4  practice records (issue 4; refers to 3)
//   5  fidelity (issue 5)               6  study design, consent (issues 6, 8)
//   7  research exports (issue 8)       8  scale: indexes for the key queries (issue 8)
// Later changes take the next free number after the highest in use. SQL is portable: {{id}}
// for an identity key, BIGINT for references, TEXT for dates (ISO 8601), and "sqlite:" /
// "postgresql:" prefixes for the rare statement that differs.
#pragma once

#include <vector>

#include "cp/store/migrations.hpp"

namespace cp::store {

std::vector<Migration> foundation_migrations();
std::vector<Migration> questionnaire_migrations();
std::vector<Migration> practice_record_migrations();
std::vector<Migration> directory_migrations();
std::vector<Migration> fidelity_migrations();
std::vector<Migration> study_migrations();
std::vector<Migration> export_migrations();
std::vector<Migration> scale_migrations();
std::vector<Migration> session_migrations();

}  // namespace cp::store
