// tests/unit/stats/mixed_bad_input_test.cpp — fit_random_intercept and test_contrast on bad
// input (issue 6): every case returns an Error naming what is wrong, never a crash or a NaN.
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "cp/stats/mixed.hpp"

namespace cp::stats {
namespace {

struct Data {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  std::vector<int> cl;
  std::vector<std::string> names{"(Intercept)", "x"};
};

Data make(int n = 40, int G = 8) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> N;
  Data d;
  d.X.resize(n, 2);
  d.y.resize(n);
  for (int i = 0; i < n; ++i) {
    d.cl.push_back(i % G);
    d.X(i, 0) = 1;
    d.X(i, 1) = N(rng);
    d.y[i] = 1 + d.X(i, 1) + 0.5 * (i % G) + N(rng);
  }
  return d;
}

// Issue 6: malformed input is invalid_input with the argument named in `field`.
TEST(MixedBadInput, MalformedInputIsInvalid) {
  Data d = make();
  auto fit = [&](const Data& x) { return fit_random_intercept(x.X, x.y, x.cl, x.names); };
  ASSERT_TRUE(fit(d).ok());

  Data e = d;
  e.X.resize(0, 2);
  e.y.resize(0);
  e.cl.clear();
  EXPECT_EQ(fit(e).error().code, "empty_data");

  e = d;
  e.y.conservativeResize(39);
  EXPECT_EQ(fit(e).error().field, "y");
  e = d;
  e.cl.pop_back();
  EXPECT_EQ(fit(e).error().field, "cluster");
  e = d;
  e.names.pop_back();
  EXPECT_EQ(fit(e).error().field, "names");
  e = d;
  e.y[3] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(fit(e).error().code, "non_finite");
  e = d;
  e.X(5, 1) = std::numeric_limits<double>::infinity();
  EXPECT_EQ(fit(e).error().code, "non_finite");
  e = d;
  e.cl[0] = -1;
  EXPECT_EQ(fit(e).error().code, "bad_cluster");
  for (const auto& r : {fit(e)}) EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
}

// Issue 6: data on which the model cannot be fitted are infeasible, as lme4 refuses them.
TEST(MixedBadInput, UnfittableDataAreInfeasible) {
  Data d = make();
  auto fit = [&](const Data& x) { return fit_random_intercept(x.X, x.y, x.cl, x.names); };
  Data e = d;
  std::fill(e.cl.begin(), e.cl.end(), 0);
  EXPECT_EQ(fit(e).error().code, "one_cluster");
  EXPECT_EQ(fit(e).error().kind, ErrorKind::infeasible);
  e = d;
  for (int i = 0; i < 40; ++i) e.cl[i] = i;  // every row its own cluster (lme4 refuses too)
  EXPECT_EQ(fit(e).error().code, "too_many_clusters");
  e = d;
  e.X.col(1) = 2.0 * e.X.col(0);  // collinear with the intercept
  EXPECT_EQ(fit(e).error().code, "rank_deficient");
  e = d;
  e.y = e.X * Eigen::Vector2d(1.0, 2.0);  // exact fit, no residual variance
  EXPECT_EQ(fit(e).error().code, "zero_residual");
  Data small = make(3, 2);
  small.X.conservativeResize(3, 2);
  Eigen::MatrixXd X3(3, 3);
  X3 << 1, 0, 1, 1, 1, 0, 1, 2, 5;
  EXPECT_FALSE(fit_random_intercept(X3, small.y, small.cl, {"a", "b", "c"}).ok());
}

// Issue 6: unused cluster ids are ignored; a fit has finite numbers everywhere.
TEST(MixedBadInput, GapsInClusterIdsAndFiniteOutput) {
  Data d = make();
  Data e = d;
  for (int& c : e.cl) c = 3 * c + 1;  // ids 1, 4, 7, …: gaps
  auto a = fit_random_intercept(d.X, d.y, d.cl, d.names);
  auto b = fit_random_intercept(e.X, e.y, e.cl, e.names);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->n_clusters, 8);
  EXPECT_NEAR(a->beta[1], b->beta[1], 1e-12);
  EXPECT_TRUE(a->beta.allFinite() && a->se.allFinite() && a->df.allFinite() &&
              a->p.allFinite() && a->t.allFinite());
  EXPECT_GT(a->sigma2_cluster, 0.0);
}

// Issue 6: test_contrast checks its argument.
TEST(MixedBadInput, ContrastArguments) {
  Data d = make();
  auto f = fit_random_intercept(d.X, d.y, d.cl, d.names);
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(test_contrast(*f, Eigen::VectorXd::Zero(2)).ok());
  EXPECT_FALSE(test_contrast(*f, Eigen::VectorXd::Ones(3)).ok());
  Eigen::VectorXd nan(2);
  nan << 1, std::nan("");
  EXPECT_FALSE(test_contrast(*f, nan).ok());
  EXPECT_FALSE(test_contrast(MixedFit{}, Eigen::VectorXd::Ones(0)).ok());
  // the contrast (0, 1) equals the coefficient's own test
  auto c = test_contrast(*f, Eigen::Vector2d(0, 1));
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(c->df, f->df[1]);
  EXPECT_DOUBLE_EQ(c->p, f->p[1]);
}

}  // namespace
}  // namespace cp::stats
