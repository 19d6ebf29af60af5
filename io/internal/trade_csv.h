// SPDX-License-Identifier: MIT
// Exogenous trade with the rest of the world as labelled CSV (docs/formats.md, methods.md §5.5):
// exports.csv (n x k_E, laid out like Y's rows) and imports.csv (k_M x n, laid out like V).
#pragma once

#include <string>

#include "irio/io/csv_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// Read `path` into t.exports and t.export_labels: two index columns (region, sector), one header
/// row naming the export categories. Every region-sector of Z once, in any order. Throws InputError
/// naming the file, line and label (unknown region or sector, duplicate or missing row, ragged row,
/// non-numeric cell, empty or repeated category).
void read_exports_csv(const std::string& path, tables::IoTable& t, const CsvOptions& csv = {});

/// Read `path` into t.imports and t.import_labels: one index column (import component), two header
/// rows (region, sector) over every region-sector of Z, as V.csv. Throws InputError as above.
void read_imports_csv(const std::string& path, tables::IoTable& t, const CsvOptions& csv = {});

/// Write t.exports / t.imports in the layouts above (numbers to 17 significant digits).
void write_exports_csv(const tables::IoTable& t, const std::string& path, const WriteOptions& opt);
void write_imports_csv(const tables::IoTable& t, const std::string& path, const WriteOptions& opt);

}  // namespace irio::io::internal
