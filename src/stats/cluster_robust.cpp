// src/stats/cluster_robust.cpp — CR2/CR1 sandwich variance and clubSandwich's Satterthwaite
// df, computed cluster block by cluster block (see the header for the algebra).
#include "cp/stats/cluster_robust.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cp/stats/distributions.hpp"

namespace cp::stats {

namespace {

// Symmetric inverse square root with clubSandwich's tolerance (values <= 1e-12 -> 0).
template <class Mat>
Mat inverse_sqrt_sym(const Mat& S, bool& singular) {
  Eigen::SelfAdjointEigenSolver<Mat> es(S);
  auto v = es.eigenvalues().eval();
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    if (v(i) > 1e-12) {
      v(i) = 1.0 / std::sqrt(v(i));
    } else {
      v(i) = 0.0;
      singular = true;
    }
  }
  Mat vs = es.eigenvectors() * v.asDiagonal();
  return vs.lazyProduct(es.eigenvectors().transpose());
}

// Clusters up to this size use stack-allocated matrices and coefficient-wise products (no
// heap allocation, no blocked-GEMM packing: most clusters are this small).
constexpr int kSmall = 24;
using SmallMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kSmall, kSmall>;

}  // namespace

cp::Result<ClusterRobustFit> cluster_robust(const OlsFit& fit, const Eigen::MatrixXd& X,
                                            const std::vector<int>& cluster, CrType type,
                                            const std::vector<int>& df_for) {
  const Eigen::Index n = X.rows(), p = X.cols();
  if (static_cast<Eigen::Index>(cluster.size()) != n || fit.n != n || fit.p != p)
    return Error::invalid("size_mismatch",
                          "cluster_robust: cluster ids, X and the fit must have the same rows",
                          "cluster");
  for (int k : df_for)
    if (k < 0 || k >= p)
      return Error::invalid("bad_coefficient", fmt::format("cluster_robust: no coefficient {}", k), "df_for");
  // Group rows by cluster: order[] lists row indices cluster by cluster (ids sorted).
  std::vector<int> order(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (cluster[i] < 0)
      return Error::invalid("bad_cluster", fmt::format("cluster id of row {} is negative", i + 1),
                            "cluster");
    order[i] = static_cast<int>(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return cluster[a] < cluster[b]; });
  std::vector<Eigen::Index> start;  // start offsets into order[] of each cluster, plus end
  for (Eigen::Index k = 0; k < n; ++k)
    if (k == 0 || cluster[order[k]] != cluster[order[k - 1]]) start.push_back(k);
  start.push_back(n);
  const int J = static_cast<int>(start.size()) - 1;
  if (J < 2)
    return Error::infeasible("too_few_clusters",
                             "cluster-robust standard errors need at least two clusters",
                             "cluster");

  const Eigen::MatrixXd& M = fit.bread;
  // Xs: rows of X in cluster order; G: A_j X_j stacked in the same order.
  Eigen::MatrixXd Xs(n, p), G(n, p);
  Eigen::VectorXd es(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    Xs.row(k) = X.row(order[k]);
    es(k) = fit.residuals(order[k]);
  }
  ClusterRobustFit out;
  out.type = type;
  out.n_clusters = J;
  const Eigen::MatrixXd XM = Xs * M;  // row k = x_kᵀ M: H_jj = XM_j X_jᵀ
  Eigen::MatrixXd U(J, p);             // row j = (A_j X_j)ᵀ e_j; meat = UᵀU
  SmallMat IH, A;
  for (int j = 0; j < J; ++j) {
    const Eigen::Index s = start[j], nj = start[j + 1] - start[j];
    auto Xj = Xs.middleRows(s, nj);
    if (type == CrType::CR2 && nj == 1) {  // scalar case: A = (1 − h_ii)^(−1/2)
      const double one_minus_h = 1.0 - XM.row(s).dot(Xs.row(s));
      const double a = one_minus_h > 1e-12 ? 1.0 / std::sqrt(one_minus_h) : 0.0;
      if (!(one_minus_h > 1e-12)) ++out.n_clusters_singular;
      G.middleRows(s, 1) = a * Xj;
    } else if (type == CrType::CR2 && nj <= kSmall) {
      IH.resize(nj, nj);
      IH.noalias() = -XM.middleRows(s, nj).lazyProduct(Xj.transpose());
      IH.diagonal().array() += 1.0;
      bool singular = false;
      A = inverse_sqrt_sym(IH, singular);
      if (singular) ++out.n_clusters_singular;
      G.middleRows(s, nj).noalias() = A.lazyProduct(Xj);
    } else if (type == CrType::CR2) {
      Eigen::MatrixXd IHd = Eigen::MatrixXd::Identity(nj, nj) - XM.middleRows(s, nj) * Xj.transpose();
      bool singular = false;
      Eigen::MatrixXd Ad = inverse_sqrt_sym(IHd, singular);
      if (singular) ++out.n_clusters_singular;
      G.middleRows(s, nj).noalias() = Ad * Xj;
    } else {
      G.middleRows(s, nj) = Xj;
    }
    U.row(j).noalias() = es.segment(s, nj).transpose() * G.middleRows(s, nj);
  }
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(p, p);
  meat.selfadjointView<Eigen::Lower>().rankUpdate(U.transpose());
  meat = meat.selfadjointView<Eigen::Lower>();
  out.vcov = M * meat * M;
  if (type == CrType::CR1) out.vcov *= static_cast<double>(J) / (J - 1);
  out.se = out.vcov.diagonal().cwiseMax(0.0).cwiseSqrt();

  // Satterthwaite df per coefficient from the block sums (header).
  out.df = Eigen::VectorXd::Zero(p);
  out.t.resize(p);
  out.p = Eigen::VectorXd::Ones(p);
  for (Eigen::Index k = 0; k < p; ++k) out.t(k) = out.se(k) > 0 ? fit.beta(k) / out.se(k) : 0.0;
  std::vector<int> wanted = df_for;
  if (wanted.empty())
    for (int k = 0; k < p; ++k) wanted.push_back(k);
  Eigen::VectorXd h(p), Mh(p);
  for (int k : wanted) {
    Eigen::VectorXd w = G * M.col(k);  // g_j stacked
    double sum_d = 0, sum_d2 = 0, sum_d_hMh = 0;
    Eigen::MatrixXd S = Eigen::MatrixXd::Zero(p, p);
    for (int j = 0; j < J; ++j) {
      const Eigen::Index s = start[j], nj = start[j + 1] - start[j];
      const double d = w.segment(s, nj).squaredNorm();
      h.noalias() = Xs.middleRows(s, nj).transpose() * w.segment(s, nj);
      Mh.noalias() = M * h;
      const double hMh = h.dot(Mh);
      sum_d += d;
      sum_d2 += d * d;
      sum_d_hMh += d * hMh;
      S.noalias() += h * h.transpose();
    }
    Eigen::MatrixXd MS = M * S;
    const double E = sum_d - MS.trace();
    const double V = sum_d2 - 2.0 * sum_d_hMh + (MS * MS).trace();
    out.df(k) = (V > 0 && E > 0) ? E * E / V : 0.0;
    out.p(k) = out.df(k) > 0 ? t_two_sided_p(out.t(k), out.df(k)) : 1.0;
  }
  return out;
}

}  // namespace cp::stats
