// SPDX-License-Identifier: MIT
// Impact analysis of final-demand shocks: Delta x = L Delta y, Delta va = v o Delta x and
// stressor changes S Delta x for k scenarios at once (methods.md §1.1).
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

struct ImpactResult {
  std::vector<std::string> scenarios;       ///< k names
  Matrix dx;                                ///< n x k output changes L Delta y
  Matrix dva;                               ///< n x k value-added changes v o Delta x
  std::vector<std::string> stressor_names;  ///< "SATELLITE/STRESSOR", k_F in all
  Matrix dF;                                ///< k_F x k stressor changes S Delta x
};

/// Impact of the shock matrix dY (n x k, one column per scenario). Cost S(k) (methods.md §1.1).
/// Throws InputError if dY has the wrong number of rows, names do not match its columns, or a
/// shock falls on a zero-output sector (its output cannot respond: compressed, §1.3).
ImpactResult compute_impact(const LeontiefModel& model, const Matrix& dY, std::vector<std::string> scenario_names = {});

/// Build dY from long-format shock entries (region, sector, scenario, value); repeated entries add
/// up. InputError names an unknown region or sector.
struct ShockEntry {
  std::string region, sector, scenario;
  double value = 0;
};
Matrix shock_matrix(const LeontiefModel& model, const std::vector<ShockEntry>& entries,
                    std::vector<std::string>& scenario_names);

/// Tidy: region,sector,indicator,scenario,value with indicators output, value_added and
/// "<satellite>/<stressor>" (per region-sector contributions s_qj dx_j; they sum to dF).
tables::TidyTable impact_table(const LeontiefModel& model, const ImpactResult& r);

}  // namespace irio::solver
