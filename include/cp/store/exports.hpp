// include/cp/store/exports.hpp — rows for research exports (issue 8 part 5, migration 7): the
// postcode → IMD decile lookup, and the study's participants, responses and network maps read
// study-first (study_participants by study_id, then each person's rows by person_id, all
// indexed). No permission checks here: app/research_exports.hpp decides who may call what.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::store {

// Upper case, spaces removed ("nb1 2ab" → "NB12AB").
std::string normalise_postcode(std::string_view postcode);

// Inserts or replaces one row of the lookup. Preconditions: inside Database::write; postcode
// normalised; 1 ≤ decile ≤ 10.
void upsert_postcode_decile(soci::session& s, const std::string& postcode, int decile,
                            const std::string& source, const std::string& now);
std::optional<int> postcode_decile(soci::session& s, const std::string& postcode);
long long count_postcode_deciles(soci::session& s);

// What an export needs of a study participant's person: date of birth (for age) and the IMD
// decile of their postcode (null when no postcode or no lookup row).
struct ExportPersonRow {
  long long person_id = 0;
  std::optional<std::string> date_of_birth;
  std::optional<int> imd_decile;
};
std::vector<ExportPersonRow> export_people_of_study(soci::session& s, long long study_id);

// A complete questionnaire response of a study participant.
struct ExportResponseRow {
  long long person_id = 0;
  std::string wave, instrument, answers, scores;  // answers, scores: JSON text
};
std::vector<ExportResponseRow> export_responses_of_study(soci::session& s, long long study_id);

// A network map snapshot header of a study participant (content: map_content,
// practice_records.hpp).
struct ExportMapRow {
  long long map_id = 0, person_id = 0;
  std::string taken_on;
};
// Ordered by person, then taken_on, then id (the snapshot sequence).
std::vector<ExportMapRow> export_maps_of_study(soci::session& s, long long study_id);

}  // namespace cp::store
