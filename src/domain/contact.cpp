// src/domain/contact.cpp — validation of contacts (sessions) and ISO dates.
#include "cp/domain/contact.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace cp::domain {

const std::vector<std::string>& shared_processes() {
  static const std::vector<std::string> all{
      "network_mapping", "assets",     "goals",       "ideas",    "community_resources",
      "engagement",      "barriers",   "recognition", "feedback", "review"};
  return all;
}

const std::vector<std::string>& contact_modes() {
  static const std::vector<std::string> all{"in_person", "phone", "video", "text", "other"};
  return all;
}

bool is_iso_date(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max_day = days[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max_day;
}

namespace {
bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}
}  // namespace

Result<Unit> validate_contact(const NewContact& c, std::string_view today) {
  if (!is_iso_date(c.date))
    return Error::invalid("invalid_date", "date must be a calendar date written YYYY-MM-DD",
                          "date");
  if (is_iso_date(today) && c.date > today)
    return Error::invalid("date_in_future", "a contact cannot be recorded for a future date",
                          "date");
  if (!contains(contact_modes(), c.mode))
    return Error::invalid("invalid_value",
                          fmt::format("mode must be one of: {}", joined(contact_modes())), "mode");
  if (c.duration_minutes < 1 || c.duration_minutes > 600)
    return Error::invalid("out_of_range", "duration_minutes must be between 1 and 600",
                          "duration_minutes");
  for (size_t i = 0; i < c.processes.size(); ++i) {
    const auto field = fmt::format("processes[{}]", i);
    if (!contains(shared_processes(), c.processes[i]))
      return Error::invalid(
          "invalid_value",
          fmt::format("'{}' is not a shared process; use one of: {}", c.processes[i],
                      joined(shared_processes())),
          field);
    if (std::find(c.processes.begin(), c.processes.begin() + static_cast<long>(i),
                  c.processes[i]) != c.processes.begin() + static_cast<long>(i))
      return Error::invalid("duplicate_value",
                            fmt::format("'{}' is listed twice", c.processes[i]), field);
  }
  if (c.note.size() > 2000)
    return Error::invalid("too_long", "note must be at most 2,000 characters", "note");
  return Unit{};
}

}  // namespace cp::domain
