// SPDX-License-Identifier: MIT
// End-to-end benchmark: the irio CLI as a user runs it (read HDF5, compute, write CSV) against the
// peers' dense method computing the same accounts (pymrio's calc_all), in the same run.
#pragma once

#include <string>

#include "bench/synthetic_mrio.h"

namespace irio::bench {

struct E2eOptions {
  SyntheticSpec spec;
  std::string irio_binary;  ///< the irio executable to run
  bool skip_baseline = false;
  int compression_level = -1;  ///< deflate level of the table file; -1: io::WriteOptions' default
  std::string workdir;         ///< kept (table, outputs, logs) when given; else a temporary folder
};

/// Write the seeded table with io::write_table, run `irio multipliers` and `irio footprints` on
/// it as child processes, then the dense baseline in a child process (read the same file; A;
/// L = (I - A)^{-1} by dgetrf + dgetri; 1'L, v'L, M = S L, M_down; X = L diag-blocks(Y^d) by
/// dgemm as pymrio's calc_accounts; D_cba, D_pba, D_imp, D_exp; write CSV). Prints wall times,
/// peak memory of each child (getrusage), the ratios, the BLAS kernel of each side and the
/// largest relative difference between irio's and the baseline's accounts. Returns 0 when they
/// agree to 1e-8.
int run_e2e(const E2eOptions& opt);

}  // namespace irio::bench
