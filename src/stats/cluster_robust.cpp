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
// Below this trace of H_jj the CR2 adjustment is summed as a power series (see the loop).
constexpr double kSeriesTrace = 0.05;

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
  const int max_id = n > 0 ? *std::max_element(cluster.begin(), cluster.end()) : 0;
  if (static_cast<Eigen::Index>(max_id) <= 4 * n + 16) {
    // Counting sort by id: stable, as the stable_sort below, in O(n + max id).
    std::vector<int> first(static_cast<std::size_t>(max_id) + 2, 0);
    for (int c : cluster) ++first[static_cast<std::size_t>(c) + 1];
    for (std::size_t c = 1; c < first.size(); ++c) first[c] += first[c - 1];
    for (Eigen::Index i = 0; i < n; ++i) order[first[cluster[i]]++] = static_cast<int>(i);
  } else {
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return cluster[a] < cluster[b]; });
  }
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
  std::vector<int> wanted = df_for;
  if (wanted.empty())
    for (int k = 0; k < p; ++k) wanted.push_back(k);
  const auto W = static_cast<Eigen::Index>(wanted.size());
  // Xs: rows of X in cluster order. A_j is only ever needed applied to n_j-vectors: the
  // residuals e_j (the meat needs X_jᵀ A_j e_j) and, for each wanted coefficient k, X_j M e_k
  // (the df need g_j = A_j X_j M e_k). R holds those right-hand sides, AR the products.
  Eigen::MatrixXd Xs(n, p);
  for (Eigen::Index j = 0; j < p; ++j)  // column by column: X is column-major
    for (Eigen::Index k = 0; k < n; ++k) Xs(k, j) = X(order[k], j);
  ClusterRobustFit out;
  out.type = type;
  out.n_clusters = J;
  const Eigen::MatrixXd XM = Xs * M;  // row k = x_kᵀ M: H_jj = XM_j X_jᵀ
  Eigen::MatrixXd R(n, 1 + W), AR(n, 1 + W);
  for (Eigen::Index k = 0; k < n; ++k) R(k, 0) = fit.residuals(order[k]);
  for (Eigen::Index c = 0; c < W; ++c) R.col(1 + c) = XM.col(wanted[static_cast<std::size_t>(c)]);
  SmallMat IH, A;
  const Eigen::Index q = 1 + W;
  std::vector<double> tbuf(2 * static_cast<std::size_t>(kSmall * q));
  for (int j = 0; j < J; ++j) {
    const Eigen::Index s = start[j], nj = start[j + 1] - start[j];
    auto Xj = Xs.middleRows(s, nj);
    auto Rj = R.middleRows(s, nj);
    auto ARj = AR.middleRows(s, nj);
    if (type == CrType::CR2 && nj == 1) {  // scalar case: A = (1 − h_ii)^(−1/2)
      const double one_minus_h = 1.0 - XM.row(s).dot(Xs.row(s));
      const double a = one_minus_h > 1e-12 ? 1.0 / std::sqrt(one_minus_h) : 0.0;
      if (!(one_minus_h > 1e-12)) ++out.n_clusters_singular;
      ARj = a * Rj;
    } else if (type == CrType::CR2 && nj <= kSmall) {
      IH.resize(nj, nj);
      IH.noalias() = XM.middleRows(s, nj).lazyProduct(Xj.transpose());  // H_jj
      const double tr = IH.trace();
      if (tr >= 0 && tr < kSeriesTrace) {
        // Small leverage (large n): (I − H)^(−1/2) v = Σ_k c_k H^k v, c_k = C(2k, k)/4^k,
        // summed until the tail bound tr^(K+1)/(1 − tr) (λ_max(H) ≤ tr H, H ⪰ 0) is below
        // 1e-16; I − H is then far from singular (eigenvalues ≥ 1 − tr).
        ARj = Rj;
        Eigen::Map<Eigen::MatrixXd> T(tbuf.data(), nj, q), T2(tbuf.data() + kSmall * q, nj, q);
        T = Rj;
        double c = 1.0, tail = tr / (1.0 - tr);
        for (int k = 1; tail > 1e-16; ++k) {
          T2.noalias() = IH.lazyProduct(T);
          T = T2;
          c *= (2.0 * k - 1.0) / (2.0 * k);
          ARj += c * T;
          tail *= tr;
        }
      } else {
        IH = -IH;
        IH.diagonal().array() += 1.0;
        bool singular = false;
        A = inverse_sqrt_sym(IH, singular);
        if (singular) ++out.n_clusters_singular;
        ARj.noalias() = A.lazyProduct(Rj);
      }
    } else if (type == CrType::CR2 && nj > p) {
      // A large cluster (a team of hundreds in a regional study): H_jj = X_j M X_jᵀ has rank
      // ≤ p, so work in its column space instead of with n_j × n_j matrices (O(n_j p²), not
      // O(n_j³)). Thin QR X_j = Q T; eigen T M Tᵀ = V D Vᵀ; with W = Q V (orthonormal),
      // H_jj = W D Wᵀ and (I − H_jj)^(−1/2) = I + W diag((1 − d)^(−1/2) − 1) Wᵀ. Eigenvalues
      // 1 − d ≤ 1e-12 are dropped (the factor becomes −1) as inverse_sqrt_sym does.
      Eigen::HouseholderQR<Eigen::MatrixXd> qr(Xj);
      const Eigen::MatrixXd T = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
      const Eigen::MatrixXd B = T * M * T.transpose();
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(B);
      Eigen::VectorXd f(p);
      bool singular = false;
      for (Eigen::Index i = 0; i < p; ++i) {
        const double one_minus_d = 1.0 - es.eigenvalues()(i);
        if (one_minus_d > 1e-12) {
          f(i) = 1.0 / std::sqrt(one_minus_d) - 1.0;
        } else {
          f(i) = -1.0;
          singular = true;
        }
      }
      if (singular) ++out.n_clusters_singular;
      Eigen::MatrixXd Wj = Eigen::MatrixXd::Identity(nj, p);
      Wj = qr.householderQ() * Wj;  // thin Q
      Wj = Wj * es.eigenvectors();
      ARj = Rj;
      ARj.noalias() += Wj * (f.asDiagonal() * (Wj.transpose() * Rj));
    } else if (type == CrType::CR2) {
      Eigen::MatrixXd IHd = Eigen::MatrixXd::Identity(nj, nj) - XM.middleRows(s, nj) * Xj.transpose();
      bool singular = false;
      Eigen::MatrixXd Ad = inverse_sqrt_sym(IHd, singular);
      if (singular) ++out.n_clusters_singular;
      ARj.noalias() = Ad * Rj;
    } else {
      ARj = Rj;
    }
  }
  // Per-cluster sums of x_r · v_r as whole-column passes: out(j, c) = Σ_{r ∈ j} Xs(r, c) v_r.
  auto cluster_sums = [&](const Eigen::VectorXd& v, Eigen::MatrixXd& out_m) {
    out_m.resize(J, p);
    for (Eigen::Index c = 0; c < p; ++c)
      for (int j = 0; j < J; ++j) {
        double acc = 0;
        for (Eigen::Index r = start[j]; r < start[j + 1]; ++r) acc += Xs(r, c) * v[r];
        out_m(j, c) = acc;
      }
  };
  Eigen::MatrixXd U;  // row j = (A_j X_j)ᵀ e_j = X_jᵀ A_j e_j; meat = UᵀU
  cluster_sums(AR.col(0), U);
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
  Eigen::MatrixXd Hc;        // row j = h_jᵀ = (X_jᵀ g_j)ᵀ
  Eigen::VectorXd dj(J);     // d_j = g_jᵀ g_j
  for (Eigen::Index wi = 0; wi < W; ++wi) {
    const int k = wanted[static_cast<std::size_t>(wi)];
    const Eigen::VectorXd w = AR.col(1 + wi);  // g_j stacked
    dj.setZero();
    for (int j = 0; j < J; ++j)
      for (Eigen::Index r = start[j]; r < start[j + 1]; ++r) dj[j] += w[r] * w[r];
    cluster_sums(w, Hc);
    const Eigen::VectorXd hMh = (Hc * M).cwiseProduct(Hc).rowwise().sum();
    const double sum_d = dj.sum(), sum_d2 = dj.squaredNorm(), sum_d_hMh = dj.dot(hMh);
    Eigen::MatrixXd S = Eigen::MatrixXd::Zero(p, p);
    S.selfadjointView<Eigen::Lower>().rankUpdate(Hc.transpose());
    S = S.selfadjointView<Eigen::Lower>();
    Eigen::MatrixXd MS = M * S;
    const double E = sum_d - MS.trace();
    const double V = sum_d2 - 2.0 * sum_d_hMh + (MS * MS).trace();
    out.df(k) = (V > 0 && E > 0) ? E * E / V : 0.0;
    out.p(k) = out.df(k) > 0 ? t_two_sided_p(out.t(k), out.df(k)) : 1.0;
  }
  return out;
}

}  // namespace cp::stats
