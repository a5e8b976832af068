// src/stats/distributions.cpp — t, F and normal tail probabilities and quantiles via Boost.Math.
#include "cp/stats/distributions.hpp"

#include <cassert>
#include <cmath>
#include <limits>

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace cp::stats {

namespace {
// Above this df the t distribution is the normal one to double precision for our purposes;
// Boost's students_t also accepts large df, but not infinity.
bool is_normal_limit(double df) { return std::isinf(df) || df > 1e12; }
}  // namespace

double t_two_sided_p(double t, double df) {
  assert(std::isfinite(t) && df > 0);
  if (!std::isfinite(t) || !(df > 0)) return 1.0;
  const double a = std::fabs(t);
  if (is_normal_limit(df)) {
    boost::math::normal_distribution<double> n;
    return 2.0 * boost::math::cdf(boost::math::complement(n, a));
  }
  boost::math::students_t_distribution<double> d(df);
  return 2.0 * boost::math::cdf(boost::math::complement(d, a));
}

double t_quantile(double prob, double df) {
  assert(prob > 0 && prob < 1 && df > 0);
  if (is_normal_limit(df)) return normal_quantile(prob);
  boost::math::students_t_distribution<double> d(df);
  return boost::math::quantile(d, prob);
}

double f_upper_p(double f, double df1, double df2) {
  assert(f >= 0 && df1 > 0 && df2 > 0);
  if (!(f > 0)) return 1.0;
  boost::math::fisher_f_distribution<double> d(df1, df2);
  return boost::math::cdf(boost::math::complement(d, f));
}

double normal_quantile(double prob) {
  assert(prob > 0 && prob < 1);
  boost::math::normal_distribution<double> n;
  return boost::math::quantile(n, prob);
}

}  // namespace cp::stats
