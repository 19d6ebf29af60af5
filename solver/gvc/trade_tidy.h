// SPDX-License-Identifier: MIT
// Internal helpers of the trade decompositions: tidy layouts of bilateral-sector and
// per-exporter results and the identity checks they share.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/diagnostics.h"
#include "irio/solver/gvc/trade.h"

namespace irio::solver::gvc::detail {

/// exporter,sector,importer,<measure_column> tidy table of n x U cells (rows with importer ==
/// exporter unit are omitted: they are zero by construction).
tables::TidyTable bilateral_table(const TradeContext& ctx, const std::string& name, const std::string& measure_column,
                                  const std::vector<std::string>& measures, const std::vector<Matrix>& cells);

/// exporter,<measure_column> tidy table of U x 1 cells.
tables::TidyTable exporter_table(const TradeContext& ctx, const std::string& name, const std::string& measure_column,
                                 const std::vector<std::string>& measures, const std::vector<Matrix>& cells);

/// Cell matrix (n x U) restricted to importer != exporter unit, summed by exporter unit: U x 1.
Matrix by_exporter(const TradeContext& ctx, const Matrix& cells);

/// Zero the (i, unit(i)) entries.
Matrix off_own(const TradeContext& ctx, Matrix M);

/// Scope label "perimeter=region" / "perimeter=country" for diagnostics rows.
std::string scope(const TradeContext& ctx, const std::string& what);

}  // namespace irio::solver::gvc::detail
