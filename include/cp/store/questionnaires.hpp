// include/cp/store/questionnaires.hpp — rows and queries for assessment schedules, baseline
// dates and questionnaire responses with their history (migration 2).
//
// No permission checks here (app/ decides); JSON columns are stored as text and returned as
// text. Preconditions: inserts and updates run inside Database::write.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace cp::store {

struct ScheduleRow {
  long long agency_id = 0;
  std::string schedule;  // JSON text
  int version = 0;
  std::string updated_at;
};

struct ResponseRow {
  long long id = 0, person_id = 0;
  std::string wave, instrument, instrument_version;
  std::string answers;                // JSON object text
  std::string status, mode;           // partial|complete, interviewer|self
  std::optional<std::string> scores;  // JSON text, complete only
  int version = 0;
  std::string created_at, created_by_role, updated_at, updated_by_role;
  std::optional<long long> created_by, updated_by;
  std::optional<std::string> completed_at;
};

struct ResponseHistoryRow {
  long long response_id = 0;
  int version = 0;
  std::string answers, status, mode;
  std::optional<std::string> scores;
  std::string changed_at, changed_by_role, change;
  std::optional<long long> changed_by;
};

std::optional<ScheduleRow> schedule_of_agency(soci::session& s, long long agency_id);
// Inserts version 1, or updates version `row.version - 1` to `row.version`. False (nothing
// written) when another writer got there first: the stored version is no longer the one the
// caller read (a 409 for the caller).
bool save_schedule(soci::session& s, const ScheduleRow& row, std::optional<long long> by);

std::optional<std::string> baseline_of_person(soci::session& s, long long person_id);
void save_baseline(soci::session& s, long long person_id, const std::string& on,
                   std::optional<long long> by, const std::string& now);

std::optional<ResponseRow> response_of(soci::session& s, long long person_id,
                                       const std::string& wave, const std::string& instrument);
std::vector<ResponseRow> responses_of_person(soci::session& s, long long person_id);
// Inserts the row (version 1) or updates version `row.version - 1` in place, and appends the
// history entry for the row's version. Returns the response id, or nothing (nothing written)
// when another writer saved first, so the stored version is not the one the caller read.
std::optional<long long> save_response(soci::session& s, const ResponseRow& row);
std::vector<ResponseHistoryRow> response_history(soci::session& s, long long response_id);

// The earliest episode start of the person's partnerships (their start with CPI), if any.
std::optional<std::string> first_start_of_person(soci::session& s, long long person_id);

}  // namespace cp::store
