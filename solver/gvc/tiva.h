// SPDX-License-Identifier: MIT
// OECD TiVA indicators under their official codes (methods.md §3.6), from the TradeContext's solves:
// gross trade (EXGR, IMGR, ..., by final and intermediate use), the value-added content of gross
// exports (EXGR_DVA = EXGR_DDC + EXGR_IDC + EXGR_RIM, EXGR_FVA), value added in final demand
// (FFD_DVA, DXD_DVA, DFD_FVA, BALVAFD), participation (DEXFVAP, FEXDVAP) and the bilateral
// origin tables (EXGR_BSCI, FD_VA, EXGR by partner).
#pragma once

#include "irio/solver/gvc/trade.h"

namespace irio::solver::gvc {

struct TivaResult {
  std::vector<std::string> indicators;  ///< the codes of `by_sector`, in output order
  /// One n-vector per indicator (by exporting row, or by origin row for the VA-in-final-demand
  /// and forward-participation codes; methods.md §3.6 says which).
  std::vector<Vector> rows;
  tables::TidyTable by_unit;      ///< tiva: <unit>,indicator (flows and the _SH shares in percent)
  tables::TidyTable by_sector;    ///< tiva_sectors: <unit>,sector,indicator (flows)
  tables::TidyTable bilateral;    ///< tiva_bilateral: origin,partner,indicator
  tables::TidyTable diagnostics;  ///< §6.2-style identities of the TiVA accounts
  const Vector& operator[](const std::string& code) const;
};

/// The TiVA indicators at the context's perimeter (units = regions or countries). Costs S(U) beyond
/// the context (gvc_indicators' per-unit solves) and one local solve with max_u n_u right-hand
/// sides (the diagonal of L_P, for the direct domestic content EXGR_DDC).
TivaResult tiva_indicators(const TradeContext& ctx);

}  // namespace irio::solver::gvc
