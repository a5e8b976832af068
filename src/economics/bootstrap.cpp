// src/economics/bootstrap.cpp — the bootstrap loop: per-replicate seeding, stratified or
// two-stage cluster resampling straight into moments, worker threads over replicates.
#include "cp/economics/bootstrap.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include <fmt/format.h>

namespace cp::economics {

namespace {

// The sample regrouped for resampling: rows of each arm contiguous, and per arm its clusters
// as lists of row offsets into the arm's block.
struct Strata {
  std::vector<double> rows[2];
  std::vector<std::vector<std::uint32_t>> clusters[2];
};

Strata make_strata(const Sample& s, bool by_cluster) {
  Strata st;
  std::vector<int> dense_to_local[2];
  if (by_cluster) {
    dense_to_local[0].assign(s.n_clusters, -1);
    dense_to_local[1].assign(s.n_clusters, -1);
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int a = s.arm[i];
    const auto offset = static_cast<std::uint32_t>(st.rows[a].size() / kVars);
    st.rows[a].insert(st.rows[a].end(), s.row(i), s.row(i) + kVars);
    if (by_cluster) {
      int& local = dense_to_local[a][s.cluster[i]];
      if (local < 0) {
        local = static_cast<int>(st.clusters[a].size());
        st.clusters[a].emplace_back();
      }
      st.clusters[a][local].push_back(offset);
    }
  }
  return st;
}

Moments draw_stratified(const Strata& st, std::mt19937_64& rng) {
  Moments m;
  for (int a = 0; a < 2; ++a) {
    const double* base = st.rows[a].data();
    const std::uint64_t n = st.rows[a].size() / kVars;
    ArmMoments& am = m.arm[a];
    for (std::uint64_t j = 0; j < n; ++j) accumulate_row(am, base + uniform_below(rng, n) * kVars);
  }
  symmetrise(m);
  return m;
}

Moments draw_two_stage(const Strata& st, std::mt19937_64& rng) {
  Moments m;
  for (int a = 0; a < 2; ++a) {
    const double* base = st.rows[a].data();
    const auto& clusters = st.clusters[a];
    const std::uint64_t k = clusters.size();
    ArmMoments& am = m.arm[a];
    for (std::uint64_t c = 0; c < k; ++c) {
      const auto& members = clusters[uniform_below(rng, k)];
      const std::uint64_t size = members.size();
      for (std::uint64_t j = 0; j < size; ++j)
        accumulate_row(am, base + members[uniform_below(rng, size)] * kVars);
    }
  }
  symmetrise(m);
  return m;
}

}  // namespace

cp::Result<Replicates> bootstrap_replicates(const Sample& sample,
                                            const BootstrapOptions& options) {
  if (options.replicates < 1 || options.replicates > 1000000)
    return Error::invalid("economics_spec",
                          fmt::format("bootstrap_replicates: replicates must be 1..1000000, got {}",
                                      options.replicates),
                          "economics.bootstrap");
  if (options.cluster && (sample.cluster.size() != sample.size() || sample.n_clusters == 0))
    return Error::infeasible("no_clusters",
                             "bootstrap_replicates: the cluster bootstrap needs a cluster id for "
                             "every analysed row",
                             "cluster");
  const Strata st = make_strata(sample, options.cluster);
  const int b = options.replicates;
  Replicates out;
  out.delta_cost.assign(b, 0.0);
  out.delta_qaly.assign(b, 0.0);
  std::vector<char> aliased(b, 0), fell_back(b, 0);
  IncrementOptions inc = options.increments;
  inc.want_se = false;

  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(b));
  std::atomic<int> next{0};
  constexpr int kChunk = 8;
  auto work = [&] {
    for (;;) {
      const int start = next.fetch_add(kChunk);
      if (start >= b) return;
      for (int r = start; r < std::min(b, start + kChunk); ++r) {
        std::mt19937_64 rng(replicate_seed(options.seed, static_cast<std::uint64_t>(r)));
        const Moments m = options.cluster ? draw_two_stage(st, rng) : draw_stratified(st, rng);
        // Both arms are non-empty by construction (prepare_sample requires ≥ 2 per arm).
        const auto inc_r = estimate_increments(m, inc);
        out.delta_cost[r] = inc_r->delta_cost;
        out.delta_qaly[r] = inc_r->delta_qaly;
        aliased[r] = inc_r->aliased > 0;
        fell_back[r] = inc_r->sur_fell_back;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  out.replicates_with_aliasing = static_cast<int>(std::count(aliased.begin(), aliased.end(), 1));
  out.sur_fallbacks = static_cast<int>(std::count(fell_back.begin(), fell_back.end(), 1));
  return out;
}

cp::Result<Replicates> replicates_from_indices(const Sample& sample,
                                               const std::vector<std::vector<std::size_t>>& sets,
                                               const IncrementOptions& options) {
  Replicates out;
  IncrementOptions inc = options;
  inc.want_se = false;
  for (std::size_t r = 0; r < sets.size(); ++r) {
    auto m = moments_of(sample, sets[r]);
    if (!m.ok()) {
      Error e = m.error();
      e.field = fmt::format("replicate {}, {}", r + 1, e.field);
      return e;
    }
    auto inc_r = estimate_increments(*m, inc);
    if (!inc_r.ok()) return inc_r.error();
    out.delta_cost.push_back(inc_r->delta_cost);
    out.delta_qaly.push_back(inc_r->delta_qaly);
    if (inc_r->aliased > 0) ++out.replicates_with_aliasing;
    if (inc_r->sur_fell_back) ++out.sur_fallbacks;
  }
  return out;
}

}  // namespace cp::economics
