// include/cp/stats/ols.hpp — ordinary least squares, as R's lm() for a full-rank design.
//
// The fit keeps what the cluster-robust variance and the tests need: coefficients, residuals,
// the bread M = (XᵀX)⁻¹, the residual variance and its degrees of freedom.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "cp/domain/result.hpp"

namespace cp::stats {

struct OlsFit {
  std::vector<std::string> names;  // one per column of X
  Eigen::VectorXd beta;            // coefficients
  Eigen::VectorXd residuals;       // y − Xβ
  Eigen::MatrixXd bread;           // M = (XᵀX)⁻¹
  double sigma2 = 0;               // residual variance, RSS / (n − p)
  double rss = 0;                  // residual sum of squares
  int n = 0, p = 0, df_residual = 0;
  Eigen::VectorXd se_model() const;  // model-based SEs √diag(σ² M), as summary(lm)
  // Index of a named coefficient, or −1.
  int index_of(const std::string& name) const;
};

// Fits y = Xβ + e by least squares (column-pivoted QR).
// Errors: invalid_input when sizes disagree, names.size() != X.cols() or a value is not
// finite; infeasible ("singular_design") when X is rank deficient — the message names the
// aliased columns — or when n <= p (no residual degrees of freedom).
cp::Result<OlsFit> fit_ols(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                           std::vector<std::string> names);

}  // namespace cp::stats
