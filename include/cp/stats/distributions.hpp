// include/cp/stats/distributions.hpp — p-values and quantiles of the t, F and normal
// distributions (Boost.Math), with the argument checks every estimator needs.
//
// Degrees of freedom may be fractional (Satterthwaite, Barnard–Rubin). An infinite df means the
// normal limit. Callers pass finite statistics; a non-finite or non-positive df is a
// programming error upstream and gives NaN-free sentinel results documented per function.
#pragma once

namespace cp::stats {

// Two-sided p-value of a t statistic with `df` degrees of freedom: 2 P(T_df > |t|).
// Contract: t finite, df > 0 (df = +inf allowed: standard normal). Returns 1 for t = 0.
double t_two_sided_p(double t, double df);

// Quantile of Student's t: P(T_df <= q) = prob. Contract: 0 < prob < 1, df > 0 (inf allowed).
double t_quantile(double prob, double df);

// Upper tail of F(df1, df2): P(F > f). Contract: f >= 0, df1 > 0, df2 > 0.
double f_upper_p(double f, double df1, double df2);

// Standard normal quantile. Contract: 0 < prob < 1.
double normal_quantile(double prob);

}  // namespace cp::stats
