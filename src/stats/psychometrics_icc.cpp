// src/stats/psychometrics_icc.cpp — the six Shrout–Fleiss intraclass correlations with F tests
// and confidence bounds exactly as psych::ICC(x, lmer = FALSE) computes them (issue 5, item 6).
#include <fmt/format.h>

#include <boost/math/distributions/fisher_f.hpp>
#include <cmath>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {
namespace {

double upper_tail_f(double F, double df1, double df2) {
  if (std::isinf(F)) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::fisher_f(df1, df2), F));
}

// qf(p, df1, df2); nullopt when the degrees of freedom are not usable.
std::optional<double> qf(double p, double df1, double df2) {
  if (!(std::isfinite(df1) && std::isfinite(df2) && df1 > 0 && df2 > 0)) return std::nullopt;
  return boost::math::quantile(boost::math::fisher_f(df1, df2), p);
}

std::optional<double> finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

}  // namespace

Result<IccResult> intraclass_correlations(const DataMatrix& data, double alpha) {
  const char* fn = "intraclass_correlations";
  if (!(alpha > 0.0 && alpha < 1.0))
    return Error::invalid("out_of_range", fmt::format("{}: alpha must be in (0, 1)", fn), "alpha");
  const std::size_t k = data.columns.size();
  if (k < 2)
    return Error::invalid("too_few_raters",
                          fmt::format("{}: needs at least 2 raters (columns), got {}", fn, k),
                          "columns");
  auto complete = listwise_complete(data, fn);
  if (!complete) return complete.error();
  const auto& x = complete->rows;
  const std::size_t n = x.size();
  if (n < 2)
    return Error::infeasible("too_few_rows",
                             fmt::format("{}: needs at least 2 complete subjects, got {}", fn, n),
                             "rows");

  // Two-way ANOVA without interaction (subjects × judges), one rating per cell.
  const double dn = static_cast<double>(n), dk = static_cast<double>(k);
  std::vector<double> row_mean(n, 0.0), col_mean(k, 0.0);
  double grand = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      row_mean[i] += x[i][j] / dk;
      col_mean[j] += x[i][j] / dn;
      grand += x[i][j];
    }
  grand /= dn * dk;
  double ssb = 0, ssj = 0, sse = 0;
  for (double m : row_mean) ssb += dk * (m - grand) * (m - grand);
  for (double m : col_mean) ssj += dn * (m - grand) * (m - grand);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      const double e = x[i][j] - row_mean[i] - col_mean[j] + grand;
      sse += e * e;
    }
  const double msb = ssb / (dn - 1.0);
  const double msj = ssj / (dk - 1.0);
  const double mse = sse / ((dn - 1.0) * (dk - 1.0));
  const double msw = (ssj + sse) / ((dk - 1.0) + (dn - 1.0) * (dk - 1.0));
  if (!(mse > 1e-300) || !(msw > 1e-300))
    return Error::infeasible(
        "no_residual_variance",
        fmt::format("{}: the ratings have no residual variance (every rater agrees up to a "
                    "constant), so the F ratios are undefined",
                    fn),
        "rows");

  IccResult out;
  out.n_subjects = static_cast<int>(n);
  out.n_raters = static_cast<int>(k);
  out.n_dropped = complete->dropped;
  out.msb = msb;
  out.msw = msw;
  out.msj = msj;
  out.mse = mse;
  const double nj = dk, nobs = dn;

  const double icc1 = (msb - msw) / (msb + (nj - 1) * msw);
  const double icc2 = (msb - mse) / (msb + (nj - 1) * mse + nj * (msj - mse) / nobs);
  const double icc3 = (msb - mse) / (msb + (nj - 1) * mse);
  const double icc12 = (msb - msw) / msb;
  const double icc22 = (msb - mse) / (msb + (msj - mse) / nobs);
  const double icc32 = (msb - mse) / msb;
  const double f11 = msb / msw, df11n = nobs - 1, df11d = nobs * (nj - 1);
  const double f21 = msb / mse, df21n = nobs - 1, df21d = (nobs - 1) * (nj - 1);
  const double p11 = upper_tail_f(f11, df11n, df11d);
  const double p21 = upper_tail_f(f21, df21n, df21d);

  auto fill = [](IccValue& v, double value, double F, double d1, double d2, double p) {
    v.value = value;
    v.F = F;
    v.df1 = d1;
    v.df2 = d2;
    v.p = p;
  };
  fill(out.icc1, icc1, f11, df11n, df11d, p11);
  fill(out.icc2, icc2, f21, df21n, df21d, p21);
  fill(out.icc3, icc3, f21, df21n, df21d, p21);
  fill(out.icc1k, icc12, f11, df11n, df11d, p11);
  fill(out.icc2k, icc22, f21, df21n, df21d, p21);
  fill(out.icc3k, icc32, f21, df21n, df21d, p21);

  const double q = 1.0 - alpha / 2.0;
  const double f1l = f11 / *qf(q, df11n, df11d);
  const double f1u = f11 * *qf(q, df11d, df11n);
  out.icc1.ci_low = finite((f1l - 1) / (f1l + (nj - 1)));
  out.icc1.ci_high = finite((f1u - 1) / (f1u + nj - 1));
  const double f3l = f21 / *qf(q, df21n, df21d);
  const double f3u = f21 * *qf(q, df21d, df21n);
  out.icc3.ci_low = finite((f3l - 1) / (f3l + nj - 1));
  out.icc3.ci_high = finite((f3u - 1) / (f3u + nj - 1));
  out.icc1k.ci_low = finite(1 - 1 / f1l);
  out.icc1k.ci_high = finite(1 - 1 / f1u);
  out.icc3k.ci_low = finite(1 - 1 / f3l);
  out.icc3k.ci_high = finite(1 - 1 / f3u);

  // ICC2: Satterthwaite-type df v (psych; Shrout & Fleiss 1979, eq. for case 2).
  const double fj = msj / mse;
  const double vn = (nj - 1) * (nobs - 1) *
                    std::pow(nj * icc2 * fj + nobs * (1 + (nj - 1) * icc2) - nj * icc2, 2);
  const double vd = (nobs - 1) * nj * nj * icc2 * icc2 * fj * fj +
                    std::pow(nobs * (1 + (nj - 1) * icc2) - nj * icc2, 2);
  const double v = vn / vd;
  const auto f2u = qf(q, nobs - 1, v);
  const auto f2l = qf(q, v, nobs - 1);
  if (f2u && f2l) {
    const double l2 = nobs * (msb - *f2u * mse) /
                      (*f2u * (nj * msj + (nj * nobs - nj - nobs) * mse) + nobs * msb);
    const double u2 =
        nobs * (*f2l * msb - mse) / (nj * msj + (nj * nobs - nj - nobs) * mse + nobs * *f2l * msb);
    out.icc2.ci_low = finite(l2);
    out.icc2.ci_high = finite(u2);
    out.icc2k.ci_low = finite(l2 * nj / (1 + l2 * (nj - 1)));
    out.icc2k.ci_high = finite(u2 * nj / (1 + u2 * (nj - 1)));
  }
  return out;
}

}  // namespace cp::stats
