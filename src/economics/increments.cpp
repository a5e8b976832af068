// src/economics/increments.cpp — ΔC and ΔQ from the moments by arm: ANCOVA closed form for OLS,
// two-step FGLS for seemingly unrelated regression (see increments.hpp for the model).
#include "cp/economics/increments.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <cmath>

namespace cp::economics {

namespace {

// R's lm drops a column whose QR residual norm is below 1e-7 of its norm: on sums of
// squares that is 1e-14 (here relative to the centred total sum of squares).
constexpr double kAliasTolerance = 1e-14;

struct Pooled {
  double n[2];
  double mean[2][kVars];
  double w[kVars][kVars];  // within-arm centred cross-products, pooled over arms
  double t[kVars][kVars];  // total centred cross-products
};

Pooled pool(const Moments& m) {
  Pooled p{};
  double n = 0.0, s[kVars] = {};
  for (int a = 0; a < 2; ++a) {
    const ArmMoments& am = m.arm[a];
    p.n[a] = am.n;
    n += am.n;
    for (int v = 0; v < kVars; ++v) {
      p.mean[a][v] = am.s[v] / am.n;
      s[v] += am.s[v];
    }
    for (int x = 0; x < kVars; ++x)
      for (int y = 0; y < kVars; ++y) {
        p.w[x][y] += am.pp(x, y) - am.s[x] * am.s[y] / am.n;
        p.t[x][y] += am.pp(x, y);
      }
  }
  for (int x = 0; x < kVars; ++x)
    for (int y = 0; y < kVars; ++y) p.t[x][y] -= s[x] * s[y] / n;
  return p;
}

bool aliased(const Pooled& p, int x) {
  return !(p.t[x][x] > 0.0) || !(p.w[x][x] > kAliasTolerance * p.t[x][x]);
}

struct Ols {
  double delta = 0.0;
  double se = 0.0;
  bool covariate_used = false;
};

// y ~ 1 + arm [+ x]: the ANCOVA closed form. x < 0 means no covariate.
Ols ols(const Pooled& p, int y, int x, bool want_se) {
  Ols r;
  const double dy = p.mean[1][y] - p.mean[0][y];
  const double n = p.n[0] + p.n[1];
  double rss = p.w[y][y];
  double var_factor = 1.0 / p.n[0] + 1.0 / p.n[1];
  int params = 2;
  if (x >= 0 && !aliased(p, x)) {
    const double beta = p.w[x][y] / p.w[x][x];
    const double dx = p.mean[1][x] - p.mean[0][x];
    r.delta = dy - beta * dx;
    rss -= beta * p.w[x][y];
    var_factor += dx * dx / p.w[x][x];
    params = 3;
    r.covariate_used = true;
  } else {
    r.delta = dy;
  }
  if (want_se && n > params) r.se = std::sqrt(std::max(rss, 0.0) / (n - params) * var_factor);
  return r;
}

using Small = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, 6, 6>;
using SmallVec = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, 6, 1>;

// Raw cross-product matrix G of z = [1, arm, cost_b, cost_f, util_b, qaly] (centred variables).
Eigen::Matrix<double, 6, 6> cross_products(const Moments& m) {
  Eigen::Matrix<double, 6, 6> g = Eigen::Matrix<double, 6, 6>::Zero();
  for (int a = 0; a < 2; ++a) {
    const ArmMoments& am = m.arm[a];
    g(0, 0) += am.n;
    if (a == 1) {
      g(1, 1) += am.n;
      g(0, 1) += am.n;
    }
    for (int v = 0; v < kVars; ++v) {
      g(0, 2 + v) += am.s[v];
      if (a == 1) g(1, 2 + v) += am.s[v];
      for (int u = 0; u < kVars; ++u) g(2 + v, 2 + u) += am.pp(v, u);
    }
  }
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < i; ++j) g(i, j) = g(j, i);
  return g;
}

Small block(const Eigen::Matrix<double, 6, 6>& g, const std::vector<int>& r,
            const std::vector<int>& c) {
  Small b(r.size(), c.size());
  for (std::size_t i = 0; i < r.size(); ++i)
    for (std::size_t j = 0; j < c.size(); ++j) b(i, j) = g(r[i], c[j]);
  return b;
}

SmallVec column(const Eigen::Matrix<double, 6, 6>& g, const std::vector<int>& r, int y) {
  SmallVec v(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) v(i) = g(r[i], y);
  return v;
}

// Two-step FGLS for the (cost, qaly) system. Returns false when Σ is singular.
bool sur(const Moments& m, const std::vector<int>& r1, const std::vector<int>& r2, bool want_se,
         Increments& out) {
  const auto g = cross_products(m);
  const int y1 = 2 + kCostF, y2 = 2 + kQaly;
  const std::vector<int>* r[2] = {&r1, &r2};
  const int y[2] = {y1, y2};
  SmallVec beta[2];
  for (int i = 0; i < 2; ++i) beta[i] = block(g, *r[i], *r[i]).ldlt().solve(column(g, *r[i], y[i]));
  const double n = g(0, 0);
  Eigen::Matrix2d sigma;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      sigma(i, j) =
          (g(y[i], y[j]) - beta[i].dot(column(g, *r[i], y[j])) -
           beta[j].dot(column(g, *r[j], y[i])) + beta[i].dot(block(g, *r[i], *r[j]) * beta[j])) /
          n;
  const double det = sigma.determinant();
  if (!(sigma(0, 0) > 0.0) || !(sigma(1, 1) > 0.0) || !(det > 1e-12 * sigma(0, 0) * sigma(1, 1)))
    return false;
  const Eigen::Matrix2d w = sigma.inverse();
  const int p1 = static_cast<int>(r1.size()), p2 = static_cast<int>(r2.size());
  Small a(p1 + p2, p1 + p2);
  SmallVec b(p1 + p2);
  const int off[2] = {0, p1};
  for (int i = 0; i < 2; ++i) {
    SmallVec bi = SmallVec::Zero(r[i]->size());
    for (int j = 0; j < 2; ++j) {
      a.block(off[i], off[j], r[i]->size(), r[j]->size()) = w(i, j) * block(g, *r[i], *r[j]);
      bi += w(i, j) * column(g, *r[i], y[j]);
    }
    b.segment(off[i], r[i]->size()) = bi;
  }
  Eigen::LDLT<Small> ldlt(a);
  if (ldlt.info() != Eigen::Success) return false;
  const SmallVec coef = ldlt.solve(b);
  out.delta_cost = coef(1);
  out.delta_qaly = coef(p1 + 1);
  if (want_se) {
    const Small cov = ldlt.solve(Small::Identity(p1 + p2, p1 + p2));
    out.se_cost = std::sqrt(std::max(cov(1, 1), 0.0));
    out.se_qaly = std::sqrt(std::max(cov(p1 + 1, p1 + 1), 0.0));
  }
  return true;
}

}  // namespace

