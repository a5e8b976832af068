// src/stats/ols.cpp — least squares by column-pivoted QR with a rank check that names the
// aliased columns (R's lm() would silently drop them; we refuse, so a result is never NA).
#include "cp/stats/ols.hpp"

#include <cmath>

#include <fmt/format.h>

namespace cp::stats {

Eigen::VectorXd OlsFit::se_model() const { return (sigma2 * bread.diagonal()).cwiseSqrt(); }

int OlsFit::index_of(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

cp::Result<OlsFit> fit_ols(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                           std::vector<std::string> names) {
  const auto n = X.rows();
  const auto p = X.cols();
  if (y.size() != n)
    return Error::invalid("size_mismatch",
                          fmt::format("fit_ols: y has {} rows but X has {}", y.size(), n), "y");
  if (static_cast<Eigen::Index>(names.size()) != p)
    return Error::invalid("size_mismatch",
                          fmt::format("fit_ols: {} names for {} columns", names.size(), p),
                          "names");
  if (p == 0) return Error::invalid("empty_design", "fit_ols: X has no columns", "X");
  if (!X.allFinite() || !y.allFinite())
    return Error::invalid("not_finite", "fit_ols: X and y must be finite", "X");
  if (n <= p)
    return Error::infeasible(
        "no_residual_df",
        fmt::format("{} complete rows are too few for {} coefficients", n, p), "n");

  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  // Same relative tolerance as R's lm (1e-7 on the diagonal of R).
  qr.setThreshold(1e-7);
  if (qr.rank() < p) {
    std::string aliased;
    for (Eigen::Index k = qr.rank(); k < p; ++k) {
      if (!aliased.empty()) aliased += ", ";
      aliased += names[qr.colsPermutation().indices()(k)];
    }
    return Error::infeasible(
        "singular_design",
        fmt::format("the design is singular: {} is collinear with the other terms", aliased),
        aliased);
  }
  OlsFit f;
  f.names = std::move(names);
  f.n = static_cast<int>(n);
  f.p = static_cast<int>(p);
  f.df_residual = f.n - f.p;
  f.beta = qr.solve(y);
  f.residuals = y - X * f.beta;
  f.rss = f.residuals.squaredNorm();
  f.sigma2 = f.rss / f.df_residual;
  // M = (XᵀX)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ.
  Eigen::MatrixXd R = qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>();
  Eigen::MatrixXd Rinv = R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
  Eigen::MatrixXd Mp = Rinv * Rinv.transpose();
  const auto& perm = qr.colsPermutation();
  f.bread = perm * Mp * perm.transpose();
  return f;
}

}  // namespace cp::stats
