// src/store/schema_scale.cpp — migration 8: indexes for the key queries at regional and national
// scale (issue 8 part 4). Each one is checked by tests/unit/scale/key_query_plans_test.cpp, which
// reads the query plans of store::key_queries() on a generated dataset on both backends.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> scale_migrations() {
  return {
      {8,
       "scale: indexes for the key queries (caseload, person page, directory search, due assessments, analysis "
       "dataset)",
       {
           // The analysis dataset lists a study's participants in id order: with (study_id,
           // site_id) alone SQLite reads the whole table in rowid order instead.
           "CREATE INDEX study_participants_study_id ON study_participants (study_id, id)",
       }},
  };
}

}  // namespace cp::store
