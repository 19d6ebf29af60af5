// SPDX-License-Identifier: MIT
// Exogenous exports/imports as labelled CSV (exports.csv, imports.csv; docs/formats.md): import,
// balance identities, export/import round trip, label errors, and the irio binary.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "io_test_util.h"
#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "irio/tables/balance.h"

using irio::InputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::tables::Vector;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

// Two regions x two sectors, final demand (hh, gov) per region, two export categories and two
// import rows. Region-major order: R1/a, R1/b, R2/a, R2/b. The numbers balance exactly:
// x = Z1 + Y1 + e = (79, 85, 108, 103) and x' = 1'Z + 1'V + 1'M.
const char* kZ =
    "region,,R1,R1,R2,R2\n"
    "sector,,a,b,a,b\n"
    "region,sector,,,,\n"
    "R1,a,10,5,2,1\n"
    "R1,b,3,20,1,4\n"
    "R2,a,1,0,30,6\n"
    "R2,b,2,1,5,25\n";
const char* kY =
    "region,,R1,R1,R2,R2\n"
    "category,,hh,gov,hh,gov\n"
    "R1,a,40,5,8,0\n"
    "R1,b,30,10,6,2\n"
    "R2,a,5,0,50,10\n"
    "R2,b,3,1,40,20\n";
const char* kV =
    "region,R1,R1,R2,R2\n"
    "sector,a,b,a,b\n"
    "wages,30,20,35,25\n"
    "profits,25,30,25,35\n";
const char* kX = "region,sector,x\nR1,a,79\nR1,b,85\nR2,a,108\nR2,b,103\n";
// Rows and columns deliberately not in region-major order.
const char* kExports =
    "region,sector,goods,services\n"
    "R2,b,3,3\n"
    "R1,a,7,1\n"
    "R2,a,4,2\n"
    "R1,b,0,9\n";
const char* kImports =
    "region,R2,R1,R2,R1\n"
    "sector,a,a,b,b\n"
    "imports_goods,7,5,4,6\n"
    "imports_services,3,3,3,3\n";

io::CsvImportOptions files(const TempDir& d) {
  io::CsvImportOptions o;
  o.Z = d.write("Z.csv", kZ);
  o.Y = d.write("Y.csv", kY);
  o.V = d.write("V.csv", kV);
  o.x = d.write("x.csv", kX);
  o.exports = d.write("exports.csv", kExports);
  o.imports = d.write("imports.csv", kImports);
  return o;
}

Matrix expected_exports() {
  Matrix e(4, 2);
  e << 7, 1, 0, 9, 4, 2, 3, 3;
  return e;
}

