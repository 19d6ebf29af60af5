// SPDX-License-Identifier: MIT
// Import of the OECD Inter-Country Input-Output tables (ICIO releases 2016, 2018, 2021, 2023), one
// year's CSV, plain or zipped, regular or extended (docs/world-tables.md, "OECD ICIO").
#pragma once

#include <string>

#include "irio/io/world_reader_util.h"

namespace irio::io {

struct OecdImportOptions {
  /// The year: picks the file from a folder, or the member of a zip that holds several years.
  std::string year;
  /// "auto" (by the names of the rows), or the release whose names the file must use: "2016",
  /// "2018" (TAXSUB, VALU, OUTPUT rows and a TOTAL column), "2021" (either naming), "2023" (TLS,
  /// VA, OUT rows and an OUT column).
  std::string release = "auto";
  /// Extended files: keep CN1, CN2, MX1, MX2 as regions of the countries CHN and MEX instead of
  /// folding their rows and columns into CHN and MEX.
  bool keep_splits = false;

  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// Read one ICIO table: `path` is a .csv file, a .zip holding one (or, with opt.year, several
/// years), or a folder (with opt.year). Rows and columns are matched by their labels "CCC_IND"
/// (split at the first '_': industry codes such as "A01_02" keep theirs), final-demand columns
/// "CCC_HFCE" ... per economy; V holds the tax row and the value-added row, x the output row.
/// Every layout fault is an InputError naming the file, the row or column and what was expected.
WorldImport import_oecd(const std::string& path, const OecdImportOptions& opt = {});

}  // namespace irio::io
