// SPDX-License-Identifier: MIT
// Benchmark task "paths": structural path analysis (methods.md §2.8) of the footprint of one
// region's final demand, the top 1000 paths at threshold 1e-5 up to order 8 (paths_task.cc; the
// environment variables IRIO_BENCH_PATHS_TOP, _THRESHOLD and _MAX_NODES change them).
#pragma once

#include "irio/tables/io_table.h"

namespace irio::bench {

/// irio: LeontiefModel, then solver::structural_paths for stressor 0 of "env" and the final demand
/// of region 0 (threshold 1e-5, max order 8, top 1000); prints the search's figures. Result: the
/// total s'L y and the series terms s'A^t y, t = 0..8, as one column.
tables::Matrix paths_irio(const tables::IoTable& t);

/// The check values by the dense method: L = (I - A)^{-1} in full, s'L y, and s'A^t y by dense
/// products (no paths: enumerating them is what the search avoids). Same layout as paths_irio.
tables::Matrix paths_dense(const tables::IoTable& t);

}  // namespace irio::bench
