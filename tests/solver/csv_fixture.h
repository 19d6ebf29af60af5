// SPDX-License-Identifier: MIT
// A tiny CSV reader for the solver tests (the solver suite does not link irio_io): quoted
// fields, comma separator, "NA"/empty read as NaN by `number`.
#pragma once

#include <Eigen/Core>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace irio::testing {

using CsvRows = std::vector<std::vector<std::string>>;

inline CsvRows read_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  CsvRows rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '"') {
        if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
          f.back() += '"';
          ++i;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        f.emplace_back();
      } else {
        f.back() += c;
      }
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

inline double number(const std::string& s) {
  if (s.empty() || s == "NA") return std::numeric_limits<double>::quiet_NaN();
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) throw std::runtime_error("not a number: '" + s + "'");
  return v;
}

/// Numeric block rows [r0, r0+nr) x columns [c0, c0+nc) of parsed CSV rows.
template <class M>
M numeric_block(const CsvRows& rows, std::size_t r0, std::size_t nr, std::size_t c0, std::size_t nc) {
  M out(static_cast<Eigen::Index>(nr), static_cast<Eigen::Index>(nc));
  for (std::size_t i = 0; i < nr; ++i)
    for (std::size_t j = 0; j < nc; ++j)
      out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = number(rows.at(r0 + i).at(c0 + j));
  return out;
}

/// Row index whose column `col` equals `key`, or throws.
inline std::size_t find_row(const CsvRows& rows, std::size_t col, const std::string& key) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].size() > col && rows[i][col] == key) return i;
  throw std::runtime_error("row '" + key + "' not found");
}

}  // namespace irio::testing
