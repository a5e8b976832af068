// include/cp/store/studies.hpp — rows of a study's design (sites and arms, waves), its
// participants and their research consent history (migration 6), and the queries on them.
// No permission checks here: app/studies.hpp decides who may call what. SQL is portable.
#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cp::store {

struct StudyRow {
  long long id = 0;
  std::optional<long long> agency_id;
  std::string name, design, created_at;
};
struct StudySiteRow {
  long long id = 0, study_id = 0, team_id = 0;
  std::string arm;        // intervention | control
  std::string team_name;  // read only
};
struct StudyWaveRow {
  long long id = 0, study_id = 0;
  std::string wave;
  int target_month = 0, window_days = 0;
};
struct StudyParticipantRow {
  long long id = 0, study_id = 0, person_id = 0, site_id = 0;
  std::string status;  // declined | recruited | withdrawn
  std::string assessed_on;
  std::optional<std::string> recruited_on, withdrawn_on, withdrawal_reason;
  // Read only: the latest consent event ("given" | "withdrawn"; none yet = nullopt) and its date.
  std::optional<std::string> consent, consent_on;
};
struct ConsentEventRow {
  long long id = 0, participant_id = 0;
  std::string event, on_date;  // given | withdrawn
  std::optional<std::string> note;
  std::optional<long long> recorded_by;
  std::string recorded_at;
};
// A complete questionnaire response of a study participant: its wave, instrument and scores.
struct StudyScoreRow {
  long long person_id = 0;
  std::string wave, instrument, scores;  // scores: JSON text of the score report
};

long long insert_study(soci::session& s, const StudyRow& row, std::optional<long long> by,
                       const std::string& now);
long long insert_study_site(soci::session& s, long long study_id, long long team_id,
                            const std::string& arm);
long long insert_study_wave(soci::session& s, const StudyWaveRow& row);
std::optional<StudyRow> study_by_id(soci::session& s, long long id);
std::vector<StudyRow> all_studies(soci::session& s);
std::vector<StudySiteRow> sites_of_study(soci::session& s, long long study_id);
// Ordered by target month.
std::vector<StudyWaveRow> waves_of_study(soci::session& s, long long study_id);

long long insert_participant(soci::session& s, const StudyParticipantRow& row,
                             std::optional<long long> by, const std::string& now);
std::vector<StudyParticipantRow> participants_of_study(soci::session& s, long long study_id);
std::optional<StudyParticipantRow> participant_by_id(soci::session& s, long long id);
void set_participant_withdrawn(soci::session& s, long long id, const std::string& on,
                               const std::optional<std::string>& reason);
// Appends to the consent history (never updated or deleted).
long long insert_consent_event(soci::session& s, const ConsentEventRow& row);
std::vector<ConsentEventRow> consent_events(soci::session& s, long long participant_id);

// Complete responses (with scores) of the study's participants at any wave.
std::vector<StudyScoreRow> complete_scores_of_study(soci::session& s, long long study_id);
// Person id → date of birth (ISO date) of the study's participants who have one, in one query.
std::map<long long, std::string> birth_dates_of_study(soci::session& s, long long study_id);

// A value of the settings table, if present; `insert_setting_value` inserts (precondition:
// absent).
std::optional<std::string> read_setting_value(soci::session& s, const std::string& key);
void insert_setting_value(soci::session& s, const std::string& key, const std::string& value);

}  // namespace cp::store
