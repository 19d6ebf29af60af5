// SPDX-License-Identifier: MIT
// Hold OpenBLAS to one thread while the iterative solvers run (docs/performance.md, "Where the
// time goes"): their BLAS calls are small (the region LUs' solves, Gram-Schmidt), yet each one
// that OpenBLAS threads wakes its worker threads, which then wait by calling sched_yield and take
// the cores from irio's own sparse-product threads. A profile of `irio footprints` at n = 9800
// put a fifth of the CPU time in those yields.
#pragma once

namespace irio::solver::internal {

/// While alive, OpenBLAS runs single-threaded; the earlier thread count comes back on destruction.
/// With another BLAS (no openblas_set_num_threads found by dlsym) it does nothing. Not for use
/// while another thread calls BLAS (irio's solves run on one thread).
class SingleThreadedBlas {
 public:
  SingleThreadedBlas();
  ~SingleThreadedBlas();
  SingleThreadedBlas(const SingleThreadedBlas&) = delete;
  SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;

 private:
  int previous_ = 0;  ///< 0: nothing to restore
};

}  // namespace irio::solver::internal
