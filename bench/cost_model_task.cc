// SPDX-License-Identifier: MIT
// `irio_bench costmodel` (cost_model_task.h).
#include "bench/cost_model_task.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "irio/solver/blas_info.h"
#include "irio/solver/leontief_model.h"

namespace irio::bench {

namespace {

using tables::Matrix;
using Index = Eigen::Index;

/// CPU seconds (user + system, all threads) and wall seconds since construction.
struct Clock {
  double cpu0 = cpu(), wall0 = wall();
  static double cpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
  }
  static double wall() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  double cpu_s() const { return cpu() - cpu0; }
  double wall_s() const { return wall() - wall0; }
};

Matrix random_rhs(Index n, Index k, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Matrix B(n, k);
  for (Index j = 0; j < k; ++j)
    for (Index i = 0; i < n; ++i) B(i, j) = u(rng);
  return B;
}

}  // namespace

int run_cost_model(const SyntheticSpec& spec, int rhs) {
  std::printf("%s\n", solver::blas_info().brief().c_str());
  const auto table = make_synthetic_mrio(spec);
  const auto k = static_cast<Index>(rhs);
  solver::ModelOptions it_opt, lu_opt;
  it_opt.backend = solver::Backend::kIterative;
  lu_opt.backend = solver::Backend::kDense;
  const solver::LeontiefModel it(table, it_opt), lu(table, lu_opt);
  const Index n = it.n(), nnz = it.A().nonZeros();
  std::printf("irio_bench costmodel: %d regions x %d sectors (n = %ld, nnz(A) = %ld, %.1f %%), %ld right-hand sides\n",
              spec.regions, spec.sectors, static_cast<long>(n), static_cast<long>(nnz),
              100.0 * static_cast<double>(nnz) / (static_cast<double>(n) * static_cast<double>(n)),
              static_cast<long>(k));
  const Matrix B = random_rhs(n, k, spec.seed);
  it.solve_transposed(random_rhs(n, 1, spec.seed + 1));  // region LUs and buffers, not timed
  double gm_cpu[2], gm_wall[2];
  for (int tr = 0; tr < 2; ++tr) {
    const Clock c;
    const Matrix X = tr ? it.solve_transposed(B) : it.solve(B);
    gm_cpu[tr] = c.cpu_s();
    gm_wall[tr] = c.wall_s();
    std::printf("  GMRES %-12s %8.3f s CPU %8.3f s wall  (%.4f s CPU per column)\n", tr ? "transposed" : "forward",
                gm_cpu[tr], gm_wall[tr], gm_cpu[tr] / static_cast<double>(k));
  }
  const Clock cf;
  lu.global_solver();  // the dense LU (dgetrf)
  const double lu_cpu = cf.cpu_s(), lu_wall = cf.wall_s();
  std::printf("  dense LU (dgetrf)    %8.3f s CPU %8.3f s wall\n", lu_cpu, lu_wall);
  const Clock cs;
  const Matrix Xd = lu.solve_transposed(B);
  const double ds_cpu = cs.cpu_s();
  std::printf("  dense solves         %8.3f s CPU %8.3f s wall  (%.5f s CPU per column)\n", ds_cpu, cs.wall_s(),
              ds_cpu / static_cast<double>(k));
  const double nd = static_cast<double>(n), per_gmres = 0.5 * (gm_cpu[0] + gm_cpu[1]) / static_cast<double>(k);
  const double per_dense = ds_cpu / static_cast<double>(k);
  const double c_lu = lu_cpu / (nd * nd * nd), c_gmres = per_gmres / static_cast<double>(nnz),
               c_solve = per_dense / (nd * nd);
  const double k_measured = per_gmres > per_dense ? lu_cpu / (per_gmres - per_dense) : -1;
  const Index k_rule = solver::dense_break_even_rhs(n, nnz);
  std::printf(
      "  constants: c_LU = %.3g s per n^3, c_GMRES = %.3g s per non-zero and column, c_solve = %.3g s per "
      "n^2 and column\n",
      c_lu, c_gmres, c_solve);
  std::printf("  k* measured = %.0f, k* of the library's rule = %ld\n", k_measured, static_cast<long>(k_rule));
  std::printf(
      "RESULT task=costmodel n=%ld nnz=%ld rhs=%ld lu_cpu=%.3f gmres_cpu_per_rhs=%.5f dense_cpu_per_rhs=%.5f "
      "c_lu=%.3g c_gmres=%.3g c_solve=%.3g k_measured=%.0f k_rule=%ld\n",
      static_cast<long>(n), static_cast<long>(nnz), static_cast<long>(k), lu_cpu, per_gmres, per_dense, c_lu, c_gmres,
      c_solve, k_measured, static_cast<long>(k_rule));
  return 0;
}

}  // namespace irio::bench
