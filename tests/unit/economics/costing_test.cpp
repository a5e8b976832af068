// tests/unit/economics/costing_test.cpp — issue 7 §1: costs by sector under a perspective and
// the intervention's own cost, from the [[economics.costs]] and [economics.intervention] spec.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cp/economics/cea.hpp"
#include "cp/economics/costs.hpp"

namespace cp::economics {
namespace {

const double NA = std::numeric_limits<double>::quiet_NaN();

std::vector<CostColumnValues> three_sectors() {
  // Four participants; hand-worked totals below.
  return {{{Sector::nhs, "nhs_0", "nhs_1"}, {100, 200, 0, 50}, {150, 100, 20, NA}},
          {{Sector::personal_social_services, "pss_0", "pss_1"}, {10, 0, 5, 5}, {20, 0, 5, 5}},
          {{Sector::person_family, "oop_0", "oop_1"}, {1, 2, NA, 4}, {3, 4, 5, 6}}};
}

TEST(EconomicsCosting, PerspectiveDecidesWhichSectorsCount) {
  const std::vector<int> arm{1, 0, 1, 0};
  auto nhs = assemble_costs(three_sectors(), Perspective::nhs_pss, arm, std::nullopt, {});
  ASSERT_TRUE(nhs.ok()) << nhs.error().message;
  EXPECT_DOUBLE_EQ(nhs->baseline[0], 110);
  EXPECT_DOUBLE_EQ(nhs->followup[0], 170);
  EXPECT_DOUBLE_EQ(nhs->baseline[2], 5);  // the missing out-of-pocket value does not count here
  EXPECT_DOUBLE_EQ(nhs->followup[2], 25);
  EXPECT_TRUE(std::isnan(nhs->followup[3]));  // a counted sector is missing: the total is missing
  EXPECT_FALSE(nhs->summary["components"][2]["counted"].get<bool>());

  auto soc = assemble_costs(three_sectors(), Perspective::societal, arm, std::nullopt, {});
  ASSERT_TRUE(soc.ok());
  EXPECT_DOUBLE_EQ(soc->baseline[0], 111);
  EXPECT_DOUBLE_EQ(soc->followup[1], 104);
  EXPECT_TRUE(std::isnan(soc->baseline[2]));  // now it counts, and it is missing
  EXPECT_TRUE(soc->summary["components"][2]["counted"].get<bool>());
  EXPECT_EQ(soc->summary["perspective"], "societal");
}

TEST(EconomicsCosting, InterventionCostGoesToTheInterventionArmOnly) {
  const std::vector<int> arm{1, 0, 1, 0};
  InterventionCostSpec ic{{2000.0, 40.0, 30.0}, "minutes"};  // £50 training each, £30 an hour
  const std::vector<double> minutes{120, 999, 60, 999};
  auto c = assemble_costs(three_sectors(), Perspective::nhs_pss, arm, ic, minutes);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_DOUBLE_EQ(c->followup[0], 170 + 50 + 60);  // 2 hours × £30
  EXPECT_DOUBLE_EQ(c->followup[1], 100);            // control: unchanged
  EXPECT_DOUBLE_EQ(c->followup[2], 25 + 50 + 30);
  EXPECT_DOUBLE_EQ(c->baseline[0], 110);  // baseline period is before the intervention
  EXPECT_DOUBLE_EQ(c->summary["intervention"]["mean_cost_per_participant"].get<double>(), (110.0 + 80.0) / 2);
  EXPECT_EQ(c->summary["intervention"]["participants_costed"], 2);

  // A pre-totalled follow-up column with only the intervention cost added.
  auto pre = assemble_costs({}, Perspective::nhs_pss, arm, ic, minutes, {10, 10, 10, 10});
  ASSERT_TRUE(pre.ok());
  EXPECT_DOUBLE_EQ(pre->followup[0], 120);
  EXPECT_DOUBLE_EQ(pre->followup[1], 10);
  EXPECT_TRUE(pre->baseline.empty());
}

TEST(EconomicsCosting, MissingMinutesMakeTheFollowUpCostMissing) {
  InterventionCostSpec ic{{0.0, 1.0, 60.0}, "minutes"};
  auto c = assemble_costs({}, Perspective::nhs_pss, {1, 1}, ic, {30, NA}, {0, 0});
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(c->followup[0], 30);
  EXPECT_TRUE(std::isnan(c->followup[1]));
}

TEST(EconomicsCosting, BadValuesNameColumnAndRow) {
  auto sectors = three_sectors();
  sectors[1].followup[2] = -5;
  auto c = assemble_costs(sectors, Perspective::nhs_pss, {1, 0, 1, 0}, std::nullopt, {});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().field, "pss_1, row 3");
  // Only sectors that do not count under the perspective: an error, not a silent zero.
  std::vector<CostColumnValues> only_oop{three_sectors()[2]};
  auto none = assemble_costs(only_oop, Perspective::nhs_pss, {1, 0, 1, 0}, std::nullopt, {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "no_costs_counted");
  InterventionCostSpec ic{{0.0, 1.0, 60.0}, "minutes"};
  auto neg = assemble_costs({}, Perspective::nhs_pss, {1}, ic, {-3}, {0});
  ASSERT_FALSE(neg.ok());
  EXPECT_EQ(neg.error().field, "minutes, row 1");
}

nlohmann::json sector_spec() {
  return {{"utility_baseline", "eq5d_0"},
          {"utility_followup", "eq5d_1"},
          {"months", 6},
          {"perspective", "societal"},
          {"costs",
           {{{"sector", "nhs"}, {"baseline", "nhs_0"}, {"followup", "nhs_1"}},
            {{"sector", "person_family"}, {"baseline", "oop_0"}, {"followup", "oop_1"}}}},
          {"intervention",
           {{"training_total", 24000}, {"participants", 80}, {"hourly_worker_cost", 45},
            {"contact_minutes", "contact_minutes"}}}};
}

TEST(EconomicsCosting, SpecReadsSectorsAndInterventionCost) {
  auto s = parse_economics_spec(sector_spec());
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->cost_components.size(), 2u);
  EXPECT_EQ(s->cost_components[1].sector, Sector::person_family);
  EXPECT_EQ(s->cost_components[1].followup, "oop_1");
  ASSERT_TRUE(s->intervention_cost.has_value());
  EXPECT_DOUBLE_EQ(s->intervention_cost->inputs.participants, 80);
  EXPECT_EQ(s->intervention_cost->contact_minutes, "contact_minutes");
  EXPECT_EQ(s->perspective, Perspective::societal);
}

TEST(EconomicsCosting, SpecErrorsNameTheKey) {
  auto t = sector_spec();
  t["cost_followup"] = "cost_1";
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.costs");
  t = sector_spec();
  t["costs"][0]["sector"] = "hospital";
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.costs[0].sector");
  t = sector_spec();
  t["costs"][1].erase("baseline");  // adjusted for baseline cost by default
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.costs[1].baseline");
  t = sector_spec();
  t["intervention"]["participants"] = 0;
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.intervention.participants");
  t = sector_spec();
  t["intervention"]["trainers"] = 2;
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.intervention.trainers");
  t = sector_spec();
  t.erase("costs");  // no cost columns at all: the first one needed is named
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.cost_baseline");
  t["cost_adjustment"] = "none";
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.cost_followup");
}

}  // namespace
}  // namespace cp::economics
