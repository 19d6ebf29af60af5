// SPDX-License-Identifier: MIT
// Import of the WIOD 2013-release world input-output tables in the layout of
// tests/data/wiod2013 (wiot_YYYY_{Z,F}.csv.gz, wiot_YYYY_x.csv, countries/sectors/final_demand.csv).
#pragma once

#include <string>

#include "irio/tables/io_table.h"

namespace irio::io {

struct WiodImportOptions {
  std::string year = "2011";
  /// Map the EU members (countries.csv column group = "EU27") to one country "EU27"; each member
  /// stays its own region. Otherwise each WIOD country is its own region and country.
  bool group_eu = false;
  std::string countries;  ///< optional region -> country map CSV (overrides group_eu)

  /// Empty if valid, else the reason (a year that is not four digits).
  std::string validate() const;
};

/// Read one WIOD year: 41 regions x 35 sectors, 5 final-demand categories per destination,
/// supplied x, and value added as the column residual x' - 1'Z (methods.md §0.2, §8.2 pitfall 3),
/// stored as the single V row "value_added_residual". Labels follow countries.csv / sectors.csv
/// order; file rows and columns are matched by their "CCC_cN" / "CCC_FDk" labels.
tables::IoTable import_wiod(const std::string& dir, const WiodImportOptions& opt = {});

}  // namespace irio::io
