// tests/unit/stats/psychometrics_hand_test.cpp — one hand-worked example per psychometric
// statistic, plus argument and data checks (issue 5, item 6). The working is in the comments;
// the same data are in tests/fixtures/r/psychometrics/ and checked against R in
// psychometrics_r_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {
namespace {

DataMatrix table(std::vector<std::string> cols,
                 std::vector<std::vector<std::optional<double>>> rows) {
  return DataMatrix{std::move(cols), std::move(rows)};
}

// alpha_small.csv: i1 = 1 2 3 4, i2 = 2 2 4 4, i3 = 2 3 3 4.
TEST(PsychometricsHand, CronbachAlpha) {
  auto d = table({"i1", "i2", "i3"}, {{1, 2, 2}, {2, 2, 3}, {3, 4, 3}, {4, 4, 4}});
  AlphaOptions o;
  o.bootstrap_replicates = 0;
  auto r = cronbach_alpha(d, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  // Item variances 5/3, 4/3, 2/3 (sum 11/3); totals 5 7 10 12 have variance 29/3.
  // alpha = 3/2 · (1 − (11/3)/(29/3)) = 3/2 · 18/29 = 27/29.
  EXPECT_NEAR(r->alpha, 27.0 / 29.0, 1e-14);
  // Without i1: var 4/3 and 2/3, cov(i2, i3) = 2/3, ΣC = 10/3 → 2 · (1 − 2/(10/3)) = 0.8.
  ASSERT_TRUE(r->items[0].alpha_if_deleted);
  EXPECT_NEAR(*r->items[0].alpha_if_deleted, 0.8, 1e-14);
  // r_drop(i1): i2 + i3 = 4 5 7 8; cov(i1, rest) = 7/3, var(rest) = 10/3
  // → (7/3) / √(5/3 · 10/3) = 7/√50.
  EXPECT_NEAR(r->items[0].r_drop, 7.0 / std::sqrt(50.0), 1e-14);
  EXPECT_EQ(r->items[0].name, "i1");
  EXPECT_EQ(r->n, 4);
  EXPECT_FALSE(r->bootstrap_low);
}

TEST(PsychometricsHand, AlphaListwiseDeletionAndErrors) {
  // Row 2 has a missing cell: dropped; the rest is alpha_small → same alpha 27/29.
  auto d =
      table({"i1", "i2", "i3"}, {{1, 2, 2}, {9, std::nullopt, 9}, {2, 2, 3}, {3, 4, 3}, {4, 4, 4}});
  AlphaOptions o;
  o.bootstrap_replicates = 0;
  auto r = cronbach_alpha(d, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->n_dropped, 1);
  EXPECT_NEAR(r->alpha, 27.0 / 29.0, 1e-14);
  // An item without variance is named.
  auto flat = table({"a", "b"}, {{1, 3}, {2, 3}, {3, 3}});
  auto e = cronbach_alpha(flat, o);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "b");
  // A ragged row names the row.
  auto ragged = table({"a", "b"}, {{1, 2}, {3}});
  EXPECT_EQ(cronbach_alpha(ragged, o).error().field, "row 2");
  o.bootstrap_replicates = 5;
  EXPECT_EQ(cronbach_alpha(d, o).error().field, "replicates");
}

TEST(PsychometricsHand, AlphaBootstrapIsSeededAndBracketsAlpha) {
  auto d = table({"i1", "i2", "i3"}, {{1, 2, 2},
                                      {2, 2, 3},
                                      {3, 4, 3},
                                      {4, 4, 4},
                                      {2, 3, 3},
                                      {5, 4, 5},
                                      {3, 3, 2},
                                      {4, 5, 4},
                                      {1, 1, 2},
                                      {3, 4, 4}});
  AlphaOptions o;
  o.bootstrap_replicates = 500;
  o.seed = 7;
  auto a = cronbach_alpha(d, o);
  auto b = cronbach_alpha(d, o);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a->bootstrap_low && a->bootstrap_high);
  EXPECT_EQ(*a->bootstrap_low, *b->bootstrap_low);  // same seed, same interval
  EXPECT_EQ(*a->bootstrap_high, *b->bootstrap_high);
  EXPECT_LT(*a->bootstrap_low, a->alpha);
  EXPECT_GT(*a->bootstrap_high, a->alpha);
  EXPECT_LE(*a->bootstrap_high, 1.0);
  EXPECT_GT(a->bootstrap_valid, 400);
  o.seed = 8;
  auto c = cronbach_alpha(d, o);
  EXPECT_NE(*c->bootstrap_low, *a->bootstrap_low);  // another seed, another resample
}

