// SPDX-License-Identifier: MIT
// Reader of the market-scenario file of `irio scenario --scenarios` (docs/formats.md,
// "Scenario file"): one scenario per row, its factor, origins, destinations, closure and
// final-demand factor. Pure parsing against a table's labels and groupings; the solve is in
// solver/market_scenario.h.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/grouping.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// One row of a scenario file.
struct ScenarioRow {
  std::string where;                 ///< "file:line", for messages about this row
  std::string name;                  ///< unique, not empty
  double factor = 1.0;               ///< finite, >= 0
  double final_demand_factor = 1.0;  ///< finite, >= 0 (1 without a fd_factor column or cell)
  std::vector<bool> origin;          ///< per region of the labels; empty = every region ("all" or "")
  std::vector<bool> destination;     ///< likewise
  std::string closure;               ///< as written ("" = the default); checked by the caller
};

/// Read a scenario file: the one CSV tokenizer (io/csv_reader.h: `,`, `;` or tab separated,
/// quoting, encodings, gzip, the size limit), a header naming the columns scenario, factor, origin,
/// destination and optionally closure and fd_factor (any order), then one row per scenario; rows
/// whose first field starts with '#' are comments. Origins and destinations are "all" or regions
/// and groups (of `groupings`) separated by ';'. Throws InputError naming the file, the line and
/// the field for a missing column, an empty or repeated name, a factor that is not a finite
/// number >= 0, an unknown region or group (with the nearest regions), or a file without rows.
std::vector<ScenarioRow> read_scenario_file(const std::string& path, const tables::Labels& labels,
                                            const std::vector<tables::Grouping>& groupings);

}  // namespace irio::io
