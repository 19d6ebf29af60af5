// SPDX-License-Identifier: MIT
// A small RAII writer of .xlsx workbooks over libxlsxwriter: sheets of numbers, strings, booleans.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace irio::io {

struct XlsxWriterOptions {
  /// Stream rows to disk (libxlsxwriter "constant_memory"): rows must then be written in
  /// increasing order, and strings are stored inline instead of in the shared-string table.
  bool constant_memory = false;
  bool overwrite = false;  ///< replace an existing file
};

/// A native Excel bar chart (horizontal bars) over cells of one sheet: categories in
/// `category_col`, one series per column of `value_cols`, rows first_row..last_row (0-based,
/// inclusive), series names from `header_row`.
struct XlsxBarChart {
  std::string title;
  std::string value_axis;     ///< name of the value axis (may be empty)
  std::string category_axis;  ///< name of the category axis (may be empty)
  bool stacked = true;
  bool percent = false;  ///< value axis formatted as 0 %
  std::size_t header_row = 0, first_row = 1, last_row = 1, category_col = 0;
  std::vector<std::size_t> value_cols;
  std::vector<std::string> colours;  ///< "#rrggbb" per series, or empty: Excel's
};

/// Writes one workbook. Nothing appears at `path` until close() succeeds: the workbook is
/// written to a temporary file next to it and renamed, so an output is never half-written.
///
///   XlsxWriter w("out.xlsx");
///   std::size_t s = w.add_sheet("Data");
///   w.write_string(s, 0, 0, "x");
///   w.write_number(s, 1, 0, 3.5);
///   w.close();
class XlsxWriter {
 public:
  /// Throws OutputError if `path` exists and overwrite is not set, or the file cannot be created.
  explicit XlsxWriter(const std::string& path, const XlsxWriterOptions& opt = {});
  ~XlsxWriter();  ///< discards the workbook if close() was not called
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  /// Add a worksheet; returns its index. Names follow Excel's rules (<= 31 chars, no []:*?/\).
  std::size_t add_sheet(const std::string& name);
  /// 0-based row and column. Non-finite numbers are written as empty cells.
  void write_number(std::size_t sheet, std::size_t row, std::size_t col, double value);
  /// The same with an Excel number format such as "0", "0.0000", "0.00E+00" or "0.0%".
  void write_number(std::size_t sheet, std::size_t row, std::size_t col, double value,
                    const std::string& number_format);
  void write_string(std::size_t sheet, std::size_t row, std::size_t col, const std::string& text);
  void write_boolean(std::size_t sheet, std::size_t row, std::size_t col, bool value);
  /// Insert `chart` over the data of sheet `data_sheet` into sheet `at_sheet` with its top-left
  /// corner at cell (row, col); tall enough for one readable bar per category.
  void insert_bar_chart(std::size_t data_sheet, std::size_t at_sheet, std::size_t row, std::size_t col,
                        const XlsxBarChart& chart);
  /// Column width (in characters) of columns first..last of a sheet.
  void set_column_width(std::size_t sheet, std::size_t first, std::size_t last, double width);
  /// Write the file and rename it into place. Throws OutputError on failure.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irio::io
