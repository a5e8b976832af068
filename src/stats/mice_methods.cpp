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
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>

namespace cp::stats::mice_detail {
namespace {

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

void make_design(const std::vector<const double*>& columns, std::size_t n,
                 const std::vector<int>& obs, const std::vector<int>& mis, bool summaries,
                 Design& d, bool with_obs) {
  const auto p1 = static_cast<Eigen::Index>(columns.size()) + 1;
  const auto no = with_obs ? static_cast<Eigen::Index>(obs.size()) : Eigen::Index{0};
  const auto nm = static_cast<Eigen::Index>(mis.size());
  d.xo.resize(no, p1);
  d.xm.resize(nm, p1);
  d.xo.col(0).setOnes();
  d.xm.col(0).setOnes();
  if (summaries) {
    d.mean = d.sd = d.min = d.max = Eigen::RowVectorXd::Ones(p1);
    d.sd[0] = 0;
  }
  for (Eigen::Index j = 1; j < p1; ++j) {
    const double* c = columns[static_cast<std::size_t>(j - 1)];
    for (Eigen::Index i = 0; i < no; ++i) d.xo(i, j) = c[obs[static_cast<std::size_t>(i)]];
    for (Eigen::Index i = 0; i < nm; ++i) d.xm(i, j) = c[mis[static_cast<std::size_t>(i)]];
    if (summaries) {
      const Eigen::Map<const Eigen::ArrayXd> col(c, static_cast<Eigen::Index>(n));
      d.mean[j] = col.mean();
      d.sd[j] = n > 1 ? std::sqrt((col - d.mean[j]).square().sum() / double(n - 1)) : 0.0;
      d.min[j] = col.minCoeff();
      d.max[j] = col.maxCoeff();
    }
  }
}

void CrossProducts::reset(const std::vector<std::vector<double>>& columns) {
  const auto V = static_cast<Eigen::Index>(columns.size());
  const auto n = columns.empty() ? Eigen::Index{0} : static_cast<Eigen::Index>(columns[0].size());
  c.resize(V + 1, V + 1);
  c(0, 0) = static_cast<double>(n);
  for (Eigen::Index u = 0; u < V; ++u) {
    const Eigen::Map<const Eigen::VectorXd> a(columns[static_cast<std::size_t>(u)].data(), n);
    c(0, 1 + u) = c(1 + u, 0) = a.sum();
    for (Eigen::Index w = 0; w <= u; ++w) {
      const Eigen::Map<const Eigen::VectorXd> b(columns[static_cast<std::size_t>(w)].data(), n);
      c(1 + u, 1 + w) = c(1 + w, 1 + u) = a.dot(b);
    }
  }
}

void CrossProducts::update(const std::vector<std::vector<double>>& columns, std::size_t v,
                           const std::vector<int>& rows, const std::vector<double>& old_values) {
  const auto V = columns.size();
  const auto& nv = columns[v];
  const auto cv = static_cast<Eigen::Index>(1 + v);
  double d0 = 0, dvv = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double a = nv[rows[i]], b = old_values[i];
    d0 += a - b;
    dvv += a * a - b * b;
  }
  c(0, cv) += d0;
  c(cv, 0) = c(0, cv);
  c(cv, cv) += dvv;
  for (std::size_t u = 0; u < V; ++u) {
    if (u == v) continue;
    const auto& cu = columns[u];
    double du = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) du += cu[rows[i]] * (nv[rows[i]] - old_values[i]);
    const auto k = static_cast<Eigen::Index>(1 + u);
    c(k, cv) += du;
    c(cv, k) = c(k, cv);
  }
}

std::uint64_t double_order_key(double x) {
  if (x == 0.0) x = 0.0;  // −0 → +0
  const auto u = std::bit_cast<std::uint64_t>(x);
  return (u >> 63) != 0 ? ~u : (u | 0x8000000000000000ULL);
}

void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& idx,
                std::vector<std::uint64_t>& keys2, std::vector<std::uint32_t>& idx2) {
  constexpr int kBits = 11, kPasses = 6;  // 6 × 11 ≥ 64
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = keys.size();
  keys2.resize(n);
  idx2.resize(n);
  std::vector<std::uint32_t> count(kPasses * kBuckets, 0);
  for (std::uint64_t k : keys)
    for (int p = 0; p < kPasses; ++p) ++count[p * kBuckets + ((k >> (p * kBits)) & (kBuckets - 1))];
  for (int p = 0; p < kPasses; ++p) {
    std::uint32_t* c = &count[p * kBuckets];
    // A digit shared by every key leaves the order as it is: skip the pass.
    if (n == 0 || c[(keys[0] >> (p * kBits)) & (kBuckets - 1)] == n) continue;
    std::uint32_t sum = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      const std::uint32_t t = c[b];
      c[b] = sum;
      sum += t;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t to = c[(keys[i] >> (p * kBits)) & (kBuckets - 1)]++;
      keys2[to] = keys[i];
      idx2[to] = idx[i];
    }
    keys.swap(keys2);
    idx.swap(idx2);
  }
}

