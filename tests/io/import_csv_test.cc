// SPDX-License-Identifier: MIT
// Wide labelled CSV import/export: round trip, label matching in any order, every label error.
#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/import_csv.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::OutputError;
using irio::tables::IoTable;
using irio::tables::Matrix;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

// Two regions x two sectors, final demand (hh, gov) per region; rows and columns deliberately
// not in region-major order to exercise the label matching.
const char* kZ =
    "region,,R1,R2,R1,R2\n"
    ",sector,a,a,b,b\n"
    "R1,a,1,2,3,4\n"
    "R2,a,5,6,7,8\n"
    "R1,b,9,10,11,12\n"
    "R2,b,13,14,15,16\n";
const char* kY =
    ",,R1,R1,R2,R2\n"
    ",,hh,gov,gov,hh\n"
    "R2,b,1,2,3,4\n"
    "R1,a,5,6,7,8\n"
    "R1,b,9,10,11,12\n"
    "R2,a,13,14,15,16\n";
const char* kV =
    "component,R2,R2,R1,R1\n"
    ",a,b,a,b\n"
    "wages,1,2,3,4\n"
    "profits,5,6,7,8\n";

io::CsvImportOptions base(const TempDir& d) {
  io::CsvImportOptions o;
  o.Z = d.write("Z.csv", kZ);
  o.Y = d.write("Y.csv", kY);
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_csv)

