// SPDX-License-Identifier: MIT
// Read worksheets of an Office Open XML workbook (.xlsx) into a sparse cell grid (libzip + pugixml).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace irio::io {

/// "A1"-style reference of a 0-based (row, col): cell_ref(0, 0) == "A1", cell_ref(4, 27) == "AB5".
std::string cell_ref(std::size_t row, std::size_t col);
/// Column letters of a 0-based column: column_letters(0) == "A", column_letters(1301) == "AXB".
std::string column_letters(std::size_t col);
/// Parse "A1" / "$AB$12" into 0-based (row, col). Returns false for anything else, including
/// references beyond Excel's limits (1 048 576 rows, 16 384 columns = "XFD").
bool parse_cell_ref(const std::string& ref, std::size_t* row, std::size_t* col);

/// Limits that protect against hostile or corrupt files (zip bombs, absurd references).
struct XlsxLimits {
  std::uint64_t max_part_bytes = std::uint64_t{1} << 30;  ///< largest uncompressed XML part
};

/// One worksheet as a sparse grid of cells. Rows and columns are 0-based; cells outside the
/// stored range read as empty. Dates are numbers (Excel serials), as stored.
///
///   XlsxWorkbook book("table.xlsx");
///   XlsxSheet s = book.read_sheet("Table_2017_English Version");
///   if (s.type(4, 3) == XlsxSheet::CellType::kNumber) v = s.number(4, 3);
class XlsxSheet {
 public:
  /// kFormula: a formula cell without a cached value (the file was written by a program that
  /// does not calculate formulas); its value is unknown, never 0.
  enum class CellType : std::uint8_t { kEmpty, kNumber, kString, kBoolean, kError, kFormula };

  const std::string& name() const { return name_; }
  const std::string& file() const { return file_; }
  /// One past the last row / column that holds a cell.
  std::size_t num_rows() const { return rows_.size(); }
  std::size_t num_cols() const { return num_cols_; }
  std::size_t num_cells() const { return num_cells_; }

  CellType type(std::size_t row, std::size_t col) const;
  bool empty(std::size_t row, std::size_t col) const { return type(row, col) == CellType::kEmpty; }
  /// Numeric value of a number or boolean cell (1/0); NaN otherwise.
  double number(std::size_t row, std::size_t col) const;
  /// Text of a string or error cell ("#N/A"); empty string otherwise.
  const std::string& text(std::size_t row, std::size_t col) const;
  /// The formula of a kFormula cell ("SUM(A1:A3)"); empty string otherwise.
  const std::string& formula(std::size_t row, std::size_t col) const;
  /// The cell as it would print: number with up to 15 significant digits, text, TRUE/FALSE, "",
  /// "=SUM(A1:A3)" for a formula without a cached value.
  std::string display(std::size_t row, std::size_t col) const;
  /// "file.xlsx, sheet 'S', cell D5" for messages.
  std::string where(std::size_t row, std::size_t col) const;

 private:
  friend class XlsxWorkbook;
  struct Entry {
    std::uint32_t col;
    CellType type;
    double value;  // number, boolean 0/1, or index into strings_ for strings and errors
  };
  const Entry* find(std::size_t row, std::size_t col) const;

  std::string file_, name_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<std::string> strings_;
  std::size_t num_cols_ = 0, num_cells_ = 0;
};

/// An opened .xlsx: the workbook part, its relationships and the shared-string table are read at
/// construction; sheets are parsed on demand. Throws InputError naming the file when it is missing,
/// not a zip archive, truncated, or not a spreadsheet (no xl/workbook.xml).
class XlsxWorkbook {
 public:
  explicit XlsxWorkbook(const std::string& path, const XlsxLimits& limits = {});
  /// Open an in-memory copy of a file; `label` names it in messages (used by the fuzzer).
  XlsxWorkbook(const void* data, std::size_t size, const std::string& label, const XlsxLimits& limits = {});
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  const std::string& file() const { return file_; }
  /// Sheet names in workbook order.
  const std::vector<std::string>& sheet_names() const { return sheet_names_; }
  bool has_sheet(const std::string& name) const;
  /// Parse one sheet. Throws InputError when the sheet does not exist (listing the sheets that
  /// do), or its XML is malformed, or a cell reference / number / shared-string index is bad, or
  /// a text cell is not valid UTF-8 (naming the cell). Memory is proportional to the cells
  /// present: row `spans` hints are not trusted. Running out of memory is an InputError naming
  /// the file. Complexity: O(size of the sheet XML); a 1320 x 1500 sheet takes ~1 s.
  XlsxSheet read_sheet(const std::string& name) const;

 private:
  struct Zip;
  void load();
  XlsxSheet parse_sheet(const std::string& name) const;
  std::string read_part(const std::string& part) const;
  bool has_part(const std::string& part) const;

  std::string file_;
  XlsxLimits limits_;
  std::unique_ptr<Zip> zip_;
  std::vector<std::string> sheet_names_;
  std::vector<std::string> sheet_parts_;
  std::vector<std::string> shared_strings_;
  std::vector<bool> shared_utf8_;  ///< per shared string: valid UTF-8
};

}  // namespace irio::io
