// tests/unit/stats/estimators_test.cpp — issue 6: edge cases of OLS, the cluster-robust
// variance and the t-tests (values against R are checked end to end in tests/unit/study/).
#include <cmath>

#include <gtest/gtest.h>

#include "cp/stats/cluster_robust.hpp"
#include "cp/stats/distributions.hpp"
#include "cp/stats/ols.hpp"
#include "cp/stats/t_tests.hpp"

namespace cp::stats {
namespace {

TEST(Ols, SingularDesignNamesTheAliasedColumn) {
  Eigen::MatrixXd X(5, 3);
  X << 1, 0, 0, 1, 1, 2, 1, 0, 0, 1, 1, 2, 1, 1, 2;  // column 3 = 2 × column 2
  Eigen::VectorXd y(5);
  y << 1, 2, 3, 4, 5;
  auto f = fit_ols(X, y, {"(Intercept)", "a", "b"});
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, "singular_design");
  EXPECT_NE(f.error().message.find("is collinear"), std::string::npos);
}

TEST(Ols, ExactLineHasZeroResiduals) {
  Eigen::MatrixXd X(4, 2);
  X << 1, 0, 1, 1, 1, 2, 1, 3;
  Eigen::VectorXd y(4);
  y << 1, 3, 5, 7.5;
  auto f = fit_ols(X, y, {"(Intercept)", "x"});
  ASSERT_TRUE(f.ok());
  // lm(c(1,3,5,7.5) ~ c(0,1,2,3)): intercept 0.9, slope 2.15
  EXPECT_NEAR(f->beta(0), 0.9, 1e-12);
  EXPECT_NEAR(f->beta(1), 2.15, 1e-12);
  EXPECT_EQ(f->df_residual, 2);
}

TEST(ClusterRobust, OneClusterIsInfeasible) {
  Eigen::MatrixXd X(4, 2);
  X << 1, 0, 1, 1, 1, 2, 1, 3;
  Eigen::VectorXd y(4);
  y << 1, 3, 5, 7.5;
  auto f = fit_ols(X, y, {"(Intercept)", "x"});
  ASSERT_TRUE(f.ok());
  auto cr = cluster_robust(*f, X, {0, 0, 0, 0});
  ASSERT_FALSE(cr.ok());
  EXPECT_EQ(cr.error().code, "too_few_clusters");
}

TEST(ClusterRobust, SingletonClustersGiveFiniteCr2) {
  // Every observation its own cluster: CR2 = HC2, Satterthwaite df finite and positive.
  Eigen::MatrixXd X(6, 2);
  X << 1, 0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5;
  Eigen::VectorXd y(6);
  y << 1, 2.5, 2.9, 4.2, 5.1, 7;
  auto f = fit_ols(X, y, {"(Intercept)", "x"});
  ASSERT_TRUE(f.ok());
  auto cr = cluster_robust(*f, X, {0, 1, 2, 3, 4, 5});
  ASSERT_TRUE(cr.ok());
  EXPECT_TRUE(cr->se.allFinite());
  EXPECT_GT(cr->df(1), 0.0);
  EXPECT_TRUE(std::isfinite(cr->df(1)));
  // CR1 is CR0 × J/(J−1); CR2 differs from it.
  auto c1 = cluster_robust(*f, X, {0, 1, 2, 3, 4, 5}, CrType::CR1);
  ASSERT_TRUE(c1.ok());
  EXPECT_NE(c1->se(1), cr->se(1));
}

TEST(TTests, PairedMatchesHandComputation) {
  // differences 1, 2, 3, 4: mean 2.5, sd 1.2910, se 0.6455, t 3.873, df 3
  auto t = paired_t_test({1, 1, 1, 1}, {2, 3, 4, 5});
  ASSERT_TRUE(t.ok());
  EXPECT_NEAR(t->estimate, 2.5, 1e-12);
  EXPECT_NEAR(t->t, 2.5 / (std::sqrt(5.0 / 3.0) / 2.0), 1e-12);
  EXPECT_DOUBLE_EQ(t->df, 3);
  EXPECT_NEAR(t->p, 0.030466, 1e-5);  // R: t.test(c(2,3,4,5), c(1,1,1,1), paired = TRUE)
}

TEST(TTests, ConstantChangeIsInfeasibleNotNaN) {
  auto t = paired_t_test({1, 2, 3}, {2, 3, 4});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, "constant_change");
  auto w = welch_t_test({1}, {2, 3});
  ASSERT_FALSE(w.ok());
}

TEST(Distributions, TailsAndQuantiles) {
  EXPECT_NEAR(t_two_sided_p(2.0, 10), 0.07338803, 1e-7);   // R: 2 * pt(-2, 10)
  EXPECT_NEAR(t_quantile(0.975, 10.5), 2.213840293, 1e-8);  // R: qt(0.975, 10.5)
  EXPECT_NEAR(f_upper_p(4.0, 1, 20), 0.05926553545, 1e-9);      // R: pf(4, 1, 20, lower = FALSE)
  EXPECT_NEAR(t_two_sided_p(1.959963984540054, std::numeric_limits<double>::infinity()), 0.05, 1e-12);
}

}  // namespace
}  // namespace cp::stats
