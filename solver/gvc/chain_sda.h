// SPDX-License-Identifier: MIT
// Structural decomposition of the value added that runs through national and global value chains
// (NVC = NVC_S + NVC_C and GVC = GVC_S + GVC_C of methods.md (5.1)) between two tables, forward
// (by region-sector of value-added origin) and backward (by region-sector of final production):
// technology A, final-demand level, final-demand mix (the whole Y by destination, exogenous
// exports included, which sets the LOC / NTF / RT split) and value-added coefficients v
// (methods.md §10.4). Average over all 4! orders.
#pragma once

#include "irio/solver/gvc/production.h"
#include "irio/solver/sda.h"

namespace irio::solver::gvc {

struct ChainSda {
  bool exogenous_rest_of_world = false;  ///< tables with exports columns / imports rows (§5.5)
  StructuralDecomposition nvc;           ///< forward NVC value added v o (L_R A_N L_C y_C), n
  StructuralDecomposition gvc;           ///< forward GVC value added v o (L_C A_F L y), n (empty: exogenous RoW)
  StructuralDecomposition nvc_backward;  ///< (v'L_R A_N L_C)' o y_C, n
  /// (v'L_C A_F L)' o y, n; with an exogenous rest of the world (a_M'L)' o y, where the import
  /// coefficients a_M move with the technology factor and the va_coefficients part is 0.
  StructuralDecomposition gvc_backward;
};

/// Needs tables with the same labels (InputError otherwise); tables with an exogenous rest of the
/// world must have one endogenous country (then L_C = L, A_F = 0, y_F = exports). Cost per year's
/// model: 2 global, 4 country-local and 2 region-local solves for the forward quantities (two
/// final-demand mixes each), 2 + 2 + 4 transposed solves for the backward ones (two v's each); no
/// new factorization.
ChainSda chain_structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1);

}  // namespace irio::solver::gvc
