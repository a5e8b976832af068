// tests/unit/stats/cluster_robust_oracle_test.cpp — issue 6 part 8: the fast CR2 paths (binomial
// series of (I − H_jj)^(−1/2) when leverages are small, a low-rank form for clusters larger than
// 24 rows, A_j applied to vectors only) against a
// dense oracle written from the definition: A_j = V diag(λ^(−1/2)) Vᵀ of I − H_jj by
// eigendecomposition, V = M Σ X_jᵀA_j e_j e_jᵀA_j X_j M, Satterthwaite df from the full n × n
// (I − H) as clubSandwich (P_jk = g_jᵀ(I − H)_jk g_k).
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "cp/stats/cluster_robust.hpp"
#include "cp/stats/ols.hpp"

namespace cp::stats {
namespace {

struct Oracle {
  Eigen::MatrixXd vcov;
  double df = 0;
};

Oracle dense_cr2(const Eigen::MatrixXd& X, const Eigen::VectorXd& e, const std::vector<int>& cl, int J,
                 const Eigen::MatrixXd& M, int k) {
  const Eigen::Index n = X.rows(), p = X.cols();
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(n, p);  // rows: A_j X_j, in input order
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(p, p);
  for (int j = 0; j < J; ++j) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < n; ++i)
      if (cl[i] == j) rows.push_back(i);
    const auto nj = static_cast<Eigen::Index>(rows.size());
    Eigen::MatrixXd Xj(nj, p);
    Eigen::VectorXd ej(nj);
    for (Eigen::Index r = 0; r < nj; ++r) {
      Xj.row(r) = X.row(rows[r]);
      ej[r] = e[rows[r]];
    }
    Eigen::MatrixXd IH = Eigen::MatrixXd::Identity(nj, nj) - Xj * M * Xj.transpose();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(IH);
    // clubSandwich's tolerance: eigenvalues ≤ 1e-12 are dropped (a singular I − H_jj).
    const Eigen::VectorXd inv_sqrt =
        es.eigenvalues().unaryExpr([](double v) { return v > 1e-12 ? 1.0 / std::sqrt(v) : 0.0; });
    const Eigen::MatrixXd A = es.eigenvectors() * inv_sqrt.asDiagonal() * es.eigenvectors().transpose();
    const Eigen::MatrixXd AX = A * Xj;
    for (Eigen::Index r = 0; r < nj; ++r) G.row(rows[r]) = AX.row(r);
    const Eigen::VectorXd u = AX.transpose() * ej;
    meat += u * u.transpose();
  }
  Oracle o;
  o.vcov = M * meat * M;
  // P = Gkᵀ-blocks of (I − H): with g = G M e_k, P_jk = g_jᵀ (I − H)_jk g_k.
  const Eigen::VectorXd g = G * M.col(k);
  const Eigen::MatrixXd IHfull = Eigen::MatrixXd::Identity(n, n) - X * M * X.transpose();
  Eigen::MatrixXd P = Eigen::MatrixXd::Zero(J, J);
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b) P(cl[a], cl[b]) += g[a] * IHfull(a, b) * g[b];
  o.df = P.trace() * P.trace() / P.squaredNorm();
  return o;
}

void check(int n, int J, unsigned seed, int singular_clusters = 0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N;
  const int p = 4;
  Eigen::MatrixXd X(n, p);
  Eigen::VectorXd y(n);
  std::vector<int> cl(n);
  for (int i = 0; i < n; ++i) {
    cl[i] = i % J;  // every cluster has n / J rows
    X(i, 0) = 1;
    X(i, 1) = (cl[i] % 2);
    X(i, 2) = 40 + 10 * N(rng);
    X(i, 3) = N(rng);
    y[i] = 0.5 * X(i, 1) + 0.1 * X(i, 2) + N(rng) + 0.3 * (cl[i] % 7);
  }
  auto f = fit_ols(X, y, {"(Intercept)", "arm", "age", "z"});
  ASSERT_TRUE(f.ok());
  auto cr = cluster_robust(*f, X, cl, CrType::CR2, {1});
  ASSERT_TRUE(cr.ok());
  EXPECT_EQ(cr->n_clusters_singular, singular_clusters);
  const Oracle o = dense_cr2(X, f->residuals, cl, J, f->bread, 1);
  for (Eigen::Index a = 0; a < p; ++a)
    for (Eigen::Index b = 0; b < p; ++b)
      EXPECT_NEAR(cr->vcov(a, b), o.vcov(a, b), 1e-10 * std::abs(o.vcov(a, b)) + 1e-18) << a << "," << b;
  EXPECT_NEAR(cr->df(1), o.df, 1e-9 * o.df);
}

// n = 1,200 in 150 clusters of 8: tr H_jj ≈ p·8/1200 ≈ 0.03 < 0.05, so the series path runs.
TEST(ClusterRobust, SeriesPathMatchesDenseEigenOracle) { check(1200, 150, 7); }

// n = 60 in 6 clusters of 10: tr H_jj ≈ 0.7, so the eigendecomposition path runs.
TEST(ClusterRobust, EigenPathMatchesDenseEigenOracle) { check(60, 6, 11); }

// n = 600 in 4 clusters of 150 (> 24 rows): the low-rank path (thin QR of X_j, p × p eigen). The
// arm column is constant within a cluster, so X_j has rank 3 < p: the rank-deficient case too.
TEST(ClusterRobust, LowRankPathForLargeClustersMatchesDenseEigenOracle) { check(600, 4, 13); }

// Five clusters of 200 rows (two teams in one arm, three in the other): low-rank path.
TEST(ClusterRobust, LowRankPathHoldsForVeryLargeClusters) { check(1000, 5, 17); }

// Three clusters of 100: the middle team is alone in its arm, so its I − H_jj is singular (the
// arm effect is its own mean); the dropped eigenvalue is handled as clubSandwich does.
TEST(ClusterRobust, LowRankPathDropsASingularDirectionAsClubSandwich) { check(300, 3, 19, 1); }

}  // namespace
}  // namespace cp::stats
