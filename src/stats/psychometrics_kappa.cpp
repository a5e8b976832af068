// src/stats/psychometrics_kappa.cpp — Cohen's kappa for two raters, unweighted or with linear or
// quadratic weights, with the variance and confidence bounds of psych::cohen.kappa (issue 5,
// item 6). Formulas follow psych 2.2.9 cohen.kappa1 line by line (Fleiss, Cohen & Everitt 1969).
#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {

const char* to_string(KappaWeights w) {
  switch (w) {
    case KappaWeights::none:
      return "none";
    case KappaWeights::linear:
      return "linear";
    case KappaWeights::quadratic:
      return "quadratic";
  }
  return "none";
}

Result<KappaResult> cohen_kappa(const DataMatrix& data, KappaWeights weights, double alpha) {
  const char* fn = "cohen_kappa";
  if (!(alpha > 0.0 && alpha < 1.0))
    return Error::invalid("out_of_range", fmt::format("{}: alpha must be in (0, 1)", fn), "alpha");
  if (data.columns.size() != 2)
    return Error::invalid(
        "two_raters",
        fmt::format("{}: needs exactly 2 columns (two raters), got {}", fn, data.columns.size()),
        "columns");
  auto complete = listwise_complete(data, fn);
  if (!complete) return complete.error();
  const auto& rows = complete->rows;
  const std::size_t n = rows.size();
  if (n < 2)
    return Error::infeasible(
        "too_few_rows", fmt::format("{}: needs at least 2 complete pairs, got {}", fn, n), "rows");
  std::vector<double> levels;
  for (const auto& r : rows) {
    levels.push_back(r[0]);
    levels.push_back(r[1]);
  }
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  const std::size_t L = levels.size();
  if (L < 2)
    return Error::infeasible("one_category",
                             fmt::format("{}: both raters used one category only ({}); kappa is "
                                         "undefined",
                                         fn, levels.front()),
                             "rows");
  auto index = [&](double v) {
    return static_cast<std::size_t>(std::lower_bound(levels.begin(), levels.end(), v) -
                                    levels.begin());
  };
  // Table of proportions x[i][j]: rater 1 in category i, rater 2 in category j.
  std::vector<std::vector<double>> x(L, std::vector<double>(L, 0.0));
  const double tot = static_cast<double>(n);
  for (const auto& r : rows) x[index(r[0])][index(r[1])] += 1.0 / tot;
  std::vector<double> rs(L, 0.0), cs(L, 0.0);
  for (std::size_t i = 0; i < L; ++i)
    for (std::size_t j = 0; j < L; ++j) {
      rs[i] += x[i][j];
      cs[j] += x[i][j];
    }

  KappaResult out;
  out.weights = weights;
  out.n = static_cast<int>(n);
  out.n_dropped = complete->dropped;
  out.levels = levels;
  double estimate = 0, variance = 0;
  if (weights == KappaWeights::none) {
    double po = 0, pc = 0;
    for (std::size_t i = 0; i < L; ++i) {
      po += x[i][i];
      pc += rs[i] * cs[i];
    }
    estimate = (po - pc) / (1 - pc);
    double diag = 0, all = 0, diag2 = 0;
    for (std::size_t i = 0; i < L; ++i) {
      const double d = (1 - pc) - (rs[i] + cs[i]) * (1 - po);
      diag += x[i][i] * d * d;
      diag2 += x[i][i] * (cs[i] + rs[i]) * (cs[i] + rs[i]);
      for (std::size_t j = 0; j < L; ++j) all += x[i][j] * (cs[i] + rs[j]) * (cs[i] + rs[j]);
    }
    const double last = po * pc - 2 * pc + po;
    variance = (1 / (tot * std::pow(1 - pc, 4))) *
               (diag + (1 - po) * (1 - po) * (all - diag2) - last * last);
  } else {
    const double e = weights == KappaWeights::linear ? 1.0 : 2.0;
    std::vector<std::vector<double>> w(L, std::vector<double>(L));
    for (std::size_t i = 0; i < L; ++i)
      for (std::size_t j = 0; j < L; ++j)
        w[i][j] = 1.0 - std::pow(std::fabs(static_cast<double>(i) - static_cast<double>(j)), e) /
                            std::pow(static_cast<double>(L) - 1.0, e);
    double wpo = 0, wpc = 0;
    std::vector<double> colw(L, 0.0), roww(L, 0.0);
    for (std::size_t i = 0; i < L; ++i)
      for (std::size_t j = 0; j < L; ++j) {
        wpo += w[i][j] * x[i][j];
        wpc += w[i][j] * rs[i] * cs[j];
        colw[j] += w[i][j] * cs[i];  // psych: colSums(w * cs)
        roww[i] += w[i][j] * rs[i];  // psych: rowSums(w * rs)
      }
    estimate = (wpo - wpc) / (1 - wpc);  // tr(w) = L > 0 always
    double sum = 0;
    for (std::size_t i = 0; i < L; ++i)
      for (std::size_t j = 0; j < L; ++j) {
        const double d = w[i][j] * (1 - wpc) - (colw[i] + roww[j]) * (1 - wpo);
        sum += x[i][j] * d * d;
      }
    const double last = wpo * wpc - 2 * wpc + wpo;
    variance = (1 / (tot * std::pow(1 - wpc, 4))) * (sum - last * last);
  }
  if (!std::isfinite(estimate))
    return Error::infeasible("undefined_kappa",
                             fmt::format("{}: chance agreement is 1, kappa is undefined", fn),
                             "rows");
  if (!std::isfinite(variance) || variance < 0) {
    out.variance_bad = true;
    variance = 0;
  }
  out.kappa = estimate;
  out.variance = variance;
  const double z = boost::math::quantile(boost::math::normal(0.0, 1.0), 1.0 - alpha / 2.0);
  out.ci_low = estimate - z * std::sqrt(variance);
  out.ci_high = estimate + z * std::sqrt(variance);
  for (double* b : {&out.ci_low, &out.ci_high, &out.kappa}) {
    if (*b > 1) {
      *b = 1;
      out.clipped = true;
    } else if (*b < -1) {
      *b = -1;
      out.clipped = true;
    }
  }
  return out;
}

}  // namespace cp::stats
