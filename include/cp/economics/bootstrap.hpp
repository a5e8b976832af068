// include/cp/economics/bootstrap.hpp — non-parametric bootstrap of (ΔC, ΔQ): stratified by arm,
// or two-stage by cluster; multithreaded, identical for a seed whatever the thread count.
//
// Reproducibility: replicate r draws from its own mt19937_64 seeded with
// replicate_seed(seed, r) = splitmix64(splitmix64(seed) + r), and integers in [0, m) by
// Lemire's multiply-and-reject method on 32-bit halves of its outputs (no
// std::uniform_int_distribution, whose algorithm is library-specific). Threads take replicates in
// any order; results land in slot r. No data are copied per replicate: each draw adds its row to
// the moments by arm.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/economics/increments.hpp"
#include "cp/economics/sample.hpp"

namespace cp::economics {

inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline std::uint64_t replicate_seed(std::uint64_t seed, std::uint64_t replicate) {
  return splitmix64(splitmix64(seed) + replicate);
}

// 32-bit draws from one mt19937_64: the low half of each output, then its high half (half
// the generator calls of one output per draw). below(bound) is a uniform integer in
// [0, bound), 1 ≤ bound < 2^32, by Lemire's multiply-and-reject method (unbiased).
class Draws32 {
 public:
  explicit Draws32(std::uint64_t seed) : rng_(seed) {}
  std::uint32_t next() {
    if (have_) {
      have_ = false;
      return static_cast<std::uint32_t>(buf_ >> 32);
    }
    buf_ = rng_();
    have_ = true;
    return static_cast<std::uint32_t>(buf_);
  }
  std::uint32_t below(std::uint32_t bound) {
    std::uint64_t m = static_cast<std::uint64_t>(next()) * bound;
    auto low = static_cast<std::uint32_t>(m);
    if (low < bound) {
      const std::uint32_t t = (0u - bound) % bound;
      while (low < t) {
        m = static_cast<std::uint64_t>(next()) * bound;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

 private:
  std::mt19937_64 rng_;
  std::uint64_t buf_ = 0;
  bool have_ = false;
};

struct BootstrapOptions {
  int replicates = 5000;
  std::uint64_t seed = 1;
  bool cluster = false;  // two-stage: clusters (nested in arm) then people within cluster
  int threads = 0;       // 0 = std::thread::hardware_concurrency()
  IncrementOptions increments;
};

// Per-replicate increments in replicate order.
struct Replicates {
  std::vector<double> delta_cost;
  std::vector<double> delta_qaly;
  int replicates_with_aliasing = 0;  // a covariate was dropped in this many replicates
  int sur_fallbacks = 0;             // SUR fell back to OLS in this many replicates
};

// Errors: invalid_input for replicates outside 1..1,000,000; infeasible for the cluster
// bootstrap without cluster ids.
cp::Result<Replicates> bootstrap_replicates(const Sample& sample, const BootstrapOptions& options);

// The same statistic on given index sets (0-based, into the sample's rows), e.g. R's
// boot.array(…, indices = TRUE) minus one. Errors: an index out of range (field names the
// replicate and position), a set that leaves an arm empty.
cp::Result<Replicates> replicates_from_indices(const Sample& sample,
                                               const std::vector<std::vector<std::size_t>>& sets,
                                               const IncrementOptions& options);

}  // namespace cp::economics
