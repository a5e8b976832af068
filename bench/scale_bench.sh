#!/usr/bin/env bash
# bench/scale_bench.sh — issue 8 part 4: the scale demo on both backends.
#
#   bench/scale_bench.sh N [BACKENDS]     e.g. bench/scale_bench.sh 1000000 "sqlite postgresql"
#
# For each backend: `cpi demo --scale N` into an empty database (timed: rows/s), then the
# database's own bulk loader on the same rows (CSV files written by `cpi demo --scale N --csv`):
# SQLite's shell `.import` inside one transaction, PostgreSQL's COPY … FROM (psql \copy) inside
# one transaction, both into a fresh schema made by `cpi init` (same indexes). Then `cpi serve`
# on the generated database and wrk (p50, p99, req/s) on the caseload, the person page, a
# directory search, the due-assessments list and the study's analysis dataset.
# PostgreSQL runs in a throwaway cluster under bench/out (stopped and removed at the end), with
# durable settings (fsync on) and shared_buffers 1GB. Results: bench/out/scale-N/summary.txt.
# Env: CP_BUILD_DIR (build), CP_SCALE_DUR (wrk seconds, 15), CP_SCALE_CONN (connections, 8),
# CP_SCALE_THREADS (server threads, 2), CP_SCALE_KEEP=1 keeps the databases, CP_SCALE_OUT (the
# output folder), CP_SCALE_CSV (CSV files already generated for this N). BACKENDS are run in the
# order given.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/scale_bench.sh N [BACKENDS]}
BACKENDS=${2:-sqlite postgresql}
BUILD=${CP_BUILD_DIR:-build}
DUR=${CP_SCALE_DUR:-15}
CONN=${CP_SCALE_CONN:-8}
THREADS=${CP_SCALE_THREADS:-2}
CPI=$(realpath "$BUILD/cpi")
OUT=$(realpath -m "${CP_SCALE_OUT:-bench/out/scale-$N}"); mkdir -p "$OUT"
SUM=$OUT/summary.txt
PW=demo-password-for-tests-1
export CPI_DEMO_PASSWORD=$PW
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
note() { echo "$*" | tee -a "$SUM"; }
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
note "== scale bench N=$N $(date -u +%FT%TZ) on $(nproc) cores, loadavg $(load)"

# The same rows as CSV, for the native loaders (a separate, untimed generation).
CSV=$(realpath -m "${CP_SCALE_CSV:-$OUT/csv}")
if [ ! -f "$CSV/people.csv" ]; then
  rm -rf "$CSV" "$OUT/csvgen.db"*
  "$CPI" demo --scale "$N" --db "$OUT/csvgen.db" --csv "$CSV" >"$OUT/csvgen.log" 2>&1
  rm -f "$OUT/csvgen.db"*
fi
# Tables in foreign-key order (the generator's order).
TABLES="agencies teams workers directory_resources directory_tags directory_history studies study_sites study_waves
people partnerships episodes contacts network_maps network_members network_map_members network_map_ties
goals objectives activities assets ideas engagements barriers recognition record_history
questionnaire_responses study_participants study_consent_events accounts"
ROWS=0; for t in $TABLES; do ROWS=$((ROWS + $(wc -l <"$CSV/$t.csv") - 1)); done
note "rows generated: $ROWS (CSV: $(du -sh "$CSV" | cut -f1))"

# ---- PostgreSQL cluster under bench/out --------------------------------------------------------
PGTOP=$OUT/pg; PGDATA=$PGTOP/data; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
  rm -rf "$PGTOP"; mkdir -p "$PGTOP"; [ "$(id -u)" = 0 ] && chown postgres: "$PGTOP"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U cpi_bench --auth=trust --no-locale -E UTF8 >"$PGTOP/initdb.log" 2>&1
  PGPORT=$((30000 + RANDOM % 20000))
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGTOP/server.log" -w -t 60 start -o \
    "-p $PGPORT -k $PGTOP -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c max_connections=100" >/dev/null
  PGURL_BASE="postgresql://cpi_bench@127.0.0.1:$PGPORT"
}
pg_stop() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; }
SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill -TERM "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  pg_stop
  if [ "${CP_SCALE_KEEP:-0}" != 1 ]; then rm -rf "$PGTOP" "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm; fi
}
trap cleanup EXIT

