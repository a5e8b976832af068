// tests/unit/economics/r_reference_test.cpp — issue 7, validation against R: point estimates
// (lm, hand-written FGLS for SUR) to 1e-9 relative on the r-anchor N = 155 data and on a
// hand-made dataset; the bootstrap EXACTLY on R's dumped resampling indices.
// Fixtures and the R script: tests/fixtures/r/economics/ (make_fixtures.R).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "cp/economics/cea.hpp"
#include "cp/economics/sample.hpp"
#include "cp/economics/summary.hpp"
#include "unit/economics/fixtures.hpp"

namespace cp::economics {
namespace {

using testing::anchor_spec;
using testing::load_input;
using testing::read_json;
using testing::rel_diff;

constexpr double kRel = 1e-9;

// Step-d rows of the r-anchor reference, keyed "analysis|outcome|term|statistic".
std::map<std::string, double> step_d() {
  const auto t = testing::read_csv("reference_N155_step_d.csv");
  std::map<std::string, double> m;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    m[t.rows[r][1] + "|" + t.rows[r][2] + "|" + t.rows[r][3] + "|" + t.rows[r][4]] =
        std::stod(t.rows[r][5]);
  return m;
}

void expect_point(const std::string& dataset, CostAdjustment adj) {
  const auto r_all = read_json("r_point_estimates.json")[dataset];
  const auto& rk = r_all[adj == CostAdjustment::baseline ? "adjusted" : "unadjusted"];
  auto spec = anchor_spec(adj);
  spec.bootstrap = 0;
  auto res = run_economics(load_input(dataset == "N155" ? "eval_N155.csv" : "handmade.csv"), spec);
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->n, r_all["n"].get<int>());
  EXPECT_EQ(res->intervention.n, r_all["n_intervention"].get<int>());
  EXPECT_LT(rel_diff(res->delta_qaly, r_all["delta_qaly"]), kRel);
  EXPECT_LT(rel_diff(res->delta_qaly_se, r_all["se_qaly"]), kRel);
  EXPECT_LT(rel_diff(res->delta_cost, rk["delta_cost"]), kRel);
  EXPECT_LT(rel_diff(res->delta_cost_se, rk["se_cost"]), kRel);
  ASSERT_TRUE(res->icer.ratio.has_value());
  EXPECT_LT(rel_diff(*res->icer.ratio, rk["icer_ratio"]), kRel);
  const auto j = to_json(*res);
  EXPECT_LT(rel_diff(j["nmb"]["20000"].get<double>(), rk["nmb_20000"]), kRel);
  EXPECT_LT(rel_diff(j["nmb"]["30000"].get<double>(), rk["nmb_30000"]), kRel);
  EXPECT_LT(rel_diff(res->intervention.mean_qaly, r_all["mean_qaly_intervention"]), kRel);
  EXPECT_LT(rel_diff(res->control.mean_cost_f, r_all["mean_cost_f_control"]), kRel);
}

// issue 7 §5: deterministic parts to 1e-9 relative (r-anchor N = 155, both cost models).
TEST(EconomicsR, PointEstimatesN155Unadjusted) {
  expect_point("N155", CostAdjustment::none);
}
TEST(EconomicsR, PointEstimatesN155Adjusted) {
  expect_point("N155", CostAdjustment::baseline);
}
TEST(EconomicsR, PointEstimatesHandmadeUnadjusted) {
  expect_point("handmade", CostAdjustment::none);
}
TEST(EconomicsR, PointEstimatesHandmadeAdjusted) {
  expect_point("handmade", CostAdjustment::baseline);
}

// issue 7: the unadjusted analysis equals the r-anchor pipeline's own step-d rows.
TEST(EconomicsR, MatchesAnchorStepDPointRows) {
  const auto d = step_d();
  auto spec = anchor_spec(CostAdjustment::none);
  spec.bootstrap = 0;
  auto res = run_economics(load_input("eval_N155.csv"), spec);
  ASSERT_TRUE(res.ok());
  EXPECT_LT(rel_diff(res->delta_cost, d.at("cea_boot|inc_cost||estimate")), kRel);
  EXPECT_LT(rel_diff(res->delta_qaly, d.at("cea_boot|inc_qaly||estimate")), kRel);
  EXPECT_LT(rel_diff(*res->icer.ratio, d.at("cea_boot|icer||estimate")), kRel);
  EXPECT_LT(rel_diff(res->control.mean_utility_b, d.at("cea_descriptives|control||mean_utility_b")),
            kRel);
  for (double l : {0.0, 20000.0, 50000.0}) {
    const auto key = fmt::format("inb|||{:.0f}|estimate", l);
    // the inb rows have an empty outcome and the threshold as term
    const double want = d.at(fmt::format("inb||{:.0f}|estimate", l));
    EXPECT_NEAR(l * res->delta_qaly - res->delta_cost, want, kRel * std::fabs(want)) << key;
  }
  EXPECT_EQ(res->icer.quadrant, "NW");
  EXPECT_EQ(res->icer.status, "dominated");
  EXPECT_FALSE(res->icer.value.has_value());
}

// issue 7: SUR (two-step FGLS, Σ = E'E/n) against the same formula written in R matrices.
TEST(EconomicsR, SurMatchesFglsInR) {
  for (const char* ds : {"N155", "handmade"}) {
    for (auto adj : {CostAdjustment::baseline, CostAdjustment::none}) {
      const auto rk = read_json(
          "r_point_estimates.json")[ds][adj == CostAdjustment::baseline ? "sur_adjusted"
                                                                        : "sur_unadjusted"];
      auto spec = anchor_spec(adj);
      spec.bootstrap = 0;
      spec.sur = true;
      auto res = run_economics(
          load_input(std::string(ds) == "N155" ? "eval_N155.csv" : "handmade.csv"), spec);
      ASSERT_TRUE(res.ok()) << res.error().message;
      EXPECT_LT(rel_diff(res->delta_cost, rk["delta_cost"]), 1e-8) << ds;
      EXPECT_LT(rel_diff(res->delta_qaly, rk["delta_qaly"]), 1e-8) << ds;
      EXPECT_LT(rel_diff(res->delta_cost_se, rk["se_cost"]), 1e-8) << ds;
      EXPECT_LT(rel_diff(res->delta_qaly_se, rk["se_qaly"]), 1e-8) << ds;
    }
  }
}

// issue 7: capability years (ICECAP-A) by the same AUC + OLS, against lm.
TEST(EconomicsR, CapabilityYearsHandmade) {
  auto spec = anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 0;
  spec.capability_baseline = "icecap_b";
  spec.capability_followup = "icecap_f";
  auto res = run_economics(load_input("handmade.csv"), spec);
  ASSERT_TRUE(res.ok()) << res.error().message;
  ASSERT_TRUE(res->delta_capability.has_value());
  const double want = read_json("r_point_estimates.json")["handmade"]["delta_capability"];
  EXPECT_LT(rel_diff(*res->delta_capability, want), kRel);
}

// issue 7 §5: the bootstrap EXACTLY, by feeding R's 5,000 × 128 resampling indices.
class EconomicsRIndices : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sets_ = new auto(testing::load_boot_indices()); }
  static void TearDownTestSuite() { delete sets_; }
  static std::vector<std::vector<std::size_t>>* sets_;
};
std::vector<std::vector<std::size_t>>* EconomicsRIndices::sets_ = nullptr;

