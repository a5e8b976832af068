#!/usr/bin/env bash
# scripts/setup.sh — installs what Connecting People needs on Debian 12, and only what is
# missing: Debian packages through apt-get, the web front end's npm packages. Idempotent: a
# second run installs nothing. Downloads nothing else (no browser or toolchain downloads).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

# Build and run-time packages (Debian 12 names).
packages=(
  build-essential g++ cmake ninja-build pkg-config make git
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev libspdlog-dev
  nlohmann-json3-dev libeigen3-dev libboost-dev libboost-math-dev libcli11-dev
  libtomlplusplus-dev libsodium-dev libssl-dev libreadstat-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev libfuzzer-14-dev
  chromium ca-certificates curl openssl wrk
)
if [ "${CP_SETUP_POSTGRES:-1}" = 1 ]; then packages+=(postgresql postgresql-client); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages: all present"
fi

# Node.js 20+ is expected on the machine (Debian 12's own nodejs 18 is too old for Vite).
if ! command -v node >/dev/null 2>&1; then
  say "ERROR: Node.js 20 or newer is required for the web front end and its tests, and was not found."
  say "       Install Node.js 20+ (e.g. from your distribution's backports) and run this again."
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  say "ERROR: Node.js $(node --version) found; version 20 or newer is required."
  exit 1
fi

# npm packages for web/ (the front end, its build and the API and browser tests).
if [ -f web/package.json ]; then
  stamp=web/node_modules/.cp-installed
  if [ ! -f "$stamp" ] || [ web/package-lock.json -nt "$stamp" ] || [ web/package.json -nt "$stamp" ]; then
    say "installing npm packages for web/"
    if [ -f web/package-lock.json ]; then (cd web && npm ci --no-audit --no-fund --loglevel=error)
    else (cd web && npm install --no-audit --no-fund --loglevel=error); fi
    touch "$stamp"
  else
    say "npm packages: all present"
  fi
fi
say "done"
