// src/store/studies.cpp — SQL for study design, participants and research consent (migration 6).
#include "cp/store/studies.hpp"

#include "cp/store/database.hpp"
#include "cp/store/key_queries.hpp"

namespace cp::store {

namespace {

struct OptInt {
  long long v = 0;
  soci::indicator ind = soci::i_null;
  explicit OptInt(const std::optional<long long>& o) {
    if (o) v = *o, ind = soci::i_ok;
  }
};
struct OptText {
  std::string v;
  soci::indicator ind = soci::i_null;
  explicit OptText(const std::optional<std::string>& o) {
    if (o) v = *o, ind = soci::i_ok;
  }
};
std::optional<long long> opt_int(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_int(r, i);
}
std::optional<std::string> opt_text(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_text(r, i);
}

StudyRow study_from(const soci::row& r) {
  StudyRow x;
  x.id = get_int(r, 0);
  x.agency_id = opt_int(r, 1);
  x.name = get_text(r, 2);
  x.design = get_text(r, 3);
  x.created_at = get_text(r, 4);
  return x;
}
constexpr const char* kStudyCols = "id, agency_id, name, design, created_at";

const std::string& kParticipantSelect = queries::kParticipantSelect;

StudyParticipantRow participant_from(const soci::row& r) {
  StudyParticipantRow x;
  x.id = get_int(r, 0);
  x.study_id = get_int(r, 1);
  x.person_id = get_int(r, 2);
  x.site_id = get_int(r, 3);
  x.status = get_text(r, 4);
  x.assessed_on = get_text(r, 5);
  x.recruited_on = opt_text(r, 6);
  x.withdrawn_on = opt_text(r, 7);
  x.withdrawal_reason = opt_text(r, 8);
  x.consent = opt_text(r, 9);
  x.consent_on = opt_text(r, 10);
  return x;
}

}  // namespace

long long insert_study(soci::session& s, const StudyRow& row, std::optional<long long> by,
                       const std::string& now) {
  OptInt agency(row.agency_id), who(by);
  s << "INSERT INTO studies (agency_id, name, design, created_by, created_at) VALUES (:a, :n, "
       ":d, :b, :t)",
      soci::use(agency.v, agency.ind), soci::use(row.name), soci::use(row.design),
      soci::use(who.v, who.ind), soci::use(now);
  return Database::last_insert_id(s, "studies");
}

long long insert_study_site(soci::session& s, long long study_id, long long team_id,
                            const std::string& arm) {
  s << "INSERT INTO study_sites (study_id, team_id, arm) VALUES (:s, :t, :a)", soci::use(study_id),
      soci::use(team_id), soci::use(arm);
  return Database::last_insert_id(s, "study_sites");
}

long long insert_study_wave(soci::session& s, const StudyWaveRow& row) {
  s << "INSERT INTO study_waves (study_id, wave, target_month, window_days) VALUES (:s, :w, :m, "
       ":d)",
      soci::use(row.study_id), soci::use(row.wave), soci::use(row.target_month),
      soci::use(row.window_days);
  return Database::last_insert_id(s, "study_waves");
}

std::optional<StudyRow> study_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kStudyCols + " FROM studies WHERE id = :i",
       soci::use(id));
  for (const auto& r : rows) return study_from(r);
  return std::nullopt;
}

std::vector<StudyRow> all_studies(soci::session& s) {
  std::vector<StudyRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kStudyCols + " FROM studies ORDER BY id");
  for (const auto& r : rows) out.push_back(study_from(r));
  return out;
}

std::vector<StudySiteRow> sites_of_study(soci::session& s, long long study_id) {
  std::vector<StudySiteRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kSitesOfStudy, soci::use(study_id));
  for (const auto& r : rows) {
    StudySiteRow x;
    x.id = get_int(r, 0);
    x.study_id = get_int(r, 1);
    x.team_id = get_int(r, 2);
    x.arm = get_text(r, 3);
    x.team_name = get_text(r, 4);
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<StudyWaveRow> waves_of_study(soci::session& s, long long study_id) {
  std::vector<StudyWaveRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kWavesOfStudy, soci::use(study_id));
  for (const auto& r : rows) {
    StudyWaveRow x;
    x.id = get_int(r, 0);
    x.study_id = get_int(r, 1);
    x.wave = get_text(r, 2);
    x.target_month = static_cast<int>(get_int(r, 3));
    x.window_days = static_cast<int>(get_int(r, 4));
    out.push_back(std::move(x));
  }
  return out;
}

