// tests/unit/fidelity/implementation_test.cpp — issue 5 §3–4: practice indicators, the
// implementation level (hand-worked), thresholds from JSON, trend and early warning.
#include <gtest/gtest.h>

#include "cp/fidelity/implementation.hpp"
#include "cp/fidelity/indicators.hpp"

namespace cp::fidelity {
namespace {

PersonPractice everything() {
  PersonPractice p;
  p.network_map_recent = p.assets_recorded = p.goal_with_plan = p.community_engagement = true;
  p.has_barriers = p.barriers_reviewed = p.seen_own_plan = p.co_produced = true;
  p.has_two_maps = p.new_network_members = p.contacts_community = p.contacts_relationships = true;
  return p;
}

const std::array<std::optional<double>, kDomains> no_scale{};

TEST(FidelityIndicators, CountsWithTheirOwnDenominators) {
  std::vector<PersonPractice> people(4, everything());
  people[1].network_map_recent = false;
  people[2].has_barriers = people[2].barriers_reviewed = false;
  people[3].has_two_maps = people[3].new_network_members = false;
  people[3].barriers_reviewed = false;
  const auto ind = practice_indicators(people);
  ASSERT_EQ(ind.size(), 10u);
  auto find = [&](const std::string& id) {
    for (const auto& i : ind)
      if (i.id == id) return i;
    ADD_FAILURE() << id;
    return Indicator{};
  };
  EXPECT_EQ(find("network_map_recent").numerator, 3);
  EXPECT_EQ(find("network_map_recent").denominator, 4);
  EXPECT_EQ(find("network_map_recent").domain, Domain::assessment);
  EXPECT_TRUE(find("network_map_recent").key);
  EXPECT_EQ(find("barriers_reviewed").denominator, 3);  // person 2 has no barriers
  EXPECT_EQ(find("barriers_reviewed").numerator, 2);
  EXPECT_EQ(find("new_network_members").denominator, 3);
  EXPECT_FALSE(find("seen_own_plan").key);
}

TEST(FidelityLevel, EveryPracticeEverywhereIsFull) {
  auto a = assess(practice_indicators(std::vector<PersonPractice>(5, everything())), no_scale, {});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->level, Level::full);
  EXPECT_DOUBLE_EQ(*a->overall, 1.0);
  EXPECT_EQ(a->people, 5);
}

TEST(FidelityLevel, AWorkerWithNoNetworkMapsIsPartialWhateverElse) {
  std::vector<PersonPractice> people(5, everything());
  for (auto& p : people) p.network_map_recent = p.has_two_maps = p.new_network_members = false;
  auto a = assess(practice_indicators(people), no_scale, {});
  ASSERT_TRUE(a.ok());
  // Assessment domain: mean(0 maps, 1 assets) = 0.5; overall = (1 + 0.5 + 1 + 1 + 1) / 5 = 0.9.
  EXPECT_NEAR(*a->overall, 0.9, 1e-12);
  EXPECT_NEAR(*a->domains[1].combined, 0.5, 1e-12);
  EXPECT_EQ(a->level, Level::partial);  // the key indicator at 0 caps it
  bool named = false;
  for (const auto& r : a->reasons) named = named || r.find("recent network map") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(FidelityLevel, LowWhenOverallBelowPartial) {
  PersonPractice little;  // nothing recorded at all
  little.assets_recorded = true;
  auto a = assess(practice_indicators(std::vector<PersonPractice>(4, little)), no_scale, {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->level, Level::low);
  // assessment 0.5; relationships: new members has no denominator → contacts only = 0.
  EXPECT_NEAR(*a->overall, 0.1, 1e-12);
}

TEST(FidelityLevel, ScaleAndIndicatorsCombineByTheConfiguredWeight) {
  std::array<std::optional<double>, kDomains> scale{9.0, 5.0, 1.0, 7.0, 3.0};  // → 1, .5, 0, .75, .25
  Thresholds t;
  t.scale_weight = 0.25;
  auto a = assess(practice_indicators(std::vector<PersonPractice>(3, everything())), scale, t);
  ASSERT_TRUE(a.ok());
  EXPECT_NEAR(*a->domains[2].combined, 0.25 * 0.0 + 0.75 * 1.0, 1e-12);
  EXPECT_NEAR(*a->domains[3].scale, 0.75, 1e-12);
  EXPECT_NEAR(*a->overall, (1.0 + 0.875 + 0.75 + 0.9375 + 0.8125) / 5, 1e-12);
  EXPECT_EQ(a->level, Level::full);
  // The scale alone (no records): combined = scale.
  auto s = assess({}, scale, t);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(*s->overall, 0.5, 1e-12);
  EXPECT_EQ(s->level, Level::partial);  // planning 0 < 0.4 (and overall < 0.7)
}

TEST(FidelityLevel, TooFewPeopleOrADomainWithoutEvidenceIsInsufficient) {
  auto a = assess(practice_indicators(std::vector<PersonPractice>(2, everything())), no_scale, {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->level, Level::insufficient);
  EXPECT_FALSE(a->overall.has_value());
  auto none = assess({}, no_scale, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->level, Level::insufficient);
}

TEST(FidelityLevel, BadInputNamesTheField) {
  std::array<std::optional<double>, kDomains> scale{9.5, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  auto a = assess({}, scale, {});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "cpifs.community");
  Indicator bad{"x", Domain::planning, "x", 5, 3};
  auto b = assess({bad}, no_scale, {});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().field, "indicators[0]");
}

TEST(FidelityThresholds, FromJsonWithErrorsNamingTheKey) {
  auto t = thresholds_from_json({{"full", 0.8}, {"min_people", 5}});
  ASSERT_TRUE(t.ok());
  EXPECT_DOUBLE_EQ(t->full, 0.8);
  EXPECT_EQ(t->min_people, 5);
  EXPECT_DOUBLE_EQ(t->partial, 0.4);
  EXPECT_EQ(thresholds_from_json({{"ful", 0.8}}).error().field, "fidelity.ful");
  EXPECT_EQ(thresholds_from_json({{"full", 1.5}}).error().field, "fidelity.full");
  EXPECT_EQ(thresholds_from_json({{"min_people", 2.5}}).error().field, "fidelity.min_people");
  EXPECT_EQ(thresholds_from_json({{"full", 0.3}}).error().field, "fidelity.partial");  // partial ≥ full
  EXPECT_EQ(to_json(*t)["full"], 0.8);
}

TEST(FidelityTrend, WarnsWhenATeamSlides) {
  Thresholds t;
  std::vector<TrendPoint> steady{{"2026-07", 0.80, Level::full}, {"2026-08", 0.78, Level::full},
                                 {"2026-09", 0.76, Level::full}};
  EXPECT_FALSE(early_warning(steady, t).sliding);
  auto falling = steady;
  falling.push_back({"2026-10", 0.66, Level::partial});
  auto w = early_warning(falling, t);
  EXPECT_TRUE(w.sliding);
  EXPECT_NE(w.message.find("fell from full"), std::string::npos);
  // A slide within one level: 0.72 against a mean of 0.85 over the last three periods.
  std::vector<TrendPoint> drop{{"a", 0.86, Level::full}, {"b", 0.84, Level::full}, {"c", 0.85, Level::full},
                               {"d", 0.72, Level::full}};
  w = early_warning(drop, t);
  EXPECT_TRUE(w.sliding);
  EXPECT_NE(w.message.find("0.13 below"), std::string::npos);
  // No data in the latest period: no warning (and no crash).
  drop.push_back({"e", std::nullopt, Level::insufficient});
  EXPECT_FALSE(early_warning(drop, t).sliding);
}

}  // namespace
}  // namespace cp::fidelity

#include "cp/fidelity/dates.hpp"

namespace cp::fidelity {
namespace {

TEST(FidelityDates, MonthStepsClampToTheMonthEnd) {
  EXPECT_EQ(*months_before("2026-05-31", 3), "2026-02-28");
  EXPECT_EQ(*months_before("2024-08-31", 6), "2024-02-29");  // leap year
  EXPECT_EQ(*months_before("2026-01-15", 1), "2025-12-15");
  EXPECT_EQ(*next_day("2026-12-31"), "2027-01-01");
  EXPECT_FALSE(months_before("2026-02-30", 1).has_value());
  EXPECT_FALSE(next_day("yesterday").has_value());
  const auto t = trend_dates("2026-03-10", 3);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "2026-01-31");
  EXPECT_EQ(t[1], "2026-02-28");
  EXPECT_EQ(t[2], "2026-03-10");
}

}  // namespace
}  // namespace cp::fidelity
