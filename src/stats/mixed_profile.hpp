// src/stats/mixed_profile.hpp — internal: the profiled (RE)ML deviance of a random-intercept
// model as a function of γ = σ²_cluster / σ², evaluated from per-cluster sufficient statistics.
//
// With V_g = σ²(I + γ 1 1ᵀ), V_g⁻¹ = σ⁻²(I − w_g 1 1ᵀ) with w_g = γ / (1 + n_g γ) and
// det V_g = σ^(2 n_g) (1 + n_g γ). All sums over rows collapse to sums over clusters of
// n_g, s_g = X_gᵀ1 and t_g = 1ᵀy_g, plus the global XᵀX, Xᵀy and yᵀy. Since w_g depends on
// the cluster only through its size, the cluster sums are further pooled by size once
// (P_k = Σ s_g s_gᵀ, q_k = Σ s_g t_g, r_k = Σ t_g² over the clusters of size n_k), so an
// evaluation costs O(K p²) with K the number of distinct cluster sizes (K ≤ G; a few dozen at
// n = 100,000 in 10,000 clusters) whatever n and G are. Used only by mixed_fit.cpp.
#pragma once

#include <vector>

#include <Eigen/Dense>

namespace cp::stats::mixed_detail {

// Sufficient statistics. y is stored as the residual of the OLS fit (β = β_ols + δ), which
// leaves every γ-dependent quantity unchanged and avoids cancellation in yᵀV⁻¹y − bᵀA⁻¹b.
struct SuffStats {
  int n = 0, p = 0, G = 0;
  Eigen::MatrixXd XtX;  // p × p
  Eigen::VectorXd Xty;  // p (of the OLS residual: zero up to rounding)
  double yty = 0;       // residual sum of squares of OLS
  Eigen::MatrixXd S;    // G × p, row g = s_gᵀ
  Eigen::VectorXd t;    // G
  Eigen::VectorXd ng;   // G (as doubles)
  Eigen::VectorXd beta_ols;
  // Pooled by cluster size (fill with pool_by_size): K distinct sizes.
  Eigen::VectorXd size;             // n_k
  Eigen::VectorXd count;            // number of clusters of size n_k
  std::vector<Eigen::MatrixXd> P;   // p × p each
  Eigen::MatrixXd q;                // p × K, column k = q_k
  Eigen::VectorXd r;                // K
};

// Fills size, count, P, q, r from S, t, ng.
void pool_by_size(SuffStats& s);

// Everything the fit needs at one γ ≥ 0 (σ profiled out).
struct Profile {
  double gamma = 0;
  Eigen::MatrixXd A;      // Xᵀ(I + γZZᵀ)⁻¹X
  Eigen::MatrixXd Ainv;
  Eigen::VectorXd delta;  // β̂(γ) − β_ols
  double rss = 0;         // (y − Xβ̂)ᵀ(I + γZZᵀ)⁻¹(y − Xβ̂)
  double logdet_V = 0;    // Σ log(1 + n_g γ)
  double logdet_A = 0;
  double deviance = 0;    // profiled −2 log-likelihood (REML or ML), lme4's criterion
  double d_deviance = 0;  // d deviance / dγ
  // first and second derivatives in γ used by the Satterthwaite computations
  double d_logdet = 0, d2_logdet = 0;  // of logdet_V + (REML ? logdet_A : 0)
  double d_rss = 0, d2_rss = 0;
  Eigen::MatrixXd dA;                  // dA/dγ
  bool ok = false;                     // A positive definite and rss > 0
};

// Contract: S, t, ng consistent (rows = G), p ≥ 1, gamma ≥ 0 and finite.
Profile evaluate(const SuffStats& s, double gamma, bool reml, bool second_derivatives);

}  // namespace cp::stats::mixed_detail
