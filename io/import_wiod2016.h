// SPDX-License-Identifier: MIT
// Import of the WIOD 2016 release world input-output tables (Timmer et al. 2016): the workbook
// WIOT<year>_Nov16_ROW in its .xlsx form, 43 countries and the rest of the world x 56 industries
// (docs/world-tables.md, "WIOD 2016").
#pragma once

#include <string>

#include "irio/io/world_reader_util.h"

namespace irio::io {

struct Wiod2016ImportOptions {
  std::string year;   ///< picks WIOT<year>_Nov16_ROW.xlsx from a folder
  std::string sheet;  ///< the sheet (default: the one named by the year, else the only one)
  std::string validate() const;
};

/// Read one WIOD 2016 workbook (.xlsx; the release's .xlsb must be saved as .xlsx first). Header
/// rows 3-5 hold the column codes, descriptions and countries; from row 7 the rows carry code,
/// description and country in columns A-C and values from column E. Industry rows and columns,
/// final demand CONS_h, CONS_np, CONS_g, GFCF, INVEN per country; the rows of country "TOT":
/// II_fob (checked against the column sums), TXSP, EXP_adj, PURR, PURNR, VA, IntTTM (become V) and
/// GO (x); the column GO is compared with x.
WorldImport import_wiod2016(const std::string& path, const Wiod2016ImportOptions& opt = {});

}  // namespace irio::io
