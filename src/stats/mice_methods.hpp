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
// n, complete), split into the observed rows and the rows to impute of the target.
struct Design {
  Eigen::MatrixXd xo;  // |obs| × (1 + predictors), first column 1
  Eigen::MatrixXd xm;  // |mis| × (1 + predictors)
  // column summaries over all n rows (for logreg's augmentation), index 0 = intercept
  Eigen::RowVectorXd mean, sd, min, max;
  // scratch space of impute_pmm, kept between steps
  std::vector<std::pair<double, double>> donor;
  std::vector<std::uint32_t> order, pools;
};

// Fills `d` (reusing its storage: one Design per imputation chain avoids re-allocating
// n × p matrices at every step). Contract: every pointer addresses n values; obs and mis
// index into 0..n−1.
void make_design(const std::vector<const double*>& columns, std::size_t n,
                 const std::vector<int>& obs, const std::vector<int>& mis, bool summaries,
                 Design& d);

// Predictive mean matching as mice.impute.pmm (type-1 matching): yo are the observed values of
// the target (rows of d.xo). Returns the imputed values for the rows of d.xm, in order.
// Contract: yo non-empty, donors ≥ 1.
std::vector<double> impute_pmm(Design& d, const Eigen::VectorXd& yo, int donors, Rng& rng);

// Logistic regression imputation as mice.impute.logreg (with mice's augmentation against
// perfect prediction). yo values are 0/1. Returns 0/1 values for the rows of d.xm.
// `warm` (in/out): starting coefficients for IRLS, replaced by the estimate; ignored when its
// size does not match (the MLE does not depend on the start).
std::vector<double> impute_logreg(const Design& d, const Eigen::VectorXd& yo, Eigen::VectorXd& warm,
                                  Rng& rng);

}  // namespace cp::stats::mice_detail
