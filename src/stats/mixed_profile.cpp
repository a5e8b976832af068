// src/stats/mixed_profile.cpp — the profiled (RE)ML deviance of a random-intercept model and
// its derivatives in γ, from per-cluster sufficient statistics (see mixed_profile.hpp).
#include "stats/mixed_profile.hpp"

#include <cmath>
#include <numbers>

namespace cp::stats::mixed_detail {

Profile evaluate(const SuffStats& s, double gamma, bool reml, bool second_derivatives) {
  Profile r;
  r.gamma = gamma;
  const int p = s.p;
  const Eigen::ArrayXd one_plus = 1.0 + s.ng.array() * gamma;  // 1 + n_g γ
  const Eigen::ArrayXd w = gamma / one_plus;                   // w_g
  const Eigen::ArrayXd w1 = 1.0 / one_plus.square();           // dw_g/dγ
  r.logdet_V = one_plus.log().sum();

  // A = XᵀX − Σ w_g s_g s_gᵀ ; b = Xᵀy − Σ w_g s_g t_g ; c = yᵀy − Σ w_g t_g².
  const Eigen::MatrixXd Sw = s.S.array().colwise() * w.sqrt();
  r.A = s.XtX;
  r.A.selfadjointView<Eigen::Lower>().rankUpdate(Sw.transpose(), -1.0);
  r.A = r.A.selfadjointView<Eigen::Lower>();
  const Eigen::VectorXd b = s.Xty - s.S.transpose() * (w * s.t.array()).matrix();
  const double c = s.yty - (w * s.t.array().square()).sum();

  Eigen::LLT<Eigen::MatrixXd> llt(r.A);
  if (llt.info() != Eigen::Success) return r;
  r.delta = llt.solve(b);
  r.rss = c - b.dot(r.delta);
  if (!(r.rss > 0) || !std::isfinite(r.rss)) return r;
  r.Ainv = llt.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd& L = llt.matrixL();
  r.logdet_A = 2.0 * L.diagonal().array().log().sum();

  // e_g = t_g − s_gᵀ δ : cluster sums of the fitted residual.
  const Eigen::ArrayXd e = s.t.array() - (s.S * r.delta).array();
  r.d_rss = -(w1 * e.square()).sum();  // envelope theorem: dRSS/dγ = rᵀ (dV⁻¹/dγ) r
  r.dA = -(s.S.transpose() * (s.S.array().colwise() * w1).matrix());
  const Eigen::ArrayXd n_over = s.ng.array() / one_plus;
  r.d_logdet = n_over.sum();
  if (reml) r.d_logdet += (r.Ainv.cwiseProduct(r.dA)).sum();  // tr(A⁻¹ dA)

  const double k = reml ? double(s.n - p) : double(s.n);
  const double sigma2 = r.rss / k;
  r.deviance = r.logdet_V + (reml ? r.logdet_A : 0.0) +
               k * (1.0 + std::log(2.0 * std::numbers::pi * sigma2));
  r.d_deviance = r.d_logdet + k * r.d_rss / r.rss;

  if (second_derivatives) {
    const Eigen::ArrayXd w2 = -2.0 * s.ng.array() / one_plus.cube();  // d²w_g/dγ²
    r.d2_logdet = -n_over.square().sum();
    if (reml) {
      const Eigen::MatrixXd d2A = -(s.S.transpose() * (s.S.array().colwise() * w2).matrix());
      const Eigen::MatrixXd AidA = r.Ainv * r.dA;
      r.d2_logdet += (r.Ainv.cwiseProduct(d2A)).sum() - (AidA.cwiseProduct(AidA.transpose())).sum();
    }
    // u = Σ w'_g s_g e_g ; dδ/dγ = −A⁻¹u ; RSS'' = −Σ w''_g e_g² − 2 uᵀA⁻¹u.
    const Eigen::VectorXd u = s.S.transpose() * (w1 * e).matrix();
    r.d2_rss = -(w2 * e.square()).sum() - 2.0 * u.dot(r.Ainv * u);
  }
  r.ok = std::isfinite(r.deviance);
  return r;
}

}  // namespace cp::stats::mixed_detail
