// src/stats/mice_methods.cpp — predictive mean matching and logistic-regression imputation,
// following mice 3.15's mice.impute.pmm / .norm.draw / estimice and mice.impute.logreg /
// augment (issue 6). Random draws come from the caller's stream, so results depend only on it.
//
// Differences from mice, all distributionally neutral: least squares by Cholesky of the
// column-scaled XᵀX instead of QR (same estimates); the ridge 1e-5·diag(XᵀX) is applied when
// XᵀX is numerically singular (mice: when solve() fails); the Cholesky factor of the posterior
// covariance is taken of the scaled matrix (any square root gives the same distribution).
#include "stats/mice_methods.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace cp::stats::mice_detail {
namespace {

Eigen::MatrixXd gather_rows(const Eigen::MatrixXd& X, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j)
    for (std::size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i), j) = X(rows[i], j);
  return out;
}

// (XᵀWX)⁻¹ and its Cholesky factor via column scaling, with mice's ridge fallback.
// Returns the scaled inverse pieces: v = (XᵀX)⁻¹ and L with L Lᵀ = v.
struct Inverse {
  Eigen::MatrixXd v;
  Eigen::MatrixXd L;
};

Inverse invert_crossproduct(const Eigen::MatrixXd& xtx, double ridge) {
  const Eigen::Index p = xtx.rows();
  Eigen::VectorXd d = xtx.diagonal();
  for (Eigen::Index j = 0; j < p; ++j) d[j] = d[j] > 0 ? 1.0 / std::sqrt(d[j]) : 1.0;
  Eigen::MatrixXd s = d.asDiagonal() * xtx * d.asDiagonal();  // unit diagonal when d > 0
  Eigen::LLT<Eigen::MatrixXd> llt(s);
  if (llt.info() != Eigen::Success || llt.rcond() < 1e-13) {
    // mice: pen = diag(xtx) · ridge → on the scaled matrix, ridge · diag(s)
    Eigen::MatrixXd pen = s;
    pen.diagonal() += ridge * s.diagonal().cwiseMax(1e-300);
    llt.compute(pen);
  }
  Eigen::MatrixXd sinv = llt.solve(Eigen::MatrixXd::Identity(p, p));
  Inverse r;
  r.v = d.asDiagonal() * sinv * d.asDiagonal();
  Eigen::LLT<Eigen::MatrixXd> vl(0.5 * (sinv + sinv.transpose()));
  r.L = d.asDiagonal() * Eigen::MatrixXd(vl.matrixL());
  return r;
}

}  // namespace

std::vector<double> impute_pmm(const Eigen::MatrixXd& X, const std::vector<double>& y,
                               const std::vector<int>& obs, const std::vector<int>& mis,
                               int donors, Rng& rng) {
  const Eigen::MatrixXd xo = gather_rows(X, obs);
  Eigen::VectorXd yo(static_cast<Eigen::Index>(obs.size()));
  for (std::size_t i = 0; i < obs.size(); ++i) yo[static_cast<Eigen::Index>(i)] = y[obs[i]];
  const Eigen::Index p = X.cols();

  // .norm.draw: least squares, σ* = sqrt(RSS / χ²(df)), β* = β̂ + chol(v)ᵀ z σ*.
  Eigen::MatrixXd xtx = Eigen::MatrixXd::Zero(p, p);
  xtx.selfadjointView<Eigen::Lower>().rankUpdate(xo.transpose());
  xtx = xtx.selfadjointView<Eigen::Lower>();
  const Inverse inv = invert_crossproduct(xtx, 1e-5);
  const Eigen::VectorXd coef = inv.v * (xo.transpose() * yo);
  const Eigen::VectorXd yhat_obs = xo * coef;
  const double rss = (yo - yhat_obs).squaredNorm();
  const double df = std::max<double>(static_cast<double>(obs.size()) - static_cast<double>(p), 1.0);
  const double sigma_star = std::sqrt(rss / rng.chisq(df));
  Eigen::VectorXd z(p);
  for (Eigen::Index j = 0; j < p; ++j) z[j] = rng.normal();
  const Eigen::VectorXd beta_star = coef + inv.L * z * sigma_star;

  // Type-1 matching: donors ranked by |ŷ_obs(β̂) − ŷ_mis(β*)|; ties broken by a prior shuffle.
  std::vector<std::pair<double, double>> donor(obs.size());  // (ŷ, y)
  for (std::size_t i = 0; i < obs.size(); ++i)
    donor[i] = {yhat_obs[static_cast<Eigen::Index>(i)], yo[static_cast<Eigen::Index>(i)]};
  std::shuffle(donor.begin(), donor.end(), rng.engine);
  std::sort(donor.begin(), donor.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t nobs = donor.size();
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(donors), nobs);
  std::vector<double> out(mis.size());
  std::vector<std::size_t> pool(k);
  for (std::size_t i = 0; i < mis.size(); ++i) {
    const double target = X.row(mis[i]).dot(beta_star);
    std::size_t right = std::lower_bound(donor.begin(), donor.end(), target,
                                         [](const auto& a, double v) { return a.first < v; }) -
                        donor.begin();
    std::size_t left = right;  // candidates are [left − 1 …] and [right …]
    for (std::size_t c = 0; c < k; ++c) {
      const bool take_left =
          right >= nobs ||
          (left > 0 && target - donor[left - 1].first <= donor[right].first - target);
      pool[c] = take_left ? --left : right++;
    }
    out[i] = donor[pool[rng.index(k)]].second;
  }
  return out;
}