// icc_small.csv: 4 subjects × 2 raters: (1,2) (2,2) (3,5) (4,4).
TEST(PsychometricsHand, IntraclassCorrelations) {
  auto d = table({"r1", "r2"}, {{1, 2}, {2, 2}, {3, 5}, {4, 4}});
  auto r = intraclass_correlations(d);
  ASSERT_TRUE(r.ok()) << r.error().message;
  // Grand mean 23/8; subject means 1.5 2 4 4; rater means 2.5 3.25.
  // SSB = 2 · Σ(subject mean − 23/8)² = 10.375 → MSB = 10.375/3 = 83/24.
  // SSJ = 4 · (0.375² + 0.375²) = 1.125 → MSJ = 1.125.
  // SST = 12.875 → SSE = 12.875 − 10.375 − 1.125 = 1.375 → MSE = 1.375/3 = 11/24.
  // MSW = (SSJ + SSE)/(n(k − 1)) = 2.5/4 = 0.625.
  EXPECT_NEAR(r->msb, 83.0 / 24.0, 1e-14);
  EXPECT_NEAR(r->mse, 11.0 / 24.0, 1e-14);
  EXPECT_NEAR(r->msw, 0.625, 1e-14);
  // ICC1 = (MSB − MSW)/(MSB + MSW) = (17/6)/(49/12) = 34/49.
  EXPECT_NEAR(r->icc1.value, 34.0 / 49.0, 1e-14);
  // ICC2 = (MSB − MSE)/(MSB + MSE + k(MSJ − MSE)/n) = 3/(47/12 + 1/3) = 12/17.
  EXPECT_NEAR(r->icc2.value, 12.0 / 17.0, 1e-14);
  // ICC3 = (MSB − MSE)/(MSB + MSE) = 3/(47/12) = 36/47.
  EXPECT_NEAR(r->icc3.value, 36.0 / 47.0, 1e-14);
  // ICC1k = (MSB − MSW)/MSB = 68/83; ICC3k = (MSB − MSE)/MSB = 72/83;
  // ICC2k = (MSB − MSE)/(MSB + (MSJ − MSE)/n) = 3/(87/24) = 24/29.
  EXPECT_NEAR(r->icc1k.value, 68.0 / 83.0, 1e-14);
  EXPECT_NEAR(r->icc3k.value, 72.0 / 83.0, 1e-14);
  EXPECT_NEAR(r->icc2k.value, 24.0 / 29.0, 1e-14);
  // F: ICC1 MSB/MSW = 83/15 on (3, 4); ICC2/3 MSB/MSE = 83/11 on (3, 3).
  EXPECT_NEAR(r->icc1.F, 83.0 / 15.0, 1e-13);
  EXPECT_EQ(r->icc1.df1, 3);
  EXPECT_EQ(r->icc1.df2, 4);
  EXPECT_NEAR(r->icc3.F, 83.0 / 11.0, 1e-13);
  EXPECT_EQ(r->icc3.df2, 3);
  EXPECT_GT(r->icc3.p, 0.0);
  EXPECT_LT(r->icc3.p, 0.1);
  ASSERT_TRUE(r->icc1.ci_low && r->icc1.ci_high);
  EXPECT_LT(*r->icc1.ci_low, r->icc1.value);
  EXPECT_GT(*r->icc1.ci_high, r->icc1.value);
}

TEST(PsychometricsHand, IccRefusesRatingsWithoutResidualVariance) {
  // Rater 2 = rater 1 + 1 exactly: MSE = 0, the F ratio is undefined → an error, not NaN.
  auto d = table({"a", "b"}, {{1, 2}, {2, 3}, {3, 4}});
  auto r = intraclass_correlations(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "no_residual_variance");
}