Matrix expected_imports() {
  Matrix m(2, 4);
  m << 5, 6, 7, 4, 3, 3, 3, 3;
  return m;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(import_csv_trade)

BOOST_AUTO_TEST_CASE(exports_and_imports_are_read_and_balance) {
  TempDir d;
  const IoTable t = io::import_csv(files(d));
  BOOST_TEST(t.export_labels == (std::vector<std::string>{"goods", "services"}));
  BOOST_TEST(t.import_labels == (std::vector<std::string>{"imports_goods", "imports_services"}));
  BOOST_TEST((t.exports == expected_exports()));
  BOOST_TEST((t.imports == expected_imports()));
  // Row identity x = Z1 + Y1 + e and column identity x' = 1'Z + 1'V + 1'M, exactly.
  const Vector x = t.output();
  const Vector z_rows = t.Z * Vector::Ones(4);
  const Vector z_cols = (Vector::Ones(4).transpose() * t.Z).transpose();
  BOOST_TEST((x == z_rows + t.Y.rowwise().sum() + t.exports.rowwise().sum()));
  BOOST_TEST((x == z_cols + t.V.colwise().sum().transpose() + t.imports.colwise().sum().transpose()));
  BOOST_TEST((t.row_total() == x));
  BOOST_TEST((t.value_added_residual() == t.value_added_supplied()));
  const auto rep = irio::tables::check_balance(t);
  BOOST_TEST(rep.max_row_abs == 0.0);
  BOOST_TEST(rep.max_col_abs == 0.0);
  BOOST_TEST((rep.status != irio::tables::Severity::kError));
  BOOST_TEST(rep.findings.empty());
  // Without x, output is Z1 + Y1 + e: the same numbers.
  auto o = files(d);
  o.x.clear();
  BOOST_TEST((io::import_csv(o).output() == x));
  BOOST_TEST(has(t.meta.history.back(), "exports=" + o.exports));
  BOOST_TEST(has(t.meta.history.back(), "imports=" + o.imports));
}

BOOST_AUTO_TEST_CASE(export_then_import_round_trip) {
  TempDir d;
  IoTable t = io::import_csv(files(d));
  t.exports(1, 0) = 1.0 / 3.0;  // needs all 17 digits to come back exactly
  t.imports(1, 2) = 0.1;
  const auto written = io::export_csv(t, d.file("out"));
  BOOST_TEST(written.size() == 7u);  // Z, Y, V, x, exports, imports, countries (no satellites)
  BOOST_TEST(std::filesystem::exists(d.file("out/exports.csv")));
  BOOST_TEST(std::filesystem::exists(d.file("out/imports.csv")));
  io::CsvImportOptions o;
  o.Z = d.file("out/Z.csv");
  o.Y = d.file("out/Y.csv");
  o.V = d.file("out/V.csv");
  o.x = d.file("out/x.csv");
  o.exports = d.file("out/exports.csv");
  o.imports = d.file("out/imports.csv");
  o.countries = d.file("out/countries.csv");
  const IoTable r = io::import_csv(o);
  BOOST_TEST(r.labels.regions == t.labels.regions);
  BOOST_TEST(r.labels.sectors == t.labels.sectors);
  BOOST_TEST((Matrix(r.Z) == Matrix(t.Z)));
  BOOST_TEST((r.Y == t.Y));
  BOOST_TEST((r.V == t.V));
  BOOST_TEST((r.x == t.x));
  BOOST_TEST(r.export_labels == t.export_labels);
  BOOST_TEST(r.import_labels == t.import_labels);
  BOOST_TEST((r.exports == t.exports));
  BOOST_TEST((r.imports == t.imports));
  // A table without exogenous trade writes neither file.
  IoTable plain = t;
  plain.export_labels.clear();
  plain.exports.resize(0, 0);
  plain.import_labels.clear();
  plain.imports.resize(0, 0);
  BOOST_TEST(io::export_csv(plain, d.file("plain")).size() == 5u);
  BOOST_TEST(!std::filesystem::exists(d.file("plain/exports.csv")));
}

BOOST_AUTO_TEST_CASE(bad_exports_and_imports) {
  TempDir d;
  auto exports = [&](const std::string& name, const std::string& text, const std::vector<std::string>& parts) {
    auto o = files(d);
    o.exports = d.write(name, text);
    check_error<InputError>([&] { io::import_csv(o); }, parts);
  };
  auto imports = [&](const std::string& name, const std::string& text, const std::vector<std::string>& parts) {
    auto o = files(d);
    o.imports = d.write(name, text);
    check_error<InputError>([&] { io::import_csv(o); }, parts);
  };
  const std::string head = "region,sector,goods,services\n";
  exports("e_sector.csv", head + "R1,a,7,1\nR1,zz,0,9\nR2,a,4,2\nR2,b,3,3\n",
          {"e_sector.csv:3: row 'R1/zz' of exports is not a row of Z (unknown sector 'zz')"});
  exports("e_region.csv", head + "R1,a,7,1\nR1,b,0,9\nR9,a,4,2\nR2,b,3,3\n",
          {"e_region.csv:4: row 'R9/a' of exports is not a row of Z (unknown region 'R9')"});
  exports("e_ragged.csv", head + "R1,a,7,1\nR1,b,0\nR2,a,4,2\nR2,b,3,3\n",
          {"e_ragged.csv:3: row has 3 fields, expected 4 (ragged row); row 'R1/b' of exports"});
  exports("e_wide.csv", head + "R1,a,7,1,5\nR1,b,0,9\nR2,a,4,2\nR2,b,3,3\n",
          {"e_wide.csv:2: row has 5 fields, expected 4 (ragged row); row 'R1/a' of exports"});
  exports("e_number.csv", head + "R1,a,7,1\nR1,b,0,9\nR2,a,4,abc\nR2,b,3,3\n",
          {"e_number.csv:4:4: non-numeric cell 'abc' in exports (row 'R2/a', column 'services')"});
  exports("e_missing.csv", head + "R1,a,7,1\nR1,b,0,9\nR2,a,4,2\n",
          {"e_missing.csv: exports has no row for region 'R2', sector 'b'"});
  exports("e_dup.csv", head + "R1,a,7,1\nR1,b,0,9\nR2,a,4,2\nR2,b,3,3\nR1,b,1,1\n",
          {"e_dup.csv:6: duplicate row 'R1/b' in exports (also line 3)"});
  exports("e_cat.csv", "region,sector,goods,goods\nR1,a,7,1\nR1,b,0,9\nR2,a,4,2\nR2,b,3,3\n",
          {"e_cat.csv: column 4 ('goods'): duplicate export category 'goods'"});
  exports("e_nocols.csv", "region,sector\nR1,a\n", {"e_nocols.csv:1: exports has 2 columns, expected 2 label columns"});
  imports("m_sector.csv", "region,R1,R1,R2,R2\nsector,a,zz,a,b\nimports,1,2,3,4\n",
          {"m_sector.csv: column 3 ('R1/zz') of imports is not a region/sector column of Z"});
  imports("m_missing.csv", "region,R1,R1,R2\nsector,a,b,a\nimports,1,2,3\n",
          {"m_missing.csv: imports has no column for region 'R2', sector 'b'"});
  imports("m_number.csv", "region,R1,R1,R2,R2\nsector,a,b,a,b\nimports,1,2,x3,4\n",
          {"m_number.csv:3:4: non-numeric cell 'x3' in imports (row 'imports', column 'R2/a')"});
  imports("m_dup.csv", "region,R1,R1,R2,R2\nsector,a,b,a,b\nimports,1,2,3,4\nimports,1,2,3,4\n",
          {"m_dup.csv:4: duplicate import component 'imports'"});
  imports("m_empty.csv", "region,R1,R1,R2,R2\nsector,a,b,a,b\n", {"m_empty.csv: imports has no rows"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_csv_trade_cli, *boost::unit_test::precondition(irio::testing::BinaryBuilt()))

BOOST_AUTO_TEST_CASE(import_info_export_and_bad_exports) {
  TempDir d;
  const auto o = files(d);
  std::string out;
  auto q = [](const std::string& p) { return "'" + p + "'"; };
  const std::string common = "import csv --Z " + q(o.Z) + " --Y " + q(o.Y) + " --V " + q(o.V) + " --imports " +
                             q(o.imports);
  const std::string t = d.file("t.h5");
  BOOST_TEST(irio::testing::run_irio(common + " --exports " + q(o.exports) + " -o " + q(t), out, d) == 0, out);
  BOOST_TEST(has(out, "2 regions x 2 sectors (n = 4)"), out);
  BOOST_TEST(has(out, "balance check: ok"), out);
  BOOST_TEST(irio::testing::run_irio("info " + q(t), out, d) == 0, out);
  BOOST_TEST(has(out, "exogenous exports: goods, services"), out);
  BOOST_TEST(has(out, "exogenous imports: imports_goods, imports_services"), out);
  const IoTable r = io::read_table(t);
  BOOST_TEST((r.exports == expected_exports()));
  BOOST_TEST((r.imports == expected_imports()));
  BOOST_TEST(irio::testing::run_irio("export csv " + q(t) + " -o " + q(d.file("out")), out, d) == 0, out);
  BOOST_TEST(has(out, "exports.csv"), out);
  BOOST_TEST(has(out, "imports.csv"), out);
  const std::string bad = d.write("bad_exports.csv", "region,sector,goods\nR1,a,1\nR1,b,2\nR2,a,3\nR2,zz,4\n");
  BOOST_TEST(irio::testing::run_irio(common + " --exports " + q(bad) + " -o " + q(d.file("bad.h5")), out, d) == 2, out);
  BOOST_TEST(has(out, "bad_exports.csv:5: row 'R2/zz' of exports is not a row of Z (unknown sector 'zz')"), out);
  BOOST_TEST(!std::filesystem::exists(d.file("bad.h5")));
}

BOOST_AUTO_TEST_SUITE_END()
