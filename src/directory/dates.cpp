// src/directory/dates.cpp — calendar helpers (H. Hinnant's days_from_civil / civil_from_days).
#include "dates.hpp"

#include <fmt/format.h>

#include <cassert>
#include <cctype>

namespace cp::directory::detail {

namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  for (size_t i = from; i < from + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}
int num(const std::string& s, size_t from, size_t n) {
  return std::stoi(s.substr(from, n));
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

bool valid_date(const std::string& d) {
  if (d.size() != 10 || !digits(d, 0, 4) || d[4] != '-' || !digits(d, 5, 2) || d[7] != '-' ||
      !digits(d, 8, 2))
    return false;
  const int y = num(d, 0, 4), m = num(d, 5, 2), day = num(d, 8, 2);
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || day < 1) return false;
  return day <= len[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

bool valid_datetime(const std::string& d) {
  if (d.size() < 19 || !valid_date(d.substr(0, 10)) ||
      (d[10] != 'T' && d[10] != 't' && d[10] != ' '))
    return false;
  if (!digits(d, 11, 2) || d[13] != ':' || !digits(d, 14, 2) || d[16] != ':' || !digits(d, 17, 2))
    return false;
  if (num(d, 11, 2) > 23 || num(d, 14, 2) > 59 || num(d, 17, 2) > 60) return false;
  size_t i = 19;
  if (i < d.size() && d[i] == '.') {
    ++i;
    size_t start = i;
    while (i < d.size() && std::isdigit(static_cast<unsigned char>(d[i]))) ++i;
    if (i == start) return false;
  }
  if (i == d.size()) return true;
  if ((d[i] == 'Z' || d[i] == 'z') && i + 1 == d.size()) return true;
  if ((d[i] == '+' || d[i] == '-') && i + 6 == d.size() && digits(d, i + 1, 2) && d[i + 3] == ':' &&
      digits(d, i + 4, 2))
    return true;
  return false;
}

long day_number(const std::string& d) {
  assert(valid_date(d));
  return days_from_civil(num(d, 0, 4), static_cast<unsigned>(num(d, 5, 2)),
                         static_cast<unsigned>(num(d, 8, 2)));
}

std::string date_of(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

int weekday(const std::string& d) {
  const long n = day_number(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((n % 7) + 7 + 3) % 7);
}

bool valid_email(const std::string& s) {
  const auto at = s.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= s.size() ||
      s.find('@', at + 1) != std::string::npos)
    return false;
  for (char ch : s)
    if (std::isspace(static_cast<unsigned char>(ch))) return false;
  return s.find('.', at) != std::string::npos;
}

bool valid_uri(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  size_t i = 1;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' ||
                          s[i] == '-' || s[i] == '.'))
    ++i;
  if (i >= s.size() || s[i] != ':' || i + 1 >= s.size()) return false;
  for (char ch : s)
    if (std::isspace(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) < 0x20)
      return false;
  return true;
}

}  // namespace cp::directory::detail
