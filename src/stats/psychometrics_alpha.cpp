// src/stats/psychometrics_alpha.cpp — Cronbach's alpha as psych::alpha computes it (raw and
// standardised alpha, r.drop, alpha if an item is deleted, ase, Feldt interval) and a seeded
// percentile bootstrap interval (issue 5, item 6).
#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Sample covariance matrix (denominator n − 1) of the rows picked by `index`.
Matrix covariance(const std::vector<std::vector<double>>& rows, const std::vector<int>& index,
                  std::size_t k) {
  const double n = static_cast<double>(index.size());
  std::vector<double> mean(k, 0.0);
  for (int r : index)
    for (std::size_t j = 0; j < k; ++j) mean[j] += rows[static_cast<std::size_t>(r)][j];
  for (auto& m : mean) m /= n;
  Matrix c(k, std::vector<double>(k, 0.0));
  for (int r : index) {
    const auto& x = rows[static_cast<std::size_t>(r)];
    for (std::size_t a = 0; a < k; ++a) {
      const double da = x[a] - mean[a];
      for (std::size_t b = a; b < k; ++b) c[a][b] += da * (x[b] - mean[b]);
    }
  }
  for (std::size_t a = 0; a < k; ++a)
    for (std::size_t b = a; b < k; ++b) c[b][a] = c[a][b] = c[a][b] / (n - 1.0);
  return c;
}

// Raw and standardised alpha of the items not equal to `skip` (psych alpha.1).
struct AlphaCore {
  double raw, std, average_r, Q;
};
AlphaCore alpha_core(const Matrix& c, std::size_t skip = static_cast<std::size_t>(-1)) {
  const std::size_t k = c.size();
  double sum_c = 0, tr_c = 0, sum_r = 0, tr_cc = 0, sum_cc = 0;
  double m = 0;
  for (std::size_t a = 0; a < k; ++a) {
    if (a == skip) continue;
    ++m;
    tr_c += c[a][a];
    for (std::size_t b = 0; b < k; ++b) {
      if (b == skip) continue;
      sum_c += c[a][b];
      sum_r += c[a][b] / std::sqrt(c[a][a] * c[b][b]);
      double cc = 0;  // (C C)[a][b] over the kept items
      for (std::size_t t = 0; t < k; ++t)
        if (t != skip) cc += c[a][t] * c[t][b];
      sum_cc += cc;
      if (a == b) tr_cc += cc;
    }
  }
  AlphaCore out;
  out.raw = (1.0 - tr_c / sum_c) * (m / (m - 1.0));
  out.std = (1.0 - m / sum_r) * (m / (m - 1.0));
  out.average_r = (sum_r - m) / (m * (m - 1.0));
  out.Q = (2.0 * m * m / ((m - 1.0) * (m - 1.0) * sum_c * sum_c * sum_c)) *
          (sum_c * (tr_cc + tr_c * tr_c) - 2.0 * (tr_c * sum_cc));
  return out;
}

// R's quantile(type = 7) of sorted values.
double quantile7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Unbiased draw in [0, n) from mt19937_64 (rejection), identical on every platform.
int draw(std::mt19937_64& rng, std::uint64_t n) {
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x;
  do {
    x = rng();
  } while (x >= limit);
  return static_cast<int>(x % n);
}

}  // namespace

