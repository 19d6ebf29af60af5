// SPDX-License-Identifier: MIT
// Write an IoTable as a CEADs-layout workbook (the 2017/2018/2020 English sheet), readable by
// read_ceads and by spreadsheet users.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::io {

struct CeadsWriteOptions {
  std::string sheet;  ///< empty: "Table_<year>_English Version" ("Table_English Version" without a year)
  std::vector<std::string> sector_names;  ///< N names for column B / row 3; empty: the sector codes
  std::string title;                      ///< row 1; empty: a title from the table name and unit
  bool overwrite = false;
  /// Write the province name on every column / row of its block (true) or only on the first one,
  /// as a merged cell stores it (false). read_ceads accepts both.
  bool repeat_province_labels = false;

  /// Empty if valid, else the reason (a sheet name Excel refuses: over 31 characters or one of
  /// []:*?/\).
  std::string validate() const;
};

/// Write `t` in the CEADs layout (data/README.md):
///   row 1 title; row 2 provinces over the Z and final-demand blocks; row 3 sector names /
///   final-demand labels; row 4 codes; rows 5.. the G N province-sector rows, then IM (sum of the
///   import rows), TII (= 1'Z, domestic intermediate input), VA rows, TVA, TI (= 1'Z + IM + VA),
///   and a "CO2 (unit)" row when the table has a one-stressor satellite named CO2.
///   Columns: A-C province, sector name, code; Z; TIU; K final-demand columns per province; EX
///   (every export column not labelled ERR, summed); TFU; ERR (if an export column is labelled
///   ERR); GO (the supplied x, or the row totals).
/// Throws InputError if the table has more than one country or inconsistent shapes, OutputError if
/// the file cannot be written (or exists without overwrite). Streams rows (constant memory).
void write_ceads(const tables::IoTable& t, const std::string& path, const CeadsWriteOptions& opt = {});

}  // namespace irio::io
