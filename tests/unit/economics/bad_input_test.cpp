// tests/unit/economics/bad_input_test.cpp — issue 7 §8: negative costs, utilities outside the
// value set's range, missing waves, zero variance, an empty arm: clear errors (what and where)
// or documented warnings; never a crash or a NaN in the output.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cp/economics/cea.hpp"
#include "cp/economics/costs.hpp"
#include "cp/economics/effects.hpp"
#include "unit/economics/fixtures.hpp"

namespace cp::economics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

EconomicsSpec spec0() {
  auto s = testing::anchor_spec(CostAdjustment::baseline);
  s.bootstrap = 0;
  return s;
}

EconomicsInput handmade() {
  return testing::load_input("handmade.csv");
}

bool contains(const std::vector<std::string>& v, const std::string& needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

// Counts NaN / infinite numbers anywhere in a JSON document (nlohmann would dump them as null).
int non_finite_numbers(const nlohmann::json& j) {
  if (j.is_number_float()) return std::isfinite(j.get<double>()) ? 0 : 1;
  int n = 0;
  if (j.is_structured())
    for (const auto& x : j) n += non_finite_numbers(x);
  return n;
}

TEST(EconomicsBadInput, NegativeCostIsAnErrorNamingRowAndColumn) {
  auto in = handmade();
  in.cost_f[2] = -5.0;
  auto r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(r.error().code, "negative_cost");
  EXPECT_EQ(r.error().field, "cost_f, row 3");
  in = handmade();
  in.cost_b[0] = std::numeric_limits<double>::infinity();
  r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "cost_b, row 1");
}

// The range checked is the spec's [utility_min, utility_max], default EQ-5D-3L UK (Dolan
// 1997): [−0.594, 1].
TEST(EconomicsBadInput, UtilityOutsideValueSetRange) {
  auto in = handmade();
  in.utility_f[0] = 1.2;
  auto r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "utility_out_of_range");
  EXPECT_EQ(r.error().field, "utility_f, row 1");
  in = handmade();
  in.utility_b[3] = -0.6;
  r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "utility_b, row 4");
  in.utility_b[3] = -0.594;  // the worst 3L state is allowed
  EXPECT_TRUE(run_economics(in, spec0()).ok());
  auto s = spec0();
  s.utility_min = -0.285;  // e.g. a 5L value set
  EXPECT_FALSE(run_economics(in, s).ok());
}

TEST(EconomicsBadInput, MissingWavesAreExcludedWithAWarning) {
  auto in = handmade();  // row 6 has no follow-up
  in.utility_b[0] = kNaN;
  auto r = run_economics(in, spec0());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->n, 10);
  EXPECT_EQ(r->n_excluded, 2);
  EXPECT_TRUE(contains(r->warnings, "2 of 12 rows excluded"));
  EXPECT_TRUE(contains(r->warnings, "1 missing a baseline value"));
}

TEST(EconomicsBadInput, EmptyOrTinyArmIsInfeasible) {
  auto in = handmade();
  for (auto& a : in.arm) a = 0;
  auto r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::infeasible);
  EXPECT_EQ(r.error().code, "empty_arm");
  EXPECT_NE(r.error().message.find("intervention arm has 0"), std::string::npos);
  in = handmade();
  for (std::size_t i = 1; i < 6; ++i) in.utility_f[i] = kNaN;  // one intervention case left
  r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "empty_arm");
}

TEST(EconomicsBadInput, BadArmCodeAndLengthMismatch) {
  auto in = handmade();
  in.arm[4] = 2;
  auto r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "arm, row 5");
  in = handmade();
  in.utility_f.pop_back();
  r = run_economics(in, spec0());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "size_mismatch");
  EXPECT_EQ(r.error().field, "utility_f");
  EXPECT_FALSE(run_economics(EconomicsInput{}, spec0()).ok());
}

// Zero variance of baseline utility: R's lm drops the aliased column; so do we, and say so.
TEST(EconomicsBadInput, ConstantBaselineIsDroppedLikeR) {
  auto in = handmade();
  for (auto& u : in.utility_b) u = 0.5;
  auto r = run_economics(in, spec0());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(contains(r->warnings, "dropped"));
  EXPECT_NEAR(r->delta_qaly, r->intervention.mean_qaly - r->control.mean_qaly, 1e-12);
}

