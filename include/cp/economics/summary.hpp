// include/cp/economics/summary.hpp — from increments to decisions: ICER and quadrant, bootstrap
// percentiles (boot's interpolation and R's type 7), CE-plane shares, CEAC and net monetary
// benefit over a threshold grid.
#pragma once

#include <vector>

#include "cp/domain/result.hpp"
#include "cp/economics/cea.hpp"

namespace cp::economics {

// ICER and quadrant at the point estimates (conventions in cea.hpp, struct Icer).
// Precondition: finite arguments.
Icer classify_icer(double delta_cost, double delta_qaly);

// Percentile of a SORTED vector as boot::boot.ci(type = "perc") computes it (boot:::norm.inter):
// rk = (R + 1)·alpha; an integer rk takes that order statistic, otherwise interpolation between
// order statistics k = ⌊rk⌋ and k + 1 on the normal-quantile scale; extremes clamp.
// Precondition: sorted ascending, non-empty, 0 < alpha < 1.
double boot_percentile(const std::vector<double>& sorted, double alpha);

// Quantile type 7 (R's default) of a SORTED non-empty vector, 0 ≤ p ≤ 1.
double quantile_type7(const std::vector<double>& sorted, double p);

// Means, SDs (n − 1), percentile CIs and quadrant shares of the replicates.
// Errors: invalid_input when there are no replicates or the two vectors differ in length.
cp::Result<BootstrapSummary> summarise_replicates(std::vector<double> delta_cost,
                                                  std::vector<double> delta_qaly, int requested);

// The thresholds from, from + step, … ≤ to (+ 1e-9·step slack). Errors (field
// "economics.thresholds"): non-finite, negative from, to < from, step ≤ 0, > 100,001 points.
cp::Result<std::vector<double>> threshold_grid(const ThresholdRange& range);

// Share of replicates with λ·ΔQ − ΔC > 0 (strict, as the r-anchor pipeline).
double prob_cost_effective(const std::vector<double>& delta_cost,
                           const std::vector<double>& delta_qaly, double lambda);

}  // namespace cp::economics