std::vector<double> impute_logreg(const Eigen::MatrixXd& X, const std::vector<double>& y,
                                  const std::vector<int>& obs, const std::vector<int>& mis,
                                  Rng& rng) {
  const Eigen::Index p1 = X.cols();  // with intercept
  const Eigen::Index p = p1 - 1;     // predictors
  // mice's augment(): for each predictor, for each category c ∈ {0, 1}, two pseudo-rows at the
  // predictor means with that predictor at mean ± sd/2 (clamped to its range), outcome c,
  // weight (p + 1) / (4p). Means, sds and ranges over all rows, as mice (x is complete).
  const bool augment = p > 0 && mis.size() != 1;
  const Eigen::Index nr = augment ? 4 * p : 0;
  const Eigen::Index no = static_cast<Eigen::Index>(obs.size());
  Eigen::MatrixXd xa(no + nr, p1);
  Eigen::VectorXd ya(no + nr), wa(no + nr);
  for (Eigen::Index i = 0; i < no; ++i) {
    xa.row(i) = X.row(obs[static_cast<std::size_t>(i)]);
    ya[i] = y[obs[static_cast<std::size_t>(i)]];
    wa[i] = 1.0;
  }
  if (augment) {
    const Eigen::Index n = X.rows();
    const Eigen::RowVectorXd mean = X.colwise().mean();
    const Eigen::RowVectorXd mn = X.colwise().minCoeff(), mx = X.colwise().maxCoeff();
    Eigen::RowVectorXd sd(p1);
    for (Eigen::Index j = 0; j < p1; ++j)
      sd[j] = n > 1 ? std::sqrt((X.col(j).array() - mean[j]).square().sum() / double(n - 1)) : 0.0;
    Eigen::Index r = no;
    for (Eigen::Index j = 1; j <= p; ++j)
      for (int c = 0; c < 2; ++c)
        for (double sign : {0.5, -0.5}) {
          xa.row(r) = mean;
          xa(r, 0) = 1.0;
          xa(r, j) = std::clamp(mean[j] + sign * sd[j], mn[j], mx[j]);
          ya[r] = c;
          wa[r] = double(p + 1) / double(nr);
          ++r;
        }
  }
  // IRLS (glm.fit, logit link) from β = 0, step-halving on a deviance increase.
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(p1);
  auto deviance = [&](const Eigen::VectorXd& b) {
    const Eigen::ArrayXd eta = (xa * b).array();
    // −2 Σ w [y log μ + (1 − y) log(1 − μ)], in a form stable for large |η|
    const Eigen::ArrayXd l1pe = (eta > 0).select(eta + (-eta).exp().log1p(), eta.exp().log1p());
    return 2.0 * (wa.array() * (l1pe - ya.array() * eta)).sum();
  };
  double dev = deviance(beta);
  Eigen::MatrixXd xtwx(p1, p1);
  for (int it = 0; it < 50; ++it) {
    const Eigen::ArrayXd mu = 1.0 / (1.0 + (-(xa * beta).array()).exp());
    const Eigen::ArrayXd w = (wa.array() * mu * (1.0 - mu)).max(1e-12);
    xtwx.setZero();
    const Eigen::MatrixXd xw = xa.array().colwise() * w.sqrt();
    xtwx.selfadjointView<Eigen::Lower>().rankUpdate(xw.transpose());
    xtwx = xtwx.selfadjointView<Eigen::Lower>();
    const Eigen::VectorXd grad = xa.transpose() * (wa.array() * (ya.array() - mu)).matrix();
    const Inverse inv = invert_crossproduct(xtwx, 1e-5);
    Eigen::VectorXd step = inv.v * grad;
    double nd = deviance(beta + step);
    for (int h = 0; h < 30 && !(nd <= dev + 1e-12 * std::fabs(dev)); ++h) {
      step *= 0.5;
      nd = deviance(beta + step);
    }
    beta += step;
    const bool done = std::fabs(nd - dev) / (std::fabs(nd) + 0.1) < 1e-8;
    dev = nd;
    if (done) break;
  }
  // cov.unscaled at the estimate, β* = β̂ + chol(cov)ᵀ z.
  const Eigen::ArrayXd mu = 1.0 / (1.0 + (-(xa * beta).array()).exp());
  const Eigen::ArrayXd w = (wa.array() * mu * (1.0 - mu)).max(1e-12);
  const Eigen::MatrixXd xw = xa.array().colwise() * w.sqrt();
  xtwx.setZero();
  xtwx.selfadjointView<Eigen::Lower>().rankUpdate(xw.transpose());
  xtwx = xtwx.selfadjointView<Eigen::Lower>();
  const Inverse inv = invert_crossproduct(xtwx, 1e-5);
  Eigen::VectorXd z(p1);
  for (Eigen::Index j = 0; j < p1; ++j) z[j] = rng.normal();
  const Eigen::VectorXd beta_star = beta + inv.L * z;
  std::vector<double> out(mis.size());
  for (std::size_t i = 0; i < mis.size(); ++i) {
    const double pr = 1.0 / (1.0 + std::exp(-X.row(mis[i]).dot(beta_star)));
    out[i] = rng.uniform() <= pr ? 1.0 : 0.0;
  }
  return out;
}

}  // namespace cp::stats::mice_detail
