// src/fidelity/dates.cpp — calendar steps for the fidelity views (see dates.hpp).
#include "cp/fidelity/dates.hpp"

#include <chrono>
#include <cstdio>

namespace cp::fidelity {

namespace {

using namespace std::chrono;

std::optional<year_month_day> parse(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3)
    return std::nullopt;
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format(const year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

year_month_day clamp(year_month ym, day d) {
  const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return {ym.year(), ym.month(), d > last ? last : d};
}

}  // namespace

std::optional<std::string> months_before(const std::string& date, int n) {
  auto d = parse(date);
  if (!d) return std::nullopt;
  const year_month ym = year_month{d->year(), d->month()} - months{n};
  return format(clamp(ym, d->day()));
}

std::optional<std::string> next_day(const std::string& date) {
  auto d = parse(date);
  if (!d) return std::nullopt;
  return format(year_month_day{sys_days{*d} + days{1}});
}

std::vector<std::string> trend_dates(const std::string& date, int count) {
  std::vector<std::string> out;
  auto d = parse(date);
  if (!d || count < 1) return out;
  for (int k = count - 1; k >= 1; --k) {
    const year_month ym = year_month{d->year(), d->month()} - months{k};
    out.push_back(format(year_month_day_last{ym.year(), month_day_last{ym.month()}}));
  }
  out.push_back(date);
  return out;
}

}  // namespace cp::fidelity
