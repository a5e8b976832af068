// include/cp/economics/increments.hpp — incremental cost and QALYs (or capability years) between
// arms from the moments of a sample: OLS equation by equation, or SUR (two-step FGLS).
//
//   ΔQ   = arm coefficient of qaly ~ 1 + arm + utility_b
//   ΔC   = arm coefficient of cost_f ~ 1 + arm + cost_b   (or ~ 1 + arm when unadjusted)
// OLS uses the ANCOVA closed form with within-arm cross-products. A baseline covariate that
// is aliased (its within-arm sum of squares < 1e-14 of its total, as R's lm QR tolerance of
// 1e-7 on norms) is dropped from its equation, as R's lm does (counted in `aliased`).
//
// SUR: Zellner's FGLS with Σ = E'E / n from the OLS residuals (as Stata's sureg). With the
// same regressors in both equations SUR equals OLS equation by equation (Kruskal's theorem);
// here the regressors differ (cost_b vs utility_b), so SUR borrows strength across equations.
#pragma once

#include "cp/domain/result.hpp"
#include "cp/economics/sample.hpp"

namespace cp::economics {

struct IncrementOptions {
  bool adjust_cost = true;
  bool sur = false;
  bool want_se = true;  // model-based SEs (skipped in the bootstrap)
};

struct Increments {
  double delta_cost = 0.0;
  double delta_qaly = 0.0;
  double se_cost = 0.0;  // model-based (OLS or FGLS), 0 when not wanted
  double se_qaly = 0.0;
  int aliased = 0;             // covariates dropped as aliased
  bool sur_fell_back = false;  // SUR residual covariance singular: OLS used instead
};

// Errors: infeasible when an arm has no one, or too few people for the SEs (n ≤ parameters).
cp::Result<Increments> estimate_increments(const Moments& m, const IncrementOptions& options);

}  // namespace cp::economics
