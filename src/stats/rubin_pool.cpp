// src/stats/rubin_pool.cpp — Rubin's rules for one scalar with Barnard–Rubin df, computed as
// mice 3.15 pool.scalar / pool (issue 6).
//
// mice: qbar = mean(Q); ubar = mean(U); b = var(Q); t = ubar + (1 + 1/m) b;
// lambda = (1 + 1/m) b / t; riv = (1 + 1/m) b / ubar;
// barnard.rubin: lambda' = max(lambda, 1e-4); dfold = (m − 1) / lambda'²;
//   dfobs = (dfcom + 1) / (dfcom + 3) · dfcom · (1 − lambda'); df = dfold·dfobs / (dfold + dfobs)
//   (df = dfold when dfcom is infinite); fmi = (riv + 2 / (df + 3)) / (riv + 1).
// CI = qbar ± t(0.975, df) · sqrt(t); p = 2 P(T_df > |qbar / sqrt(t)|).
#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include "cp/stats/rubin.hpp"

namespace cp::stats {
namespace {

// Quantile and two-sided p of t(df); the normal for infinite df.
double t_quantile(double prob, double df) {
  if (!std::isfinite(df) || df > 1e15) return boost::math::quantile(boost::math::normal(), prob);
  return boost::math::quantile(boost::math::students_t(df), prob);
}
double t_two_sided_p(double z, double df) {
  if (!std::isfinite(z)) return 0.0;
  if (!std::isfinite(df) || df > 1e15)
    return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::students_t(df), std::fabs(z)));
}

PooledEstimate pool_unchecked(const std::vector<double>& q, const std::vector<double>& u,
                              double dfcom) {
  PooledEstimate r;
  const int m = static_cast<int>(q.size());
  r.m = m;
  r.dfcom = dfcom;
  double sq = 0, su = 0;
  for (int i = 0; i < m; ++i) {
    sq += q[i];
    su += u[i];
  }
  r.estimate = sq / m;
  r.ubar = su / m;
  double ss = 0;
  for (int i = 0; i < m; ++i) ss += (q[i] - r.estimate) * (q[i] - r.estimate);
  r.b = m > 1 ? ss / (m - 1) : 0.0;
  const double inflate = 1.0 + 1.0 / m;
  r.t = r.ubar + inflate * r.b;
  r.se = std::sqrt(r.t);
  r.riv = r.ubar > 0 ? inflate * r.b / r.ubar : (r.b > 0 ? std::numeric_limits<double>::infinity() : 0.0);
  r.lambda = r.t > 0 ? inflate * r.b / r.t : 0.0;
  if (m == 1) {
    r.df = dfcom;
  } else {
    const double lam = std::max(r.lambda, 1e-4);
    const double dfold = (m - 1) / (lam * lam);
    if (std::isinf(dfcom)) {
      r.df = dfold;
    } else {
      const double dfobs = (dfcom + 1.0) / (dfcom + 3.0) * dfcom * (1.0 - lam);
      r.df = dfold * dfobs / (dfold + dfobs);
    }
  }
  r.fmi = std::isinf(r.riv) ? 1.0 : (r.riv + 2.0 / (r.df + 3.0)) / (r.riv + 1.0);
  if (r.se > 0) {
    const double tq = t_quantile(0.975, r.df);
    r.ci_low = r.estimate - tq * r.se;
    r.ci_high = r.estimate + tq * r.se;
    r.p = t_two_sided_p(r.estimate / r.se, r.df);
  } else {
    r.ci_low = r.ci_high = r.estimate;
    r.p = r.estimate == 0 ? 1.0 : 0.0;
  }
  return r;
}

}  // namespace

cp::Result<PooledEstimate> pool_scalar_checked(const std::vector<double>& estimates,
                                               const std::vector<double>& variances,
                                               double dfcom) {
  if (estimates.empty())
    return Error::invalid("empty", "pool_scalar: no estimates", "estimates");
  if (estimates.size() != variances.size())
    return Error::invalid("size_mismatch",
                          fmt::format("pool_scalar: {} estimates but {} variances",
                                      estimates.size(), variances.size()), "variances");
  for (std::size_t i = 0; i < estimates.size(); ++i) {
    if (!std::isfinite(estimates[i]))
      return Error::invalid("non_finite", fmt::format("pool_scalar: estimate {} is not finite", i),
                            "estimates");
    if (!std::isfinite(variances[i]) || variances[i] < 0)
      return Error::invalid("bad_variance",
                            fmt::format("pool_scalar: variance {} is negative or not finite", i),
                            "variances");
  }
  if (std::isnan(dfcom) || !(dfcom > 0))
    return Error::invalid("bad_dfcom", "pool_scalar: dfcom must be positive (or infinite)", "dfcom");
  return pool_unchecked(estimates, variances, dfcom);
}

PooledEstimate pool_scalar(const std::vector<double>& estimates,
                           const std::vector<double>& variances, double dfcom) {
  auto r = pool_scalar_checked(estimates, variances, dfcom);
  return r.ok() ? *r : PooledEstimate{};
}

}  // namespace cp::stats
