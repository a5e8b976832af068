// include/cp/stats/cluster_robust.hpp — cluster-robust ("sandwich") variance of OLS
// coefficients with small-sample corrections, and Satterthwaite degrees of freedom for single
// coefficients, exactly as R's clubSandwich::vcovCR(fit, cluster, type = "CR2") followed by
// coef_test(..., test = "Satterthwaite") for an unweighted lm() (working model: identity).
//
// CR2 (Bell & McCaffrey; Pustejovsky & Tipton 2018): adjustment A_j = (I − H_jj)^(−1/2) per
// cluster (symmetric square root, eigenvalues below 1e−12 treated as 0 like clubSandwich);
// V = M Σ_j X_jᵀ A_j e_j e_jᵀ A_j X_j M with M = (XᵀX)⁻¹. CR1: A_j = I and V scaled by J/(J−1).
// A_j is only applied to vectors (e_j and X_j M e_k); when tr H_jj < 0.05 (large n: leverages
// are tiny) it is the binomial series Σ c_k H_jj^k v summed to a 1e-16 tail bound; for a
// cluster of more than 24 rows (and more rows than coefficients) the low-rank form: thin QR
// X_j = Q T, eigen T M Tᵀ = V D Vᵀ, W = Q V, A_j = I + W diag((1 − d)^(−1/2) − 1) Wᵀ, in
// O(n_j p²) instead of O(n_j³); otherwise the eigendecomposition of I − H_jj. Same values to
// rounding (tests/unit/stats/cluster_robust_oracle_test.cpp).
//
// The Satterthwaite df of coefficient k is (Σ_j P_jj)² / Σ_jk P_jk², P_jk = g_jᵀ(I − H)_jk g_k
// with g_j = A_j X_j M e_k. Using the block structure (I − H)_jk = δ_jk I − X_j M X_kᵀ, the
// sums need only per-cluster n_j × p pieces: time O(n p²), memory O(n p); no n × n or J × J
// matrix is ever formed (clubSandwich needs J × J, 22 GB at J = 10,000).
#pragma once

#include <vector>

#include <Eigen/Dense>

#include "cp/domain/result.hpp"
#include "cp/stats/ols.hpp"

namespace cp::stats {

enum class CrType { CR1, CR2 };

struct ClusterRobustFit {
  CrType type = CrType::CR2;
  Eigen::MatrixXd vcov;  // cluster-robust covariance of β̂
  Eigen::VectorXd se;    // √diag(vcov)
  Eigen::VectorXd df;    // Satterthwaite df per coefficient (clubSandwich coef_test);
                         // 0 for a coefficient not listed in `df_for` (not computed)
  Eigen::VectorXd t, p;  // t = β/se, two-sided p from t(df) (p = 1 where df was not computed)
  int n_clusters = 0;
  int n_clusters_singular = 0;  // clusters whose I − H_jj was singular (pseudo-inverse used)
};

// Contract: `fit` came from fit_ols(X, y, …) with this X; cluster[i] is row i's cluster id,
// any non-negative ints (they need not be consecutive). `df_for` lists the coefficients whose
// Satterthwaite df is wanted (empty = all); each costs O(n p).
// Errors: invalid_input when sizes disagree, an id is negative or a df_for index is out of
// range; infeasible when there are fewer than two clusters.
cp::Result<ClusterRobustFit> cluster_robust(const OlsFit& fit, const Eigen::MatrixXd& X,
                                            const std::vector<int>& cluster,
                                            CrType type = CrType::CR2,
                                            const std::vector<int>& df_for = {});

}  // namespace cp::stats
