// SPDX-License-Identifier: MIT
// TidyTable: long-format result container.
#include "irio/tables/tidy_table.h"

#include <cassert>
#include <limits>
#include <stdexcept>

namespace irio::tables {

TidyTable::TidyTable(std::string name, std::vector<std::string> key_columns, std::string value_column)
    : name_(std::move(name)), key_columns_(std::move(key_columns)), value_column_(std::move(value_column)),
      levels_(key_columns_.size()), index_(key_columns_.size()), codes_(key_columns_.size()) {}

std::int32_t TidyTable::level(std::size_t col, const std::string& lv) {
  auto& idx = index_[col];
  auto it = idx.find(lv);
  if (it != idx.end()) return it->second;
  auto code = static_cast<std::int32_t>(levels_[col].size());
  levels_[col].push_back(lv);
  idx.emplace(lv, code);
  return code;
}

void TidyTable::set_levels(std::size_t col, const std::vector<std::string>& levels) {
  for (const auto& l : levels) level(col, l);
}

void TidyTable::add_row(const std::vector<std::string>& keys, double value) {
  if (keys.size() != key_columns_.size())
    throw std::logic_error("TidyTable '" + name_ + "': row has " + std::to_string(keys.size()) + " keys, expected " +
                           std::to_string(key_columns_.size()));
  for (std::size_t c = 0; c < keys.size(); ++c) codes_[c].push_back(level(c, keys[c]));
  values_.push_back(value);
}

void TidyTable::add_row_codes(const std::vector<std::int32_t>& codes, double value) {
  assert(codes.size() == key_columns_.size());
  for (std::size_t c = 0; c < codes.size(); ++c) {
    assert(codes[c] >= 0 && static_cast<std::size_t>(codes[c]) < levels_[c].size());
    codes_[c].push_back(codes[c]);
  }
  values_.push_back(value);
}

void TidyTable::add_row_codes(std::initializer_list<std::int32_t> codes, double value) {
  assert(codes.size() == key_columns_.size());
  std::size_t c = 0;
  for (std::int32_t code : codes) {
    assert(code >= 0 && static_cast<std::size_t>(code) < levels_[c].size());
    codes_[c++].push_back(code);
  }
  values_.push_back(value);
}

// `codes` is taken by value (a copy): a caller may pass a column of this very table, whose storage
// the new column reallocates.
void TidyTable::add_key_column(std::string name, std::vector<std::string> levels,
                               std::vector<std::int32_t> codes) {  // NOLINT(performance-unnecessary-value-param)
  if (codes.size() != values_.size())
    throw std::logic_error("TidyTable '" + name_ + "': column '" + name + "' has " + std::to_string(codes.size()) +
                           " codes for " + std::to_string(values_.size()) + " rows");
  for (const auto& k : key_columns_)
    if (k == name) throw std::logic_error("TidyTable '" + name_ + "': key column '" + name + "' exists");
  key_columns_.push_back(std::move(name));
  levels_.emplace_back();
  index_.emplace_back();
  codes_.emplace_back();
  const std::size_t col = key_columns_.size() - 1;
  std::vector<std::int32_t> remap(levels.size());
  for (std::size_t l = 0; l < levels.size(); ++l) remap[l] = level(col, levels[l]);  // names may repeat
  auto& out = codes_[col];
  out.reserve(codes.size());
  for (std::int32_t c : codes) {
    if (c < 0 || static_cast<std::size_t>(c) >= levels.size())
      throw std::logic_error("TidyTable '" + name_ + "': code out of range in column '" + key_columns_[col] + "'");
    out.push_back(remap[static_cast<std::size_t>(c)]);
  }
}

void TidyTable::reserve(std::size_t rows) {
  for (auto& c : codes_) c.reserve(rows);
  values_.reserve(rows);
}

double TidyTable::find(const std::vector<std::string>& keys) const {
  std::vector<std::int32_t> want(keys.size(), -1);
  for (std::size_t c = 0; c < keys.size() && c < key_columns_.size(); ++c) {
    auto it = index_[c].find(keys[c]);
    if (it == index_[c].end()) return std::numeric_limits<double>::quiet_NaN();
    want[c] = it->second;
  }
  for (std::size_t r = 0; r < values_.size(); ++r) {
    bool ok = true;
    for (std::size_t c = 0; c < want.size() && ok; ++c) ok = codes_[c][r] == want[c];
    if (ok) return values_[r];
  }
  return std::numeric_limits<double>::quiet_NaN();
}

void TidyTable::append(const TidyTable& other) {
  if (other.key_columns_ != key_columns_) throw std::logic_error("TidyTable::append: key columns differ");
  reserve(num_rows() + other.num_rows());
  std::vector<std::vector<std::int32_t>> remap(num_keys());
  for (std::size_t c = 0; c < num_keys(); ++c)
    for (const auto& l : other.levels_[c]) remap[c].push_back(level(c, l));
  for (std::size_t r = 0; r < other.num_rows(); ++r) {
    for (std::size_t c = 0; c < num_keys(); ++c)
      codes_[c].push_back(remap[c][static_cast<std::size_t>(other.codes_[c][r])]);
    values_.push_back(other.values_[r]);
  }
}

}  // namespace irio::tables
