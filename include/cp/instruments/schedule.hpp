// include/cp/instruments/schedule.hpp — assessment waves and schedules (issue 3, part 5): a
// study's or agency's list of waves (baseline and follow-ups at configurable months), each with
// a window and the instruments due at it, and the pure date logic that places a person's waves
// from their start date and says whether each is due.
//
// Dates are ISO 8601 calendar dates ("2026-11-21") throughout; "today" is passed in.
// Format of a schedule as JSON (docs/instruments.md, "Waves and schedules"):
//   {"waves": [{"id": "baseline", "label": "Baseline", "months": 0, "window_before_days": 0,
//               "window_after_days": 28, "instruments": ["swemwbs", …]}, …]}
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::instruments {

struct Wave {
  std::string id;              // ^[a-z][a-z0-9_]*$, unique in the schedule (e.g. "month_6")
  std::string label;           // shown to people, e.g. "6 months"
  int months = 0;              // after the start date (0 = baseline), 0..240
  int window_before_days = 0;  // the window opens this many days before the target date
  int window_after_days = 28;  // and closes this many days after it (inclusive)
  std::vector<std::string> instruments;  // instrument ids due at this wave, in order
};

struct Schedule {
  std::vector<Wave> waves;  // in order of `months`
  const Wave* find(std::string_view wave_id) const;
};

// Baseline, 6 and 12 months (follow-ups ± 4 weeks; baseline within 4 weeks of the start), each
// with SWEMWBS, EQ-5D-5L, RG-UK, ICECAP-A, SCOPE and CSRI.
Schedule default_schedule();

// Parses and checks a schedule: waves present (1..24), ids well formed and unique, months
// 0..240 and strictly increasing, windows 0..366 days, 1..30 instruments per wave without
// duplicates, each in `known_instruments` (when not empty). Errors name the JSON path, e.g.
// "waves[1].instruments[2]". Never throws.
Result<Schedule> parse_schedule(const nlohmann::json& j,
                                const std::set<std::string, std::less<>>& known_instruments = {});
nlohmann::json to_json(const Schedule& s);

// ---- calendar dates ----
struct CivilDate {
  int year = 1970, month = 1, day = 1;
};
// "YYYY-MM-DD" with a real day of a real month (leap years honoured), years 1900..2999.
std::optional<CivilDate> parse_date(std::string_view iso);
std::string format_date(const CivilDate& d);
// Days since 1970-01-01 and back (proleptic Gregorian).
long long days_from_civil(const CivilDate& d);
CivilDate civil_from_days(long long days);
// `d` plus `months` calendar months; a day past the end of the target month becomes its last
// day (31 January + 1 month = 28 or 29 February).
CivilDate add_months(const CivilDate& d, int months);
CivilDate add_days(const CivilDate& d, long long days);

// Where a wave falls for a person who started on `start`.
struct WaveDates {
  std::string target;  // start + months
  std::string opens;   // target - window_before_days
  std::string closes;  // target + window_after_days (the last day of the window)
};
WaveDates wave_dates(const CivilDate& start, const Wave& w);

// A wave's (or an instrument's) state on `today`.
enum class DueStatus { not_yet_due, due, overdue, complete, partial };
std::string_view to_string(DueStatus s);

// The state of one instrument (or a whole wave) given what has been saved:
//   complete     every instrument due is complete;
//   overdue      not complete and today is after the window closes;
//   partial      not complete, window not closed, and something has been saved;
//   due          nothing saved and today is inside the window;
//   not_yet_due  nothing saved and the window has not opened.
// Precondition: dates are valid ISO dates (as produced by wave_dates); 0 <= complete <= due.
DueStatus due_status(const WaveDates& dates, std::string_view today, int instruments_due,
                     int instruments_complete, int instruments_started);

}  // namespace cp::instruments
