// SPDX-License-Identifier: MIT
// Reading labelled wide matrices with file:line:column diagnostics.
#include "irio/io/internal/wide_matrix.h"

#include <algorithm>

#include "irio/io/csv_reader.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace irio::io::internal {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "/" : "") + v[i];
  return s;
}
}  // namespace

std::string WideMatrix::col_name(std::size_t c) const { return join(col_keys.at(c)); }
std::string WideMatrix::row_name(std::size_t r) const { return join(row_keys.at(r)); }

namespace {
WideMatrix read_wide_impl(const std::string& path, std::size_t index_cols, std::size_t header_rows,
                          const std::string& what, const CsvOptions& csv);
}  // namespace

WideMatrix read_wide(const std::string& path, std::size_t index_cols, std::size_t header_rows, const std::string& what,
                     const CsvOptions& csv) {
  return guard_memory(path, [&] { return read_wide_impl(path, index_cols, header_rows, what, csv); });
}

namespace {

WideMatrix read_wide_impl(const std::string& path, std::size_t index_cols, std::size_t header_rows,
                          const std::string& what, const CsvOptions& csv) {
  const CsvFile f = read_csv(path, csv);
  WideMatrix w;
  w.path = path;
  w.index_cols = index_cols;
  w.header_rows = header_rows;
  if (f.rows.size() < header_rows)
    throw InputError(path + ": " + what + " needs " + std::to_string(header_rows) +
                     " header rows (column labels), found " + std::to_string(f.rows.size()) + " rows");
  const std::size_t width = f.rows.front().fields.size();
  if (width <= index_cols)
    throw InputError(path + ":" + std::to_string(f.rows.front().line) + ": " + what + " has " + std::to_string(width) +
                     " columns, expected " + std::to_string(index_cols) + " label columns followed by data columns");
  std::size_t first_data = header_rows;
  // pandas writes a row of index names after the header rows: label cells set, data cells empty.
  if (f.rows.size() > header_rows) {
    const auto& cand = f.rows[header_rows].fields;
    bool empty_data = cand.size() <= width;
    for (std::size_t c = index_cols; c < cand.size() && empty_data; ++c) empty_data = cand[c].empty();
    if (empty_data) ++first_data;
  }
  // Ragged rows: file and line as CsvFile::require_width words them, plus the row's labels.
  for (std::size_t r = 0; r < f.rows.size(); ++r) {
    const auto& fields = f.rows[r].fields;
    if (fields.size() == width) continue;
    const auto nkeys = static_cast<long>(std::min(index_cols, fields.size()));
    const std::vector<std::string> keys(fields.begin(), fields.begin() + nkeys);
    throw InputError(path + ":" + std::to_string(f.rows[r].line) + ": row has " + std::to_string(fields.size()) +
                     " fields, expected " + std::to_string(width) + " (ragged row)" +
                     (r < first_data ? " in the header rows of " + what : "; row '" + join(keys) + "' of " + what));
  }
  const std::size_t ncols = width - index_cols;
  w.col_keys.assign(ncols, {});
  for (std::size_t h = 0; h < header_rows; ++h) {
    for (std::size_t c = 0; c < index_cols; ++c) w.header_cells.push_back(f.rows[h].fields[c]);
    for (std::size_t c = 0; c < ncols; ++c) w.col_keys[c].push_back(f.rows[h].fields[index_cols + c]);
  }
  const std::size_t nrows = f.rows.size() - first_data;
  w.values.resize(static_cast<Eigen::Index>(nrows), static_cast<Eigen::Index>(ncols));
  w.row_keys.reserve(nrows);
  for (std::size_t r = 0; r < nrows; ++r) {
    const auto& row = f.rows[first_data + r];
    w.row_keys.emplace_back(row.fields.begin(), row.fields.begin() + static_cast<long>(index_cols));
    w.row_lines.push_back(row.line);
    for (std::size_t c = 0; c < ncols; ++c) {
      try {
        w.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
            f.number(first_data + r, index_cols + c, what);
      } catch (const InputError& e) {  // add the labels of the cell to "file:line:col: non-numeric ..."
        throw InputError(std::string(e.what()) + " (row '" + w.row_name(r) + "', column '" + w.col_name(c) + "')");
      }
    }
  }
  return w;
}

}  // namespace

}  // namespace irio::io::internal
