// SPDX-License-Identifier: MIT
// Import of the Asian Development Bank's MRIO workbooks (62- and 72-economy releases; 35
// industries c1-c35, final demand F1-F5 per economy) (docs/world-tables.md, "ADB MRIO").
#pragma once

#include <string>

#include "irio/io/world_reader_util.h"

namespace irio::io {

struct AdbImportOptions {
  std::string year;   ///< picks the workbook from a folder (its name holds the year)
  std::string sheet;  ///< the data sheet (default: the first sheet that is not the legend)
  std::string validate() const;
};

/// Read one ADB MRIO workbook (.xlsx). The header (in its first 12 rows) has a row of codes c1 ...
/// c35 per economy followed by F1 ... F5 per economy, the economy codes in a row above it and the
/// descriptions above that; data rows carry description, economy and code in the three columns
/// left of the first value. Rows r99 (taxes less subsidies on products), r61 (cif/fob
/// adjustments), r62 and r63 (direct purchases abroad by residents / by non-residents), r64
/// (value added at basic prices) and trs (international transport margins) become V; r69 (total
/// output), where present, becomes x (else x = row totals).
WorldImport import_adb(const std::string& path, const AdbImportOptions& opt = {});

}  // namespace irio::io
