// include/cp/economics/sample.hpp — the analysis sample of the cost-utility analysis: the
// validated complete cases, as packed rows of centred variables, and their moments by arm.
//
// Rows hold kVars = 4 doubles: baseline cost, follow-up cost, baseline utility and QALYs, each
// minus its sample mean (centring keeps the normal equations well conditioned; arm
// coefficients do not change). The ICECAP-A analysis reuses the same machinery with
// capability scores in place of utilities (capability years in place of QALYs).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/economics/cea.hpp"

namespace cp::economics {

enum Var : int { kCostB = 0, kCostF = 1, kUtilB = 2, kQaly = 3 };
inline constexpr int kVars = 4;

struct Sample {
  bool adjust_cost = true;              // cost_f ~ arm + cost_b (else cost_f ~ arm)
  std::vector<double> rows;             // n × kVars, centred
  std::vector<int> arm;                 // per row: 1 intervention, 0 control
  std::vector<std::size_t> source_row;  // row of EconomicsInput (0-based)
  std::vector<int> cluster;             // dense cluster id per row; empty if none given
  int n_clusters = 0;
  std::array<double, kVars> centre{};  // the means subtracted
  int n_excluded = 0;
  std::vector<std::string> warnings;

  std::size_t size() const { return arm.size(); }
  const double* row(std::size_t i) const { return rows.data() + i * kVars; }
};

// Validates the input and keeps the complete cases in input order. Uses cost_b, cost_f,
// utility_b, utility_f (the caller swaps capability scores into the utility slots for the
// ICECAP-A analysis, with value range [0, 1] in the spec).
// Errors: see run_economics in cea.hpp (field = "<column>, row <i+1>").
cp::Result<Sample> prepare_sample(const EconomicsInput& input, const EconomicsSpec& spec);

// Sums by arm: count, Σv and Σvvᵀ (full symmetric 4 × 4, row-major).
struct ArmMoments {
  double n = 0.0;
  std::array<double, kVars> s{};
  std::array<double, kVars * kVars> p{};
  double pp(int a, int b) const { return p[a * kVars + b]; }
};
struct Moments {
  ArmMoments arm[2];  // [0] control, [1] intervention
};

// Accumulates one row of centred variables (upper triangle; call symmetrise() at the end).
inline void accumulate_row(ArmMoments& m, const double* v) {
  m.n += 1.0;
  for (int a = 0; a < kVars; ++a) {
    m.s[a] += v[a];
    for (int b = a; b < kVars; ++b) m.p[a * kVars + b] += v[a] * v[b];
  }
}
void symmetrise(Moments& m);

// Moments over the whole sample, or over a multiset of row indices (0-based, < size()).
Moments moments_all(const Sample& sample);
cp::Result<Moments> moments_of(const Sample& sample, const std::vector<std::size_t>& indices);

}  // namespace cp::economics
