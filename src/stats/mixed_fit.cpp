// src/stats/mixed_fit.cpp — fit_random_intercept and test_contrast: REML/ML fit of
// y ~ X + (1 | cluster) as lme4::lmer, with Satterthwaite df as lmerTest (issue 6).
//
// The profiled deviance (mixed_profile.hpp) is minimised over γ = θ² ≥ 0 (θ = σ_c/σ, lme4's
// parameter): a grid over θ locates the basin, then the root of d deviance/dγ is solved to
// machine precision (TOMS 748) inside it; a minimum at γ = 0 (derivative ≥ 0 there) is a
// singular fit. Satterthwaite df follow lmerTest: the variance parameters are (θ, σ), their
// covariance is 2 H⁻¹ with H the Hessian of the full (RE)ML deviance in (θ, σ) (Moore–Penrose
// over eigenvalues > 1e-8 as lmerTest), and the Jacobian of vcov(β̂) = σ²A⁻¹ in (θ, σ); both are
// analytic here where lmerTest uses numDeriv.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/tools/minima.hpp>
#include <boost/math/tools/roots.hpp>
#include <fmt/format.h>

#include "cp/stats/mixed.hpp"
#include "stats/mixed_profile.hpp"

namespace cp::stats {
namespace {

using mixed_detail::Profile;
using mixed_detail::SuffStats;

constexpr const char* kFn = "fit_random_intercept";

Error bad(std::string code, std::string what, std::string field) {
  return Error::invalid(std::move(code), fmt::format("{}: {}", kFn, what), std::move(field));
}

// Two-sided p-value of t with df degrees of freedom (normal when df is infinite).
double two_sided_p(double t, double df) {
  if (!std::isfinite(t)) return 0.0;
  if (!(df > 0)) return 1.0;
  if (!std::isfinite(df) || df > 1e15) {
    return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(t)));
  }
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::students_t(df), std::fabs(t)));
}

// Minimises the profiled deviance over γ ≥ 0. Returns the optimal γ (0 = boundary).
double optimise_gamma(const SuffStats& s, bool reml) {
  auto dev = [&](double theta) {
    Profile pr = mixed_detail::evaluate(s, theta * theta, reml, false);
    return pr.ok ? pr.deviance : std::numeric_limits<double>::infinity();
  };
  auto deriv = [&](double gamma) {
    Profile pr = mixed_detail::evaluate(s, gamma, reml, false);
    return pr.ok ? pr.d_deviance : std::numeric_limits<double>::quiet_NaN();
  };
  // Grid over θ: 0 and 10^-4 … 10^4 (θ is scale free: σ_c / σ).
  std::vector<double> grid{0.0};
  for (int i = 0; i <= 96; ++i) grid.push_back(std::pow(10.0, -4.0 + i / 12.0));
  std::vector<double> dv(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) dv[i] = dev(grid[i]);
  const std::size_t k = std::min_element(dv.begin(), dv.end()) - dv.begin();
  if (k == 0) {
    const double d0 = deriv(0.0);
    if (!(d0 < 0)) return 0.0;  // boundary optimum: singular fit
  }
  const double lo_t = k == 0 ? 0.0 : grid[k - 1];
  const double hi_t = k + 1 < grid.size() ? grid[k + 1] : grid[k];
  double lo = lo_t * lo_t, hi = hi_t * hi_t;
  const double dlo = deriv(lo), dhi = deriv(hi);
  double best = grid[k] * grid[k];
  if (dlo < 0 && dhi > 0) {
    std::uintmax_t iters = 200;
    auto tol = boost::math::tools::eps_tolerance<double>(52);
    auto [a, b] = boost::math::tools::toms748_solve(deriv, lo, hi, dlo, dhi, tol, iters);
    best = 0.5 * (a + b);
  } else {
    auto r = boost::math::tools::brent_find_minima(dev, lo_t, hi_t, 52);
    best = r.first * r.first;
  }
  // Keep the grid point if the refinement was worse (never expected).
  if (dev(std::sqrt(best)) > dv[k]) best = grid[k] * grid[k];
  if (best > 0 && dv[0] <= dev(std::sqrt(best))) return 0.0;
  return best;
}

}  // namespace

