// SPDX-License-Identifier: MIT
// Assembling an IoTable from labelled wide matrices: label matching and region-major reordering.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "irio/io/internal/wide_matrix.h"
#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// Z and Y from wide matrices whose first two index columns are (region, sector) and whose first
/// two header rows are (region, sector) for Z and (region, category) for Y. Sets labels (each
/// region its own country), Z and Y, reordered region-major.
tables::IoTable assemble_core(const WideMatrix& Z, const WideMatrix& Y);

/// Columns of `w` that are the table's region-sectors, reordered region-major: an m x n matrix.
/// With `allow_fd`, further columns may be the table's final-demand columns (region, category):
/// they are returned in `fd` (m x G K; all of them or none). Throws InputError otherwise.
tables::Matrix align_sector_columns(const WideMatrix& w, const tables::IoTable& t, const std::string& what,
                                    bool allow_fd = false, tables::Matrix* fd = nullptr, bool require_sectors = true);

/// Rows of `w`, whose first two index columns are (region, sector), matched to the table's
/// region-sectors: an n x (columns of w) matrix, region-major. Throws InputError naming the file,
/// line and label for a row that is not a row of Z, a duplicate row, and a missing row; `what`
/// names the matrix ("Y", "exports").
tables::Matrix align_sector_rows(const WideMatrix& w, const tables::IoTable& t, const std::string& what);

/// The labels of the rows of `w` (its first index column), which must be non-empty and unique;
/// `what` names one label in messages ("value-added component", "import component").
std::vector<std::string> row_labels(const WideMatrix& w, const std::string& what);

/// The labels of the columns of `w` (its first header row), non-empty and unique ("export category").
std::vector<std::string> column_labels(const WideMatrix& w, const std::string& what);

/// A satellite from a wide matrix: stressor name = the index columns in `name_cols` joined by '/',
/// unit = index column `unit_col` (if any).
tables::Satellite make_satellite(const std::string& name, const WideMatrix& F, const WideMatrix* F_Y,
                                 const std::vector<std::size_t>& name_cols, std::optional<std::size_t> unit_col,
                                 const tables::IoTable& t);

/// `w.path:line` of data row r.
std::string row_where(const WideMatrix& w, std::size_t r);

}  // namespace irio::io::internal
