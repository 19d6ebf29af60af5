// SPDX-License-Identifier: MIT
// Writes the binary seeds of fuzz/corpus (the .xlsx workbooks of xlsx_fuzz and ceads_fuzz) with
// irio's own writers; every other seed is text, written by hand. Not run by fuzz/run_fuzz.sh:
//   cmake --build build-fuzz --target make_seeds && build-fuzz/fuzz/make_seeds fuzz/corpus
// (seeds are refreshed only when a format changes; commit what it writes).
#include <filesystem>
#include <iostream>
#include <string>

#include "irio/io/ceads_writer.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/io_table.h"

namespace {

namespace fs = std::filesystem;
using irio::tables::Matrix;

/// 2 provinces x 2 sectors of one country, 2 final-demand categories, an export and an ERR
/// column, an import row, 2 value-added rows and a CO2 row: a table read_ceads accepts.
irio::tables::IoTable small_table() {
  irio::tables::IoTable t;
  auto& labels = t.labels;
  labels.regions = {"Beijing", "Tianjin"};
  labels.sectors = {"S01", "S02"};
  labels.countries = {"CHN"};
  labels.country_of_region = {0, 0};
  labels.fd_categories = {"FU101", "FU201"};
  Matrix Z(4, 4);
  Z << 10, 2, 1, 0, 3, 20, 0, 1, 1, 0, 15, 4, 0, 2, 5, 25;
  t.Z = Z.sparseView();
  t.Y = Matrix::Constant(4, 4, 5.0);
  t.export_labels = {"EX", "ERR"};
  t.exports = Matrix(4, 2);
  t.exports << 8, 0.5, 6, -0.5, 4, 0, 2, 0;
  t.import_labels = {"IM"};
  t.imports = Matrix::Constant(1, 4, 3.0);
  const irio::tables::Vector x = t.row_total();
  t.va_components = {"VA001", "VA002"};
  t.V = Matrix(2, 4);
  for (Eigen::Index j = 0; j < 4; ++j) {
    t.V(0, j) = 10;
    t.V(1, j) = x(j) - Z.col(j).sum() - 3.0 - 10;
  }
  irio::tables::Satellite co2;
  co2.name = "CO2";
  co2.stressors = {"CO2"};
  co2.units = {"Mt"};
  co2.F = Matrix::Constant(1, 4, 0.25);
  co2.F_Y.resize(1, 0);
  t.satellites.push_back(co2);
  t.meta.name = "seed";
  t.meta.year = "2017";
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path root = argc > 1 ? argv[1] : "fuzz/corpus";
  for (const char* d : {"xlsx_fuzz", "ceads_fuzz"}) fs::create_directories(root / d);
  irio::io::CeadsWriteOptions o;
  o.overwrite = true;
  const auto t = small_table();
  irio::io::write_ceads(t, (root / "ceads_fuzz" / "ceads_2x2.xlsx").string(), o);
  o.repeat_province_labels = true;
  o.sheet = "Table_2012";
  o.sector_names = {"Farming", "Mining"};
  irio::io::write_ceads(t, (root / "ceads_fuzz" / "ceads_2x2_repeated.xlsx").string(), o);

  for (const bool streamed : {false, true}) {
    irio::io::XlsxWriterOptions wo;
    wo.overwrite = true;
    wo.constant_memory = streamed;  // inline strings instead of the shared-string table
    const auto path = root / "xlsx_fuzz" / (streamed ? "inline_strings.xlsx" : "shared_strings.xlsx");
    irio::io::XlsxWriter w(path.string(), wo);
    const std::size_t a = w.add_sheet("Data");
    w.write_string(a, 0, 0, "region");
    w.write_string(a, 0, 1, "value");
    w.write_string(a, 1, 0, "北京");
    w.write_number(a, 1, 1, 1.5e3);
    w.write_string(a, 2, 0, "Tianjin");
    w.write_boolean(a, 2, 1, true);
    w.write_number(a, 3, 5, -0.25);
    const std::size_t b = w.add_sheet("Second sheet");
    w.write_number(b, 2, 27, 42);  // column AB
    w.close();
  }
  std::cout << "seeds written under " << root << "\n";
  return 0;
}
