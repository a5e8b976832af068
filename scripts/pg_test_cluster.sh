#!/usr/bin/env bash
# scripts/pg_test_cluster.sh — a throwaway PostgreSQL cluster for the tests (issue 8).
#
#   pg_test_cluster.sh start STATE_DIR   initdb in a fresh temporary folder, start on a free
#                                        loopback port, write the admin URL to STATE_DIR/url
#   pg_test_cluster.sh stop STATE_DIR    stop it (and its replica) and remove its folder
#   pg_test_cluster.sh start-replica STATE_DIR
#                                        a hot standby of the running cluster (pg_basebackup -R,
#                                        streaming replication), read-only, on another free
#                                        loopback port; its admin URL in STATE_DIR/replica_url
#   pg_test_cluster.sh stop-replica STATE_DIR
#
# The server runs as an unprivileged user: when this script runs as root (CI), as the `postgres`
# system user that Debian's postgresql package creates (initdb refuses to run as root). It
# listens on 127.0.0.1 only, its unix socket lives in its own folder, and the one role
# (cpi_test, superuser, trust authentication for local and loopback connections only) exists
# only in this cluster. Durability is switched off (fsync, synchronous_commit): it is thrown
# away after the tests. CTest runs `start` and `stop` as fixtures (tests/CMakeLists.txt); the
# PostgreSQL variants of the store, app and API tests read STATE_DIR/url and fail when it is
# missing.
set -euo pipefail

cmd=${1:?usage: pg_test_cluster.sh start|stop STATE_DIR}
state=${2:?usage: pg_test_cluster.sh start|stop STATE_DIR}
mkdir -p "$state"

say() { printf 'pg_test_cluster: %s\n' "$*" >&2; }

find_bin() {
  local name=$1 d
  if [ -n "${CP_PG_BINDIR:-}" ] && [ -x "$CP_PG_BINDIR/$name" ]; then echo "$CP_PG_BINDIR/$name"; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/$name" ]; then echo "$d/$name"; return; fi
  done
  command -v "$name" || true
}

# Run a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

# Stops the server whose data folder is named in STATE_DIR/$1 and removes its temporary folder
# (named like $2) and the state files $1 and $3.
stop_server() {
  local key=$1 pattern=$2 urlfile=$3 datadir top pg_ctl
  [ -f "$state/$key" ] || return 0
  datadir=$(cat "$state/$key")
  top=$(dirname "$datadir")
  pg_ctl=$(find_bin pg_ctl)
  if [ -f "$datadir/postmaster.pid" ] && [ -n "$pg_ctl" ]; then
    as_owner "$pg_ctl" -D "$datadir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  case "$top" in
    */$pattern-*) rm -rf "$top" ;;
  esac
  rm -f "$state/$key" "$state/$urlfile"
}
stop_replica() { stop_server replica_datadir cpi-pgr replica_url; }
stop_cluster() {
  stop_replica
  stop_server datadir cpi-pg url
}

# A new temporary folder $1-XXXXXX under /tmp that the cluster's owner can write.
owned_tmpdir() {
  local d
  d=$(mktemp -d "/tmp/$1-XXXXXX")
  chmod 755 "$d"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$d"; fi
  echo "$d"
}

# Starts the server in data folder $1 (log and socket in $2) on a free loopback port with the
# extra settings $3, retrying on another port if another cluster won the race; sets $port.
start_on_free_port() {
  local datadir=$1 top=$2 settings=$3 attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$pg_ctl" -D "$datadir" -l "$top/server.log" -w -t 60 start -o \
        "-p $port -k $top -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB $settings" \
        >/dev/null 2>&1; then
      return 0
    fi
    say "start of $datadir on port $port failed (attempt $attempt):"
    grep -E "FATAL|ERROR" "$top/server.log" | tail -3 >&2 || true
  done
  return 1
}

case "$cmd" in
  stop)
    stop_cluster
    say "stopped"
    ;;
  start)
    stop_cluster  # a cluster left behind by an interrupted run
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    if [ -z "$initdb" ] || [ -z "$pg_ctl" ]; then
      say "ERROR: PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/setup.sh"
      say "       (it installs Debian's postgresql package). The PostgreSQL tests cannot run."
      exit 1
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      say "ERROR: running as root and there is no 'postgres' user to own the cluster"
      say "       (Debian's postgresql package creates it; run scripts/setup.sh)."
      exit 1
    fi
    top=$(owned_tmpdir cpi-pg)
    datadir="$top/data"
    echo "$datadir" >"$state/datadir"
    as_owner "$initdb" -D "$datadir" -U cpi_test --auth=trust --no-locale -E UTF8 \
      --no-sync >"$top/initdb.log" 2>&1 || { cat "$top/initdb.log" >&2; say "ERROR: initdb failed"; exit 1; }
    # Only the local socket and the loopback address may connect (trust).
    cat >"$datadir/pg_hba.conf" <<'EOF'
local all cpi_test trust
host  all cpi_test 127.0.0.1/32 trust
host  replication cpi_test 127.0.0.1/32 trust
EOF
    [ "$(id -u)" = 0 ] && chown postgres: "$datadir/pg_hba.conf"
    # Durability off: the cluster is thrown away after the tests.
    start_on_free_port "$datadir" "$top" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      || { say "ERROR: PostgreSQL did not start"; exit 1; }
    url="postgresql://cpi_test@127.0.0.1:$port/postgres"
    echo "$url" >"$state/url"
    say "running at $url (data in $datadir)"
    ;;
  start-replica)
    stop_replica
    [ -f "$state/url" ] || { say "ERROR: no running cluster in $state (start it first)"; exit 1; }
    primary=$(cat "$state/url")
    hostport=${primary#postgresql://cpi_test@}
    hostport=${hostport%%/*}
    basebackup=$(find_bin pg_basebackup)
    pg_ctl=$(find_bin pg_ctl)
    [ -n "$basebackup" ] || { say "ERROR: pg_basebackup not found"; exit 1; }
    top=$(owned_tmpdir cpi-pgr)
    datadir="$top/data"
    echo "$datadir" >"$state/replica_datadir"
    # -R: standby.signal and primary_conninfo, so it starts as a streaming hot standby.
    as_owner "$basebackup" -h "${hostport%%:*}" -p "${hostport##*:}" -U cpi_test -D "$datadir" -R \
      -X stream --checkpoint=fast --no-sync >"$top/basebackup.log" 2>&1 \
      || { cat "$top/basebackup.log" >&2; say "ERROR: pg_basebackup failed"; exit 1; }
    start_on_free_port "$datadir" "$top" "-c hot_standby=on" || { say "ERROR: the replica did not start"; exit 1; }
    echo "postgresql://cpi_test@127.0.0.1:$port/postgres" >"$state/replica_url"
    say "replica running at 127.0.0.1:$port, streaming from $hostport"
    ;;
  stop-replica)
    stop_replica
    say "replica stopped"
    ;;
  *)
    say "usage: pg_test_cluster.sh start|stop|start-replica|stop-replica STATE_DIR"
    exit 2
    ;;
esac
