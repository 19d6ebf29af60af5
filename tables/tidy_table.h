// SPDX-License-Identifier: MIT
// TidyTable: the result container. Long format, one value per row, key columns stored as
// integer codes into per-column level lists (a factor / categorical), so that io can write it as
// tidy CSV or HDF5 without knowing which solver produced it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

namespace irio::tables {

/// A long ("tidy") table: key columns (e.g. region, sector, indicator) and one value column.
///
///   TidyTable t("multipliers", {"region", "sector", "indicator"});
///   t.add_row({"CHN", "c14", "output"}, 2.93);
class TidyTable {
 public:
  TidyTable() = default;
  TidyTable(std::string name, std::vector<std::string> key_columns, std::string value_column = "value");

  const std::string& name() const { return name_; }
  const std::vector<std::string>& key_columns() const { return key_columns_; }
  const std::string& value_column() const { return value_column_; }
  std::size_t num_rows() const { return values_.size(); }
  std::size_t num_keys() const { return key_columns_.size(); }

  /// Code of `level` in key column `col`, added if new.
  std::int32_t level(std::size_t col, const std::string& level);
  /// Predeclare the levels of a column (keeps the order, e.g. the table's sector order).
  void set_levels(std::size_t col, const std::vector<std::string>& levels);
  const std::vector<std::string>& levels(std::size_t col) const { return levels_[col]; }

  void add_row(const std::vector<std::string>& keys, double value);
  void add_row_codes(const std::vector<std::int32_t>& codes, double value);
  /// Same, without a heap temporary per row (for tables of millions of rows).
  void add_row_codes(std::initializer_list<std::int32_t> codes, double value);
  void reserve(std::size_t rows);

  std::int32_t code(std::size_t col, std::size_t row) const { return codes_[col][row]; }
  const std::string& key(std::size_t col, std::size_t row) const {
    return levels_[col][static_cast<std::size_t>(codes_[col][row])];
  }
  double value(std::size_t row) const { return values_[row]; }
  const std::vector<double>& values() const { return values_; }
  const std::vector<std::int32_t>& codes(std::size_t col) const { return codes_[col]; }

  /// Value of the first row whose keys match, or NaN. Linear scan: for tests and summaries.
  double find(const std::vector<std::string>& keys) const;

  /// Append a key column after the existing ones: `codes` (one per row) index into `levels`.
  /// Throws std::logic_error if the sizes do not match or the name is taken.
  // `codes` by value: a caller may pass another column of this table (its storage moves).
  void add_key_column(std::string name, std::vector<std::string> levels,
                      std::vector<std::int32_t> codes);  // NOLINT(performance-unnecessary-value-param)
  /// Append the rows of another table with the same key columns (levels are merged).
  void append(const TidyTable& other);

 private:
  std::string name_;
  std::vector<std::string> key_columns_;
  std::string value_column_ = "value";
  std::vector<std::vector<std::string>> levels_;
  std::vector<std::unordered_map<std::string, std::int32_t>> index_;
  std::vector<std::vector<std::int32_t>> codes_;
  std::vector<double> values_;
};

}  // namespace irio::tables
