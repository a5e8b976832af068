// tests/unit/economics/spec_json_svg_test.cpp — issue 7 §5: the [economics] spec table, the
// results.json keys, ICER quadrants, SUR = OLS with identical regressors, and the SVGs.
#include <gtest/gtest.h>

#include <random>

#include "cp/economics/cea.hpp"
#include "cp/economics/summary.hpp"
#include "unit/economics/fixtures.hpp"

namespace cp::economics {
namespace {

nlohmann::json example_table() {  // the TOML of issue 7 as the analysis helper passes it
  return {{"cost_baseline", "cost_0"},
          {"cost_followup", "cost_1"},
          {"utility_baseline", "eq5d_0"},
          {"utility_followup", "eq5d_1"},
          {"months", 6},
          {"bootstrap", 5000},
          {"seed", 1},
          {"thresholds", {0, 50000, 1000}}};
}

TEST(EconomicsSpec, ParsesTheIssueExample) {
  auto s = parse_economics_spec(example_table());
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->cost_baseline, "cost_0");
  EXPECT_EQ(s->utility_followup, "eq5d_1");
  EXPECT_DOUBLE_EQ(s->months, 6.0);
  EXPECT_EQ(s->bootstrap, 5000);
  EXPECT_EQ(s->seed, 1u);
  EXPECT_DOUBLE_EQ(s->thresholds.to, 50000.0);
  EXPECT_EQ(s->cost_adjustment, CostAdjustment::baseline);
  EXPECT_FALSE(s->sur);
}

TEST(EconomicsSpec, ErrorsNameTheKey) {
  auto t = example_table();
  t["bootsrap"] = 10;
  auto s = parse_economics_spec(t);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "economics.bootsrap");
  t = example_table();
  t.erase("months");
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.months");
  t = example_table();
  t["thresholds"] = {0, 50000};
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.thresholds");
  t = example_table();
  t["thresholds"] = {0, 50000, 0};
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.thresholds");
  t = example_table();
  t["cost_adjustment"] = "baseline-ish";
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.cost_adjustment");
  t = example_table();
  t["bootstrap"] = -1;
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.bootstrap");
  t = example_table();
  t["capability_baseline"] = "icecap_0";
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.capability_followup");
  t = example_table();
  t.erase("cost_baseline");
  EXPECT_EQ(parse_economics_spec(t).error().field, "economics.cost_baseline");
  t["cost_adjustment"] = "none";  // the unadjusted analysis needs no baseline cost
  EXPECT_TRUE(parse_economics_spec(t).ok());
}

// issue 7 §4: the four quadrants, dominance and ΔQ = 0.
TEST(EconomicsIcer, Quadrants) {
  auto ne = classify_icer(100, 0.01);
  EXPECT_EQ(ne.quadrant, "NE");
  EXPECT_DOUBLE_EQ(*ne.value, 10000.0);
  auto se = classify_icer(-100, 0.01);
  EXPECT_EQ(se.quadrant, "SE");
  EXPECT_EQ(se.status, "dominant");
  EXPECT_FALSE(se.value.has_value());
  EXPECT_DOUBLE_EQ(*se.ratio, -10000.0);
  auto sw = classify_icer(-100, -0.01);
  EXPECT_EQ(sw.quadrant, "SW");
  EXPECT_EQ(sw.status, "ratio");
  EXPECT_DOUBLE_EQ(*sw.value, 10000.0);
  auto nw = classify_icer(100, -0.01);
  EXPECT_EQ(nw.quadrant, "NW");
  EXPECT_EQ(nw.status, "dominated");
  auto zero = classify_icer(100, 0.0);
  EXPECT_EQ(zero.status, "undefined");
  EXPECT_FALSE(zero.ratio.has_value());
  EXPECT_EQ(classify_icer(0.0, 0.01).status, "dominant");  // same cost, more QALYs
}

TEST(EconomicsSummary, PercentilesAndGrid) {
  std::vector<double> t;
  for (int i = 1; i <= 19; ++i) t.push_back(i);
  EXPECT_DOUBLE_EQ(boot_percentile(t, 0.05), 1.0);  // rk = 1: first order statistic
  EXPECT_DOUBLE_EQ(boot_percentile(t, 0.5), 10.0);  // rk = 10
  EXPECT_DOUBLE_EQ(quantile_type7(t, 0.5), 10.0);
  EXPECT_DOUBLE_EQ(quantile_type7(t, 0.025), 1.45);
  auto g = threshold_grid({0, 50000, 1000});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->size(), 51u);
  EXPECT_DOUBLE_EQ(g->back(), 50000.0);
  EXPECT_FALSE(threshold_grid({10, 5, 1}).ok());
}

