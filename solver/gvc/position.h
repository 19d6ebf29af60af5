// SPDX-License-Identifier: MIT
// GVC position and length (methods.md §4.2-§4.4): KPWW participation and position, upstreamness,
// downstreamness, production length PLv / PLy, GVC lengths and the GVC position index.
#pragma once

#include "irio/solver/gvc/units.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver::gvc {

struct PositionOptions {
  /// Border that defines "GVC" in the lengths and KPWW (WWYZ use the country, §4.4).
  Perimeter perimeter = Perimeter::kCountry;
  /// KPWW FV (§4.2, option kpww_fv): foreign content (KWW 7-9, default) or KWW 7+8.
  bool kpww_fv_excludes_fdc = false;
  ProgressFn progress;
};

struct PositionResult {
  Vector upstreamness;    ///< U = x^-1 L x = PLv (§4.3, §4.4), n; NaN at zero output
  Vector downstreamness;  ///< D = L'1 = PLy (§4.3), n
  Vector plv_gvc;         ///< PLv_GVC = X^v_GVC 1 / V_GVC 1 (§4.4), n
  Vector ply_gvc;         ///< PLy_GVC = 1'X^v_GVC / 1'V_GVC, n
  Vector gvc_position;    ///< GVCPs = PLv_GVC / PLy_GVC, n
  /// Simple and complex GVC lengths (§4.4 "Simple/complex versions"): L y^ after the border
  /// replaced by L_P y^_P (simple: crosses once, absorbed by the direct importer), and the
  /// difference (complex), for both X^v_GVC and V_GVC. n each.
  Vector plv_gvc_s, ply_gvc_s, plv_gvc_c, ply_gvc_c;
  /// region,sector,indicator,perimeter -> value: upstreamness, downstreamness, PLv, PLy, PLv_GVC,
  /// PLy_GVC, GVC_position, PLv_GVC_S, PLy_GVC_S, PLv_GVC_C, PLy_GVC_C. When the perimeter's border
  /// is not a national border (perimeter region on a table whose countries have several regions,
  /// e.g. provinces), what is measured is the crossing of a region border, and "GVC" in the names
  /// reads "interregional": PLv_interregional, ..., interregional_position (length_names()).
  tables::TidyTable by_sector;
  /// unit,indicator,perimeter -> value: IV, FV, E, kpww_participation, kpww_position (§4.2).
  tables::TidyTable by_unit;
  /// Why by_unit has no rows (empty when it has them): KPWW needs the KWW terms of a closed table.
  std::string kpww_note;
  /// "GVC" or "interregional": what the perimeter's border is (see by_sector).
  std::string crossing;
  tables::TidyTable diagnostics;  ///< §6.2 identity 22 (and 16 via KPWW's KWW terms)
};

/// True when the border of `p` is a national border: perimeter country, or perimeter region on a
/// table where every region is its own country.
bool perimeter_is_national(const LeontiefModel& model, Perimeter p);

/// Cost: S(1) + S'(3) + local solves + the KWW terms (S'(U) + S(U)); no inverse.
PositionResult position_and_length(const LeontiefModel& model, const PositionOptions& opt = {});

}  // namespace irio::solver::gvc
