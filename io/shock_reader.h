// SPDX-License-Identifier: MIT
// Reader for final-demand shock scenarios (columns region, sector, value[, scenario]) as an n x k matrix.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::io {

/// Shocks Delta y for k scenarios (methods.md §1.1, impact analysis): column s of `values` is the
/// shock vector of scenario `scenarios[s]`, n = regions x sectors, region-major.
struct Shocks {
  std::vector<std::string> scenarios;  ///< in order of first appearance; {"shock"} without a scenario column
  tables::Matrix values;               ///< n x k; cells not listed are 0
};

/// Read a shock CSV with a header row naming the columns region, sector, value and optionally
/// scenario (any order, case-insensitive). Throws InputError naming the file and line for an
/// unknown region or sector, a non-numeric value, a repeated (scenario, region, sector) or a
/// missing column.
Shocks read_shocks(const std::string& path, const tables::Labels& labels);

}  // namespace irio::io
