// SPDX-License-Identifier: MIT
// Reader for pandas-written labelled matrices (multi-level column headers, an index-names row,
// several index columns), as in pymrio's saved outputs: cells keyed by "a/b" row and column labels.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace irio::validation {

struct LabelledCsv {
  std::vector<std::string> row_keys, col_keys;  ///< levels joined with '/'
  std::vector<std::vector<double>> values;      ///< [row][col]
};

/// Header rows are those before the first row whose last cell is numeric; index columns are the
/// leading non-numeric cells of that row; the index-names row (empty past the index) is skipped.
LabelledCsv read_labelled_csv(const std::string& path);

}  // namespace irio::validation
