// src/store/schema_fidelity.cpp — migration 5: fidelity (issue 5): CPIFS practice examples with
// independent ratings and a consensus, and each agency's implementation thresholds. The CPIFS
// questionnaires themselves are questionnaire responses (migration 2); the practice-derived
// indicators are read from the practice records (migration 4).
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> fidelity_migrations() {
  return {
      {5,
       "fidelity: practice examples, ratings and consensus; implementation thresholds per agency",
       {
           "CREATE TABLE practice_examples (id {{id}}, agency_id BIGINT NOT NULL REFERENCES agencies(id), "
           "worker_id BIGINT NOT NULL REFERENCES workers(id), domain TEXT NOT NULL CHECK (domain IN "
           "('community','assessment','planning','partnership','relationships')), description TEXT NOT NULL, "
           "consensus INTEGER CHECK (consensus BETWEEN 1 AND 9), consensus_note TEXT, consensus_at TEXT, "
           "consensus_by BIGINT REFERENCES accounts(id), version INTEGER NOT NULL, created_at TEXT NOT NULL, "
           "created_by BIGINT REFERENCES accounts(id))",
           "CREATE INDEX practice_examples_worker ON practice_examples (worker_id)",
           "CREATE INDEX practice_examples_agency ON practice_examples (agency_id)",
           "CREATE TABLE practice_example_ratings (example_id BIGINT NOT NULL REFERENCES "
           "practice_examples(id), rater BIGINT NOT NULL REFERENCES accounts(id), rating INTEGER NOT NULL "
           "CHECK (rating BETWEEN 1 AND 9), rated_at TEXT NOT NULL, PRIMARY KEY (example_id, rater))",
           "CREATE TABLE fidelity_settings (agency_id BIGINT PRIMARY KEY REFERENCES agencies(id), "
           "thresholds TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by BIGINT REFERENCES accounts(id))",
       }},
  };
}

}  // namespace cp::store
