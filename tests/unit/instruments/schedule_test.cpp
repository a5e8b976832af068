// tests/unit/instruments/schedule_test.cpp — waves and schedules (issue 3, part 5): month
// arithmetic at month ends and in leap years, windows, due status, and schedule validation.
#include "cp/instruments/schedule.hpp"

#include <gtest/gtest.h>

using namespace cp::instruments;

namespace {
CivilDate d(const char* s) {
  auto v = parse_date(s);
  EXPECT_TRUE(v.has_value()) << s;
  return v.value_or(CivilDate{});
}
std::string plus_months(const char* s, int m) {
  return format_date(add_months(d(s), m));
}
}  // namespace

TEST(ScheduleDates, ParseRejectsImpossibleDates) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));  // not a leap year
  EXPECT_FALSE(parse_date("1900-02-29"));  // century, not a leap year
  EXPECT_TRUE(parse_date("2000-02-29"));   // 400-year rule
  EXPECT_FALSE(parse_date("2026-04-31"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-1-01"));
  EXPECT_FALSE(parse_date("2026-01-01T00:00"));
  EXPECT_FALSE(parse_date("20a6-01-01"));
  EXPECT_FALSE(parse_date(""));
}

TEST(ScheduleDates, AddMonthsClampsToTheEndOfTheMonth) {
  EXPECT_EQ(plus_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(plus_months("2024-01-31", 1), "2024-02-29");  // leap year
  EXPECT_EQ(plus_months("2023-08-31", 6), "2024-02-29");
  EXPECT_EQ(plus_months("2025-08-31", 6), "2026-02-28");
  EXPECT_EQ(plus_months("2026-03-31", 6), "2026-09-30");
  EXPECT_EQ(plus_months("2024-02-29", 12), "2025-02-28");
  EXPECT_EQ(plus_months("2024-02-29", 48), "2028-02-29");
  EXPECT_EQ(plus_months("2026-07-15", 6), "2027-01-15");  // across a year end
  EXPECT_EQ(plus_months("2026-12-01", 12), "2027-12-01");
  EXPECT_EQ(plus_months("2026-05-10", 0), "2026-05-10");
}

TEST(ScheduleDates, DayArithmeticRoundTripsAndCrossesLeapDays) {
  EXPECT_EQ(days_from_civil(d("1970-01-01")), 0);
  EXPECT_EQ(days_from_civil(d("2000-03-01")) - days_from_civil(d("2000-02-28")), 2);
  EXPECT_EQ(days_from_civil(d("2100-03-01")) - days_from_civil(d("2100-02-28")), 1);
  EXPECT_EQ(format_date(add_days(d("2024-02-28"), 1)), "2024-02-29");
  EXPECT_EQ(format_date(add_days(d("2024-03-01"), -1)), "2024-02-29");
  EXPECT_EQ(format_date(add_days(d("2026-12-20"), 28)), "2027-01-17");
  for (long long z = days_from_civil(d("1999-12-01")); z < days_from_civil(d("2001-03-01")); ++z)
    EXPECT_EQ(days_from_civil(civil_from_days(z)), z);
}

TEST(ScheduleDates, WaveWindowsAroundTheTarget) {
  Wave w{"month_6", "6 months", 6, 28, 28, {"swemwbs"}};
  auto dates = wave_dates(d("2025-08-31"), w);
  EXPECT_EQ(dates.target, "2026-02-28");
  EXPECT_EQ(dates.opens, "2026-01-31");
  EXPECT_EQ(dates.closes, "2026-03-28");
  Wave base{"baseline", "Baseline", 0, 0, 28, {"swemwbs"}};
  auto b = wave_dates(d("2026-11-01"), base);
  EXPECT_EQ(b.opens, "2026-11-01");
  EXPECT_EQ(b.closes, "2026-11-29");
}

TEST(ScheduleDates, DueStatusFollowsTheWindowAndWhatWasSaved) {
  const WaveDates w{"2026-06-15", "2026-05-18", "2026-07-13"};
  EXPECT_EQ(due_status(w, "2026-05-17", 2, 0, 0), DueStatus::not_yet_due);
  EXPECT_EQ(due_status(w, "2026-05-18", 2, 0, 0), DueStatus::due);  // first day of the window
  EXPECT_EQ(due_status(w, "2026-07-13", 2, 0, 0), DueStatus::due);  // last day of the window
  EXPECT_EQ(due_status(w, "2026-07-14", 2, 0, 0), DueStatus::overdue);
  EXPECT_EQ(due_status(w, "2026-06-01", 2, 1, 1), DueStatus::partial);
  EXPECT_EQ(due_status(w, "2026-05-01", 2, 0, 1), DueStatus::partial);  // started early
  EXPECT_EQ(due_status(w, "2026-08-01", 2, 1, 2),
            DueStatus::overdue);  // unfinished after the window
  EXPECT_EQ(due_status(w, "2026-08-01", 2, 2, 2), DueStatus::complete);
  EXPECT_EQ(due_status(w, "2026-05-01", 1, 1, 1), DueStatus::complete);
}

TEST(Schedules, DefaultIsBaselineSixAndTwelveMonthsWithTheCoreMeasures) {
  const auto s = default_schedule();
  ASSERT_EQ(s.waves.size(), 3u);
  EXPECT_EQ(s.waves[1].months, 6);
  EXPECT_EQ(s.waves[2].window_before_days, 28);
  EXPECT_EQ(s.waves[0].instruments,
            (std::vector<std::string>{"swemwbs", "eq5d-5l", "rg-uk", "icecap-a", "scope", "csri"}));
  auto again =
      parse_schedule(to_json(s), {"swemwbs", "eq5d-5l", "rg-uk", "icecap-a", "scope", "csri"});
  ASSERT_TRUE(again.ok()) << again.error().field;
  EXPECT_EQ(to_json(*again), to_json(s));
}

TEST(Schedules, BadSchedulesAreRefusedNamingThePath) {
  const std::set<std::string, std::less<>> known{"swemwbs", "eq5d-5l"};
  auto field_of = [&](const char* text) {
    auto r = parse_schedule(nlohmann::json::parse(text), known);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":0,"instruments":["swemwbs"]}]})"), "ok");
  EXPECT_EQ(field_of(R"({"waves":[]})"), "waves");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"B","months":0,"instruments":["swemwbs"]}]})"),
            "waves[0].id");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":0,"instruments":["swemwbs","nope"]}]})"),
            "waves[0].instruments[1]");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":6,"instruments":["swemwbs"]},)"
                     R"({"id":"c","months":6,"instruments":["swemwbs"]}]})"),
            "waves[1].months");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":0,"instruments":["swemwbs"]},)"
                     R"({"id":"b","months":6,"instruments":["swemwbs"]}]})"),
            "waves[1].id");
  EXPECT_EQ(
      field_of(
          R"({"waves":[{"id":"b","months":0,"window_after_days":400,"instruments":["swemwbs"]}]})"),
      "waves[0].window_after_days");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":0,"instruments":["swemwbs","swemwbs"]}]})"),
            "waves[0].instruments[1]");
  EXPECT_EQ(
      field_of(R"({"waves":[{"id":"b","months":0,"colour":"red","instruments":["swemwbs"]}]})"),
      "waves[0].colour");
  EXPECT_EQ(field_of(R"({"waves":[{"id":"b","months":"6","instruments":["swemwbs"]}]})"),
            "waves[0].months");
}