cp::Result<MixedFit> fit_random_intercept(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                          const std::vector<int>& cluster,
                                          std::vector<std::string> names,
                                          const MixedOptions& opt) {
  const Eigen::Index n = X.rows(), p = X.cols();
  if (n == 0 || p == 0) return bad("empty_data", "X has no rows or no columns", "X");
  if (y.size() != n)
    return bad("size_mismatch", fmt::format("y has {} rows, X has {}", y.size(), n), "y");
  if (static_cast<Eigen::Index>(cluster.size()) != n)
    return bad("size_mismatch", fmt::format("cluster has {} rows, X has {}", cluster.size(), n),
               "cluster");
  if (static_cast<Eigen::Index>(names.size()) != p)
    return bad("size_mismatch", fmt::format("{} names for {} columns of X", names.size(), p),
               "names");
  for (Eigen::Index i = 0; i < n; ++i) {
    if (cluster[i] < 0) return bad("bad_cluster", fmt::format("negative cluster id at row {}", i),
                                   "cluster");
  }
  // Row by row only to name the first non-finite value (the common case is one vector pass).
  for (Eigen::Index i = 0; i < n && !(X.allFinite() && y.allFinite()); ++i) {
    if (!std::isfinite(y[i]))
      return bad("non_finite", fmt::format("y is not finite at row {}", i), "y");
    for (Eigen::Index j = 0; j < p; ++j)
      if (!std::isfinite(X(i, j)))
        return bad("non_finite", fmt::format("X is not finite at row {}, column {}", i, names[j]),
                   "X");
  }
  // Clusters: ids 0..max; ids that do not occur are ignored.
  const int max_id = *std::max_element(cluster.begin(), cluster.end());
  std::vector<int> remap(static_cast<std::size_t>(max_id) + 1, -1);
  int G = 0;
  for (int c : cluster)
    if (remap[c] < 0) remap[c] = G++;
  if (G < 2)
    return Error::infeasible("one_cluster", fmt::format("{}: needs at least 2 clusters, got {}",
                                                        kFn, G), "cluster");
  if (G >= n)
    return Error::infeasible(
        "too_many_clusters",
        fmt::format("{}: {} clusters for {} rows: the cluster variance is not identifiable",
                    kFn, G, n), "cluster");
  if (n <= p)
    return Error::infeasible("too_few_rows", fmt::format("{}: {} rows for {} fixed effects",
                                                         kFn, n, p), "X");

  // OLS first: rank check and the residual the sufficient statistics are built from.
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  qr.setThreshold(1e-10);
  if (qr.rank() < p)
    return Error::infeasible(
        "rank_deficient",
        fmt::format("{}: the fixed-effects design has rank {} < {} columns (collinear or "
                    "constant columns)", kFn, qr.rank(), p), "X");
  SuffStats s;
  s.n = static_cast<int>(n);
  s.p = static_cast<int>(p);
  s.G = G;
  s.beta_ols = qr.solve(y);
  const Eigen::VectorXd res = y - X * s.beta_ols;
  s.XtX = Eigen::MatrixXd::Zero(p, p);
  s.XtX.selfadjointView<Eigen::Lower>().rankUpdate(X.transpose());
  s.XtX = s.XtX.selfadjointView<Eigen::Lower>();
  s.Xty = X.transpose() * res;
  s.yty = res.squaredNorm();
  s.S = Eigen::MatrixXd::Zero(G, p);
  s.t = Eigen::VectorXd::Zero(G);
  s.ng = Eigen::VectorXd::Zero(G);
  std::vector<int> group(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const int g = group[i] = remap[cluster[i]];
    s.t[g] += res[i];
    s.ng[g] += 1.0;
  }
  for (Eigen::Index j = 0; j < p; ++j)  // column by column: X is column-major
    for (Eigen::Index i = 0; i < n; ++i) s.S(group[i], j) += X(i, j);
  if (!(s.yty > 1e-300) || s.yty <= 1e-24 * y.squaredNorm())
    return Error::infeasible("zero_residual",
                             fmt::format("{}: the fixed effects fit y exactly", kFn), "y");

  mixed_detail::pool_by_size(s);

  const bool reml = opt.reml;
  const double gamma = optimise_gamma(s, reml);
  const Profile pr = mixed_detail::evaluate(s, gamma, reml, true);
  if (!pr.ok)
    return Error::infeasible("no_fit", fmt::format("{}: the likelihood could not be evaluated "
                                                   "at its optimum", kFn));

  MixedFit f;
  f.names = std::move(names);
  f.reml = reml;
  f.n = s.n;
  f.n_clusters = G;
  f.df_residual = s.n - s.p;
  f.df_residual_lme4 = s.n - s.p - 2;
  const double k = reml ? double(s.n - s.p) : double(s.n);
  const double sigma2 = pr.rss / k;
  const double sigma = std::sqrt(sigma2);
  const double theta = std::sqrt(gamma);
  f.singular = gamma == 0.0;
  f.sigma2_residual = sigma2;
  f.sigma2_cluster = gamma * sigma2;
  f.criterion = pr.deviance;
  f.log_likelihood = -0.5 * pr.deviance;
  f.beta = s.beta_ols + pr.delta;
  f.vcov = sigma2 * pr.Ainv;
  f.se = f.vcov.diagonal().cwiseSqrt();

  // Satterthwaite ingredients (lmerTest), analytic. Full deviance in (θ, σ):
  // D = f(θ²) + R(θ²)/σ² + k log(2πσ²), f = log|I + γZZᵀ| (+ log|A| for REML).
  const double f1 = pr.d_logdet, f2 = pr.d2_logdet, R = pr.rss, R1 = pr.d_rss, R2 = pr.d2_rss;
  Eigen::Matrix2d H;
  H(0, 0) = 2.0 * (f1 + R1 / sigma2) + 4.0 * gamma * (f2 + R2 / sigma2);
  H(1, 1) = 6.0 * R / (sigma2 * sigma2) - 2.0 * k / sigma2;
  H(0, 1) = H(1, 0) = -4.0 * theta * R1 / (sigma2 * sigma);
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(H);
  Eigen::Matrix2d hinv = Eigen::Matrix2d::Zero();
  for (int i = 0; i < 2; ++i) {
    const double ev = eig.eigenvalues()[i];
    if (ev > 1e-8) hinv += eig.eigenvectors().col(i) * eig.eigenvectors().col(i).transpose() / ev;
  }
  f.varpar_cov = 2.0 * hinv;
  f.vcov_jacobian = {-2.0 * theta * sigma2 * pr.Ainv * pr.dA * pr.Ainv, 2.0 * sigma * pr.Ainv};

  f.df.resize(p);
  f.t.resize(p);
  f.p.resize(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    Eigen::VectorXd L = Eigen::VectorXd::Zero(p);
    L[j] = 1.0;
    auto ct = test_contrast(f, L);
    f.df[j] = ct->df;
    f.t[j] = ct->t;
    f.p[j] = ct->p;
  }
  return f;
}