TEST_F(EconomicsRIndices, UnadjustedReplicatesEqualAnchor) {
  ASSERT_EQ(sets_->size(), 5000u);
  ASSERT_EQ(sets_->front().size(), 128u);
  auto res = run_economics_with_indices(load_input("eval_N155.csv"),
                                        anchor_spec(CostAdjustment::none), *sets_);
  ASSERT_TRUE(res.ok()) << res.error().message;
  const auto& b = *res->bootstrap;
  const auto reps = testing::read_csv("boot_replicates_N155.csv");
  ASSERT_EQ(b.delta_cost.size(), reps.rows.size());
  double worst = 0.0;
  for (std::size_t r = 0; r < reps.rows.size(); ++r) {
    // the anchor CSV carries 15 significant digits
    worst = std::max(worst, std::fabs(b.delta_cost[r] - reps.num(r, "inc_cost")) /
                                std::max(1.0, std::fabs(reps.num(r, "inc_cost"))));
    worst = std::max(worst, std::fabs(b.delta_qaly[r] - reps.num(r, "inc_qaly")) /
                                std::max(1e-3, std::fabs(reps.num(r, "inc_qaly"))));
  }
  EXPECT_LT(worst, 1e-9);

  const auto d = step_d();
  EXPECT_LT(rel_diff(b.delta_cost_ci.low, d.at("cea_boot|inc_cost||perc_ci95_lower")), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_ci.high, d.at("cea_boot|inc_cost||perc_ci95_upper")), kRel);
  EXPECT_LT(rel_diff(b.delta_qaly_ci.low, d.at("cea_boot|inc_qaly||perc_ci95_lower")), kRel);
  EXPECT_LT(rel_diff(b.delta_qaly_ci.high, d.at("cea_boot|inc_qaly||perc_ci95_upper")), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_ci_type7.low, d.at("cea_boot|inc_cost||quantile7_025")), kRel);
  EXPECT_LT(rel_diff(b.delta_qaly_ci_type7.high, d.at("cea_boot|inc_qaly||quantile7_975")), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_mean, d.at("cea_boot|inc_cost||boot_mean")), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_se, d.at("cea_boot|inc_cost||boot_se")), kRel);
  EXPECT_LT(rel_diff(b.delta_qaly_se, d.at("cea_boot|inc_qaly||boot_se")), kRel);
  EXPECT_DOUBLE_EQ(b.quadrant_ne, d.at("cea_boot|quadrant|NE|proportion"));
  EXPECT_DOUBLE_EQ(b.quadrant_se, d.at("cea_boot|quadrant|SE|proportion"));
  EXPECT_DOUBLE_EQ(b.quadrant_sw, d.at("cea_boot|quadrant|SW|proportion"));
  EXPECT_DOUBLE_EQ(b.quadrant_nw, d.at("cea_boot|quadrant|NW|proportion"));
  ASSERT_EQ(res->ceac.size(), 51u);
  for (const auto& row : res->ceac) {
    const double want = d.at(fmt::format("ceac||{:.0f}|prob_cost_effective", row.threshold));
    ASSERT_TRUE(row.p_cost_effective.has_value());
    EXPECT_DOUBLE_EQ(*row.p_cost_effective, want) << row.threshold;  // counts / 5000: exact
  }
  const auto j = to_json(*res);
  EXPECT_DOUBLE_EQ(j["p_cost_effective"]["20000"].get<double>(),
                   d.at("ceac||20000|prob_cost_effective"));
  EXPECT_DOUBLE_EQ(j["p_cost_effective"]["30000"].get<double>(),
                   d.at("ceac||30000|prob_cost_effective"));
}

