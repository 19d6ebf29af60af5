// SPDX-License-Identifier: MIT
// Which BLAS library runs, with which kernel and how many threads, and whether the CPU could run
// a faster kernel (docs/performance.md, "BLAS kernel"). Every dense path of the solver (dense LU,
// the block preconditioner's local LUs, dense products) runs at the speed of this kernel.
#pragma once

#include <string>

namespace irio::solver {

struct BlasInfo {
  std::string library;    ///< the shared object that provides dgemm_ (path), or "" if unknown
  bool openblas = false;  ///< the library exports openblas_get_corename (found with dlsym)
  std::string
      config;  ///< openblas_get_config(), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64"
  std::string kernel;  ///< openblas_get_corename(), e.g. "Haswell", "SkylakeX", "Prescott"; "" if unknown
  int threads = 0;     ///< openblas_get_num_threads(); 0 if unknown
  bool cpu_avx2 = false;
  bool cpu_avx512f = false;

  /// True when the kernel is an OpenBLAS kernel without AVX2 (e.g. Prescott, Nehalem,
  /// Sandybridge) while the CPU has AVX2: dense products then run about four times slower.
  bool slow_kernel() const;
  /// One line: "BLAS: OpenBLAS 0.3.21 (...), kernel Haswell, 2 threads; CPU: AVX2, AVX-512".
  std::string brief() const;
  /// Empty, or a warning that names the kernel and how to choose another
  /// (OPENBLAS_CORETYPE=SkylakeX or Haswell).
  std::string warning() const;
};

/// Detect at run time: OpenBLAS's functions are resolved with dlsym, so another BLAS still links
/// (it is then reported by library path only, with no kernel or thread count).
BlasInfo blas_info();

/// True when `kernel` (an OpenBLAS core name, case-insensitive) uses AVX2 (Haswell, Zen,
/// SkylakeX, CooperLake, SapphireRapids, Excavator).
bool kernel_has_avx2(const std::string& kernel);
/// The OPENBLAS_CORETYPE that matches a CPU: "SkylakeX" with AVX-512, "Haswell" with AVX2, else "".
std::string matching_coretype(bool avx2, bool avx512f);

}  // namespace irio::solver
