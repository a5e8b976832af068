// src/store/questionnaires.cpp — SQL for schedules, baselines and questionnaire responses.
#include "cp/store/questionnaires.hpp"

#include <fmt/format.h>

#include "cp/store/database.hpp"
#include "cp/store/key_queries.hpp"
#include "cp/store/versioned.hpp"

namespace cp::store {

namespace {

std::optional<long long> opt_int(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_int(r, i);
}
std::optional<std::string> opt_text(const soci::row& r, size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_text(r, i);
}

const std::string& kResponseCols = queries::kResponseCols;

ResponseRow response_from(const soci::row& r) {
  ResponseRow x;
  x.id = get_int(r, 0);
  x.person_id = get_int(r, 1);
  x.wave = get_text(r, 2);
  x.instrument = get_text(r, 3);
  x.instrument_version = get_text(r, 4);
  x.answers = get_text(r, 5);
  x.status = get_text(r, 6);
  x.mode = get_text(r, 7);
  x.scores = opt_text(r, 8);
  x.version = static_cast<int>(get_int(r, 9));
  x.created_at = get_text(r, 10);
  x.created_by = opt_int(r, 11);
  x.created_by_role = get_text(r, 12);
  x.updated_at = get_text(r, 13);
  x.updated_by = opt_int(r, 14);
  x.updated_by_role = get_text(r, 15);
  x.completed_at = opt_text(r, 16);
  return x;
}

struct OptBind {
  long long i = 0;
  std::string t;
  soci::indicator ind = soci::i_null;
};
OptBind opt_bind(const std::optional<long long>& v) {
  OptBind b;
  if (v) {
    b.i = *v;
    b.ind = soci::i_ok;
  }
  return b;
}
OptBind opt_bind(const std::optional<std::string>& v) {
  OptBind b;
  if (v) {
    b.t = *v;
    b.ind = soci::i_ok;
  }
  return b;
}

}  // namespace

std::optional<ScheduleRow> schedule_of_agency(soci::session& s, long long agency_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kScheduleOfAgency, soci::use(agency_id));
  for (const auto& r : rows)
    return ScheduleRow{get_int(r, 0), get_text(r, 1), static_cast<int>(get_int(r, 2)),
                       get_text(r, 3)};
  return std::nullopt;
}

bool save_schedule(soci::session& s, const ScheduleRow& row, std::optional<long long> by) {
  auto b = opt_bind(by);
  if (row.version == 1) {
    // A concurrent first save from another process hits the UNIQUE (agency_id) constraint;
    // the savepoint turns that into a conflict instead of an aborted transaction.
    return insert_unless_taken(s, [&] {
      s << "INSERT INTO assessment_schedules (agency_id, schedule, version, updated_by, "
           "updated_at) VALUES (:a, :s, :v, :b, :at)",
          soci::use(row.agency_id), soci::use(row.schedule), soci::use(row.version),
          soci::use(b.i, b.ind), soci::use(row.updated_at);
    });
  }
  const long long previous = row.version - 1;
  soci::statement st = (s.prepare << "UPDATE assessment_schedules SET schedule = :s, version = :v, "
                                     "updated_by = :b, updated_at = :at WHERE agency_id = :a AND "
                                     "version = :pv",
                        soci::use(row.schedule), soci::use(row.version), soci::use(b.i, b.ind),
                        soci::use(row.updated_at), soci::use(row.agency_id), soci::use(previous));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<std::string> baseline_of_person(soci::session& s, long long person_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kBaselineOfPerson, soci::use(person_id));
  for (const auto& r : rows) return get_text(r, 0);
  return std::nullopt;
}

void save_baseline(soci::session& s, long long person_id, const std::string& on,
                   std::optional<long long> by, const std::string& now) {
  auto b = opt_bind(by);
  if (baseline_of_person(s, person_id)) {
    s << "UPDATE assessment_baselines SET baseline_on = :o, recorded_by = :b, recorded_at = :n "
         "WHERE person_id = :p",
        soci::use(on), soci::use(b.i, b.ind), soci::use(now), soci::use(person_id);
  } else {
    s << "INSERT INTO assessment_baselines (person_id, baseline_on, recorded_by, recorded_at) "
         "VALUES (:p, :o, :b, :n)",
        soci::use(person_id), soci::use(on), soci::use(b.i, b.ind), soci::use(now);
  }
}

std::optional<ResponseRow> response_of(soci::session& s, long long person_id,
                                       const std::string& wave, const std::string& instrument) {
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM questionnaire_responses WHERE person_id = :p AND "
                                "wave = :w AND instrument = :i",
                                kResponseCols),
       soci::use(person_id), soci::use(wave), soci::use(instrument));
  for (const auto& r : rows) return response_from(r);
  return std::nullopt;
}

