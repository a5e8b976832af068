// src/store/schema_study.cpp — migration 6: study design (studies, sites with their arm, waves),
// participants (recruitment, withdrawal) and the append-only history of research consent
// (issues 6 and 8). See schema.hpp for the numbering and the portable SQL rules.
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> study_migrations() {
  return {
      {6,
       "studies: design, sites and arms, waves, participants, research consent history",
       {
           "CREATE TABLE studies (id {{id}}, agency_id BIGINT REFERENCES agencies(id), "
           "name TEXT NOT NULL, design TEXT NOT NULL CHECK (design IN ('cluster_controlled',"
           "'cluster_randomised','pre_post')), created_by BIGINT REFERENCES accounts(id), "
           "created_at TEXT NOT NULL)",
           // A site is a team taking part, in one arm.
           "CREATE TABLE study_sites (id {{id}}, study_id BIGINT NOT NULL REFERENCES "
           "studies(id), team_id BIGINT NOT NULL REFERENCES teams(id), arm TEXT NOT NULL CHECK "
           "(arm IN ('intervention','control')), UNIQUE (study_id, team_id))",
           // `wave` is the wave id of questionnaire_responses ("baseline", "6m", …).
           "CREATE TABLE study_waves (id {{id}}, study_id BIGINT NOT NULL REFERENCES studies(id), "
           "wave TEXT NOT NULL, target_month INTEGER NOT NULL, window_days INTEGER NOT NULL, "
           "UNIQUE (study_id, wave))",
           "CREATE TABLE study_participants (id {{id}}, study_id BIGINT NOT NULL REFERENCES "
           "studies(id), person_id BIGINT NOT NULL REFERENCES people(id), site_id BIGINT NOT "
           "NULL REFERENCES study_sites(id), status TEXT NOT NULL CHECK (status IN "
           "('declined','recruited','withdrawn')), assessed_on TEXT NOT NULL, recruited_on TEXT, "
           "withdrawn_on TEXT, withdrawal_reason TEXT, recorded_by BIGINT REFERENCES "
           "accounts(id), recorded_at TEXT NOT NULL, UNIQUE (study_id, person_id))",
           "CREATE INDEX study_participants_study ON study_participants (study_id, site_id)",
           // Research consent: every change is a new row; rows are never updated or deleted.
           "CREATE TABLE study_consent_events (id {{id}}, participant_id BIGINT NOT NULL "
           "REFERENCES study_participants(id), event TEXT NOT NULL CHECK (event IN ('given',"
           "'withdrawn')), on_date TEXT NOT NULL, note TEXT, recorded_by BIGINT REFERENCES "
           "accounts(id), recorded_at TEXT NOT NULL)",
           "CREATE INDEX study_consent_participant ON study_consent_events (participant_id, id)",
           "sqlite:CREATE TRIGGER study_consent_no_update BEFORE UPDATE ON study_consent_events "
           "BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END",
           "sqlite:CREATE TRIGGER study_consent_no_delete BEFORE DELETE ON study_consent_events "
           "BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END",
           "postgresql:CREATE FUNCTION study_consent_append_only() RETURNS trigger AS $$ BEGIN "
           "RAISE EXCEPTION 'consent history is append-only'; END $$ LANGUAGE plpgsql",
           "postgresql:CREATE TRIGGER study_consent_no_change BEFORE UPDATE OR DELETE ON "
           "study_consent_events FOR EACH ROW EXECUTE FUNCTION study_consent_append_only()",
       }},
  };
}

}  // namespace cp::store
