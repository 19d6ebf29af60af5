// SPDX-License-Identifier: MIT
// Helpers shared by the Leontief indicators: coefficient rows looked up by name and the
// region,sector,indicator tidy layout (the NaN-safe ratio is tables::ratio_or_nan).
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// A flow row f (n) of the table chosen by name, used as w (labour income) or epsilon (jobs):
///   "value_added"          the model's value added va (residual by default, methods.md §0.2);
///   "NAME"                 the value-added component row NAME of table.V;
///   "SATELLITE/STRESSOR"   row STRESSOR of satellite SATELLITE's F.
/// Throws InputError listing the available names when nothing matches.
Vector flow_row(const LeontiefModel& model, const std::string& spec);

/// Per-unit-of-output coefficients c = x^+ f (methods.md §0.1); 0 at zero-output sectors.
Vector per_unit_output(const LeontiefModel& model, const Vector& flow);

/// Sum of several value-added component rows of table.V (InputError if a name is unknown).
Vector va_components_sum(const LeontiefModel& model, const std::vector<std::string>& names);

/// Multiplier rows c'L for the columns of C (n x k): returns (L'C), n x k (methods.md §2.2, S'(k)).
Matrix multiplier_rows(const LeontiefModel& model, const Matrix& C);

/// A TidyTable with key columns region,sector,indicator (+ extra) and levels in table order.
tables::TidyTable make_region_sector_table(const LeontiefModel& model, const std::string& name,
                                           const std::vector<std::string>& extra_keys = {});
/// Append one row per region-sector: (region, sector, indicator, extra...) -> values(j).
void add_region_sector_rows(tables::TidyTable& t, const LeontiefModel& model, const std::string& indicator,
                            const Vector& values, const std::vector<std::string>& extra = {});

}  // namespace irio::solver