cp::Result<Increments> estimate_increments(const Moments& m, const IncrementOptions& options) {
  for (int a = 0; a < 2; ++a)
    if (!(m.arm[a].n >= 1.0))
      return Error::infeasible("empty_arm",
                               fmt::format("estimate_increments: the {} arm has no one",
                                           a == 1 ? "intervention" : "control"),
                               "arm");
  const Pooled p = pool(m);
  Increments out;
  const Ols cost = ols(p, kCostF, options.adjust_cost ? kCostB : -1, options.want_se);
  const Ols qaly = ols(p, kQaly, kUtilB, options.want_se);
  out.delta_cost = cost.delta;
  out.se_cost = cost.se;
  out.delta_qaly = qaly.delta;
  out.se_qaly = qaly.se;
  if (options.adjust_cost && !cost.covariate_used) ++out.aliased;
  if (!qaly.covariate_used) ++out.aliased;
  if (options.sur) {
    std::vector<int> r1 = {0, 1}, r2 = {0, 1};
    if (cost.covariate_used) r1.push_back(2 + kCostB);
    if (qaly.covariate_used) r2.push_back(2 + kUtilB);
    Increments s = out;
    if (sur(m, r1, r2, options.want_se, s))
      out = s;
    else
      out.sur_fell_back = true;
  }
  return out;
}

}  // namespace cp::economics
