// SPDX-License-Identifier: MIT
#include "irio/io/region_values.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <system_error>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::io {

tables::Vector read_region_values(const std::string& path, const tables::Labels& labels, const std::string& what,
                                  bool every_region) {
  // One value per region: a header row, then region,value (the CSV reader: quoting, encodings,
  // gzip, separators and the size limit as every other CSV input).
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(path + ": cannot open the " + what + " file (no such file; give a CSV region,value)");
  const CsvFile f = read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": empty " + what + " file, expected a header and rows region,value");
  tables::Vector out = tables::Vector::Constant(static_cast<Eigen::Index>(labels.num_regions()),
                                                std::numeric_limits<double>::quiet_NaN());
  for (std::size_t row = 1; row < f.rows.size(); ++row) {
    const std::string& region = f.cell(row, 0);
    const int r = tables::Labels::find(labels.regions, region);
    if (r < 0)
      throw InputError(f.where(row, 0) + ": unknown region '" + region +
                       "' (nearest: " + tables::Labels::nearest(labels.regions, region, 2) + ")");
    if (!std::isnan(out(r))) throw InputError(f.where(row, 0) + ": region '" + region + "' given twice");
    out(r) = f.number(row, 1, what);
    if (!std::isfinite(out(r)))
      throw InputError(f.where(row, 1) + ": the " + what + " of region '" + region + "' is not a finite number");
  }
  if (every_region)
    for (Eigen::Index r = 0; r < out.size(); ++r)
      if (std::isnan(out(r)))
        throw InputError(path + ": no " + what + " for region '" + labels.regions[static_cast<std::size_t>(r)] +
                         "' (every region of the table needs a row region,value)");
  return out;
}

}  // namespace irio::io
