// include/cp/stats/mice.hpp — multiple imputation by chained equations (van Buuren's mice).
//
// Continuous variables: predictive mean matching as mice's "pmm" (Bayesian linear regression
// draw as .norm.draw, type-1 matching, random pick among the `donors` nearest). Binary
// variables (0/1): mice's "logreg" (IRLS fit, coefficients drawn from the approximate normal
// posterior, outcome drawn). Initial fill by random draws from the observed values; `maxit`
// sweeps over the variables left to right. Each imputation has its own random stream seeded
// from (seed, imputation index) by splitmix64 → std::mt19937_64, so the output depends only on
// the seed, never on the number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::stats {

struct MiceVariable {
  std::string name;
  std::vector<double> values;  // NaN = missing
  enum class Kind { continuous, binary } kind = Kind::continuous;  // binary: values 0 or 1
  bool impute = true;     // impute its missing values (if false, missing values are an error
                          // when predictor = true)
  bool predictor = true;  // used to predict the other variables
};

struct MiceOptions {
  int m = 20;          // number of imputations (>= 1)
  int maxit = 5;       // iterations (>= 1)
  std::uint64_t seed = 1;
  int donors = 5;      // pmm donor pool size (>= 1)
  int threads = 0;     // 0 = std::thread::hardware_concurrency()
};

struct MiceResult {
  int m = 0;
  // completed[imputation][variable][row]: every variable, in input order, with its missing
  // values filled (variables not imputed are copied unchanged).
  std::vector<std::vector<std::vector<double>>> completed;
};

// Errors (invalid_input): no variables, unequal lengths, bad options, infinite values,
// a binary variable with values other than 0/1, a variable to impute with no observed value,
// a predictor with missing values that is not imputed.
cp::Result<MiceResult> mice(const std::vector<MiceVariable>& vars, const MiceOptions& opt);

}  // namespace cp::stats
