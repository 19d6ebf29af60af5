// SPDX-License-Identifier: MIT
// Stressors embodied in bilateral trade (issue 21 §2, methods.md §2.7), both ways of counting:
//   MRIO (consumption-based) E^{rs} = s_r (L y^{.s})_r: what region r's production emits for
//     region s's final demand, along the whole supply chain (Peters 2008, "the MRIO way");
//   EEBT (bilateral exports times the exporter's domestic intensity)
//     EEBT^{rs} = s_r (I - A^{rr})^{-1} e^{rs}, e^{rs} = A^{rs} x^s + y^{rs} (r != s): emissions in
//     trade as the exporter's technology makes the exports (Peters 2008, Serrano & Dietzenbacher
//     2010), split into final (y^{rs}) and intermediate (A^{rs} x^s) exports.
// Both add up to the production-based account at the model's output x = L y:
//   sum_s E^{rs} = s_r x_r = s_r (I - A^{rr})^{-1} y^{rr} + sum_{s != r} EEBT^{rs},
// and sum_r E^{rs} is the consumption-based account s L y^{.s} (the footprint D_cba without F_Y).
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

struct EmbodiedTrade {
  Perimeter perimeter = Perimeter::kRegion;  ///< the border between exporter and importer
  std::vector<std::string> units;            ///< U exporters: the regions, or the countries at P = C
  std::vector<Index> unit_of_region;         ///< G: each region's unit
  std::vector<std::string> stressors;        ///< k of the satellite
  /// The D importer columns: the U units, then, for a table with an exogenous rest of the world,
  /// "abroad" (its exports) and "other_fd" (other final demand such as CEADs' ERR) where present.
  std::vector<std::string> destinations;
  /// Per stressor q: U x D matrices, exporter (row) -> importer (column).
  std::vector<Matrix> mrio;               ///< E^{rs}, the diagonal r = s domestic
  std::vector<Matrix> eebt_final;         ///< s_r L^{rr} y^{rs}, r != s (diagonal: domestic final use)
  std::vector<Matrix> eebt_intermediate;  ///< s_r L^{rr} A^{rs} x^s, r != s (diagonal 0)
  /// With by_sector: the same three per exporting region-sector, n x D each (row (r,i): what sector
  /// i of r embodies in its flows to each importer); empty otherwise.
  std::vector<Matrix> mrio_by_sector, eebt_final_by_sector, eebt_intermediate_by_sector;
  Matrix production;              ///< k x U: s_r x_r (D_pba without F_Y)
  Matrix consumption;             ///< k x G: s L y^{.s} by transposed solves (D_cba without F_Y)
  tables::TidyTable diagnostics;  ///< the three identities above, by stressor
};

/// Stressors of satellite `satellite` embodied in bilateral trade between the table's regions, or,
/// at `perimeter` country, between its countries: trade between regions of one country is then
/// domestic, and EEBT uses the country's domestic intensity s_c L_C^{cc} (methods.md §2.7)
/// (D forward solves, k transposed solves, one local transposed solve block). A table with an
/// exogenous rest of the world (exports, ERR) gets the destinations "abroad" and "other_fd": the
/// exports are the rest of the world's final demand (MRIO: D_abroad of the footprints; EEBT: the
/// exports times the exporter's domestic intensity); what imports from abroad embody is not
/// identified (no foreign technology), so consumption covers domestic production only. InputError
/// for an unknown satellite. `by_sector` also keeps the split by exporting sector.
EmbodiedTrade embodied_trade(const LeontiefModel& model, const std::string& satellite, bool by_sector = false,
                             Perimeter perimeter = Perimeter::kRegion);
/// The same for value added (s = v, one row named "value_added"): MRIO is the value added of r
/// absorbed by s's final demand (Johnson & Noguera's bilateral VAX, methods.md §3.1, by region);
/// EEBT is the value added of r in its gross exports to s at r's domestic intensity.
EmbodiedTrade embodied_value_added(const LeontiefModel& model, bool by_sector = false,
                                   Perimeter perimeter = Perimeter::kRegion);

/// embodied_trade: exporter, importer, stressor, indicator (mrio, eebt, eebt_final,
/// eebt_intermediate) -> value; eebt only between different regions.
tables::TidyTable embodied_trade_table(const LeontiefModel& model, const EmbodiedTrade& e);
/// embodied_trade_by_sector: exporter, sector, importer, stressor, indicator -> value (as
/// embodied_trade, per exporting sector; at P = C a country of several regions names its rows
/// "REGION:SECTOR"); needs by_sector.
tables::TidyTable embodied_trade_by_sector_table(const LeontiefModel& model, const EmbodiedTrade& e);
/// embodied_balance: region (the unit: a country at P = C), stressor, indicator (production, consumption_mrio, exports_mrio,
/// imports_mrio, net_exports_mrio, exports_eebt, imports_eebt, net_exports_eebt, consumption_eebt).
tables::TidyTable embodied_balance_table(const LeontiefModel& model, const EmbodiedTrade& e);

}  // namespace irio::solver
