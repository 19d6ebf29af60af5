// SPDX-License-Identifier: MIT
// Benchmark task "paths" (paths_task.h).
#include "bench/paths_task.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "bench/bench_tasks.h"
#include "irio/solver/leontief_model.h"
#include "irio/solver/structural_paths.h"

namespace irio::bench {

namespace {
constexpr int kMaxOrder = 8;

/// IRIO_BENCH_PATHS_TOP, IRIO_BENCH_PATHS_THRESHOLD, IRIO_BENCH_PATHS_MAX_NODES: other settings of
/// the same search (docs/performance.md, "Structural path analysis").
double env_or(const char* name, double fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != 0 ? std::atof(v) : fallback;
}
}  // namespace

tables::Matrix paths_irio(const tables::IoTable& t) {
  const auto t0 = std::chrono::steady_clock::now();
  const solver::LeontiefModel m(t, {});
  const auto t1 = std::chrono::steady_clock::now();
  const auto s = solver::stressor_intensity(m, "env", "stressor0");
  const auto y = solver::final_demand_of(m, t.labels.regions.at(0));
  solver::StructuralPathOptions o;
  o.threshold = env_or("IRIO_BENCH_PATHS_THRESHOLD", 1e-5);
  o.max_order = kMaxOrder;
  o.top = static_cast<std::size_t>(env_or("IRIO_BENCH_PATHS_TOP", 1000));
  o.max_nodes = static_cast<std::size_t>(env_or("IRIO_BENCH_PATHS_MAX_NODES", 5e6));
  std::printf("  settings: threshold %.0e, top %zu, max order %d, max nodes %zu\n", o.threshold, o.top, o.max_order,
              o.max_nodes);
  const auto r = solver::structural_paths(m, s, y, o);
  const auto t2 = std::chrono::steady_clock::now();
  double found = 0;
  for (const auto& ot : r.by_order) found += ot.found;
  std::printf("  paths: %zu reported (largest share %.4f, smallest %.2e), coverage %.4f, nodes %zu, expanded %zu%s%s\n",
              r.paths.size(), r.paths.empty() ? 0.0 : r.paths.front().value / r.total,
              r.paths.empty() ? 0.0 : r.paths.back().value / r.total, found / r.total, r.nodes, r.expansions,
              r.top_reached ? ", top reached" : "", r.capped ? ", NODE CAP REACHED" : "");
  std::printf("  model %.3f s (%s), search %.3f s (one transposed solve, %d sparse products, the search)\n",
              std::chrono::duration<double>(t1 - t0).count(), m.summary().backend.c_str(),
              std::chrono::duration<double>(t2 - t1).count(), kMaxOrder);
  std::fflush(stdout);
  tables::Matrix out(kMaxOrder + 2, 1);
  out(0, 0) = r.total;
  for (int k = 0; k <= kMaxOrder; ++k) out(k + 1, 0) = r.by_order[static_cast<std::size_t>(k)].series_term;
  return out;
}

tables::Matrix paths_dense(const tables::IoTable& t) {
  const tables::Vector x = t.output(), xinv = tables::safe_reciprocal(x);
  const tables::Matrix A = tables::Matrix(t.Z) * xinv.asDiagonal();
  const tables::Vector s = t.satellites.at(0).F.row(0).transpose().cwiseProduct(xinv);
  const tables::Vector y = t.final_demand_by_region().col(0);
  const tables::Matrix L = dense_leontief_inverse(t);
  tables::Matrix out(kMaxOrder + 2, 1);
  out(0, 0) = s.dot(L * y);
  tables::Vector v = y;
  for (int k = 0; k <= kMaxOrder; ++k) {
    if (k > 0) v = A * v;
    out(k + 1, 0) = s.dot(v);
  }
  return out;
}

}  // namespace irio::bench
