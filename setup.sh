#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Set-up for a fresh Debian 12 machine (run as root): install the missing Debian packages, build
# irio, then either analyse the bundled WIOD 2011 table (`run`: builds only the `irio` executable)
# or run the whole test suite (`test`: the clang-format check, Release build, clang-tidy over the
# verbs' declarations, AddressSanitizer/UBSan build, each through
# CTest; the sanitizer build runs every test but the `install`, `docs`, `python`, `browser` and
# `tutorial` checks (it builds no Python module: an ASan extension does not load into a plain
# interpreter; the browser and tutorial checks run the CLI as a user does, nothing the sanitizers
# add to); then a short,
# reproducible fuzz run of every reader, fuzz/run_fuzz.sh).
# `python`: the Python module (docs/python.md) from Debian's packages only, offline once they are
# installed: installs pybind11-dev python3-dev python3-numpy python3-pandas, builds the module in
# build/ (-DIRIO_BUILD_PYTHON=ON: also after a `run` that found no pybind11), imports it, and
# prints how to use it from the build tree or install it (`bash setup.sh python --install PREFIX`).
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-run}"

packages="build-essential cmake pkg-config libsuitesparse-dev libeigen3-dev libhdf5-dev
  libboost-test-dev libcli11-dev libopenblas-dev libzip-dev libpugixml-dev libxlsxwriter-dev
  zlib1g-dev nlohmann-json3-dev"
# Only for `test`: the Python module and its pytest suite (openpyxl reads the xlsx report back),
# headless Chromium for the report's browser test, and PETSc with Open MPI for the PETSc backend's
# tests (label `mpi`, docs/petsc.md).
test_packages="pybind11-dev python3-dev python3-numpy python3-pandas python3-pytest chromium python3-openpyxl
  petsc-dev openmpi-bin clang-format clang-tidy"
python_packages="pybind11-dev python3-dev python3-numpy python3-pandas"
if [ "$mode" = test ]; then packages="$packages $test_packages"; fi
if [ "$mode" = python ]; then packages="$packages $python_packages"; fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "== installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

jobs="$(nproc)"
build() {  # build DIR [--target T] [extra cmake args]
  local dir="$1"; shift
  local target=()
  if [ "${1:-}" = "--target" ]; then target=(--target "$2"); shift 2; fi
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DIRIO_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" "${target[@]}"
}

case "$mode" in
  run)
    build build --target irio
    ./build/irio analyse tables/data/wiod2011.h5 -o out/wiod2011 --force
    ;;
  test)
    echo "== format: every C++ source against .clang-format (tools/check_format.sh; docs/developing.md)"
    bash tools/check_format.sh
    build build -DIRIO_WITH_PETSC=ON  # the PETSc/MPI backend and its mpirun -np 2 tests (label mpi)
    echo "== clang-tidy (.clang-tidy) over the verbs' declarations and the command built from them; the"
    echo "   whole library is tools/check_tidy.sh build (about 7 min on 2 cores; docs/developing.md)"
    JOBS="$jobs" bash tools/check_tidy.sh build 'analysis/verb' 'cli/verb_commands' 'cli/common_options'

    (cd build && OPENBLAS_NUM_THREADS=1 ctest --output-on-failure -j"$jobs")
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
    build build-asan -DIRIO_SANITIZERS="address;undefined" -DIRIO_BUILD_BENCH=OFF -DIRIO_INSTALL=OFF -DIRIO_BUILD_PYTHON=OFF \
      -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DIRIO_WERROR=OFF  # -O1: usual ASan level, faster build; warnings are checked by the Release build
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 OPENBLAS_NUM_THREADS=1 ctest --output-on-failure -j"$jobs" -LE 'install|docs|python|browser|tutorial')
    echo "== fuzzing every reader: corpus replay + 5000 inputs per target from a fixed seed (docs/fuzzing.md)"
    FUZZ_ARGS="-seed=1 -runs=5000" JOBS="$jobs" bash fuzz/run_fuzz.sh 120 build-fuzz
    ;;
  python)
    build build --target irio_python -DIRIO_BUILD_PYTHON=ON -DPYTHON_EXECUTABLE=/usr/bin/python3
    PYTHONPATH=build/python /usr/bin/python3 -c "import irio; print('irio', irio.__version__, 'Python module built in build/python')"
    if [ "${2:-}" = --install ]; then
      prefix="${3:?usage: bash setup.sh python --install PREFIX}"
      pyver="$(/usr/bin/python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
      cmake -S . -B build -DIRIO_PYTHON_INSTALL_DIR="lib/python$pyver/dist-packages" >/dev/null
      cmake --build build -j"$jobs"  # the install rules install every target
      cmake --install build --prefix "$prefix"
      echo "installed; use it with: PYTHONPATH=$prefix/lib/python$pyver/dist-packages python3 -c 'import irio'"
      if [ "$prefix" = /usr/local ]; then echo "(Debian's python3 reads /usr/local/lib/python$pyver/dist-packages by itself)"; fi
    else
      echo "use it with: PYTHONPATH=build/python python3   (or install: bash setup.sh python --install /usr/local)"
    fi
    ;;
  *)
    echo "usage: bash setup.sh run|test|python [--install PREFIX]" >&2
    exit 2
    ;;
esac
