// SPDX-License-Identifier: MIT
// Structural decomposition of the value added that runs through national and global value chains
// (forward NVC = NVC_S + NVC_C and GVC = GVC_S + GVC_C of methods.md (5.1), by region-sector of
// origin) between two closed tables: technology A, final-demand level, final-demand mix (the
// whole Y by destination, which sets the LOC / NTF / RT split) and value-added coefficients v
// (methods.md §10.4). Average over all 4! orders.
#pragma once

#include "irio/solver/gvc/production.h"
#include "irio/solver/sda.h"

namespace irio::solver::gvc {

struct ChainSda {
  StructuralDecomposition nvc;  ///< forward NVC value added, n
  StructuralDecomposition gvc;  ///< forward GVC value added, n
};

/// Needs tables without exogenous exports or imports and with the same labels (InputError
/// otherwise). Cost per year's model: 2 global solves, 4 country-local and 2 region-local solves
/// (two final-demand mixes each); no new factorization.
ChainSda chain_structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1);

}  // namespace irio::solver::gvc
