// SPDX-License-Identifier: MIT
// Reader for labelled "wide" matrices: header rows label the columns, index columns label the
// rows (pandas' to_csv layout of a MultiIndex frame, as pymrio writes it; docs/formats.md).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "irio/io/csv_reader.h"
#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// A wide matrix as read: row keys (one string per index column), column keys (one string per
/// header row), values, and the file line of each data row.
struct WideMatrix {
  std::string path;
  std::size_t index_cols = 0;
  std::size_t header_rows = 0;
  std::vector<std::vector<std::string>> row_keys;
  std::vector<std::size_t> row_lines;
  std::vector<std::vector<std::string>> col_keys;
  std::vector<std::string> header_cells;  ///< the index-column cells of the header rows
  tables::Matrix values;

  /// "R/s" for column c (its header cells joined by '/').
  std::string col_name(std::size_t c) const;
  std::string row_name(std::size_t r) const;
};

/// Read `path` with `header_rows` header rows and `index_cols` index columns. A following row whose
/// data cells are all empty (pandas' row of index names) is skipped. Throws InputError naming
/// file, line and column for ragged rows and non-numeric cells, with the labels of the row (and of
/// the cell's column); `what` names the matrix ("Z").
WideMatrix read_wide(const std::string& path, std::size_t index_cols, std::size_t header_rows, const std::string& what,
                     const CsvOptions& csv = {});

/// The (region, sector) grid spanned by a list of key pairs: regions and sectors in order of
/// first appearance. Throws InputError if a pair repeats or the pairs are not the full product.
struct LabelGrid {
  std::vector<std::string> regions, sectors;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  ///< pair -> region-major index
  std::size_t size() const { return regions.size() * sectors.size(); }
  /// Region-major index of a pair, or -1.
  long find(const std::string& region, const std::string& sector) const;
};

/// `keys[i]` = (region, sector) of item i; `second` names the second label ("sector", "category");
/// `where(i)` describes item i for messages.
template <typename Where>
LabelGrid make_grid(const std::vector<std::pair<std::string, std::string>>& keys, const std::string& what,
                    const std::string& second, Where where);

}  // namespace irio::io::internal

#include "irio/io/internal/wide_matrix_inl.h"
