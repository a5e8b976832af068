#!/usr/bin/env bash
# bench/server_bench.sh — the server under wrk on loopback: caseload read, contact write, the
# person page (GET /people/{id}/record, issue 4) and the no-op /api/v1/ping of the same server,
# requests/s and latency percentiles; and cold start.
# Usage: bench/server_bench.sh [DURATION_SECONDS] [CONNECTIONS]   (needs wrk and a built cpi)
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-10}
CONN=${2:-16}
BUILD=${CP_BUILD_DIR:-build}
OUT=bench/out/server; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
PW=bench-password-123
DB=$(mktemp -d)/bench.db

# Cold start: process start to the first successful health check, median of 5 (fresh database
# each time, so migrations and demo seeding are included), and on an existing database.
cold() {
  local db=$1 t0 t1 pid
  t0=$(date +%s%N)
  CPI_DEMO_PASSWORD=$PW "$BUILD/cpi" serve --demo --port 18181 --db "$db" >/dev/null 2>&1 & pid=$!
  until curl -sf http://127.0.0.1:18181/api/v1/health >/dev/null 2>&1; do sleep 0.005; done
  t1=$(date +%s%N); kill -TERM $pid; wait $pid || true
  echo $(( (t1 - t0) / 1000000 ))
}
fresh=(); warm=()
for i in 1 2 3 4 5; do d=$(mktemp -d); fresh+=("$(cold "$d/c.db")"); warm+=("$(cold "$d/c.db")"); rm -rf "$d"; done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "cold start, new database with demo data (ms): ${fresh[*]} median $(median "${fresh[@]}")" | tee "$OUT/cold.txt"
echo "cold start, existing database (ms): ${warm[*]} median $(median "${warm[@]}")" | tee -a "$OUT/cold.txt"

CPI_DEMO_PASSWORD=$PW "$BUILD/cpi" serve --demo --port 18080 --db "$DB" --threads 2 >/dev/null 2>&1 & SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:18080/api/v1/health >/dev/null; do sleep 0.05; done
LOGIN=$(curl -si -H 'content-type: application/json' -d "{\"username\":\"demo-practitioner\",\"password\":\"$PW\"}" http://127.0.0.1:18080/api/v1/auth/login)
export CP_COOKIE=$(echo "$LOGIN" | grep -i '^set-cookie' | sed -E 's/.*(cp_session=[0-9a-f]+).*/\1/')
export CP_CSRF=$(echo "$LOGIN" | tail -1 | sed -E 's/.*"csrf_token":"([0-9a-f]+)".*/\1/')
export CP_PARTNERSHIP=$(curl -s -H "cookie: $CP_COOKIE" http://127.0.0.1:18080/api/v1/caseload | python3 -c 'import json,sys; print(next(p["partnership_id"] for p in json.load(sys.stdin)["people"] if p["episode_state"]=="open"))')

# The person page of demo-person (person 1, one of demo-practitioner's people, with demo records).
export CP_PERSON=$(curl -s -H "cookie: $CP_COOKIE" http://127.0.0.1:18080/api/v1/caseload | python3 -c 'import json,sys; print(min(p["person_id"] for p in json.load(sys.stdin)["people"]))')
RUNS=${CP_BENCH_RUNS:-ping caseload contact person_record}
for run in $RUNS; do
  wrk -t2 -c"$CONN" -d"${DUR}s" --latency -s bench/wrk/$run.lua http://127.0.0.1:18080 | tee "$OUT/$run.txt"
done