wrk_runs() {  # $1 backend, $2 db url
  local be=$1 url=$2 port=$((18500 + RANDOM % 1000)) B
  "$CPI" serve --db "$url" --port "$port" --threads "$THREADS" >"$OUT/$be-serve.log" 2>&1 & SERVER=$!
  B=http://127.0.0.1:$port
  until curl -sf "$B/api/v1/health" >/dev/null 2>&1; do sleep 0.2; done
  login() { curl -si -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PW\"}" "$B/api/v1/auth/login" | grep -i '^set-cookie' | sed -E 's/.*(cp_session=[0-9a-f]+).*/\1/'; }
  export CP_COOKIE=$(login demo-practitioner) CP_RESEARCHER_COOKIE=$(login demo-researcher)
  # The person page: the practitioner's first person with a network map (the fullest page).
  export CP_PERSON=$(curl -s -H "cookie: $CP_COOKIE" "$B/api/v1/caseload" | python3 -c '
import json,sys,urllib.request
people=sorted(p["person_id"] for p in json.load(sys.stdin)["people"])
print(people[0])')
  for p in $(curl -s -H "cookie: $CP_COOKIE" "$B/api/v1/caseload" | python3 -c 'import json,sys; print(" ".join(str(p["person_id"]) for p in json.load(sys.stdin)["people"]))'); do
    if curl -s -H "cookie: $CP_COOKIE" "$B/api/v1/people/$p/network-maps" | grep -q '"taken_on"'; then CP_PERSON=$p; break; fi
  done
  export CP_DIR_QUERY="tag=walking&q=walk" CP_STUDY=1
  local caseload_n=$(curl -s -H "cookie: $CP_COOKIE" "$B/api/v1/caseload" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["people"]))')
  local participants=$(curl -s -H "cookie: $CP_RESEARCHER_COOKIE" "$B/api/v1/studies/1/dataset.csv" | wc -l)
  note "$be: caseload $caseload_n people; person page of person $CP_PERSON; dataset rows $((participants - 1))"
  for run in caseload person_record directory_search due dataset; do
    local l0=$(load) c=$CONN
    # The dataset is a large download (every participant of a regional study): fewer
    # connections, and a timeout long enough that slow responses are measured, not dropped.
    [ "$run" = dataset ] && c=$(( CONN < 2 ? CONN : 2 ))
    wrk -t2 -c"$c" -d"${DUR}s" --timeout 60s --latency -s "bench/wrk/$run.lua" "$B" >"$OUT/$be-$run.txt" 2>&1
    local p50=$(awk '$1=="50%"{print $2}' "$OUT/$be-$run.txt") p99=$(awk '$1=="99%"{print $2}' "$OUT/$be-$run.txt")
    local rps=$(awk '/^Requests\/sec/{print $2}' "$OUT/$be-$run.txt")
    local bad=$(awk '/Non-2xx/{print $5}' "$OUT/$be-$run.txt") errs=$(grep -c 'Socket errors' "$OUT/$be-$run.txt" || true)
    note "$be wrk $run: p50 $p50 p99 $p99 req/s $rps non-2xx ${bad:-0} socket-error-lines $errs (c=$c, ${DUR}s, server threads $THREADS, loadavg before $l0 after $(load))"
  done
  kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}

for be in $BACKENDS; do
  case $be in
    sqlite)
      DB=$OUT/scale.db; rm -f "$DB"*
      l0=$(load); t0=$(now)
      "$CPI" demo --scale "$N" --db "$DB" >"$OUT/sqlite-load.log" 2>&1
      t1=$(now)
      secs=$(echo "$t1 - $t0" | bc); loaded=$(awk '/^Scale demo:/{print $5}' "$OUT/sqlite-load.log")
      note "sqlite cpi demo --scale: $loaded rows in ${secs}s = $(echo "$loaded / $secs" | bc) rows/s (loadavg before $l0 after $(load)); db $(du -ch "$DB"* | tail -1 | cut -f1)"
      # Native: sqlite3 .import of the same CSVs, one transaction, into a schema from cpi init.
      NDB=$OUT/native.db; rm -f "$NDB"*
      "$CPI" init --db "$NDB" >/dev/null
      { echo "PRAGMA synchronous=OFF;"; echo "BEGIN;"; for t in $TABLES; do echo ".import --csv --skip 1 $CSV/$t.csv $t"; done; echo "COMMIT;"; } >"$OUT/native-import.sql"
      l0=$(load); t0=$(now)
      sqlite3 "$NDB" <"$OUT/native-import.sql"
      t1=$(now); secs=$(echo "$t1 - $t0" | bc)
      note "sqlite native .import (one transaction): $ROWS rows in ${secs}s = $(echo "$ROWS / $secs" | bc) rows/s (loadavg before $l0 after $(load)); db $(du -ch "$NDB"* | tail -1 | cut -f1)"
      rm -f "$NDB"*
      wrk_runs sqlite "$DB"
      ;;
    postgresql)
      pg_start
      as_pg "$PGBIN/createdb" -h "$PGTOP" -p "$PGPORT" -U cpi_bench scale
      as_pg "$PGBIN/createdb" -h "$PGTOP" -p "$PGPORT" -U cpi_bench native
      URL="$PGURL_BASE/scale"
      l0=$(load); t0=$(now)
      "$CPI" demo --scale "$N" --db "$URL" >"$OUT/pg-load.log" 2>&1
      t1=$(now)
      secs=$(echo "$t1 - $t0" | bc); loaded=$(awk '/^Scale demo:/{print $5}' "$OUT/pg-load.log")
      size=$(psql -At "$URL" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
      note "postgresql cpi demo --scale: $loaded rows in ${secs}s = $(echo "$loaded / $secs" | bc) rows/s (loadavg before $l0 after $(load)); db $size"
      NURL="$PGURL_BASE/native"
      "$CPI" init --db "$NURL" >/dev/null
      { echo "\\set ON_ERROR_STOP on"; echo "BEGIN;"; for t in $TABLES; do echo "\\copy $t FROM '$CSV/$t.csv' WITH (FORMAT csv, HEADER true)"; done; echo "COMMIT;"; } >"$OUT/native-copy.sql"
      l0=$(load); t0=$(now)
      psql -q "$NURL" -f "$OUT/native-copy.sql" >/dev/null
      t1=$(now); secs=$(echo "$t1 - $t0" | bc)
      note "postgresql native COPY FROM (psql \\copy, one transaction): $ROWS rows in ${secs}s = $(echo "$ROWS / $secs" | bc) rows/s (loadavg before $l0 after $(load))"
      psql -q "$PGURL_BASE/postgres" -c "DROP DATABASE native" >/dev/null
      wrk_runs postgresql "$URL"
      size=$(psql -At "$URL" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
      note "postgresql db size after the wrk runs: $size"
      pg_stop
      ;;
  esac
done
note "== done $(date -u +%FT%TZ), loadavg $(load)"
