// src/store/exports.cpp — SQL for research exports (migration 7; see exports.hpp). Portable:
// UPPER and REPLACE exist on both backends, and ON CONFLICT … DO UPDATE on SQLite ≥ 3.24 and
// PostgreSQL ≥ 9.5.
#include "cp/store/exports.hpp"

#include "cp/store/database.hpp"

namespace cp::store {

std::string normalise_postcode(std::string_view postcode) {
  std::string out;
  for (char c : postcode) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

void upsert_postcode_decile(soci::session& s, const std::string& postcode, int decile,
                            const std::string& source, const std::string& now) {
  s << "INSERT INTO postcode_deprivation (postcode, imd_decile, source, loaded_at) VALUES (:p, :d, "
       ":s, :t) "
       "ON CONFLICT (postcode) DO UPDATE SET imd_decile = excluded.imd_decile, source = "
       "excluded.source, "
       "loaded_at = excluded.loaded_at",
      soci::use(postcode), soci::use(decile), soci::use(source), soci::use(now);
}

std::optional<int> postcode_decile(soci::session& s, const std::string& postcode) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT imd_decile FROM postcode_deprivation WHERE postcode = :p",
       soci::use(postcode));
  for (const auto& r : rows) return static_cast<int>(get_int(r, 0));
  return std::nullopt;
}

long long count_postcode_deciles(soci::session& s) {
  soci::rowset<soci::row> rows = (s.prepare << "SELECT COUNT(*) FROM postcode_deprivation");
  for (const auto& r : rows) return get_int(r, 0);
  return 0;
}

std::vector<ExportPersonRow> export_people_of_study(soci::session& s, long long study_id) {
  std::vector<ExportPersonRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT p.id, p.date_of_birth, d.imd_decile FROM study_participants sp JOIN "
                    "people p ON "
                    "p.id = sp.person_id LEFT JOIN postcode_deprivation d ON d.postcode = "
                    "REPLACE(UPPER(p.postcode), ' ', '') WHERE sp.study_id = :s ORDER BY p.id",
       soci::use(study_id));
  for (const auto& r : rows) {
    ExportPersonRow x;
    x.person_id = get_int(r, 0);
    if (!is_null(r, 1)) x.date_of_birth = get_text(r, 1);
    if (!is_null(r, 2)) x.imd_decile = static_cast<int>(get_int(r, 2));
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<ExportResponseRow> export_responses_of_study(soci::session& s, long long study_id) {
  std::vector<ExportResponseRow> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT q.person_id, q.wave, q.instrument, "
                                               "q.answers, q.scores FROM study_participants sp "
                                               "JOIN questionnaire_responses q ON q.person_id = "
                                               "sp.person_id WHERE sp.study_id = :s AND "
                                               "q.status = 'complete' AND q.scores IS NOT NULL "
                                               "ORDER BY q.person_id, q.wave, q.instrument",
                                  soci::use(study_id));
  for (const auto& r : rows) {
    ExportResponseRow x;
    x.person_id = get_int(r, 0);
    x.wave = get_text(r, 1);
    x.instrument = get_text(r, 2);
    x.answers = get_text(r, 3);
    x.scores = get_text(r, 4);
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<ExportMapRow> export_maps_of_study(soci::session& s, long long study_id) {
  std::vector<ExportMapRow> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT m.id, m.person_id, m.taken_on FROM "
                                               "study_participants sp JOIN network_maps m ON "
                                               "m.person_id = sp.person_id WHERE sp.study_id = :s "
                                               "ORDER BY m.person_id, m.taken_on, m.id",
                                  soci::use(study_id));
  for (const auto& r : rows) out.push_back({get_int(r, 0), get_int(r, 1), get_text(r, 2)});
  return out;
}

}  // namespace cp::store