std::vector<double> impute_pmm(const PmmStep& st, int donors, Rng& rng, PmmScratch& s) {
  const Eigen::Index p = st.xtx.rows();
  const auto& obs = *st.obs;
  const auto& mis = *st.mis;
  const std::size_t nobs = obs.size(), nmis = mis.size();

  // .norm.draw: least squares, σ* = sqrt(RSS / χ²(df)), β* = β̂ + chol(v)ᵀ z σ*.
  const Inverse inv = invert_crossproduct(st.xtx, 1e-5);
  const Eigen::VectorXd coef = inv.v * st.xty;
  // ŷ(β̂) for every row, column by column (sequential reads, no gathered copy of X_obs).
  s.yhat.setConstant(static_cast<Eigen::Index>(st.n), coef[0]);
  for (Eigen::Index j = 1; j < p; ++j)
    s.yhat += coef[j] * Eigen::Map<const Eigen::VectorXd>(st.columns[static_cast<std::size_t>(j - 1)],
                                                          static_cast<Eigen::Index>(st.n));
  double rss = 0;
  for (int i : obs) {
    const double r = st.y[i] - s.yhat[i];
    rss += r * r;
  }
  const double df = std::max<double>(static_cast<double>(nobs) - static_cast<double>(p), 1.0);
  const double sigma_star = std::sqrt(rss / rng.chisq(df));
  Eigen::VectorXd z(p);
  for (Eigen::Index j = 0; j < p; ++j) z[j] = rng.normal();
  const Eigen::VectorXd beta_star = coef + inv.L * z * sigma_star;

  // Type-1 matching: donors ranked by |ŷ_obs(β̂) − ŷ_mis(β*)|; ties broken by a prior shuffle
  // of the observed rows (a stable sort after the shuffle keeps the shuffled order of ties).
  auto& perm = s.perm;
  perm.resize(nobs);
  for (std::size_t i = 0; i < nobs; ++i) perm[i] = static_cast<std::uint32_t>(i);
  std::shuffle(perm.begin(), perm.end(), rng.engine);
  s.keys.resize(nobs);
  for (std::size_t i = 0; i < nobs; ++i) s.keys[i] = double_order_key(s.yhat[obs[perm[i]]]);
  radix_sort(s.keys, perm, s.keys2, s.idx2);
  s.donor_yhat.resize(nobs);
  s.donor_y.resize(nobs);
  for (std::size_t i = 0; i < nobs; ++i) {
    const int row = obs[perm[i]];
    s.donor_yhat[i] = s.yhat[row];
    s.donor_y[i] = st.y[row];
  }
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(donors), nobs);
  const Eigen::VectorXd yhat_mis = *st.xm * beta_star;
  // Targets are visited in increasing order so the search position only moves forward (a
  // merge instead of one binary search per target); the random picks are then drawn in row
  // order, so the stream use does not depend on the sort.
  auto& order = s.order;
  order.resize(nmis);
  s.keys.resize(nmis);
  for (std::size_t i = 0; i < nmis; ++i) {
    order[i] = static_cast<std::uint32_t>(i);
    s.keys[i] = double_order_key(yhat_mis[static_cast<Eigen::Index>(i)]);
  }
  radix_sort(s.keys, order, s.keys2, s.idx2);
  const auto& dy = s.donor_yhat;
  auto& pools = s.pools;
  pools.resize(nmis * k);
  std::size_t pos = 0;
  for (std::uint32_t i : order) {
    const double target = yhat_mis[i];
    while (pos < nobs && dy[pos] < target) ++pos;
    std::size_t right = pos, left = pos;  // candidates are [left − 1 …] and [right …]
    for (std::size_t c = 0; c < k; ++c) {
      const bool take_left =
          right >= nobs || (left > 0 && target - dy[left - 1] <= dy[right] - target);
      pools[i * k + c] = static_cast<std::uint32_t>(take_left ? --left : right++);
    }
  }
  std::vector<double> out(nmis);
  for (std::size_t i = 0; i < nmis; ++i) out[i] = s.donor_y[pools[i * k + rng.index(k)]];
  return out;
}

std::vector<double> impute_logreg(const Design& d, const Eigen::VectorXd& yo, Eigen::VectorXd& warm,
                                  Rng& rng) {
  const Eigen::Index p1 = d.xo.cols();  // with intercept
  const Eigen::Index p = p1 - 1;        // predictors
  // mice's augment(): for each predictor, for each category c ∈ {0, 1}, two pseudo-rows at the
  // predictor means with that predictor at mean ± sd/2 (clamped to its range), outcome c,
  // weight (p + 1) / (4p). Means, sds and ranges over all rows, as mice (x is complete).
  const bool augment = p > 0 && d.xm.rows() != 1;
  const Eigen::Index nr = augment ? 4 * p : 0;
  const Eigen::Index no = d.xo.rows();
  Eigen::MatrixXd xa(no + nr, p1);
  Eigen::VectorXd ya(no + nr), wa(no + nr);
  xa.topRows(no) = d.xo;
  ya.head(no) = yo;
  wa.head(no).setOnes();
  if (augment) {
    Eigen::Index r = no;
    for (Eigen::Index j = 1; j <= p; ++j)
      for (int c = 0; c < 2; ++c)
        for (double sign : {0.5, -0.5}) {
          xa.row(r) = d.mean;
          xa(r, 0) = 1.0;
          xa(r, j) = std::clamp(d.mean[j] + sign * d.sd[j], d.min[j], d.max[j]);
          ya[r] = c;
          wa[r] = double(p + 1) / double(nr);
          ++r;
        }
  }
  // IRLS (glm.fit, logit link) from `warm` or β = 0, step-halving on a deviance increase.
  Eigen::VectorXd beta = warm.size() == p1 ? warm : Eigen::VectorXd::Zero(p1);
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
  warm = beta;
  const Eigen::VectorXd beta_star = beta + inv.L * z;
  const Eigen::VectorXd eta = d.xm * beta_star;
  std::vector<double> out(static_cast<std::size_t>(eta.size()));
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double pr = 1.0 / (1.0 + std::exp(-eta[static_cast<Eigen::Index>(i)]));
    out[i] = rng.uniform() <= pr ? 1.0 : 0.0;
  }
  return out;
}

}  // namespace cp::stats::mice_detail
