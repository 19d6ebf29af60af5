#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run clang-tidy (.clang-tidy) over the library and CLI sources (docs/developing.md, "Static analysis").
#
#   tools/check_tidy.sh [BUILD_DIR] [REGEX...]
#   tools/check_tidy.sh --since REV [BUILD_DIR]   # only the sources changed since REV (quick, for CI
#                                                 # on a branch: NAME.cc for a changed NAME.h)
#
# BUILD_DIR (default: build) must hold compile_commands.json, as every configured irio build does
# (`cmake --preset dev`, or any `cmake -S . -B DIR`); configuring is enough, nothing needs to be
# built: the generated header include/irio/version.h and the include/irio links are made at
# configure time. REGEX... limits the run to the files whose path matches one of them (e.g. `io/`
# or 'solver/leontief'); by default every .cc under analysis/, cli/, io/, solver/, tables/ and
# validation/ (not tests/, bench/, fuzz/ or python/).
#
# Exit status: 0 when clang-tidy reports nothing, 1 when it reports a warning (every enabled check
# is an error; each diagnostic is listed once, the full log with code and notes is
# BUILD_DIR/clang-tidy.log), 2 on a usage or tool error. Environment: JOBS (default: nproc),
# RUN_CLANG_TIDY and CLANG_TIDY name the tools (default run-clang-tidy / run-clang-tidy-14 and
# clang-tidy).
# Fix-its: run-clang-tidy -p BUILD_DIR -fix 'REGEX' applies the checks' suggested fixes.
set -euo pipefail

# The repository root: the folder above tools/ (CI checks a copy of the files without .git).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
since=""
if [ "${1:-}" = --since ]; then
  [ $# -ge 2 ] || { echo "usage: tools/check_tidy.sh [--since REV] [BUILD_DIR] [REGEX...]" >&2; exit 2; }
  since="$2"
  shift 2
fi
build="${1:-build}"
[ $# -gt 0 ] && shift
case "$build" in
  -h | --help) sed -n '3,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  /*) ;;
  *) build="$PWD/$build" ;;
esac
if [ ! -f "$build/compile_commands.json" ]; then
  echo "check_tidy: no $build/compile_commands.json; configure a build first, e.g." >&2
  echo "  cmake --preset dev   (or: cmake -S $root -B $build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2
  exit 2
fi
if [ ! -f "$build/include/irio/version.h" ]; then
  echo "check_tidy: $build/include/irio/version.h is missing; re-run cmake on $build" >&2
  exit 2
fi

rct="${RUN_CLANG_TIDY:-}"
if [ -z "$rct" ]; then
  for c in run-clang-tidy run-clang-tidy-14 run-clang-tidy.py; do
    if command -v "$c" >/dev/null 2>&1; then rct="$c"; break; fi
  done
fi
if [ -z "$rct" ] || ! command -v "$rct" >/dev/null 2>&1; then
  echo "check_tidy: run-clang-tidy not found (Debian: apt-get install clang-tidy)" >&2
  exit 2
fi
ct="${CLANG_TIDY:-clang-tidy}"
command -v "$ct" >/dev/null 2>&1 || { echo "check_tidy: $ct not found" >&2; exit 2; }

# The compile database names absolute paths; match the project's sources in this checkout only.
src_root="$(cd "$root" && pwd -P)"
dirs='(analysis|cli|io|solver|tables|validation)'
patterns=()
if [ -n "$since" ]; then
  # The .cc files changed since REV, and those named after a changed header (NAME.h -> NAME.cc).
  git -C "$root" rev-parse --verify --quiet "$since^{commit}" >/dev/null || { echo "check_tidy: unknown revision '$since'" >&2; exit 2; }
  while IFS= read -r f; do
    case "$f" in
      *.cc) patterns+=("^$src_root/$f\$") ;;
      *.h) patterns+=("^$src_root/${f%.h}\.cc\$") ;;
    esac
  done < <(git -C "$root" diff --name-only --diff-filter=d "$since" -- 'analysis/*' 'cli/*' 'io/*' 'solver/*' 'tables/*' 'validation/*')
  if [ ${#patterns[@]} -eq 0 ]; then
    echo "check_tidy: no library or CLI source changed since $since"
    exit 0
  fi
elif [ $# -gt 0 ]; then
  for r in "$@"; do patterns+=("^$src_root/(?=.*$r)$dirs/.*\.cc\$"); done
else
  patterns=("^$src_root/$dirs/.*\.cc\$")
fi

jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
echo "check_tidy: $("$ct" --version | sed -n 's/.*LLVM version /clang-tidy /p'), $jobs jobs, database $build"
start=$(date +%s)
rc=0
log="$build/clang-tidy.log"
# run-clang-tidy reads .clang-tidy next to the sources; -quiet drops the per-file banners. Colours
# off, chatter ("N warnings generated", "Suppressed N warnings", the command lines) dropped.
"$rct" -clang-tidy-binary "$(command -v "$ct")" -p "$build" -j "$jobs" -quiet "${patterns[@]}" 2>&1 |
  sed 's/\x1b\[[0-9;]*m//g' >"$log" || rc=$?
n_files=$(grep -c -E '^[^ ]*clang-tidy(-[0-9]+)? ' "$log" || true)
# A diagnostic in a header is reported once per file that includes it: list each once.
diags="$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): .*\[[a-z0-9.,-]+\]$' "$log" | sed 's/,-warnings-as-errors\]$/]/' | sort -u || true)"
n_diag=0
[ -n "$diags" ] && n_diag=$(printf '%s\n' "$diags" | wc -l)
elapsed=$(( $(date +%s) - start ))
if [ "$n_diag" -ne 0 ]; then
  printf '%s\n' "$diags"
  echo
  echo "check_tidy: $n_diag diagnostics in $n_files files, $elapsed s (with the code and notes: $log)" >&2
  echo "check_tidy: FAILED; fix the code or, where the check is wrong, add // NOLINT(check-name): reason" >&2
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter=|^[^ ]*clang-tidy(-[0-9]+)? ' "$log" | head -n 50 >&2
  echo "check_tidy: clang-tidy failed ($log)" >&2
  exit 2
fi
echo "check_tidy: $n_files files, no diagnostics, $elapsed s"