std::vector<ResponseRow> responses_of_person(soci::session& s, long long person_id) {
  std::vector<ResponseRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kResponsesOfPerson, soci::use(person_id));
  for (const auto& r : rows) out.push_back(response_from(r));
  return out;
}

std::optional<long long> save_response(soci::session& s, const ResponseRow& row) {
  auto scores = opt_bind(row.scores), completed = opt_bind(row.completed_at);
  auto by = opt_bind(row.updated_by);
  long long id = row.id;
  if (row.version == 1) {
    auto cby = opt_bind(row.created_by);
    // UNIQUE (person_id, wave, instrument): a concurrent first save elsewhere is a conflict.
    const bool inserted = insert_unless_taken(s, [&] {
      s << "INSERT INTO questionnaire_responses (person_id, wave, instrument, instrument_version, "
           "answers, status, mode, scores, version, created_at, created_by, created_by_role, "
           "updated_at, updated_by, updated_by_role, completed_at) VALUES (:p, :w, :i, :iv, :a, "
           ":s, :m, :sc, :v, :ca, :cb, :cr, :ua, :ub, :ur, :co)",
          soci::use(row.person_id), soci::use(row.wave), soci::use(row.instrument),
          soci::use(row.instrument_version), soci::use(row.answers), soci::use(row.status),
          soci::use(row.mode), soci::use(scores.t, scores.ind), soci::use(row.version),
          soci::use(row.created_at), soci::use(cby.i, cby.ind), soci::use(row.created_by_role),
          soci::use(row.updated_at), soci::use(by.i, by.ind), soci::use(row.updated_by_role),
          soci::use(completed.t, completed.ind);
    });
    if (!inserted) return std::nullopt;
    id = Database::last_insert_id(s, "questionnaire_responses");
  } else {
    // The version check and the change are one statement (see store/versioned.hpp).
    const long long previous = row.version - 1;
    soci::statement st =
        (s.prepare << "UPDATE questionnaire_responses SET instrument_version = :iv, answers = :a, "
                      "status = :s, mode = :m, scores = :sc, version = :v, updated_at = :ua, "
                      "updated_by = :ub, updated_by_role = :ur, completed_at = :co "
                      "WHERE id = :id AND version = :pv",
         soci::use(row.instrument_version), soci::use(row.answers), soci::use(row.status),
         soci::use(row.mode), soci::use(scores.t, scores.ind), soci::use(row.version),
         soci::use(row.updated_at), soci::use(by.i, by.ind), soci::use(row.updated_by_role),
         soci::use(completed.t, completed.ind), soci::use(id), soci::use(previous));
    st.execute(true);
    if (st.get_affected_rows() != 1) return std::nullopt;
  }
  const std::string change = row.version == 1 ? "created" : "updated";
  s << "INSERT INTO questionnaire_response_history (response_id, version, answers, status, mode, "
       "scores, changed_at, changed_by, changed_by_role, change) VALUES (:r, :v, :a, :s, :m, :sc, "
       ":at, :b, :br, :c)",
      soci::use(id), soci::use(row.version), soci::use(row.answers), soci::use(row.status),
      soci::use(row.mode), soci::use(scores.t, scores.ind), soci::use(row.updated_at),
      soci::use(by.i, by.ind), soci::use(row.updated_by_role), soci::use(change);
  return id;
}

std::vector<ResponseHistoryRow> response_history(soci::session& s, long long response_id) {
  std::vector<ResponseHistoryRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT response_id, version, answers, status, mode, scores, changed_at, "
                    "changed_by, changed_by_role, change FROM questionnaire_response_history "
                    "WHERE response_id = :r ORDER BY version",
       soci::use(response_id));
  for (const auto& r : rows) {
    ResponseHistoryRow h;
    h.response_id = get_int(r, 0);
    h.version = static_cast<int>(get_int(r, 1));
    h.answers = get_text(r, 2);
    h.status = get_text(r, 3);
    h.mode = get_text(r, 4);
    h.scores = opt_text(r, 5);
    h.changed_at = get_text(r, 6);
    h.changed_by = opt_int(r, 7);
    h.changed_by_role = get_text(r, 8);
    h.change = get_text(r, 9);
    out.push_back(std::move(h));
  }
  return out;
}

std::optional<std::string> first_start_of_person(soci::session& s, long long person_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kFirstStartOfPerson, soci::use(person_id));
  for (const auto& r : rows) return opt_text(r, 0);
  return std::nullopt;
}

}  // namespace cp::store
