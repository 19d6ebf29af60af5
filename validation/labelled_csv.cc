// SPDX-License-Identifier: MIT
// pandas-style labelled matrix reader (see labelled_csv.h).
#include "irio/validation/labelled_csv.h"

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::validation {

LabelledCsv read_labelled_csv(const std::string& path) {
  const auto f = io::read_csv(path);
  double tmp = 0;
  std::size_t r0 = 0;
  while (r0 < f.rows.size() && !io::parse_double(f.rows[r0].fields.back(), tmp)) ++r0;
  if (r0 == f.rows.size()) throw InputError(path + ": no numeric rows");
  std::size_t ki = 0;
  while (ki < f.rows[r0].fields.size() && !io::parse_double(f.rows[r0].fields[ki], tmp)) ++ki;
  LabelledCsv out;
  const std::size_t width = f.rows[r0].fields.size();
  out.col_keys.assign(width - ki, "");
  for (std::size_t h = 0; h < r0; ++h) {
    const auto& row = f.rows[h].fields;
    bool has_cols = false;
    for (std::size_t c = ki; c < row.size(); ++c) has_cols = has_cols || !row[c].empty();
    if (!has_cols) continue;  // index-names row
    for (std::size_t c = ki; c < width && c < row.size(); ++c)
      out.col_keys[c - ki] += (out.col_keys[c - ki].empty() ? "" : "/") + row[c];
  }
  for (std::size_t r = r0; r < f.rows.size(); ++r) {
    std::string key;
    for (std::size_t c = 0; c < ki; ++c) key += (c ? "/" : "") + f.cell(r, c);
    out.row_keys.push_back(key);
    std::vector<double> v;
    for (std::size_t c = ki; c < width; ++c) v.push_back(f.number(r, c, path));
    out.values.push_back(std::move(v));
  }
  return out;
}

}  // namespace irio::validation