// issue 7 §5: results.json keys.
TEST(EconomicsJson, HasTheIssueKeys) {
  auto spec = testing::anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 300;
  spec.thresholds = {0, 10000, 5000};  // 20,000 and 30,000 must still be reported
  auto r = run_economics(testing::load_input("eval_N155.csv"), spec);
  ASSERT_TRUE(r.ok());
  const auto j = to_json(*r);
  for (const char* k : {"delta_cost", "delta_qaly", "icer", "quadrant", "nmb", "p_cost_effective",
                        "ceac", "bootstrap", "n", "warnings", "method"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_TRUE(j["nmb"]["20000"].is_number());
  EXPECT_TRUE(j["nmb"]["30000"].is_number());
  EXPECT_TRUE(j["p_cost_effective"]["30000"].is_number());
  EXPECT_TRUE(j["p_cost_effective"]["5000"].is_number());
  ASSERT_EQ(j["ceac"].size(), 3u);
  EXPECT_EQ(j["ceac"][1]["threshold"].get<double>(), 5000.0);
  EXPECT_TRUE(j["ceac"][1]["p"].is_number());
  EXPECT_EQ(j["bootstrap"]["replicates"], 300);
  ASSERT_EQ(j["bootstrap"]["delta_cost_ci"].size(), 2u);
  EXPECT_LT(j["bootstrap"]["delta_qaly_ci"][0].get<double>(),
            j["bootstrap"]["delta_qaly_ci"][1].get<double>());
  EXPECT_EQ(j["n"], 128);
  // N = 155 adjusted: ΔQ < 0 and ΔC > 0, so the intervention is dominated: no ICER value.
  EXPECT_EQ(j["quadrant"], "NW");
  EXPECT_TRUE(j["icer"].is_null());
  EXPECT_EQ(j["icer_reason"], "dominated");
}

// issue 7 §3: with identical regressors in both equations SUR equals OLS (Kruskal).
TEST(EconomicsSur, IdenticalRegressorsEqualOls) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  EconomicsInput in;
  for (int i = 0; i < 200; ++i) {
    const double ub = u(rng);
    in.arm.push_back(i % 2);
    in.utility_b.push_back(ub);
    in.cost_b.push_back(ub);  // same regressor in both equations
    in.utility_f.push_back(std::min(1.0, 0.5 * ub + 0.4 * u(rng) + 0.05 * (i % 2)));
    in.cost_f.push_back(1000 * u(rng) + 300 * ub);
  }
  auto spec = testing::anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 0;
  auto ols = run_economics(in, spec);
  spec.sur = true;
  auto sur = run_economics(in, spec);
  ASSERT_TRUE(ols.ok() && sur.ok());
  EXPECT_NEAR(sur->delta_cost, ols->delta_cost, 1e-9 * std::fabs(ols->delta_cost));
  EXPECT_NEAR(sur->delta_qaly, ols->delta_qaly, 1e-9 * std::fabs(ols->delta_qaly));
}

// issue 7 §5: accessible SVG for report.html.
TEST(EconomicsSvg, PlaneAndCeacAreAccessible) {
  auto spec = testing::anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 3000;
  auto r = run_economics(testing::load_input("eval_N155.csv"), spec);
  ASSERT_TRUE(r.ok());
  for (const std::string& svg : {ce_plane_svg(*r), ceac_svg(*r)}) {
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("<title id="), std::string::npos);
    EXPECT_NE(svg.find("<desc id="), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    EXPECT_EQ(svg.find("\"nan"), std::string::npos);
    EXPECT_EQ(svg.find("nan,"), std::string::npos);
  }
  const std::string plane = ce_plane_svg(*r);
  EXPECT_NE(plane.find("Incremental QALYs"), std::string::npos);
  EXPECT_NE(plane.find("Incremental cost"), std::string::npos);
  std::size_t circles = 0;
  for (auto p = plane.find("<circle"); p != std::string::npos; p = plane.find("<circle", p + 1))
    ++circles;
  EXPECT_EQ(circles, 1500u + 1u);  // every 2nd of 3,000 replicates + the point estimate
  const std::string ceac = ceac_svg(*r);
  EXPECT_NE(ceac.find("Probability cost-effective"), std::string::npos);
  EXPECT_NE(ceac.find("<polyline"), std::string::npos);
}

}  // namespace
}  // namespace cp::economics
