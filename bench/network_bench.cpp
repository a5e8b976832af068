// bench/network_bench.cpp — Google Benchmark of the ego-network measures (issue 4: "all network
// measures for 10,000 people × 3 snapshots × 30 members") and of the GraphML reader.
//
// Data: seeded synthetic ego networks (std::mt19937_64, seed 4): 30 members each, relation and
// ring drawn uniformly, support flags with probability 0.4, alter–alter ties with probability
// 0.2 (about 87 of 435 possible pairs, density ≈ 0.2); snapshots 2 and 3 start from the previous
// one, drop 3 members and add 3. Results and how to run: bench/README.md, "Network measures".
#include <benchmark/benchmark.h>

#include <random>

#include "cp/network/graphml.hpp"
#include "cp/network/measures.hpp"

namespace {

using namespace cp::network;

EgoSnapshot random_snapshot(std::mt19937_64& rng, int members, double tie_p) {
  std::uniform_int_distribution<int> rel(0, kRelationCount - 1), ring(0, kRingCount - 1);
  std::bernoulli_distribution support(0.4), tie(tie_p);
  EgoSnapshot s;
  for (int i = 0; i < members; ++i) {
    Member m;
    m.relation = static_cast<Relation>(rel(rng));
    m.ring = static_cast<Ring>(ring(rng));
    m.given.emotional = support(rng);
    m.received.practical = support(rng);
    m.received.companionship = support(rng);
    add_member(s, m);
  }
  for (int a = 0; a < members; ++a)
    for (int b = a + 1; b < members; ++b)
      if (tie(rng)) s.ties.push_back({s.members[a].id, s.members[b].id});
  return s;
}

EgoSnapshot evolve(const EgoSnapshot& prev, std::mt19937_64& rng) {
  auto next = start_next_snapshot(prev, "");
  for (int k = 0; k < 3; ++k) {
    std::uniform_int_distribution<std::size_t> pick(0, next.members.size() - 1);
    auto id = next.members[pick(rng)].id;
    std::erase_if(next.members, [&](const Member& m) { return m.id == id; });
    std::erase_if(next.ties, [&](const Tie& t) { return t.a == id || t.b == id; });
  }
  for (int k = 0; k < 3; ++k) {
    Member m;
    m.relation = Relation::community_group;
    auto id = add_member(next, m);
    if (next.members.size() > 1) next.ties.push_back({next.members.front().id, id});
  }
  return next;
}

struct Population {
  std::vector<std::array<EgoSnapshot, 3>> people;
  std::size_t ties = 0;
};

const Population& population() {
  static const Population pop = [] {
    Population p;
    std::mt19937_64 rng(4);
    p.people.reserve(10000);
    for (int i = 0; i < 10000; ++i) {
      auto s1 = random_snapshot(rng, 30, 0.2);
      auto s2 = evolve(s1, rng);
      auto s3 = evolve(s2, rng);
      p.ties += s1.ties.size() + s2.ties.size() + s3.ties.size();
      p.people.push_back({std::move(s1), std::move(s2), std::move(s3)});
    }
    return p;
  }();
  return pop;
}

// Every measure of every snapshot, plus new/lost members between consecutive snapshots.
void BM_AllMeasures_10000People_3Snapshots_30Members(benchmark::State& state) {
  const auto& pop = population();
  for (auto _ : state) {
    double sink = 0;
    for (const auto& p : pop.people) {
      for (const auto& s : p) {
        auto m = compute_measures(s);
        sink += *m.density + *m.effective_size + m.components + m.isolates + *m.blau_relation +
                *m.reciprocity + *m.share_outside_services;
      }
      sink += compare_snapshots(p[0], p[1]).new_members.size();
      sink += compare_snapshots(p[1], p[2]).lost_members.size();
    }
    benchmark::DoNotOptimize(sink);
  }
  state.counters["snapshots"] = 30000;
  state.counters["mean_ties"] = static_cast<double>(pop.ties) / 30000.0;
  state.SetItemsProcessed(state.iterations() * 30000);
}
BENCHMARK(BM_AllMeasures_10000People_3Snapshots_30Members)->Unit(benchmark::kMillisecond);

// GraphML import of one 30-member snapshot (with ego edges), then its measures.
void BM_GraphmlParse_30Members(benchmark::State& state) {
  std::mt19937_64 rng(5);
  const auto text = write_graphml(random_snapshot(rng, 30, 0.2));
  for (auto _ : state) {
    auto r = read_graphml(text);
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["file_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_GraphmlParse_30Members)->Unit(benchmark::kMicrosecond);

void BM_GraphmlWrite_30Members(benchmark::State& state) {
  std::mt19937_64 rng(5);
  const auto s = random_snapshot(rng, 30, 0.2);
  for (auto _ : state) benchmark::DoNotOptimize(write_graphml(s));
}
BENCHMARK(BM_GraphmlWrite_30Members)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
