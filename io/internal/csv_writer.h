// SPDX-License-Identifier: MIT
// Writing labelled wide CSV files (docs/formats.md): an atomically committed CSV output, exact
// number formatting and pandas' header rows over region-sector columns.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "irio/io/internal/atomic_output.h"
#include "irio/io/table_store.h"
#include "irio/tables/labels.h"

namespace irio::io::internal {

/// `v` with 17 significant digits (%.17g): parsing it again gives back the same double.
std::string format_exact(double v);

/// One CSV field as irio writes it, the one quoting rule of every CSV writer: quoted (RFC 4180,
/// inner quotes doubled) when it holds a comma, quote, CR or LF, and also when it holds a tab or
/// starts or ends with a space, so that io::read_csv gives it back unchanged (its delimiter
/// detection counts unquoted tabs, and it trims unquoted fields of spaces and tabs).
std::string csv_field(const std::string& s);

/// A CSV file written to a temporary name and renamed by commit() (AtomicOutput); each field
/// through csv_field.
class CsvOut {
 public:
  CsvOut(const std::string& path, const WriteOptions& opt);
  void row(const std::vector<std::string>& cells);
  void commit();

 private:
  AtomicOutput out_;
  std::ofstream os_;
};

/// Header rows over the table's region-sector columns (and, `with_fd`, its final-demand columns
/// (region, category)) after `lead` index columns: a row "region,...", a row `second_name,...`
/// and pandas' row of index names `index_names` with empty data cells.
void write_sector_headers(CsvOut& o, const tables::Labels& labels, std::size_t lead, bool with_fd,
                          const std::vector<std::string>& index_names, const std::string& second_name);

}  // namespace irio::io::internal
