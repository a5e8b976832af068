#!/usr/bin/env bash
# scripts/check_layers.sh — enforces the layering (src/README.md) and bans non-reentrant or
# unseeded calls in pure code (STYLE.md 13). Exit 1 with the offending lines when broken.
set -u
cd "$(dirname "$0")/.."
pure="src/domain src/directory include/cp/directory src/exports include/cp/exports src/instruments src/network src/stats src/economics src/study src/fidelity include/cp/domain include/cp/instruments include/cp/network include/cp/stats include/cp/economics include/cp/study include/cp/fidelity"
existing=$(ls -d $pure 2>/dev/null)
fail=0
check() { # pattern, message, paths...
  local pattern=$1 message=$2; shift 2
  local hits
  hits=$(grep -rnE "$pattern" "$@" 2>/dev/null)
  if [ -n "$hits" ]; then echo "layering: $message"; echo "$hits" | head -20; fail=1; fi
}
check '#include *[<"](soci|restinio|sqlite3|spdlog|fstream)' "pure layers must not include storage, transport, logging or file I/O" $existing
check '#include *[<"](cp/)?(store|app|http|cli)/' "pure layers must not include outer layers" $existing
check 'std::random_device|[^_a-z]rand\(|srand\(|std::lgamma|[^_a-z:]lgamma\(' "pure layers must not use unseeded or non-reentrant calls" $existing
check '#include *[<"](cp/)?(app|http|cli)/' "store must not include app, http or cli" src/store include/cp/store
check '#include *[<"](cp/)?(http|cli)/' "app must not include http or cli" src/app include/cp/app
rest=$(grep -rlE '#include *<restinio' src include | grep -v '^src/http/server.cpp$')
if [ -n "$rest" ]; then echo "layering: RESTinio outside src/http/server.cpp:"; echo "$rest"; fail=1; fi
[ $fail = 0 ] && echo "layering: ok"
exit $fail
