// bench/mixed_bench.cpp — Google Benchmark of the random-intercept LMM fit and of MICE (m = 20)
// at n = 10,000 and 100,000 (issue 6). Data: synthetic, r-anchor-like (10 rows per cluster on
// average, p = 10 fixed effects; MICE on 5 complete baselines + 4 covariates and 5 follow-ups
// with 20 % missing together, one of them binary), generated with a fixed seed.
#include <cmath>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "cp/stats/mice.hpp"
#include "cp/stats/mixed.hpp"

namespace {

struct LmmData {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  std::vector<int> cluster;
  std::vector<std::string> names;
};

LmmData make_lmm(int n) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> N;
  const int G = n / 10;
  LmmData d;
  d.X.resize(n, 10);
  d.y.resize(n);
  std::vector<double> u(G);
  for (auto& x : u) x = 0.7 * N(rng);
  for (int i = 0; i < n; ++i) {
    const int g = static_cast<int>(rng() % G);
    d.cluster.push_back(g);
    d.X(i, 0) = 1;
    d.X(i, 1) = g % 2;
    for (int j = 2; j < 10; ++j) d.X(i, j) = j < 4 ? N(rng) : (rng() % 5 == 0);
    d.y[i] = 1 + 0.5 * d.X(i, 1) + d.X.row(i).segment(2, 8).sum() * 0.3 + u[g] + N(rng);
  }
  for (int j = 0; j < 10; ++j) d.names.push_back("b" + std::to_string(j));
  return d;
}

void BM_LmerFit(benchmark::State& state) {
  const LmmData d = make_lmm(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto f = cp::stats::fit_random_intercept(d.X, d.y, d.cluster, d.names);
    if (!f.ok()) state.SkipWithError("fit failed");
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_LmerFit)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

std::vector<cp::stats::MiceVariable> make_mice(int n) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> N;
  std::uniform_real_distribution<double> U;
  std::vector<cp::stats::MiceVariable> v(14);
  for (auto& x : v) x.values.resize(n);
  for (int i = 0; i < n; ++i) {
    const double z = N(rng);
    v[0].values[i] = i % 2;                       // arm
    v[1].values[i] = std::round(44 + 15 * N(rng));  // age
    v[2].values[i] = U(rng) < 0.42;                // male
    v[3].values[i] = U(rng) < 0.22;                // non-white
    const bool miss = U(rng) < 0.2;
    for (int k = 0; k < 5; ++k) {
      const double b = std::round(40 + 8 * (0.7 * z + 0.7 * N(rng)));
      v[4 + k].values[i] = b;
      const double f = b * 0.6 + 2.5 * v[0].values[i] + 6 * N(rng);
      v[9 + k].values[i] = miss ? std::nan("") : (k == 4 ? double(f > 30) : std::round(f));
    }
  }
  v[13].kind = cp::stats::MiceVariable::Kind::binary;
  for (std::size_t k = 0; k < v.size(); ++k) v[k].name = "v" + std::to_string(k);
  return v;
}

void BM_Mice20(benchmark::State& state) {
  const auto vars = make_mice(static_cast<int>(state.range(0)));
  cp::stats::MiceOptions o;
  o.m = 20;
  o.threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    auto r = cp::stats::mice(vars, o);
    if (!r.ok()) state.SkipWithError("mice failed");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Mice20)
    ->Args({10000, 2})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
