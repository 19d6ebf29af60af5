#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build the libFuzzer targets with clang and run each for a bounded time over a copy of its seed
# corpus (fuzz/corpus/<target>); docs/fuzzing.md.
#
#   bash fuzz/run_fuzz.sh [seconds] [build_dir]     # default: 30 s per target, build-fuzz/
#
# Environment: FUZZ_TARGETS="h5_fuzz json_fuzz" runs only those; JOBS=N build jobs (default: nproc);
# FUZZ_ARGS="..." extra libFuzzer flags (e.g. -jobs=2 -workers=2).
# One line per target (PASS/FAIL, executions, coverage, corpus growth); exit status 1 if any target
# found something (crash, sanitizer report, exception other than irio::Error, timeout over 10 s,
# RSS over 2 GB, leak). Reproducers and logs go to <build_dir>/fuzz-findings/; rerun one with
#   <build_dir>/fuzz/<target> <build_dir>/fuzz-findings/<target>-crash-...
#
# Run as root on a fresh Debian 12, it first installs the missing packages with apt (as setup.sh):
packages="build-essential cmake pkg-config libsuitesparse-dev libeigen3-dev libhdf5-dev libopenblas-dev
  libzip-dev libpugixml-dev libxlsxwriter-dev zlib1g-dev nlohmann-json3-dev clang libclang-rt-14-dev"
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
seconds="${1:-30}"
build="${2:-build-fuzz}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
case "$seconds" in '' | *[!0-9]*) echo "usage: bash fuzz/run_fuzz.sh [seconds] [build_dir]" >&2; exit 2 ;; esac
jobs="${JOBS:-$(nproc)}"
all_targets="csv_fuzz xlsx_fuzz ceads_fuzz json_fuzz grouping_fuzz shock_fuzz pymrio_fuzz h5_fuzz manifest_fuzz
  scenario_fuzz region_values_fuzz perturbation_fuzz"
targets="${FUZZ_TARGETS:-$all_targets}"
start=$(date +%s)

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "fuzz: missing Debian packages:$missing (run as root to install them)" >&2
    exit 2
  fi
  echo "== installing:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

echo "== building the fuzz targets in $build (clang, ASan + UBSan + libFuzzer)"
cmake -S . -B "$build" -DIRIO_BUILD_FUZZ=ON -DIRIO_BUILD_TESTS=OFF -DIRIO_BUILD_BENCH=OFF \
  -DIRIO_INSTALL=OFF -DIRIO_BUILD_CLI=OFF -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"$jobs" --target $targets >"$build/fuzz-build.log" 2>&1 || {
  tail -n 40 "$build/fuzz-build.log" >&2
  echo "fuzz: build failed (full log: $build/fuzz-build.log)" >&2
  exit 2
}
built=$(date +%s)
echo "== built in $((built - start)) s; running each target for $seconds s"

# The corpus copies and the targets' scratch files (a file per input) live in one folder, in memory
# when /dev/shm is writable, removed at exit (a crashing target cannot remove its own).
base="${TMPDIR:-}"
if [ -z "$base" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
findings="$build/fuzz-findings"
mkdir -p "$findings"
work="$(mktemp -d "${base:-/tmp}/irio_fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
export TMPDIR="$work/tmp"
failed=0
for t in $targets; do
  bin="$build/fuzz/$t"
  seeds="$root/fuzz/corpus/$t"
  if [ ! -x "$bin" ]; then
    echo "FAIL $t: no binary $bin"; failed=1; continue
  fi
  mkdir -p "$work/$t"
  [ -d "$seeds" ] && cp -r "$seeds/." "$work/$t/"
  n_seeds=$(find "$work/$t" -type f | wc -l)
  dict=()
  [ -f "$root/fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  log="$findings/$t.log"
  rc=0
  # shellcheck disable=SC2086
  (cd "$work" && "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
     -artifact_prefix="$findings/$t-" "${dict[@]}" ${FUZZ_ARGS:-} "$work/$t") >"$log" 2>&1 || rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || true)
  n_after=$(find "$work/$t" -type f | wc -l)
  if [ "$rc" = 0 ]; then
    echo "PASS $t: ${runs:-?} runs in $seconds s, coverage ${cov:-?}, corpus $n_seeds -> $n_after"
  else
    failed=1
    what=$(grep -m1 -oE 'ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer|libFuzzer): [^(]*|runtime error: .*|terminate called .*|Assertion .* failed' "$log" || echo "exit status $rc")
    artifact=$(grep -oE "Test unit written to [^ ]*" "$log" | tail -n1 | sed 's/Test unit written to //' || true)
    echo "FAIL $t: ${what} -> ${artifact:-no reproducer} (log: $log)"
  fi
done
end=$(date +%s)
echo "== fuzzing done in $((end - start)) s ($((built - start)) s building)"
if [ "$failed" != 0 ]; then
  echo "fuzz: findings above; reproducers and logs in $findings" >&2
  exit 1
fi
