// src/store/schema_questionnaires.cpp — migration 2: assessment schedules, recorded baseline
// dates, questionnaire responses (one per person × wave × instrument) and their history.
// See schema.hpp for the numbering and the portable SQL rules.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> questionnaire_migrations() {
  return {
      {2,
       "questionnaires: assessment schedules, baseline dates, responses and their history",
       {
           // One schedule per agency (JSON, format in docs/instruments.md); absent = default.
           "CREATE TABLE assessment_schedules (id {{id}}, agency_id BIGINT NOT NULL UNIQUE "
           "REFERENCES agencies(id), schedule TEXT NOT NULL, version INTEGER NOT NULL, "
           "updated_by BIGINT REFERENCES accounts(id), updated_at TEXT NOT NULL)",
           // A recorded baseline date overrides the partnership's start for wave dates.
           "CREATE TABLE assessment_baselines (person_id BIGINT PRIMARY KEY REFERENCES "
           "people(id), baseline_on TEXT NOT NULL, recorded_by BIGINT REFERENCES accounts(id), "
           "recorded_at TEXT NOT NULL)",
           "CREATE TABLE questionnaire_responses (id {{id}}, person_id BIGINT NOT NULL "
           "REFERENCES people(id), wave TEXT NOT NULL, instrument TEXT NOT NULL, "
           "instrument_version TEXT NOT NULL, answers TEXT NOT NULL, status TEXT NOT NULL "
           "CHECK (status IN ('partial','complete')), mode TEXT NOT NULL CHECK (mode IN "
           "('interviewer','self')), scores TEXT, version INTEGER NOT NULL, "
           "created_at TEXT NOT NULL, created_by BIGINT REFERENCES accounts(id), "
           "created_by_role TEXT NOT NULL, updated_at TEXT NOT NULL, "
           "updated_by BIGINT REFERENCES accounts(id), updated_by_role TEXT NOT NULL, "
           "completed_at TEXT, UNIQUE (person_id, wave, instrument))",
           "CREATE INDEX questionnaire_responses_person ON questionnaire_responses (person_id)",
           // Every saved version, oldest first; never updated or deleted.
           "CREATE TABLE questionnaire_response_history (id {{id}}, response_id BIGINT NOT NULL "
           "REFERENCES questionnaire_responses(id), version INTEGER NOT NULL, answers TEXT NOT "
           "NULL, status TEXT NOT NULL, mode TEXT NOT NULL, scores TEXT, changed_at TEXT NOT "
           "NULL, changed_by BIGINT REFERENCES accounts(id), changed_by_role TEXT NOT NULL, "
           "change TEXT NOT NULL, UNIQUE (response_id, version))",
       }},
  };
}

}  // namespace cp::store
