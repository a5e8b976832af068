// src/stats/mice_methods.hpp — internal: the univariate imputation methods of mice() (issue 6),
// each given the current predictors, the target and which rows to fill, with its own random
// stream. Used only by mice_chain.cpp.
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include <Eigen/Dense>

namespace cp::stats::mice_detail {

// splitmix64 (Steele, Lea, Flood 2014): a bijective mixer, used to turn (seed, imputation
// index) into well-separated std::mt19937_64 seeds.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The random stream of one imputation.
struct Rng {
  std::mt19937_64 engine;
  explicit Rng(std::uint64_t seed) : engine(seed) {}
  double normal() { return std::normal_distribution<double>(0.0, 1.0)(engine); }
  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(engine); }
  double chisq(double df) { return std::chi_squared_distribution<double>(df)(engine); }
  std::size_t index(std::size_t n) {  // uniform in [0, n)
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine);
  }
};

// The design of one imputation step: an intercept plus the predictor columns (each of length
// n, complete), split into the observed rows and the rows to impute of the target. Used by
// logreg; pmm uses the cross-products below and only the rows to impute (`xm`).
struct Design {
  Eigen::MatrixXd xo;  // |obs| × (1 + predictors), first column 1
  Eigen::MatrixXd xm;  // |mis| × (1 + predictors)
  // column summaries over all n rows (for logreg's augmentation), index 0 = intercept
  Eigen::RowVectorXd mean, sd, min, max;
};

// Fills `d` (reusing its storage: one Design per imputation chain avoids re-allocating
// n × p matrices at every step). Contract: every pointer addresses n values; obs and mis
// index into 0..n−1. `with_obs` = false leaves xo empty (pmm needs only xm).
void make_design(const std::vector<const double*>& columns, std::size_t n,
                 const std::vector<int>& obs, const std::vector<int>& mis, bool summaries,
                 Design& d, bool with_obs = true);

// Running cross-products of z = (1, v_0, …, v_{V−1}) over all n rows of the current
// (partly imputed) variables: c(0, 0) = n, c(0, 1 + u) = Σ v_u, c(1 + u, 1 + w) = Σ v_u v_w.
// A pmm step needs XᵀX and Xᵀy over the observed rows of its target: that is this matrix
// minus the (smaller) contribution of the rows to impute, O(|mis| p²) instead of O(n p²).
struct CrossProducts {
  Eigen::MatrixXd c;  // (V + 1) × (V + 1), symmetric
  // Computes c from scratch. Contract: every column has n values.
  void reset(const std::vector<std::vector<double>>& columns);
  // Variable v's values at `rows` changed from old_values to columns[v] (in `rows` order):
  // O(|rows| V). Contract: every other column is unchanged since the last reset/update.
  void update(const std::vector<std::vector<double>>& columns, std::size_t v,
              const std::vector<int>& rows, const std::vector<double>& old_values);
};

// One pmm step: the target's current column `y` (observed values at `obs`), predictor columns
// (without the intercept), and XᵀX, Xᵀy over the observed rows with the intercept first. `xm`
// holds the rows to impute (intercept first, as make_design). Contract: obs non-empty,
// xtx p × p and xty p with p = 1 + columns.size() = xm.cols().
struct PmmStep {
  std::vector<const double*> columns;
  const double* y = nullptr;
  std::size_t n = 0;
  const std::vector<int>* obs = nullptr;
  const std::vector<int>* mis = nullptr;
  Eigen::MatrixXd xtx;
  Eigen::VectorXd xty;
  const Eigen::MatrixXd* xm = nullptr;
};

// Scratch space of impute_pmm, kept between steps of a chain (no per-step allocation).
struct PmmScratch {
  Eigen::VectorXd yhat;                      // n
  std::vector<std::uint32_t> perm, order, pools;
  std::vector<std::uint64_t> keys, keys2;    // radix-sort keys and their double buffer
  std::vector<std::uint32_t> idx2;
  std::vector<double> donor_yhat, donor_y;
};

// Predictive mean matching as mice.impute.pmm (type-1 matching). Returns the imputed values
// for the rows of step.mis, in order. Contract: donors ≥ 1.
std::vector<double> impute_pmm(const PmmStep& step, int donors, Rng& rng, PmmScratch& s);

// Sorts idx by key (ascending, stable: equal keys keep their input order) with an LSD radix
// sort; keys are order-preserving images of doubles (double_order_key). keys2/idx2 are scratch.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& idx,
                std::vector<std::uint64_t>& keys2, std::vector<std::uint32_t>& idx2);

// A 64-bit unsigned key with the order of the (non-NaN) double x; −0 and +0 map to one key.
std::uint64_t double_order_key(double x);

// Logistic regression imputation as mice.impute.logreg (with mice's augmentation against
// perfect prediction). yo values are 0/1. Returns 0/1 values for the rows of d.xm.
// `warm` (in/out): starting coefficients for IRLS, replaced by the estimate; ignored when its
// size does not match (the MLE does not depend on the start).
std::vector<double> impute_logreg(const Design& d, const Eigen::VectorXd& yo, Eigen::VectorXd& warm,
                                  Rng& rng);

}  // namespace cp::stats::mice_detail
