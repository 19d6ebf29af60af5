// SPDX-License-Identifier: MIT
// What the hardware allows for `irio_bench e2e` (issue 20): the time to read a table's arrays
// straight into memory with HDF5, the region-local LUs, the machine's memory bandwidth, and so
// the least time one pass of the sparse product over A can take. irio's figure is printed beside
// the sum of these (docs/performance.md, "The floor").
#pragma once

#include <string>

namespace irio::bench {

struct MachineFloor {
  double read_s = 0;         ///< H5Dread of every dataset under /core into pre-sized arrays
  double read_mb = 0;        ///< bytes those datasets hold, in MB
  double region_lus_s = 0;   ///< G dense N x N LUs (dgetrf), the GMRES preconditioner's set-up
  double bandwidth_gbs = 0;  ///< streaming read over all cores, GB/s
  double nnz = 0;            ///< non-zeros of Z (so of A)
  double pass_s = 0;         ///< one pass over A's values and row indices at that bandwidth
};

/// Measure on the table file `path` (the layout io::write_table writes) with G regions of N sectors.
MachineFloor measure_floor(const std::string& path, int regions, int sectors);

}  // namespace irio::bench
