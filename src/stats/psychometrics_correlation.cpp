// src/stats/psychometrics_correlation.cpp — Pearson correlation of the worker and service-user
// versions of a scale (issue 5, item 6), with R cor.test's t test and Fisher-z interval.
#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {

Result<CorrelationResult> version_correlation(const DataMatrix& data, double ci_level) {
  const char* fn = "version_correlation";
  if (!(ci_level > 0.0 && ci_level < 1.0))
    return Error::invalid("out_of_range", fmt::format("{}: ci_level must be in (0, 1)", fn),
                          "ci_level");
  if (data.columns.size() != 2)
    return Error::invalid("two_columns",
                          fmt::format("{}: needs exactly 2 columns (worker and service-user "
                                      "versions), got {}",
                                      fn, data.columns.size()),
                          "columns");
  auto complete = listwise_complete(data, fn);  // with 2 columns: pairwise complete
  if (!complete) return complete.error();
  const auto& rows = complete->rows;
  const std::size_t n = rows.size();
  if (n < 3)
    return Error::infeasible(
        "too_few_rows", fmt::format("{}: needs at least 3 complete pairs, got {}", fn, n), "rows");
  double mx = 0, my = 0;
  for (const auto& r : rows) {
    mx += r[0];
    my += r[1];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxx = 0, syy = 0, sxy = 0;
  for (const auto& r : rows) {
    sxx += (r[0] - mx) * (r[0] - mx);
    syy += (r[1] - my) * (r[1] - my);
    sxy += (r[0] - mx) * (r[1] - my);
  }
  for (std::size_t j = 0; j < 2; ++j)
    if (!((j == 0 ? sxx : syy) > 0))
      return Error::infeasible("no_variance",
                               fmt::format("{}: column '{}' has no variance", fn, data.columns[j]),
                               data.columns[j]);
  CorrelationResult out;
  out.n = static_cast<int>(n);
  out.n_dropped = complete->dropped;
  out.r = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
  out.df = static_cast<double>(n) - 2.0;
  if (std::fabs(out.r) < 1.0) {
    const double t = out.r * std::sqrt(out.df / (1.0 - out.r * out.r));
    out.t = t;
    out.p = 2.0 * boost::math::cdf(
                      boost::math::complement(boost::math::students_t(out.df), std::fabs(t)));
  } else {
    out.p = 0.0;
  }
  if (n >= 4) {
    const double z = std::atanh(out.r);
    const double q = boost::math::quantile(boost::math::normal(0.0, 1.0), (1.0 + ci_level) / 2.0);
    const double se = 1.0 / std::sqrt(static_cast<double>(n) - 3.0);
    out.ci_low = std::tanh(z - q * se);
    out.ci_high = std::tanh(z + q * se);
  }
  return out;
}

}  // namespace cp::stats
