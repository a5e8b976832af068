#!/usr/bin/env bash
# tests/fuzz/run_fuzzer.sh — builds one libFuzzer target with clang++ and runs it for a bounded
# time on a copy of its seed corpus (so the run never writes into the repository).
#
# Usage: run_fuzzer.sh tests/fuzz/<name>_fuzz.cpp [BUILD_DIR]
#   The .cpp defines LLVMFuzzerTestOneInput and lists the sources it needs on a comment line
#   `// fuzz-sources: src/instruments/*.cpp src/domain/*.cpp` (globs relative to the repo root;
#   `@build/PATH` names a file the CMake build generates, e.g. @build/generated/hsds_schema_data.cpp).
#   Seed corpus: tests/fuzz/corpus/<name>/ (optional). Binary: BUILD_DIR/fuzz/<name>_fuzz.
# Environment:
#   CP_FUZZ_SECONDS   run time in seconds (default 20)
#   CP_FUZZ_CXX       compiler (default clang++)
#   CP_FUZZ_EXTRA     extra libFuzzer flags (e.g. "-runs=1000")
# Exit: 0 when the run ends without a crash; non-zero on a build failure or a crash (the crash
# input is left in BUILD_DIR/fuzz/<name>-artifacts/ to be kept as a named regression file).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 tests/fuzz/<name>_fuzz.cpp [BUILD_DIR]" >&2
  exit 64
fi
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"
src="$1"
[[ "${src}" = /* ]] || src="${repo_root}/${src}"
build_dir="${2:-${repo_root}/build}"
seconds="${CP_FUZZ_SECONDS:-20}"
cxx="${CP_FUZZ_CXX:-clang++}"

base="$(basename "${src}" .cpp)"   # e.g. instruments_fuzz
name="${base%_fuzz}"               # e.g. instruments
out_dir="${build_dir}/fuzz"
bin="${out_dir}/${base}"
mkdir -p "${out_dir}"

if ! command -v "${cxx}" >/dev/null 2>&1; then
  echo "run_fuzzer: ${cxx} not found; cannot build ${base}" >&2
  exit 1
fi

# Sources named on the `// fuzz-sources:` line, globs expanded from the repository root.
sources_line="$(grep -m1 -E '^//[[:space:]]*fuzz-sources:' "${src}" | sed -E 's#^//[[:space:]]*fuzz-sources:##' || true)"
extra_sources=()
shopt -s nullglob
pushd "${repo_root}" >/dev/null
for pattern in ${sources_line}; do
  if [[ "${pattern}" == @build/* ]]; then  # a file the CMake build generates (in BUILD_DIR)
    generated="${build_dir}/${pattern#@build/}"
    [[ -f "${generated}" ]] || { echo "run_fuzzer: ${generated} is missing; build first" >&2; exit 1; }
    extra_sources+=("${generated}")
    continue
  fi
  for f in ${pattern}; do extra_sources+=("${repo_root}/${f}"); done
done
popd >/dev/null
shopt -u nullglob

# Each source is compiled to its own cached object, rebuilt only when the source or one of the
# headers it includes (from the compiler's -MMD dependency file) is newer; compiles run in
# parallel (CP_FUZZ_JOBS, default 2); then everything is linked.
flags=(-std=c++20 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -O1 -g
       -I "${repo_root}/include" -I "${repo_root}/src")
obj_dir="${out_dir}/${name}-objs"
mkdir -p "${obj_dir}"
stale() {  # stale SOURCE OBJECT: true when OBJECT must be rebuilt
  local f="$1" o="$2" dep
  [[ -f "${o}" && -f "${o}.d" && ! "${f}" -nt "${o}" ]] || return 0
  while IFS= read -r dep; do
    [[ -z "${dep}" ]] && continue
    [[ ! -e "${dep}" || "${dep}" -nt "${o}" ]] && return 0
  done < <(sed -e 's/\\$//' -e 's/^[^:]*://' "${o}.d" | tr -s ' \t' '\n\n')
  return 1
}
objects=()
to_build=()
for f in "${src}" "${extra_sources[@]}"; do
  rel="${f#"${repo_root}/"}"
  o="${obj_dir}/${rel//\//__}.o"
  objects+=("${o}")
  if stale "${f}" "${o}"; then to_build+=("${f}|${o}"); fi
done
if [[ ${#to_build[@]} -gt 0 ]]; then
  echo "run_fuzzer: compiling ${#to_build[@]} of ${#objects[@]} source(s) for ${base}"
  export CP_FUZZ_CXX_RESOLVED="${cxx}"
  printf '%s\n' "${to_build[@]}" | xargs -P "${CP_FUZZ_JOBS:-2}" -I{} bash -c '
    pair="$1"; shift
    "${CP_FUZZ_CXX_RESOLVED}" "$@" -MMD -MF "${pair#*|}.d" -c "${pair%%|*}" -o "${pair#*|}.tmp" && mv "${pair#*|}.tmp" "${pair#*|}"
  ' _ {} "${flags[@]}"
fi
needs_link=1
if [[ -x "${bin}" ]]; then
  needs_link=0
  for o in "${objects[@]}"; do [[ "${o}" -nt "${bin}" ]] && { needs_link=1; break; }; done
fi
if [[ ${needs_link} -eq 1 ]]; then
  echo "run_fuzzer: linking ${bin}"
  "${cxx}" -fsanitize=fuzzer,address,undefined "${objects[@]}" -lfmt -o "${bin}.tmp"
  mv "${bin}.tmp" "${bin}"
fi

# Work on a copy of the seed corpus; new inputs go to the temp dir, never into the repo.
work="$(mktemp -d "${TMPDIR:-/tmp}/cp-fuzz-${name}.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
mkdir -p "${work}/corpus" "${out_dir}/${name}-artifacts"
if [[ -d "${script_dir}/corpus/${name}" ]]; then
  cp -R "${script_dir}/corpus/${name}/." "${work}/corpus/"
fi
cd "${work}"
# shellcheck disable=SC2086
"${bin}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="${out_dir}/${name}-artifacts/" ${CP_FUZZ_EXTRA:-} "${work}/corpus"