// kappa_small.csv: table rater1 × rater2 (counts) = [2 1 1; 0 3 1; 0 0 2], n = 10.
TEST(PsychometricsHand, CohenKappa) {
  auto d = table({"rater1", "rater2"},
                 {{1, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 3}, {1, 3}});
  // Marginals: rows 4 4 2, columns 2 4 4. po = 7/10; pc = (8 + 16 + 8)/100 = 0.32.
  // kappa = (0.7 − 0.32)/(1 − 0.32) = 19/34.
  auto none = cohen_kappa(d, KappaWeights::none);
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_NEAR(none->kappa, 19.0 / 34.0, 1e-14);
  EXPECT_EQ(none->n, 10);
  EXPECT_EQ(none->levels, (std::vector<double>{1, 2, 3}));
  // Linear weights 1, 0.5, 0: wpo = 0.7 + 0.5 · 0.2 = 0.8; wpc = (32 + 0.5 · 48)/100 = 0.56
  // → (0.8 − 0.56)/0.44 = 6/11.
  auto lin = cohen_kappa(d, KappaWeights::linear);
  EXPECT_NEAR(lin->kappa, 6.0 / 11.0, 1e-14);
  // Quadratic weights 1, 0.75, 0: wpo = 0.85; wpc = 0.68 → 0.17/0.32 = 0.53125.
  auto quad = cohen_kappa(d, KappaWeights::quadratic);
  EXPECT_NEAR(quad->kappa, 0.53125, 1e-14);
  // Its upper bound passes 1 and is clipped as psych does.
  EXPECT_EQ(quad->ci_high, 1.0);
  EXPECT_TRUE(quad->clipped);
  EXPECT_LT(none->ci_low, none->kappa);
}

TEST(PsychometricsHand, KappaChecks) {
  auto three = table({"a", "b", "c"}, {{1, 1, 1}});
  EXPECT_EQ(cohen_kappa(three, KappaWeights::none).error().code, "two_raters");
  auto one = table({"a", "b"}, {{2, 2}, {2, 2}, {2, 2}});
  EXPECT_EQ(cohen_kappa(one, KappaWeights::none).error().code, "one_category");
}

// correlate_small.csv: worker 1..5, service user 2 1 4 3 6.
TEST(PsychometricsHand, VersionCorrelation) {
  auto d = table({"worker", "service_user"}, {{1, 2}, {2, 1}, {3, 4}, {4, 3}, {5, 6}});
  auto r = version_correlation(d);
  ASSERT_TRUE(r.ok()) << r.error().message;
  // Sxy = 10, Sxx = 10, Syy = 14.8 → r = 10/√148.
  const double rr = 10.0 / std::sqrt(148.0);
  EXPECT_NEAR(r->r, rr, 1e-14);
  EXPECT_EQ(r->n, 5);
  // Fisher z: tanh(atanh r ± 1.959963984540054/√2).
  const double z = std::atanh(rr), h = 1.959963984540054 / std::sqrt(2.0);
  EXPECT_NEAR(*r->ci_low, std::tanh(z - h), 1e-12);
  EXPECT_NEAR(*r->ci_high, std::tanh(z + h), 1e-12);
  // t = r √(3/(1 − r²)).
  EXPECT_NEAR(*r->t, rr * std::sqrt(3.0 / (1 - rr * rr)), 1e-12);
  EXPECT_EQ(r->df, 3);
}

TEST(PsychometricsHand, JsonUsesNullNotNaN) {
  // Three pairs: no Fisher interval (n − 3 = 0) → null in JSON with the rest present.
  auto d = table({"w", "s"}, {{1, 2}, {2, 1}, {3, 5}});
  auto r = version_correlation(d);
  ASSERT_TRUE(r.ok());
  auto j = to_json(*r);
  EXPECT_TRUE(j.at("ci_low").is_null());
  EXPECT_TRUE(j.at("r").is_number());
  auto two = table({"a", "b"}, {{1, 2}, {2, 2}, {3, 5}, {4, 4}});
  AlphaOptions o;
  o.bootstrap_replicates = 0;
  auto a = cronbach_alpha(two, o);
  ASSERT_TRUE(a.ok());
  auto ja = to_json(*a);
  EXPECT_TRUE(ja.at("items").at(0).at("alpha_if_deleted").is_null());
  EXPECT_TRUE(ja.at("notes").contains("alpha_if_deleted"));
  EXPECT_TRUE(ja.at("ci_low").is_null());
}

}  // namespace
}  // namespace cp::stats
