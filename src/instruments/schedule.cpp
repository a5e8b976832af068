// src/instruments/schedule.cpp — assessment schedules and their date logic (see schedule.hpp).
#include "cp/instruments/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

namespace cp::instruments {

using nlohmann::json;

const Wave* Schedule::find(std::string_view wave_id) const {
  for (const auto& w : waves)
    if (w.id == wave_id) return &w;
  return nullptr;
}

Schedule default_schedule() {
  const std::vector<std::string> core{"swemwbs", "eq5d-5l", "rg-uk", "icecap-a", "scope", "csri"};
  return Schedule{{
      {"baseline", "Baseline", 0, 0, 28, core},
      {"month_6", "6 months", 6, 28, 28, core},
      {"month_12", "12 months", 12, 28, 28, core},
  }};
}

namespace {

bool well_formed_id(const std::string& s) {
  if (s.empty() || s.size() > 40 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// An integer field of `o` in [lo, hi]; `path` names it in errors.
Result<int> int_field(const json& o, const char* name, int lo, int hi, const std::string& path,
                      std::optional<int> fallback = std::nullopt) {
  auto it = o.find(name);
  const std::string field = fmt::format("{}.{}", path, name);
  if (it == o.end() || it->is_null()) {
    if (fallback) return *fallback;
    return Error::invalid("missing_field", fmt::format("'{}' is required", field), field);
  }
  if (!it->is_number_integer())
    return Error::invalid("wrong_type", fmt::format("'{}' must be a whole number", field), field);
  const auto v = it->get<long long>();
  if (v < lo || v > hi)
    return Error::invalid("out_of_range",
                          fmt::format("'{}' must be between {} and {}", field, lo, hi), field);
  return static_cast<int>(v);
}

}  // namespace

Result<Schedule> parse_schedule(const json& j,
                                const std::set<std::string, std::less<>>& known_instruments) {
  if (!j.is_object())
    return Error::invalid("wrong_type", "a schedule must be a JSON object", "schedule");
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "waves")
      return Error::invalid("unknown_field",
                            fmt::format("'{}' is not a field of a schedule", it.key()), it.key());
  auto waves = j.find("waves");
  if (waves == j.end() || !waves->is_array())
    return Error::invalid("wrong_type", "'waves' must be a list", "waves");
  if (waves->empty() || waves->size() > 24)
    return Error::invalid("out_of_range", "a schedule has between 1 and 24 waves", "waves");
  Schedule s;
  std::set<std::string> ids;
  for (size_t i = 0; i < waves->size(); ++i) {
    const auto& w = (*waves)[i];
    const std::string path = fmt::format("waves[{}]", i);
    if (!w.is_object()) return Error::invalid("wrong_type", "each wave must be an object", path);
    for (auto it = w.begin(); it != w.end(); ++it) {
      const auto& k = it.key();
      if (k != "id" && k != "label" && k != "months" && k != "window_before_days" &&
          k != "window_after_days" && k != "instruments")
        return Error::invalid("unknown_field", fmt::format("'{}' is not a field of a wave", k),
                              fmt::format("{}.{}", path, k));
    }
    Wave out;
    auto id = w.find("id");
    if (id == w.end() || !id->is_string() || !well_formed_id(id->get<std::string>()))
      return Error::invalid(
          "invalid_value",
          "a wave id is 1-40 lower-case letters, digits or _ starting with a letter", path + ".id");
    out.id = id->get<std::string>();
    if (!ids.insert(out.id).second)
      return Error::invalid("duplicate", fmt::format("wave id '{}' is used twice", out.id),
                            path + ".id");
    auto label = w.find("label");
    if (label != w.end() && !label->is_null()) {
      if (!label->is_string() || label->get<std::string>().empty() ||
          label->get<std::string>().size() > 60)
        return Error::invalid("invalid_value", "a wave label is text of 1-60 characters",
                              path + ".label");
      out.label = label->get<std::string>();
    } else {
      out.label = out.id;
    }
    auto months = int_field(w, "months", 0, 240, path);
    if (!months) return months.error();
    out.months = *months;
    if (!s.waves.empty() && out.months <= s.waves.back().months)
      return Error::invalid("out_of_order", "waves must be listed in increasing months",
                            path + ".months");
    auto before = int_field(w, "window_before_days", 0, 366, path, 0);
    if (!before) return before.error();
    auto after = int_field(w, "window_after_days", 0, 366, path, 28);
    if (!after) return after.error();
    out.window_before_days = *before;
    out.window_after_days = *after;
    auto list = w.find("instruments");
    if (list == w.end() || !list->is_array() || list->empty() || list->size() > 30)
      return Error::invalid("invalid_value", "a wave lists 1-30 instrument ids",
                            path + ".instruments");
    std::set<std::string> seen;
    for (size_t k = 0; k < list->size(); ++k) {
      const std::string ipath = fmt::format("{}.instruments[{}]", path, k);
      if (!(*list)[k].is_string())
        return Error::invalid("wrong_type", "an instrument id is text", ipath);
      auto iid = (*list)[k].get<std::string>();
      if (!known_instruments.empty() && !known_instruments.count(iid))
        return Error::invalid("unknown_instrument", fmt::format("there is no instrument '{}'", iid),
                              ipath);
      if (!seen.insert(iid).second)
        return Error::invalid("duplicate", fmt::format("instrument '{}' is listed twice", iid),
                              ipath);
      out.instruments.push_back(std::move(iid));
    }
    s.waves.push_back(std::move(out));
  }
  return s;
}

json to_json(const Schedule& s) {
  json waves = json::array();
  for (const auto& w : s.waves)
    waves.push_back({{"id", w.id},
                     {"label", w.label},
                     {"months", w.months},
                     {"window_before_days", w.window_before_days},
                     {"window_after_days", w.window_after_days},
                     {"instruments", w.instruments}});
  return {{"waves", std::move(waves)}};
}

// ---- calendar ----

namespace {
bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}
}  // namespace

std::optional<CivilDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) -> int {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  CivilDate d{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string format_date(const CivilDate& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long long days_from_civil(const CivilDate& d) {
  const long long y = d.year - (d.month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long mp = (d.month + 9) % 12;
  const long long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), m, d};
}

CivilDate add_months(const CivilDate& d, int months) {
  const long long total = static_cast<long long>(d.year) * 12 + (d.month - 1) + months;
  CivilDate out;
  out.year = static_cast<int>(total / 12);
  out.month = static_cast<int>(total % 12) + 1;
  out.day = std::min(d.day, days_in_month(out.year, out.month));
  return out;
}

CivilDate add_days(const CivilDate& d, long long days) {
  return civil_from_days(days_from_civil(d) + days);
}

WaveDates wave_dates(const CivilDate& start, const Wave& w) {
  const CivilDate target = add_months(start, w.months);
  return {format_date(target), format_date(add_days(target, -w.window_before_days)),
          format_date(add_days(target, w.window_after_days))};
}

std::string_view to_string(DueStatus s) {
  switch (s) {
    case DueStatus::not_yet_due:
      return "not_yet_due";
    case DueStatus::due:
      return "due";
    case DueStatus::overdue:
      return "overdue";
    case DueStatus::complete:
      return "complete";
    case DueStatus::partial:
      return "partial";
  }
  return "not_yet_due";
}

DueStatus due_status(const WaveDates& dates, std::string_view today, int instruments_due,
                     int instruments_complete, int instruments_started) {
  assert(instruments_complete >= 0 && instruments_complete <= instruments_due);
  if (instruments_due > 0 && instruments_complete >= instruments_due) return DueStatus::complete;
  if (today > std::string_view(dates.closes)) return DueStatus::overdue;
  if (instruments_started > 0 || instruments_complete > 0) return DueStatus::partial;
  if (today >= std::string_view(dates.opens)) return DueStatus::due;
  return DueStatus::not_yet_due;
}

}  // namespace cp::instruments
