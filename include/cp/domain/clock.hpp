// include/cp/domain/clock.hpp — "now" as a value: callers pass times in, so pure code stays
// deterministic. These helpers only format a given time point.
#pragma once

#include <chrono>
#include <string>

namespace cp::domain {

// 2026-11-21T22:31:05.123Z (UTC, milliseconds).
std::string iso_timestamp(std::chrono::system_clock::time_point t);
// 2026-11-21 (UTC).
std::string iso_date(std::chrono::system_clock::time_point t);

}  // namespace cp::domain
