// include/cp/stats/rubin.hpp — Rubin's rules for m estimates of one scalar, as mice::pool.scalar.
//
// ubar = mean of the variances, b = variance of the estimates, t = ubar + (1 + 1/m) b,
// riv = (1 + 1/m) b / ubar, lambda = (1 + 1/m) b / t, Barnard–Rubin df with complete-data df
// `dfcom`, fmi = (riv + 2 / (df + 3)) / (1 + riv) as mice, CI and two-sided p from t(df).
#pragma once

#include <vector>

#include "cp/domain/result.hpp"

namespace cp::stats {

struct PooledEstimate {
  int m = 0;
  double estimate = 0, ubar = 0, b = 0, t = 0, se = 0, dfcom = 0, df = 0, riv = 0, lambda = 0,
         fmi = 0, ci_low = 0, ci_high = 0, p = 0;
};

// Contract: estimates.size() == variances.size() >= 1, all finite, variances >= 0, dfcom > 0
// (use std::numeric_limits<double>::infinity() for a large-sample df). With m = 1 there is no
// between-imputation variance: b = 0 and df = dfcom. Violations give a PooledEstimate with
// m = 0 and all fields 0 (never NaN); use pool_scalar_checked to get an Error instead.
PooledEstimate pool_scalar(const std::vector<double>& estimates,
                           const std::vector<double>& variances, double dfcom);

// The same, with the contract checked: invalid_input naming the argument that violates it.
cp::Result<PooledEstimate> pool_scalar_checked(const std::vector<double>& estimates,
                                               const std::vector<double>& variances,
                                               double dfcom);

}  // namespace cp::stats
