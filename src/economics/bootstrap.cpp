// src/economics/bootstrap.cpp — the bootstrap loop: per-replicate seeding, stratified or
// two-stage cluster resampling straight into moments, worker threads over replicates.
#include "cp/economics/bootstrap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

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

// Accumulates the moments of one arm's draws in registers (a reference into Moments would
// alias the row data and force a load and store per sum). Full = every cross-product (SUR);
// otherwise only those the OLS closed form needs without SEs: Σv, Σcb², Σcb·cf, Σub², Σub·q.
template <bool Full>
struct Acc {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  double p00 = 0, p01 = 0, p02 = 0, p03 = 0, p11 = 0, p12 = 0, p13 = 0, p22 = 0, p23 = 0, p33 = 0;
  double n = 0;
  inline void add(const double* v) {
    const double a = v[0], b = v[1], c = v[2], d = v[3];
    s0 += a;
    s1 += b;
    s2 += c;
    s3 += d;
    p00 += a * a;
    p01 += a * b;
    p22 += c * c;
    p23 += c * d;
    if constexpr (Full) {
      p02 += a * c;
      p03 += a * d;
      p11 += b * b;
      p12 += b * c;
      p13 += b * d;
      p33 += d * d;
    }
  }
  void store(ArmMoments& m) const {
    m.n += n;
    const double s[kVars] = {s0, s1, s2, s3};
    for (int v = 0; v < kVars; ++v) m.s[v] += s[v];
    const double p[kVars][kVars] = {
        {p00, p01, p02, p03}, {0, p11, p12, p13}, {0, 0, p22, p23}, {0, 0, 0, p33}};
    for (int i = 0; i < kVars; ++i)
      for (int j = i; j < kVars; ++j) m.p[i * kVars + j] += p[i][j];
  }
};

template <bool Full>
Moments draw_stratified(const Strata& st, Draws32& rng) {
  Moments m;
  for (int a = 0; a < 2; ++a) {
    const double* base = st.rows[a].data();
    const auto n = static_cast<std::uint32_t>(st.rows[a].size() / kVars);
    Acc<Full> acc;
    for (std::uint32_t j = 0; j < n; ++j)
      acc.add(base + static_cast<std::size_t>(rng.below(n)) * kVars);
    acc.n = static_cast<double>(n);
    acc.store(m.arm[a]);
  }
  symmetrise(m);
  return m;
}

template <bool Full>
Moments draw_two_stage(const Strata& st, Draws32& rng) {
  Moments m;
  for (int a = 0; a < 2; ++a) {
    const double* base = st.rows[a].data();
    const auto& clusters = st.clusters[a];
    const auto k = static_cast<std::uint32_t>(clusters.size());
    Acc<Full> acc;
    for (std::uint32_t c = 0; c < k; ++c) {
      const auto& members = clusters[rng.below(k)];
      const auto size = static_cast<std::uint32_t>(members.size());
      for (std::uint32_t j = 0; j < size; ++j)
        acc.add(base + static_cast<std::size_t>(members[rng.below(size)]) * kVars);
      acc.n += static_cast<double>(size);
    }
    acc.store(m.arm[a]);
  }
  symmetrise(m);
  return m;
}

Moments draw(const Strata& st, Draws32& rng, bool cluster, bool full) {
  if (cluster) return full ? draw_two_stage<true>(st, rng) : draw_two_stage<false>(st, rng);
  return full ? draw_stratified<true>(st, rng) : draw_stratified<false>(st, rng);
}

}  // namespace

cp::Result<Replicates> bootstrap_replicates(const Sample& sample, const BootstrapOptions& options) {
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
  std::vector<char> aliased(b, 0), fell_back(b, 0), failed(b, 0);
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
        Draws32 rng(replicate_seed(options.seed, static_cast<std::uint64_t>(r)));
        const Moments m = draw(st, rng, options.cluster, inc.sur);
        // Both arms are non-empty by construction (prepare_sample requires ≥ 2 per arm);
        // should that ever fail, the replicate is flagged and the run reports an error.
        const auto inc_r = estimate_increments(m, inc);
        if (!inc_r.ok()) {
          failed[r] = 1;
          continue;
        }
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
  if (std::count(failed.begin(), failed.end(), 1) > 0)
    return Error{ErrorKind::internal, "bootstrap_failed",
                 "bootstrap_replicates: a resampled arm was empty (internal error)", "bootstrap"};
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
