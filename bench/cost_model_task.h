// SPDX-License-Identifier: MIT
// `irio_bench costmodel`: measure the constants of the dense-LU-or-GMRES rule (rule 6 of `auto`,
// dense_break_even_rhs; docs/performance.md "Dense LU or GMRES: the cost model") on a seeded table
// of the given shape: CPU seconds of dgetrf, of a dense solve per right-hand side and of a block
// GMRES column, in one run, and the k* they give beside the k* of the rule in the library.
#pragma once

#include "bench/synthetic_mrio.h"

namespace irio::bench {

/// Prints the measurements and a RESULT line; `rhs` right-hand sides per timed block.
int run_cost_model(const SyntheticSpec& spec, int rhs);

}  // namespace irio::bench