TEST_F(EconomicsRIndices, AdjustedReplicatesEqualLmOnSameIndices) {
  auto res = run_economics_with_indices(load_input("eval_N155.csv"),
                                        anchor_spec(CostAdjustment::baseline), *sets_);
  ASSERT_TRUE(res.ok()) << res.error().message;
  const auto& b = *res->bootstrap;
  const auto reps = testing::read_csv("r_boot_on_indices.csv");
  double worst = 0.0;
  for (std::size_t r = 0; r < reps.rows.size(); ++r)
    worst = std::max(worst, std::fabs(b.delta_cost[r] - reps.num(r, "inc_cost_adjusted")) /
                                std::max(1.0, std::fabs(reps.num(r, "inc_cost_adjusted"))));
  EXPECT_LT(worst, 1e-9);
  const auto s = read_json("r_boot_on_indices_summary.json")["adjusted"];
  EXPECT_LT(rel_diff(b.delta_cost_ci.low, s["delta_cost_perc"][0]), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_ci.high, s["delta_cost_perc"][1]), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_ci_type7.low, s["delta_cost_q7"][0]), kRel);
  EXPECT_LT(rel_diff(b.delta_cost_se, s["delta_cost_sd"]), kRel);
  EXPECT_DOUBLE_EQ(b.quadrant_ne, s["quadrant_ne"].get<double>());
  for (std::size_t i = 0; i < res->ceac.size(); ++i)
    EXPECT_DOUBLE_EQ(*res->ceac[i].p_cost_effective, s["ceac"][i].get<double>());
}

}  // namespace
}  // namespace cp::economics
