// include/cp/fidelity/dates.hpp — the calendar steps the fidelity views need: "N months
// before a date" (clamped to the month's end) and month-ends for a trend. Dates are ISO
// YYYY-MM-DD strings, as stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cp::fidelity {

// `date` minus `months` months; the 31st of a shorter month becomes its last day
// (2026-05-31 − 3 months = 2026-02-28). Null when `date` is not a valid ISO date.
std::optional<std::string> months_before(const std::string& date, int months);
// The day after `date` (for "on or before date" against ISO timestamps: ts < next_day).
std::optional<std::string> next_day(const std::string& date);
// The last `count` month-ends up to `date`, oldest first; the last entry is `date` itself
// (the current month so far). Empty when `date` is invalid or count < 1.
std::vector<std::string> trend_dates(const std::string& date, int count);

}  // namespace cp::fidelity
