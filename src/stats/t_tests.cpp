// src/stats/t_tests.cpp — paired and Welch t-tests (R's t.test defaults).
#include "cp/stats/t_tests.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cp/stats/distributions.hpp"

namespace cp::stats {

namespace {

struct Moments {
  int n = 0;
  double mean = 0, var = 0;
};

// Two-pass mean and sample variance of the finite values.
Moments moments(const std::vector<double>& v) {
  Moments m;
  double s = 0;
  for (double x : v)
    if (std::isfinite(x)) { s += x; ++m.n; }
  if (m.n == 0) return m;
  m.mean = s / m.n;
  double ss = 0;
  for (double x : v)
    if (std::isfinite(x)) ss += (x - m.mean) * (x - m.mean);
  m.var = m.n > 1 ? ss / (m.n - 1) : 0.0;
  return m;
}

void finish(TTest& r, double level) {
  r.t = r.estimate / r.se;
  r.p = t_two_sided_p(r.t, r.df);
  const double q = t_quantile(0.5 + level / 2.0, r.df);
  r.ci_low = r.estimate - q * r.se;
  r.ci_high = r.estimate + q * r.se;
}

}  // namespace

cp::Result<TTest> paired_t_test(const std::vector<double>& before,
                                const std::vector<double>& after, double level) {
  if (before.size() != after.size())
    return Error::invalid("size_mismatch", "paired_t_test: before and after differ in length",
                          "after");
  if (!(level > 0 && level < 1))
    return Error::invalid("bad_level", "paired_t_test: level must be in (0, 1)", "level");
  std::vector<double> d;
  d.reserve(before.size());
  for (std::size_t i = 0; i < before.size(); ++i)
    if (std::isfinite(before[i]) && std::isfinite(after[i])) d.push_back(after[i] - before[i]);
  const Moments m = moments(d);
  if (m.n < 2)
    return Error::infeasible("too_few_pairs",
                             fmt::format("a paired t-test needs two complete pairs, found {}", m.n));
  if (!(m.var > 0))
    return Error::infeasible("constant_change", "all changes are equal: the paired t-test is undefined");
  TTest r;
  r.n = m.n;
  r.estimate = m.mean;
  r.se = std::sqrt(m.var / m.n);
  r.df = m.n - 1;
  finish(r, level);
  return r;
}

cp::Result<TTest> welch_t_test(const std::vector<double>& x, const std::vector<double>& y,
                               double level) {
  if (!(level > 0 && level < 1))
    return Error::invalid("bad_level", "welch_t_test: level must be in (0, 1)", "level");
  const Moments a = moments(x), b = moments(y);
  if (a.n < 2 || b.n < 2)
    return Error::infeasible("too_few_values",
                             fmt::format("a two-sample t-test needs two values per group, found {} and {}",
                                         a.n, b.n));
  const double va = a.var / a.n, vb = b.var / b.n;
  if (!(va + vb > 0))
    return Error::infeasible("constant_values", "both groups are constant: the t-test is undefined");
  TTest r;
  r.n = a.n + b.n;
  r.estimate = a.mean - b.mean;
  r.se = std::sqrt(va + vb);
  r.df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  finish(r, level);
  return r;
}

}  // namespace cp::stats
