#!/usr/bin/env bash
# bench/run.sh — runs every benchmark (`make bench`): the Google Benchmark binaries, the server
# under wrk, and the side-by-side runs against R where their scripts exist. Figures go to
# bench/out/ (git-ignored); bench/README.md records them with the date and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${CP_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCP_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
mkdir -p bench/out
for b in "$BUILD"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true | tee "bench/out/$(basename "$b").txt"
done
bash bench/server_bench.sh
[ -x bench/run_analyse_vs_r.sh ] && bash bench/run_analyse_vs_r.sh || true