TEST(EconomicsBadInput, ZeroVarianceOutcomeWarnsAndStaysFinite) {
  auto in = handmade();
  for (auto& c : in.cost_f)
    if (!std::isnan(c)) c = 1000.0;
  auto s = spec0();
  s.bootstrap = 200;
  auto r = run_economics(in, s);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(contains(r->warnings, "follow-up cost has zero variance"));
  EXPECT_NEAR(r->delta_cost, 0.0, 1e-9);
  EXPECT_EQ(non_finite_numbers(to_json(*r)), 0);
  EXPECT_TRUE(to_json(*r)["bootstrap"]["delta_cost_ci"][0].is_number());
}

TEST(EconomicsBadInput, CapabilityOutsideZeroOne) {
  auto in = handmade();
  in.capability_f[0] = 1.3;
  auto s = spec0();
  s.capability_baseline = "icecap_b";
  s.capability_followup = "icecap_f";
  auto r = run_economics(in, s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "icecap_f, row 1");
}

TEST(EconomicsBadInput, NoBootstrapGivesNullsWithReasons) {
  auto r = run_economics(handmade(), spec0());
  ASSERT_TRUE(r.ok());
  const auto j = to_json(*r);
  EXPECT_TRUE(j["bootstrap"].is_null());
  EXPECT_TRUE(j["bootstrap_reason"].is_string());
  EXPECT_TRUE(j["p_cost_effective"]["20000"].is_null());
  EXPECT_TRUE(j["p_cost_effective_reason"].is_string());
  EXPECT_TRUE(j["nmb"]["20000"].is_number());
}

// issue 7 §2: AUC by trapezoid, with its argument checks.
TEST(EconomicsEffects, AreaUnderCurve) {
  auto two = area_under_curve_years({0.6, 0.8}, {0, 6});
  ASSERT_TRUE(two.ok());
  EXPECT_DOUBLE_EQ(*two, 0.7 * 0.5);
  EXPECT_DOUBLE_EQ(auc_two_point_years(0.6, 0.8, 6), 0.35);
  auto three = area_under_curve_years({0.5, 0.7, 0.9}, {0, 3, 12});
  ASSERT_TRUE(three.ok());
  EXPECT_DOUBLE_EQ(*three, 0.6 * 0.25 + 0.8 * 0.75);
  auto missing = area_under_curve_years({0.5, kNaN}, {0, 6});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "values[1]");
  EXPECT_FALSE(area_under_curve_years({0.5}, {0}).ok());
  EXPECT_FALSE(area_under_curve_years({0.5, 0.6}, {6, 6}).ok());
}

// issue 7 §1: intervention cost and the perspective filter.
TEST(EconomicsCosts, InterventionCostAndPerspective) {
  InterventionCostInputs in{12000.0, 40.0, 45.0};
  auto c = intervention_cost_per_participant(in, 600.0);  // 10 hours of contact
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(*c, 300.0 + 450.0);
  in.participants = 0.0;
  auto bad = intervention_cost_per_participant(in, 600.0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "participants");
  EXPECT_FALSE(intervention_cost_per_participant({1, 1, 1}, -1.0).ok());

  const std::vector<CostComponent> parts = {{"gp", Sector::nhs, 100},
                                            {"social_worker", Sector::personal_social_services, 50},
                                            {"cpi", Sector::intervention, 20},
                                            {"housing", Sector::other_public, 7},
                                            {"travel", Sector::person_family, 3},
                                            {"work", Sector::productivity, 1000}};
  EXPECT_DOUBLE_EQ(*perspective_total(parts, Perspective::nhs_pss), 170.0);
  EXPECT_DOUBLE_EQ(*perspective_total(parts, Perspective::societal), 1180.0);
  auto neg = parts;
  neg[3].cost = -1;
  auto e = perspective_total(neg, Perspective::nhs_pss);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "components[3].cost");
  EXPECT_TRUE(parse_sector("person_family").ok());
  EXPECT_FALSE(parse_sector("nhs ").ok());
}

}  // namespace
}  // namespace cp::economics
