#!/usr/bin/env bash
# bench/run_analyse_vs_r.sh — times the same evaluation (bench/analyse_spec.toml: 3 outcomes ×
# paired, group_time, CR2 ancova, lmer; mice m = 20 and pooling of every model) in
# `cpi analyse` and in Rscript (bench/analyse_r.R), end to end (process start to exit), at
# n = 155, 10,000 and 100,000, with GNU time -v for wall time and peak memory.
#   bench/run_analyse_vs_r.sh [SIZES…]        default: 155 10000 100000
#   env: CPI=path/to/cpi (default build-analysis/cpi), SKIP_R=1 (C++ only), THREADS (spec)
# Data: /work/shared/reference-data/r-anchor/gen_data.R into bench/out/ (git-ignored).
# Output: bench/out/analyse_times.csv (size, tool, wall_s, peak_kib) and a summary on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
anchor=${ANCHOR:-/work/shared/reference-data/r-anchor}
cpi=${CPI:-$root/build-analysis/cpi}
out=$here/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(155 10000 100000)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }
csv=$out/analyse_times.csv
echo "n,tool,wall_s,cpu_s,peak_kib,load1" > "$csv"

measure() {  # label n command…  -> appends to csv, prints
  local tool=$1 n=$2; shift 2
  local log=$out/time_${tool}_${n}.log
  /usr/bin/time -v "$@" > "$out/${tool}_${n}.stdout" 2> "$log"
  local wall peak cpu load
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  echo "$n,$tool,$wall,$cpu,$peak,$load" >> "$csv"
  printf '%-8s n=%-7s wall %8.2f s  cpu %8.2f s  peak %8.1f MiB  (load %s)\n' "$tool" "$n" "$wall" "$cpu" "$(echo "$peak/1024" | bc -l)" "$load"
}

for n in "${sizes[@]}"; do
  data=$out/eval_N$n.csv
  if [ ! -f "$data" ]; then
    if [ -f "$anchor/data/eval_N$n.csv" ]; then cp "$anchor/data/eval_N$n.csv" "$data"
    else (cd "$out" && Rscript "$anchor/gen_data.R" --n "$n" --out "eval_N$n.csv" >/dev/null); fi
  fi
  measure cpi "$n" "$cpi" analyse --spec "$here/analyse_spec.toml" --data "$data" --out "$out/cpi_N$n" --quiet
  if [ "${SKIP_R:-0}" != 1 ]; then
    measure R "$n" Rscript "$here/analyse_r.R" "$data" "$out/r_N$n.json"
  fi
done
echo
awk -F, 'NR>1{w[$1","$2]=$3; c[$1","$2]=$4; m[$1","$2]=$5; ns[$1]=1} END{for (n in ns) if ((n",R") in w) printf "n=%s: R/cpi wall ratio %.1fx, cpu ratio %.1fx, peak memory cpi %.0f MiB vs R %.0f MiB\n", n, w[n",R"]/w[n",cpi"], c[n",R"]/c[n",cpi"], m[n",cpi"]/1024, m[n",R"]/1024}' "$csv"
