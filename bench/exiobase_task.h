// SPDX-License-Identifier: MIT
// EXIOBASE-shaped benchmark (issue 20 §2): pymrio's calc_all on a table of EXIOBASE's shape (49
// regions x 200 products, 7 final-demand categories, ~1100 stressors, ~100 impacts) against the
// irio CLI, both routes of `irio footprints`.
#pragma once

#include "bench/e2e_task.h"

namespace irio::bench {

struct ExiobaseOptions : E2eOptions {
  int impacts = 100;    ///< impacts of the characterisation file (spec.satellites: the stressors)
  std::string backend;  ///< irio's --backend (e.g. iterative, to run GMRES at a small n); "": auto
};

/// Write a seeded table of EXIOBASE's shape (Z and Y^d from make_synthetic_mrio, Y split into 7
/// final-demand categories by seeded shares; satellite `exio` with spec.satellites stressors, 80 %
/// of them non-zero in at most 5 % of the columns, F_Y in the households' column for about 3 %) and
/// a characterisation file in pymrio's long layout (each impact a weighted sum of 5-50
/// stressors, the same in every region). Run as children `irio footprints t.h5 --satellite exio
/// --characterisation cf.csv -o fp_a.h5` and the same with --imports-by-sector (fp_b.h5), then
/// the dense method (dense_calc_all, impacts = C times each account) in a child. Read irio's
/// results back (io::read_tidy_h5) and compare every account both have, stressor by stressor and
/// impact by impact (normwise relative difference per row, fail above 1e-8). Prints wall, CPU
/// and peak memory of each child and the ratios dense / irio. Returns 0 when all agree.
int run_exiobase(const ExiobaseOptions& opt);

}  // namespace irio::bench