BOOST_AUTO_TEST_CASE(labels_matched_in_any_order) {
  TempDir d;
  auto o = base(d);
  o.V = d.write("V.csv", kV);
  o.x = d.write("x.csv", "region,sector,x\nR2,b,100\nR1,a,101\nR1,b,102\nR2,a,103\n");
  o.countries = d.write("map.csv", "region,country\nR2,CN\nR1,CN\n");
  o.satellites = {{"co2", d.write("co2.csv",
                                  "stressor,unit,R1,R1,R2,R2,R1,R1,R2,R2\n"
                                  ",,a,b,a,b,hh,gov,hh,gov\n"
                                  "CO2,kt,1,2,3,4,0.5,0,0.25,0\n")}};
  const IoTable t = io::import_csv(o);
  BOOST_TEST(t.labels.regions == (std::vector<std::string>{"R1", "R2"}));
  BOOST_TEST(t.labels.sectors == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(t.labels.fd_categories == (std::vector<std::string>{"hh", "gov"}));
  BOOST_TEST(t.labels.countries == std::vector<std::string>{"CN"});
  BOOST_TEST(t.labels.country_of_region == (std::vector<int>{0, 0}));
  // Region-major: index 0 = R1/a, 1 = R1/b, 2 = R2/a, 3 = R2/b. File cell (R1/b -> R2/a) = 10.
  const Matrix Z(t.Z);
  BOOST_TEST(Z(1, 2) == 10.0);
  BOOST_TEST(Z(0, 0) == 1.0);
  BOOST_TEST(Z(3, 1) == 15.0);  // R2/b -> R1/b
  // Y columns (R1,hh)(R1,gov)(R2,hh)(R2,gov); file row R2/b = 1,2,3,4 over (R1hh,R1gov,R2gov,R2hh).
  BOOST_TEST(t.Y(3, 0) == 1.0);
  BOOST_TEST(t.Y(3, 2) == 4.0);
  BOOST_TEST(t.Y(3, 3) == 3.0);
  BOOST_TEST(t.va_components == (std::vector<std::string>{"wages", "profits"}));
  BOOST_TEST(t.V(0, 0) == 3.0);  // wages at R1/a
  BOOST_TEST(t.V(1, 3) == 6.0);  // profits at R2/b
  BOOST_TEST(t.x(0) == 101.0);
  BOOST_TEST(t.x(3) == 100.0);
  const auto* s = t.satellite("co2");
  BOOST_REQUIRE(s != nullptr);
  BOOST_TEST(s->units == std::vector<std::string>{"kt"});
  BOOST_TEST(s->F(0, 2) == 3.0);
  BOOST_TEST(s->F_Y(0, 0) == 0.5);
  BOOST_TEST(s->F_Y(0, 2) == 0.25);
}

BOOST_AUTO_TEST_CASE(export_then_import_round_trip) {
  TempDir d;
  IoTable t = irio::testing::leather();
  t.labels.countries = {"A", "B"};
  t.labels.country_of_region = {0, 1, 1};
  t.va_components = {"va"};
  t.V = Matrix::Constant(1, 9, 1.0 / 3.0);  // needs all 17 digits to come back exactly
  t.x = t.row_total();
  t.satellites.push_back({"water", {"blue", "green"}, {"m3", "m3"}, Matrix::Random(2, 9), Matrix::Random(2, 3)});
  t.satellites.push_back({"jobs", {"jobs"}, {""}, Matrix::Ones(1, 9), Matrix(1, 0)});
  const auto files = io::export_csv(t, d.file("out"));
  BOOST_TEST(files.size() == 7u);
  io::CsvImportOptions o;
  o.Z = d.file("out/Z.csv");
  o.Y = d.file("out/Y.csv");
  o.V = d.file("out/V.csv");
  o.x = d.file("out/x.csv");
  o.countries = d.file("out/countries.csv");
  o.satellites = {{"water", d.file("out/satellite_water.csv")}, {"jobs", d.file("out/satellite_jobs.csv")}};
  const IoTable r = io::import_csv(o);
  BOOST_TEST(r.labels.regions == t.labels.regions);
  BOOST_TEST(r.labels.sectors == t.labels.sectors);
  BOOST_TEST(r.labels.countries == t.labels.countries);
  BOOST_TEST(r.labels.country_of_region == t.labels.country_of_region);
  BOOST_TEST((Matrix(r.Z) == Matrix(t.Z)));
  BOOST_TEST((r.Y == t.Y));
  BOOST_TEST((r.V == t.V));
  BOOST_TEST((r.x == t.x));
  BOOST_TEST((r.satellite("water")->F == t.satellites[0].F));
  BOOST_TEST((r.satellite("water")->F_Y == t.satellites[0].F_Y));
  BOOST_TEST(r.satellite("water")->units == t.satellites[0].units);
  BOOST_TEST(r.satellite("jobs")->F_Y.cols() == 0);
  // Exporting again into the same folder needs overwrite.
  check_error<OutputError>([&] { io::export_csv(t, d.file("out")); }, {"Z.csv' exists"});
  io::WriteOptions ow;
  ow.overwrite = true;
  BOOST_TEST(io::export_csv(t, d.file("out"), ow).size() == 7u);
}

BOOST_AUTO_TEST_CASE(label_errors) {
  TempDir d;
  auto expect = [&](io::CsvImportOptions o, const std::vector<std::string>& parts) {
    check_error<InputError>([&] { io::import_csv(o); }, parts);
  };
  auto o = base(d);
  o.Z =
      d.write("Zcol.csv",
              "region,,R1,R2,R1,R2\n,sector,a,a,b,c\nR1,a,1,2,3,4\nR2,a,5,6,7,8\nR1,b,9,10,11,12\nR2,b,13,14,15,16\n");
  expect(o, {"Zcol.csv: column 6 ('R2/c') is not among the row labels of Z"});
  o = base(d);
  o.Z = d.write("Zdup.csv",
                "r,,R1,R2,R1,R2\n,s,a,a,b,b\nR1,a,1,2,3,4\nR2,a,5,6,7,8\nR1,a,9,10,11,12\nR2,b,13,14,15,16\n");
  expect(o, {"Zdup.csv:5: duplicate label 'R1/a' (also at", "Zdup.csv:3"});
  o = base(d);
  o.Z = d.write("Zgrid.csv",
                "r,,R1,R2,R1,R2\n,s,a,a,b,b\nR1,a,1,2,3,4\nR2,a,5,6,7,8\nR1,b,9,10,11,12\nR2,c,13,14,15,16\n");
  expect(o, {"Zgrid.csv: Z rows: no entry for region 'R1', sector 'c'", "2 regions x 3 expected"});
  o = base(d);
  o.Z = d.write("Zrag.csv", "r,,R1,R2,R1,R2\n,s,a,a,b,b\nR1,a,1,2,3,4\nR2,a,5,6,7\n");
  expect(o, {"Zrag.csv:4: row has 5 fields, expected 6 (ragged row)"});
  o = base(d);
  o.Z = d.write("Znum.csv",
                "r,,R1,R2,R1,R2\n,s,a,a,b,b\nR1,a,1,2,3,4\nR2,a,5,x6,7,8\nR1,b,9,10,11,12\nR2,b,13,14,15,16\n");
  expect(o, {"Znum.csv:4:4: non-numeric cell 'x6' in Z"});
  o = base(d);
  o.Y = d.write("Yrow.csv",
                ",,R1,R1,R2,R2\n,,hh,gov,gov,hh\nR2,b,1,2,3,4\nR1,a,5,6,7,8\nR1,b,9,10,11,12\nR3,a,13,14,15,16\n");
  expect(o, {"Yrow.csv:6: row 'R3/a' of Y is not a row of Z"});
  o = base(d);
  o.Y = d.write("Ymiss.csv", ",,R1,R1,R2,R2\n,,hh,gov,gov,hh\nR2,b,1,2,3,4\nR1,a,5,6,7,8\nR1,b,9,10,11,12\n");
  expect(o, {"Ymiss.csv: Y has no row for region 'R2', sector 'a'"});
  o = base(d);
  o.Y = d.write("Yreg.csv",
                ",,R1,R1,R9,R2\n,,hh,gov,gov,hh\nR2,b,1,2,3,4\nR1,a,5,6,7,8\nR1,b,9,10,11,12\nR2,a,1,1,1,1\n");
  expect(o, {"Yreg.csv: column 5 ('R9/gov')", "final-demand region 'R9' is not a region of Z"});
  o = base(d);
  o.Y = d.write("Ycat.csv",
                ",,R1,R1,R2,R2\n,,hh,gov,gov,inv\nR2,b,1,2,3,4\nR1,a,5,6,7,8\nR1,b,9,10,11,12\nR2,a,1,1,1,1\n");
  expect(o, {"Ycat.csv: final-demand columns: no entry for region 'R1', category 'inv'"});
  o = base(d);
  o.V = d.write("Vcol.csv", "component,R2,R2,R1,R1\n,a,b,a,z\nwages,1,2,3,4\n");
  expect(o, {"Vcol.csv: column 5 ('R1/z') of V is not a region/sector column of Z"});
  o = base(d);
  o.V = d.write("Vdup.csv", "component,R2,R2,R1,R1\n,a,b,a,b\nwages,1,2,3,4\nwages,1,2,3,4\n");
  expect(o, {"Vdup.csv:4: duplicate value-added component 'wages'"});
  o = base(d);
  o.x = d.write("xreg.csv", "R1,a,1\nR1,b,2\nR3,a,3\nR2,b,4\n");
  expect(o, {"xreg.csv:3:1: region 'R3' of x is not a region of Z"});
  o = base(d);
  o.x = d.write("xmiss.csv", "R1,a,1\nR1,b,2\nR2,b,4\n");
  expect(o, {"xmiss.csv: x has no entry for region 'R2', sector 'a'"});
  o = base(d);
  o.satellites = {{"co2", d.write("sfd.csv", "stressor,R1,R1,R2,R2,R1\n,a,b,a,b,hh\nCO2,1,2,3,4,5\n")}};
  expect(o, {"sfd.csv: satellite 'co2' has final-demand columns but none for region 'R1', category 'gov'"});
  o = base(d);
  o.satellites = {{"co2", d.write("sdup.csv", "stressor,R1,R1,R2,R2\n,a,b,a,b\nCO2,1,2,3,4\nCO2,1,2,3,4\n")}};
  expect(o, {"sdup.csv:4: duplicate stressor 'CO2' in satellite 'co2'"});
  o = base(d);
  o.countries = d.write("cm.csv", "region,country\nR1,CN\nR7,CN\n");
  expect(o, {"cm.csv:3:1: region 'R7' of the country map is not a region of the table"});
  o = base(d);
  o.countries = d.write("cm2.csv", "R1,CN\n");
  expect(o, {"cm2.csv: region 'R2' has no country in the map"});
  o = base(d);
  o.countries = d.write("cm3.csv", "R1,CN\nR2,CN\nR1,XX\n");
  expect(o, {"cm3.csv:3:1: region 'R1' is mapped twice (also line 1)"});
  o = base(d);
  o.Z = d.file("absent.csv");
  expect(o, {"cannot open '" + d.file("absent.csv") + "'"});
}

BOOST_AUTO_TEST_CASE(display_names_from_code_name_files) {
  TempDir d;
  auto o = base(d);
  o.sector_names = d.write("sn.csv", "code,name\nb,\"Machinery, n.e.c.\"\na,Agriculture\n");
  o.region_names = d.write("rn.csv", "R2,Guangdong\n");  // no header; R1 left without a name
  const auto t = io::import_csv(o);
  BOOST_TEST(t.labels.sector_names == (std::vector<std::string>{"Agriculture", "Machinery, n.e.c."}));
  BOOST_TEST(t.labels.region_name(0) == "R1");  // no name: the code
  BOOST_TEST(t.labels.region_name(1) == "Guangdong");
  o.sector_names = d.write("sn2.csv", "code,name\na,A\nc,C\n");
  check_error<InputError>([&] { io::import_csv(o); }, {"sn2.csv:3:1: sector 'c' is not a sector of the table"});
  o.sector_names = d.write("sn3.csv", "a,A\na,B\n");
  check_error<InputError>([&] { io::import_csv(o); }, {"sn3.csv:2:1: sector 'a' is named twice (also line 1)"});
}

BOOST_AUTO_TEST_SUITE_END()
