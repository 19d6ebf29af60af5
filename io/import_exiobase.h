// SPDX-License-Identifier: MIT
// Import of EXIOBASE 3 (pxp and ixi) as released on Zenodo: IOT_<year>_<system>.zip or its
// extracted folder (docs/world-tables.md, "EXIOBASE 3").
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::io {

struct ExiobaseImport {
  tables::IoTable table;
  /// What the import did, one sentence each: system and size, where Z came from, what became V,
  /// the final-demand categories, the units and the satellites.
  std::vector<std::string> notes;
};

/// Read an EXIOBASE 3 release (zip archive or folder) holding file_parameters.json (systemtype
/// IOSystem) with Y and either Z or A and x, and optionally unit.txt and the extension folders
/// (satellite/, impacts/, or the 3.9 split: air_emissions/, employment/, ...), each with its own
/// file_parameters.json listing F (or S), F_Y and unit.
///   - Z = A x̂ when only A and x are shipped (methods.md §0.1), else Z as read;
///   - V: the factor-input rows (taxes less subsidies on products, other net taxes on production,
///     compensation of employees by skill, the four operating-surplus rows) of the extension that
///     holds them; the extension itself is kept whole;
///   - every extension becomes a satellite with F, F_Y and each stressor's unit (F = S x̂ when only
///     S is shipped);
///   - each region is its own country; `year` (if not empty) is stored as the table's year.
/// Text matrices are streamed line by line and numbers parsed with std::from_chars, so the full
/// pxp table (n = 9800) needs about the memory of Z in CSC form twice (docs/world-tables.md).
/// Throws InputError naming the file, line, row and column for a file that breaks the layout.
ExiobaseImport import_exiobase(const std::string& path, const std::string& year = "");

}  // namespace irio::io