long long insert_participant(soci::session& s, const StudyParticipantRow& row,
                             std::optional<long long> by, const std::string& now) {
  OptInt who(by);
  OptText recruited(row.recruited_on);
  s << "INSERT INTO study_participants (study_id, person_id, site_id, status, assessed_on, "
       "recruited_on, recorded_by, recorded_at) VALUES (:s, :p, :x, :st, :a, :r, :b, :t)",
      soci::use(row.study_id), soci::use(row.person_id), soci::use(row.site_id),
      soci::use(row.status), soci::use(row.assessed_on), soci::use(recruited.v, recruited.ind),
      soci::use(who.v, who.ind), soci::use(now);
  return Database::last_insert_id(s, "study_participants");
}

std::vector<StudyParticipantRow> participants_of_study(soci::session& s, long long study_id) {
  std::vector<StudyParticipantRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kParticipantsOfStudy,
       soci::use(study_id));
  for (const auto& r : rows) out.push_back(participant_from(r));
  return out;
}

std::optional<StudyParticipantRow> participant_by_id(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << kParticipantSelect + "WHERE p.id = :i", soci::use(id));
  for (const auto& r : rows) return participant_from(r);
  return std::nullopt;
}

void set_participant_withdrawn(soci::session& s, long long id, const std::string& on,
                               const std::optional<std::string>& reason) {
  OptText why(reason);
  s << "UPDATE study_participants SET status = 'withdrawn', withdrawn_on = :o, "
       "withdrawal_reason = :r WHERE id = :i",
      soci::use(on), soci::use(why.v, why.ind), soci::use(id);
}

long long insert_consent_event(soci::session& s, const ConsentEventRow& row) {
  OptText note(row.note);
  OptInt who(row.recorded_by);
  s << "INSERT INTO study_consent_events (participant_id, event, on_date, note, recorded_by, "
       "recorded_at) VALUES (:p, :e, :o, :n, :b, :t)",
      soci::use(row.participant_id), soci::use(row.event), soci::use(row.on_date),
      soci::use(note.v, note.ind), soci::use(who.v, who.ind), soci::use(row.recorded_at);
  return Database::last_insert_id(s, "study_consent_events");
}

std::vector<ConsentEventRow> consent_events(soci::session& s, long long participant_id) {
  std::vector<ConsentEventRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, participant_id, event, on_date, note, recorded_by, recorded_at "
                    "FROM study_consent_events WHERE participant_id = :p ORDER BY id",
       soci::use(participant_id));
  for (const auto& r : rows) {
    ConsentEventRow x;
    x.id = get_int(r, 0);
    x.participant_id = get_int(r, 1);
    x.event = get_text(r, 2);
    x.on_date = get_text(r, 3);
    x.note = opt_text(r, 4);
    x.recorded_by = opt_int(r, 5);
    x.recorded_at = get_text(r, 6);
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<StudyScoreRow> complete_scores_of_study(soci::session& s, long long study_id) {
  std::vector<StudyScoreRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kCompleteScoresOfStudy, soci::use(study_id));
  for (const auto& r : rows) {
    StudyScoreRow x;
    x.person_id = get_int(r, 0);
    x.wave = get_text(r, 1);
    x.instrument = get_text(r, 2);
    x.scores = get_text(r, 3);
    out.push_back(std::move(x));
  }
  return out;
}

std::map<long long, std::string> birth_dates_of_study(soci::session& s, long long study_id) {
  std::map<long long, std::string> out;
  soci::rowset<soci::row> rows = (s.prepare << queries::kBirthDatesOfStudy, soci::use(study_id));
  for (const auto& r : rows)
    if (!is_null(r, 1)) out[get_int(r, 0)] = get_text(r, 1);
  return out;
}

std::optional<std::string> read_setting_value(soci::session& s, const std::string& key) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT value FROM settings WHERE key = :k", soci::use(key));
  for (const auto& r : rows) return get_text(r, 0);
  return std::nullopt;
}

void insert_setting_value(soci::session& s, const std::string& key, const std::string& value) {
  s << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
}

}  // namespace cp::store