cp::Result<ContrastTest> test_contrast(const MixedFit& fit, const Eigen::VectorXd& L) {
  const Eigen::Index p = fit.beta.size();
  if (p == 0 || fit.vcov_jacobian.size() != 2)
    return Error::invalid("not_fitted", "test_contrast: the fit has no Satterthwaite state", "fit");
  if (L.size() != p)
    return Error::invalid("size_mismatch",
                          fmt::format("test_contrast: L has {} entries for {} fixed effects",
                                      L.size(), p), "L");
  if (!L.allFinite())
    return Error::invalid("non_finite", "test_contrast: L is not finite", "L");
  if (L.cwiseAbs().maxCoeff() == 0.0)
    return Error::invalid("zero_contrast", "test_contrast: L is all zero", "L");
  ContrastTest c;
  c.estimate = L.dot(fit.beta);
  const double var = L.dot(fit.vcov * L);
  c.se = std::sqrt(std::max(var, 0.0));
  const Eigen::Vector2d g(L.dot(fit.vcov_jacobian[0] * L), L.dot(fit.vcov_jacobian[1] * L));
  const double denom = g.dot(fit.varpar_cov * g);
  // denom = 0 only when vcov(β̂) does not depend on the variance parameters: treat as
  // infinite df (normal reference) rather than returning NaN.
  c.df = denom > 0 ? 2.0 * var * var / denom : std::numeric_limits<double>::infinity();
  c.t = c.se > 0 ? c.estimate / c.se : 0.0;
  c.p = two_sided_p(c.t, c.df);
  return c;
}

}  // namespace cp::stats