Result<AlphaResult> cronbach_alpha(const DataMatrix& data, const AlphaOptions& options) {
  const char* fn = "cronbach_alpha";
  const std::size_t k = data.columns.size();
  if (k < 2)
    return Error::invalid("too_few_items", fmt::format("{}: needs at least 2 items, got {}", fn, k),
                          "columns");
  if (options.bootstrap_replicates != 0 &&
      (options.bootstrap_replicates < 10 || options.bootstrap_replicates > 1000000))
    return Error::invalid("out_of_range",
                          fmt::format("{}: replicates must be 0 or between 10 and 1000000, got {}",
                                      fn, options.bootstrap_replicates),
                          "replicates");
  if (!(options.ci_level > 0.0 && options.ci_level < 1.0))
    return Error::invalid("out_of_range", fmt::format("{}: ci_level must be in (0, 1)", fn),
                          "ci_level");
  auto complete = listwise_complete(data, fn);
  if (!complete) return complete.error();
  const auto& rows = complete->rows;
  const int n = static_cast<int>(rows.size());
  if (n < 3)
    return Error::infeasible(
        "too_few_rows", fmt::format("{}: needs at least 3 complete rows, got {}", fn, n), "rows");
  std::vector<int> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  const Matrix c = covariance(rows, all, k);
  for (std::size_t j = 0; j < k; ++j)
    if (!(c[j][j] > 0.0))
      return Error::infeasible("no_variance",
                               fmt::format("{}: item '{}' has no variance", fn, data.columns[j]),
                               data.columns[j]);

  AlphaResult out;
  out.n = n;
  out.n_dropped = complete->dropped;
  const auto core = alpha_core(c);
  out.alpha = core.raw;
  out.std_alpha = core.std;
  out.average_r = core.average_r;
  out.ase = std::sqrt(core.Q / n);
  // Feldt: 1 − (1 − alpha) F quantiles with df (n − 1, (n − 1)(k − 1)) (psych alpha.ci).
  {
    boost::math::fisher_f f(n - 1.0, (n - 1.0) * (static_cast<double>(k) - 1.0));
    const double tail = (1.0 - options.ci_level) / 2.0;
    out.feldt_low = 1.0 - (1.0 - core.raw) * boost::math::quantile(f, 1.0 - tail);
    out.feldt_high = 1.0 - (1.0 - core.raw) * boost::math::quantile(f, tail);
  }
  double sum_c = 0;
  for (const auto& row : c)
    for (double v : row) sum_c += v;
  for (std::size_t i = 0; i < k; ++i) {
    AlphaItem item;
    item.name = data.columns[i];
    // r.drop: cov(item, rest) / sqrt(var(item) var(rest)).
    double row_sum = 0;
    for (std::size_t b = 0; b < k; ++b) row_sum += c[i][b];
    const double c_drop = row_sum - c[i][i];
    const double v_drop = sum_c - 2.0 * row_sum + c[i][i];
    item.r_drop = c_drop / std::sqrt(c[i][i] * v_drop);
    if (k > 2) {
      const auto d = alpha_core(c, i);
      item.alpha_if_deleted = d.raw;
      item.std_alpha_if_deleted = d.std;
    }
    double mean = 0;
    for (const auto& r : rows) mean += r[i];
    item.mean = mean / n;
    item.sd = std::sqrt(c[i][i]);
    out.items.push_back(std::move(item));
  }

  out.bootstrap_replicates = options.bootstrap_replicates;
  out.bootstrap_seed = options.seed;
  if (options.bootstrap_replicates > 0) {
    std::mt19937_64 rng(options.seed);
    std::vector<double> boots;
    boots.reserve(static_cast<std::size_t>(options.bootstrap_replicates));
    std::vector<int> pick(static_cast<std::size_t>(n));
    for (int b = 0; b < options.bootstrap_replicates; ++b) {
      for (auto& p : pick) p = draw(rng, static_cast<std::uint64_t>(n));
      const Matrix cb = covariance(rows, pick, k);
      bool ok = true;
      for (std::size_t j = 0; j < k; ++j) ok = ok && cb[j][j] > 0.0;
      if (!ok) continue;
      const double a = alpha_core(cb).raw;
      if (std::isfinite(a)) boots.push_back(a);
    }
    out.bootstrap_valid = static_cast<int>(boots.size());
    if (boots.size() >= 2) {
      std::sort(boots.begin(), boots.end());
      const double tail = (1.0 - options.ci_level) / 2.0;
      out.bootstrap_low = quantile7(boots, tail);
      out.bootstrap_high = quantile7(boots, 1.0 - tail);
    }
  }
  return out;
}

}  // namespace cp::stats
