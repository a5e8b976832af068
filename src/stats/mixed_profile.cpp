// src/stats/mixed_profile.cpp — the profiled (RE)ML deviance of a random-intercept model and
// its derivatives in γ, from per-cluster sufficient statistics (see mixed_profile.hpp).
#include "stats/mixed_profile.hpp"

#include <cmath>
#include <map>
#include <numbers>

namespace cp::stats::mixed_detail {

void pool_by_size(SuffStats& s) {
  std::map<double, int> index;  // size → k, sizes ascending
  for (Eigen::Index g = 0; g < s.ng.size(); ++g) index.emplace(s.ng[g], 0);
  const auto K = static_cast<Eigen::Index>(index.size());
  const Eigen::Index p = s.p;
  s.size.resize(K);
  s.count = Eigen::VectorXd::Zero(K);
  s.P.assign(static_cast<std::size_t>(K), Eigen::MatrixXd::Zero(p, p));
  s.q = Eigen::MatrixXd::Zero(p, K);
  s.r = Eigen::VectorXd::Zero(K);
  int k = 0;
  for (auto& [n, idx] : index) {
    s.size[k] = n;
    idx = k++;
  }
  // Rows of S grouped by size, so each P_k is one rank-update.
  std::vector<std::vector<Eigen::Index>> members(static_cast<std::size_t>(K));
  for (Eigen::Index g = 0; g < s.ng.size(); ++g) members[static_cast<std::size_t>(index[s.ng[g]])].push_back(g);
  for (Eigen::Index kk = 0; kk < K; ++kk) {
    const auto& m = members[static_cast<std::size_t>(kk)];
    Eigen::MatrixXd Sk(static_cast<Eigen::Index>(m.size()), p);
    Eigen::VectorXd tk(static_cast<Eigen::Index>(m.size()));
    for (std::size_t i = 0; i < m.size(); ++i) {
      Sk.row(static_cast<Eigen::Index>(i)) = s.S.row(m[i]);
      tk[static_cast<Eigen::Index>(i)] = s.t[m[i]];
    }
    auto& Pk = s.P[static_cast<std::size_t>(kk)];
    Pk.selfadjointView<Eigen::Lower>().rankUpdate(Sk.transpose());
    Pk = Pk.selfadjointView<Eigen::Lower>();
    s.q.col(kk) = Sk.transpose() * tk;
    s.r[kk] = tk.squaredNorm();
    s.count[kk] = static_cast<double>(m.size());
  }
}

Profile evaluate(const SuffStats& s, double gamma, bool reml, bool second_derivatives) {
  Profile r;
  r.gamma = gamma;
  const int p = s.p;
  const auto K = s.size.size();
  const Eigen::ArrayXd one_plus = 1.0 + s.size.array() * gamma;  // 1 + n_k γ
  const Eigen::ArrayXd w = gamma / one_plus;                     // w_k
  const Eigen::ArrayXd w1 = 1.0 / one_plus.square();             // dw_k/dγ
  r.logdet_V = (s.count.array() * one_plus.log()).sum();

  // A = XᵀX − Σ w_k P_k ; b = Xᵀy − Σ w_k q_k ; c = yᵀy − Σ w_k r_k ; dA/dγ = −Σ w'_k P_k.
  r.A = s.XtX;
  r.dA = Eigen::MatrixXd::Zero(p, p);
  for (Eigen::Index k = 0; k < K; ++k) {
    r.A -= w[k] * s.P[static_cast<std::size_t>(k)];
    r.dA -= w1[k] * s.P[static_cast<std::size_t>(k)];
  }
  const Eigen::VectorXd b = s.Xty - s.q * w.matrix();
  const double c = s.yty - (w * s.r.array()).sum();

  Eigen::LLT<Eigen::MatrixXd> llt(r.A);
  if (llt.info() != Eigen::Success) return r;
  r.delta = llt.solve(b);
  r.rss = c - b.dot(r.delta);
  if (!(r.rss > 0) || !std::isfinite(r.rss)) return r;
  r.Ainv = llt.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd& L = llt.matrixL();
  r.logdet_A = 2.0 * L.diagonal().array().log().sum();

  // Σ over the clusters of size n_k of e_g², e_g = t_g − s_gᵀ δ (cluster sums of the fitted
  // residual): r_k − 2 q_kᵀδ + δᵀ P_k δ.
  Eigen::ArrayXd e2(K);
  for (Eigen::Index k = 0; k < K; ++k)
    e2[k] = s.r[k] - 2.0 * s.q.col(k).dot(r.delta) +
            r.delta.dot(s.P[static_cast<std::size_t>(k)] * r.delta);
  r.d_rss = -(w1 * e2).sum();  // envelope theorem: dRSS/dγ = rᵀ (dV⁻¹/dγ) r
  const Eigen::ArrayXd n_over = s.size.array() / one_plus;
  r.d_logdet = (s.count.array() * n_over).sum();
  if (reml) r.d_logdet += (r.Ainv.cwiseProduct(r.dA)).sum();  // tr(A⁻¹ dA)

  const double k = reml ? double(s.n - p) : double(s.n);
  const double sigma2 = r.rss / k;
  r.deviance = r.logdet_V + (reml ? r.logdet_A : 0.0) +
               k * (1.0 + std::log(2.0 * std::numbers::pi * sigma2));
  r.d_deviance = r.d_logdet + k * r.d_rss / r.rss;

  if (second_derivatives) {
    const Eigen::ArrayXd w2 = -2.0 * s.size.array() / one_plus.cube();  // d²w_k/dγ²
    r.d2_logdet = -(s.count.array() * n_over.square()).sum();
    if (reml) {
      Eigen::MatrixXd d2A = Eigen::MatrixXd::Zero(p, p);
      for (Eigen::Index kk = 0; kk < K; ++kk) d2A -= w2[kk] * s.P[static_cast<std::size_t>(kk)];
      const Eigen::MatrixXd AidA = r.Ainv * r.dA;
      r.d2_logdet += (r.Ainv.cwiseProduct(d2A)).sum() - (AidA.cwiseProduct(AidA.transpose())).sum();
    }
    // u = Σ w'_g s_g e_g = Σ w'_k (q_k − P_k δ) ; dδ/dγ = −A⁻¹u ;
    // RSS'' = −Σ w''_g e_g² − 2 uᵀA⁻¹u.
    Eigen::VectorXd u = Eigen::VectorXd::Zero(p);
    for (Eigen::Index kk = 0; kk < K; ++kk)
      u += w1[kk] * (s.q.col(kk) - s.P[static_cast<std::size_t>(kk)] * r.delta);
    r.d2_rss = -(w2 * e2).sum() - 2.0 * u.dot(r.Ainv * u);
  }
  r.ok = std::isfinite(r.deviance);
  return r;
}

}  // namespace cp::stats::mixed_detail
