// tests/unit/economics/bootstrap_test.cpp — issue 7 §4: the bootstrap is identical for a seed
// whatever the thread count, and agrees with R's boot within Monte-Carlo error.
//
// Tolerances (R's replicates and ours are independent draws of the same bootstrap
// distribution, B = 5,000 each):
//   CEAC / P(cost-effective): SE of one proportion ≤ √(0.25/5000) = 0.0071, of a difference
//     of two independent ones ≤ 0.010; we allow 0.04 (4 SE).
//   bootstrap SE (SD of replicates): relative SE of an SD ≈ 1/√(2B) = 1.0 %, of a ratio of
//     two ≈ 1.4 %; we allow 6 % (≈ 4 SE).
//   2.5 % / 97.5 % percentiles: SE ≈ √(p(1−p)/B) / φ(1.96) · σ = 0.038 σ, of a difference
//     0.053 σ; we allow 0.25 σ (≈ 4.7 SE), σ = R's bootstrap SE.
#include "cp/economics/bootstrap.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "cp/economics/cea.hpp"
#include "unit/economics/fixtures.hpp"

namespace cp::economics {
namespace {

using testing::anchor_spec;
using testing::load_input;

std::map<std::string, double> step_d() {
  const auto t = testing::read_csv("reference_N155_step_d.csv");
  std::map<std::string, double> m;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    m[t.rows[r][1] + "|" + t.rows[r][2] + "|" + t.rows[r][3] + "|" + t.rows[r][4]] =
        std::stod(t.rows[r][5]);
  return m;
}

// issue 7 §4/§7: same seed, same output, whatever the thread count (1, 2, 3, 7 threads).
TEST(EconomicsBootstrap, IdenticalForAnyThreadCount) {
  for (bool cluster : {false, true}) {
    auto spec = anchor_spec(CostAdjustment::baseline);
    spec.bootstrap = 400;
    spec.cluster_bootstrap = cluster;
    spec.threads = 1;
    auto one = run_economics(load_input("eval_N155.csv"), spec);
    ASSERT_TRUE(one.ok()) << one.error().message;
    for (int t : {2, 3, 7}) {
      spec.threads = t;
      auto many = run_economics(load_input("eval_N155.csv"), spec);
      ASSERT_TRUE(many.ok());
      EXPECT_EQ(many->bootstrap->delta_cost, one->bootstrap->delta_cost) << t;
      EXPECT_EQ(many->bootstrap->delta_qaly, one->bootstrap->delta_qaly) << t;
      EXPECT_EQ(to_json(*many).dump(), to_json(*one).dump()) << t;
    }
  }
}

// issue 7 §4: the seed matters (a different seed gives different replicates).
TEST(EconomicsBootstrap, SeedChangesReplicates) {
  auto spec = anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 50;
  auto a = run_economics(load_input("eval_N155.csv"), spec);
  spec.seed += 1;
  auto b = run_economics(load_input("eval_N155.csv"), spec);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->bootstrap->delta_cost, b->bootstrap->delta_cost);
  EXPECT_EQ(a->delta_cost, b->delta_cost);  // point estimates do not depend on the seed
}

// issue 7 §5: our own RNG against R's boot (step d, unadjusted) within Monte-Carlo error.
TEST(EconomicsBootstrap, AgreesWithRWithinMonteCarloError) {
  const auto d = step_d();
  auto spec = anchor_spec(CostAdjustment::none);
  auto res = run_economics(load_input("eval_N155.csv"), spec);
  ASSERT_TRUE(res.ok()) << res.error().message;
  const auto& b = *res->bootstrap;
  EXPECT_EQ(b.replicates_used, 5000);
  for (const auto& row : res->ceac)
    EXPECT_NEAR(*row.p_cost_effective,
                d.at(fmt::format("ceac||{:.0f}|prob_cost_effective", row.threshold)), 0.04)
        << row.threshold;
  const double se_c = d.at("cea_boot|inc_cost||boot_se");
  const double se_q = d.at("cea_boot|inc_qaly||boot_se");
  EXPECT_NEAR(b.delta_cost_se / se_c, 1.0, 0.06);
  EXPECT_NEAR(b.delta_qaly_se / se_q, 1.0, 0.06);
  EXPECT_NEAR(b.delta_cost_ci.low, d.at("cea_boot|inc_cost||perc_ci95_lower"), 0.25 * se_c);
  EXPECT_NEAR(b.delta_cost_ci.high, d.at("cea_boot|inc_cost||perc_ci95_upper"), 0.25 * se_c);
  EXPECT_NEAR(b.delta_qaly_ci.low, d.at("cea_boot|inc_qaly||perc_ci95_lower"), 0.25 * se_q);
  EXPECT_NEAR(b.delta_qaly_ci.high, d.at("cea_boot|inc_qaly||perc_ci95_upper"), 0.25 * se_q);
  EXPECT_NEAR(b.quadrant_nw, d.at("cea_boot|quadrant|NW|proportion"), 0.04);
  EXPECT_NEAR(b.quadrant_ne, d.at("cea_boot|quadrant|NE|proportion"), 0.04);
}

// issue 7 §4: two-stage cluster bootstrap needs clusters, and with clusters runs in full.
TEST(EconomicsBootstrap, ClusterBootstrapRequiresClusterIds) {
  auto in = load_input("eval_N155.csv");
  auto spec = anchor_spec(CostAdjustment::baseline);
  spec.bootstrap = 200;
  spec.cluster_bootstrap = true;
  auto ok = run_economics(in, spec);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->bootstrap->replicates_used, 200);
  EXPECT_GT(ok->bootstrap->delta_cost_se, 0.0);
  in.cluster.clear();
  auto bad = run_economics(in, spec);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "cluster");
}

// issue 7 §4: with one person per cluster the two-stage bootstrap resamples people, so its
// spread matches the individual bootstrap within Monte-Carlo error (SE ratio within 8 %).
TEST(EconomicsBootstrap, ClusterBootstrapWithSingletonClustersMatchesIndividual) {
  auto in = load_input("eval_N155.csv");
  for (std::size_t i = 0; i < in.cluster.size(); ++i) in.cluster[i] = std::to_string(i);
  auto spec = anchor_spec(CostAdjustment::baseline);
  auto ind = run_economics(in, spec);
  spec.cluster_bootstrap = true;
  auto clu = run_economics(in, spec);
  ASSERT_TRUE(ind.ok() && clu.ok());
  EXPECT_NEAR(clu->bootstrap->delta_cost_se / ind->bootstrap->delta_cost_se, 1.0, 0.08);
  EXPECT_NEAR(clu->bootstrap->delta_qaly_se / ind->bootstrap->delta_qaly_se, 1.0, 0.08);
}

// Lemire's bounded integers stay in range; bound 1 always gives 0.
TEST(EconomicsBootstrap, UniformBelowStaysInRange) {
  Draws32 rng(replicate_seed(7, 3));
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const auto v = rng.below(7);
    ASSERT_LT(v, 7u);
    ++counts[v];
    ASSERT_EQ(rng.below(1), 0u);
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);  // 5 SE of a binomial(70000, 1/7)
  EXPECT_NE(replicate_seed(1, 0), replicate_seed(1, 1));
  EXPECT_NE(replicate_seed(1, 0), replicate_seed(2, 0));
}

}  // namespace
}  // namespace cp::economics
