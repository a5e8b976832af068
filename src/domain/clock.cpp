// src/domain/clock.cpp — formatting of UTC time points.
#include "cp/domain/clock.hpp"

#include <ctime>
#include <fmt/format.h>

namespace cp::domain {

namespace {
std::tm utc(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::string iso_timestamp(std::chrono::system_clock::time_point t) {
  const std::tm tm = utc(t);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

std::string iso_date(std::chrono::system_clock::time_point t) {
  const std::tm tm = utc(t);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace cp::domain
