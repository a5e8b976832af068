// include/cp/stats/t_tests.hpp — one-sample/paired and two-sample t-tests as R's t.test().
#pragma once

#include <vector>

#include "cp/domain/result.hpp"

namespace cp::stats {

// Result of a t-test on a mean or a difference of means; ci at the requested level.
struct TTest {
  double estimate = 0;  // mean (paired: mean difference; two-sample: mean(x) − mean(y))
  double se = 0, t = 0, df = 0, p = 0, ci_low = 0, ci_high = 0;
  int n = 0;  // observations used (two-sample: n_x + n_y)
};

// Paired t-test of after − before, i.e. t.test(after, before, paired = TRUE); pairs with a
// NaN on either side are dropped. Errors (infeasible): fewer than two complete pairs, or all
// differences equal (zero variance, R: "data are essentially constant").
cp::Result<TTest> paired_t_test(const std::vector<double>& before,
                                const std::vector<double>& after, double level = 0.95);

// Welch two-sample t-test of mean(x) − mean(y), t.test(x, y) (var.equal = FALSE); NaNs are
// dropped. Errors (infeasible): fewer than two values in a group or zero variance in both.
cp::Result<TTest> welch_t_test(const std::vector<double>& x, const std::vector<double>& y,
                               double level = 0.95);

}  // namespace cp::stats
