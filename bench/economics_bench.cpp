// bench/economics_bench.cpp — Google Benchmark of the cost-utility analysis (issue 7):
// run_economics (adjusted ΔC, 5,000 stratified bootstrap replicates, CEAC 0..50,000) on the
// r-anchor's synthetic datasets at N = 155, 10,000 and 100,000, with all threads and with one.
//
// Data: bench/out/eval_N<n>.csv, made by
//   Rscript /work/shared/reference-data/r-anchor/gen_data.R --n <n> --out bench/out/eval_N<n>.csv
// (run from the repository root, or set CP_BENCH_OUT to the folder). Reading the CSV is not
// timed. Results and the R comparison are in bench/README.md, section "Economic evaluation".
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>

#include "cp/economics/cea.hpp"

namespace {

using cp::economics::EconomicsInput;
using cp::economics::EconomicsSpec;

// Minimal reader for the r-anchor CSV (quoted strings, empty = missing, no embedded commas).
bool load(int n, EconomicsInput& in) {
  const char* dir = std::getenv("CP_BENCH_OUT");
  const std::string path =
      std::string(dir ? dir : "bench/out") + "/eval_N" + std::to_string(n) + ".csv";
  std::ifstream f(path);
  if (!f) return false;
  std::string line;
  std::getline(f, line);
  std::map<std::string, std::size_t> col;
  {
    std::stringstream ss(line);
    std::string c;
    for (std::size_t i = 0; std::getline(ss, c, ','); ++i) {
      if (c.size() >= 2 && c.front() == '"') c = c.substr(1, c.size() - 2);
      col[c] = i;
    }
  }
  auto num = [](const std::string& s) {
    return s.empty() || s == "NA" ? std::numeric_limits<double>::quiet_NaN() : std::stod(s);
  };
  while (std::getline(f, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cells.push_back(c);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    cells.resize(col.size());
    in.arm.push_back(cells[col["arm"]] == "\"intervention\"" ? 1 : 0);
    in.cluster.push_back(cells[col["team"]]);
    in.cost_b.push_back(num(cells[col["cost_b"]]));
    in.cost_f.push_back(num(cells[col["cost_f"]]));
    in.utility_b.push_back(num(cells[col["utility_b"]]));
    in.utility_f.push_back(num(cells[col["utility_f"]]));
  }
  return true;
}

const EconomicsInput* data(int n) {
  static std::map<int, EconomicsInput> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    EconomicsInput in;
    if (!load(n, in)) return nullptr;
    it = cache.emplace(n, std::move(in)).first;
  }
  return &it->second;
}

void run(benchmark::State& state, bool unadjusted, int threads) {
  const int n = static_cast<int>(state.range(0));
  const EconomicsInput* in = data(n);
  if (in == nullptr) {
    state.SkipWithError("bench/out/eval_N<n>.csv missing: run gen_data.R (see file banner)");
    return;
  }
  EconomicsSpec spec;
  spec.cost_baseline = "cost_b";
  spec.cost_followup = "cost_f";
  spec.utility_baseline = "utility_b";
  spec.utility_followup = "utility_f";
  spec.months = 12;
  spec.bootstrap = 5000;
  spec.seed = 20240603;
  spec.threads = threads;
  if (unadjusted) spec.cost_adjustment = cp::economics::CostAdjustment::none;
  for (auto _ : state) {
    auto r = cp::economics::run_economics(*in, spec);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(r->ceac.data());
  }
  state.counters["n"] = static_cast<double>(in->arm.size());
}

// Issue 7 default: ΔC adjusted for baseline cost, all hardware threads.
void BM_EconomicsAdjusted(benchmark::State& s) {
  run(s, false, 0);
}
// The r-anchor's step d: ΔC unadjusted (same work as R's d_cea_boot).
void BM_EconomicsUnadjusted(benchmark::State& s) {
  run(s, true, 0);
}
// One thread, for the scaling.
void BM_EconomicsAdjustedOneThread(benchmark::State& s) {
  run(s, false, 1);
}

}  // namespace

BENCHMARK(BM_EconomicsAdjusted)
    ->Arg(155)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_EconomicsUnadjusted)
    ->Arg(155)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_EconomicsAdjustedOneThread)
    ->Arg(155)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

BENCHMARK_MAIN();
