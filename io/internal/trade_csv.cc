// SPDX-License-Identifier: MIT
// Exogenous exports/imports CSV files, read with the wide-matrix reader and label matching.
#include "irio/io/internal/trade_csv.h"

#include "irio/io/internal/csv_writer.h"
#include "irio/io/internal/table_assembly.h"
#include "irio/io/internal/wide_matrix.h"
#include "irio/tables/error.h"

namespace irio::io::internal {

void read_exports_csv(const std::string& path, tables::IoTable& t, const CsvOptions& csv) {
  const WideMatrix w = read_wide(path, 2, 1, "exports", csv);
  t.export_labels = column_labels(w, "export category");
  t.exports = align_sector_rows(w, t, "exports");
}

void read_imports_csv(const std::string& path, tables::IoTable& t, const CsvOptions& csv) {
  const WideMatrix w = read_wide(path, 1, 2, "imports", csv);
  if (w.values.rows() == 0) throw InputError(path + ": imports has no rows (expected one row per import component)");
  t.imports = align_sector_columns(w, t, "imports");
  t.import_labels = row_labels(w, "import component");
}

void write_exports_csv(const tables::IoTable& t, const std::string& path, const WriteOptions& opt) {
  const auto& labels = t.labels;
  CsvOut o(path, opt);
  std::vector<std::string> head{"region", "sector"};
  head.insert(head.end(), t.export_labels.begin(), t.export_labels.end());
  o.row(head);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::vector<std::string> row{labels.region_of(i), labels.sector_of(i)};
    for (Eigen::Index k = 0; k < t.exports.cols(); ++k)
      row.push_back(format_exact(t.exports(static_cast<Eigen::Index>(i), k)));
    o.row(row);
  }
  o.commit();
}

void write_imports_csv(const tables::IoTable& t, const std::string& path, const WriteOptions& opt) {
  CsvOut o(path, opt);
  write_sector_headers(o, t.labels, 1, false, {"component"}, "sector");
  for (Eigen::Index k = 0; k < t.imports.rows(); ++k) {
    std::vector<std::string> row{t.import_labels[static_cast<std::size_t>(k)]};
    for (Eigen::Index j = 0; j < t.imports.cols(); ++j) row.push_back(format_exact(t.imports(k, j)));
    o.row(row);
  }
  o.commit();
}

}  // namespace irio::io::internal
