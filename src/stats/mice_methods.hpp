// src/stats/mice_methods.hpp — internal: the univariate imputation methods of mice() (issue 6),
// each given the current predictors, the target and which rows to fill, with its own random
// stream. Used only by mice_chain.cpp.
#pragma once

#include <cstdint>
#include <random>
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

// Predictive mean matching as mice.impute.pmm (type-1 matching): y[obs] are the observed values
// of the target, X the design with an intercept column (rows = all rows), obs/mis the row
// indices of observed and to-be-imputed values. Returns the imputed values for `mis`, in order.
// Contract: obs non-empty, X.rows() covers every index, donors ≥ 1.
std::vector<double> impute_pmm(const Eigen::MatrixXd& X, const std::vector<double>& y,
                               const std::vector<int>& obs, const std::vector<int>& mis,
                               int donors, Rng& rng);

// Logistic regression imputation as mice.impute.logreg (with mice's augmentation against
// perfect prediction). y values are 0/1. Returns 0/1 values for `mis`.
std::vector<double> impute_logreg(const Eigen::MatrixXd& X, const std::vector<double>& y,
                                  const std::vector<int>& obs, const std::vector<int>& mis,
                                  Rng& rng);

}  // namespace cp::stats::mice_detail
