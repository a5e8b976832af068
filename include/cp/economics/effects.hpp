// include/cp/economics/effects.hpp — health effects over time: QALYs from EQ-5D utilities and
// years of full capability from ICECAP-A scores, by area under the curve.
#pragma once

#include <vector>

#include "cp/domain/result.hpp"

namespace cp::economics {

// Area under the curve of `values` measured at `months` (time since baseline, strictly
// increasing, first usually 0), by the trapezoid rule, in YEARS (months / 12).
// With two waves this is (v0 + v1) / 2 × (m1 − m0) / 12. No discounting (periods ≤ 1 year).
// Errors (invalid_input, field "values[i]" / "months[i]"): fewer than two waves, sizes differ,
// a value or a month that is not finite (missing waves must be handled by the caller: a
// participant with a missing wave has no AUC), months not strictly increasing.
cp::Result<double> area_under_curve_years(const std::vector<double>& values,
                                          const std::vector<double>& months);

// Two-wave shortcut used in the hot path: (v_b + v_f) / 2 × months / 12.
// Precondition: finite arguments, months > 0 (checked by the caller once for the column).
inline double auc_two_point_years(double v_b, double v_f, double months) {
  return 0.5 * (v_b + v_f) * (months / 12.0);
}

}  // namespace cp::economics
