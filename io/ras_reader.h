// SPDX-License-Identifier: MIT
// The inputs of RAS/GRAS balancing (tables/ras.h) from CSV: a labelled matrix and its row and
// column targets, matched by label (docs/provincial.md, "RAS and GRAS").
#pragma once

#include <string>
#include <vector>

#include "irio/io/table_store.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// A labelled matrix with its targets in the matrix's line order.
struct RasInput {
  std::string corner;  ///< the matrix file's top-left header cell
  std::vector<std::string> row_labels, col_labels;
  tables::Matrix A;
  tables::Vector u, v;  ///< row and column targets
};

/// Read `matrix` (header row of column labels, first column row labels) and the targets `rows`
/// and `cols` (label,value with one header line). Throws InputError naming the file and line for
/// a repeated label in the matrix (rows or columns) or in a target file, a target label that is
/// not a line of the matrix, a line without a target, and non-numeric cells.
RasInput read_ras_input(const std::string& matrix, const std::string& rows, const std::string& cols);

/// Write `X` (the balanced matrix, shape of in.A) labelled as `in` was read: the corner cell and
/// the column labels, then one line per row label (17 significant digits, labels quoted when
/// they hold a comma, quote or newline). Atomic (temporary file and rename); OutputError when
/// `path` exists and !opt.overwrite or names one of opt.inputs.
void write_ras_output(const RasInput& in, const tables::Matrix& X, const std::string& path,
                      const WriteOptions& opt = {});

}  // namespace irio::io
