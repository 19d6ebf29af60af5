// SPDX-License-Identifier: MIT
// SingleThreadedBlas (see blas_threads.h).
#include "irio/solver/internal/blas_threads.h"

#include <dlfcn.h>

namespace irio::solver::internal {
namespace {

using GetThreads = int (*)();
using SetThreads = void (*)(int);

// Resolved once: OpenBLAS's own functions, or null with another BLAS.
GetThreads get_threads() {
  static const auto f = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return f;
}
SetThreads set_threads() {
  static const auto f = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  return f;
}

}  // namespace

SingleThreadedBlas::SingleThreadedBlas() {
  if (get_threads() == nullptr || set_threads() == nullptr) return;
  const int t = get_threads()();
  if (t <= 1) return;
  previous_ = t;
  set_threads()(1);
}

SingleThreadedBlas::~SingleThreadedBlas() {
  if (previous_ > 0) set_threads()(previous_);
}

}  // namespace irio::solver::internal
