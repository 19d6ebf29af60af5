// SPDX-License-Identifier: MIT
// blas_info: run-time detection of the BLAS library, its kernel and the CPU's vector extensions.
#include "irio/solver/blas_info.h"

#include <dlfcn.h>

#include <algorithm>
#include <cctype>

extern "C" void dgemm_(const char*, const char*, const int*, const int*, const int*, const double*, const double*,
                       const int*, const double*, const int*, const double*, double*, const int*);

namespace irio::solver {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

template <typename Fn>
Fn lookup(const char* name) {
  return reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

std::string library_of(const void* symbol) {
  Dl_info info{};
  if (symbol != nullptr && dladdr(symbol, &info) != 0 && info.dli_fname != nullptr) return info.dli_fname;
  return {};
}

}  // namespace

bool kernel_has_avx2(const std::string& kernel) {
  const std::string k = lower(kernel);
  for (const char* name : {"haswell", "zen", "skylakex", "cooperlake", "sapphirerapids", "excavator"})
    if (k == name) return true;
  return false;
}

std::string matching_coretype(bool avx2, bool avx512f) {
  if (avx512f) return "SkylakeX";
  if (avx2) return "Haswell";
  return {};
}

bool BlasInfo::slow_kernel() const { return openblas && !kernel.empty() && cpu_avx2 && !kernel_has_avx2(kernel); }

std::string BlasInfo::brief() const {
  std::string s = "BLAS: ";
  if (openblas) {
    s += config.empty() ? std::string("OpenBLAS") : config;
    s += ", kernel " + (kernel.empty() ? std::string("unknown") : kernel);
    s += ", " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
  } else {
    s += library.empty() ? std::string("unknown library") : library;
    s += " (not OpenBLAS: kernel and threads unknown)";
  }
  s += "; CPU: ";
  s += cpu_avx512f ? "AVX2, AVX-512" : cpu_avx2 ? "AVX2" : "no AVX2";
  return s;
}

std::string BlasInfo::warning() const {
  if (!slow_kernel()) return {};
  const std::string type = matching_coretype(cpu_avx2, cpu_avx512f);
  return "OpenBLAS runs its " + kernel + " kernel (no AVX2) on a CPU with " + (cpu_avx512f ? "AVX-512" : "AVX2") +
         ": dense solves and products run several times slower than they could. Choose the "
         "matching kernel with OPENBLAS_CORETYPE=" +
         type + " (docs/performance.md, \"BLAS kernel\")";
}

BlasInfo blas_info() {
  BlasInfo b;
  using CharFn = char* (*)();
  using IntFn = int (*)();
  const auto corename = lookup<CharFn>("openblas_get_corename");
  const auto config = lookup<CharFn>("openblas_get_config");
  const auto threads = lookup<IntFn>("openblas_get_num_threads");
  b.openblas = corename != nullptr;
  if (corename != nullptr && corename() != nullptr) b.kernel = corename();
  if (config != nullptr && config() != nullptr) b.config = config();
  if (threads != nullptr) b.threads = threads();
  b.library = library_of(corename != nullptr ? reinterpret_cast<const void*>(corename)
                                             : reinterpret_cast<const void*>(&dgemm_));
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  b.cpu_avx2 = __builtin_cpu_supports("avx2") != 0;
  b.cpu_avx512f = __builtin_cpu_supports("avx512f") != 0;
#endif
  return b;
}

}  // namespace irio::solver
