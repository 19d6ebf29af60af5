// SPDX-License-Identifier: MIT
// The io verbs of the irio binary (import, export, info, check) and their exit codes. Skipped
// (not passed) when the binary has not been built, since the io suite links only irio_io.
#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/table_store.h"
#include "tests/test_util.h"

using irio::testing::BinaryBuilt;
using irio::testing::run_irio;
using irio::testing::validation_data;
using irio::testing::TempDir;
namespace io = irio::io;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli, *boost::unit_test::precondition(BinaryBuilt()))

BOOST_AUTO_TEST_CASE(import_info_export_round_trip) {
  TempDir d;
  std::string out;
  const std::string t = d.file("t.h5");
  BOOST_TEST(run_irio("import pymrio '" + validation_data("pymrio_test/raw") + "' -o '" + t + "'", out, d) == 0, out);
  BOOST_TEST(has(out, "6 regions x 8 sectors (n = 48)"), out);
  BOOST_TEST(run_irio("info '" + t + "'", out, d) == 0, out);
  BOOST_TEST(has(out, "Emissions (2 stressors, with F_Y): emission_type1/air [kg]"), out);
  BOOST_TEST(has(out, "each region is its own country: reg1"), out);
  // Existing output without --force: OutputError, exit 5; the input itself is never replaced.
  BOOST_TEST(run_irio("import pymrio '" + validation_data("pymrio_test/raw") + "' -o '" + t + "'", out, d) == 5, out);
  BOOST_TEST(has(out, "exists; use --force"), out);
  BOOST_TEST(run_irio("export csv '" + t + "' -o '" + d.file("csv") + "'", out, d) == 0, out);
  d.write("map.csv", "region,country\nreg1,A\nreg2,A\nreg3,B\nreg4,B\nreg5,B\nreg6,C\n");
  const std::string t2 = d.file("t2.h5");
  BOOST_TEST(run_irio("import csv --Z '" + d.file("csv/Z.csv") + "' --Y '" + d.file("csv/Y.csv") +
                          "' --satellite 'Emissions=" + d.file("csv/satellite_Emissions.csv") + "' --countries '" +
                          d.file("map.csv") + "' --unit 'Mill USD' -o '" + t2 + "'",
                      out, d) == 0,
             out);
  const auto a = io::read_table(t), b = io::read_table(t2);
  BOOST_TEST((irio::tables::Matrix(a.Z) == irio::tables::Matrix(b.Z)));
  BOOST_TEST((a.Y == b.Y));
  BOOST_TEST((a.satellite("Emissions")->F_Y == b.satellite("Emissions")->F_Y));
  BOOST_TEST(b.labels.countries == (std::vector<std::string>{"A", "B", "C"}));
  BOOST_TEST(run_irio("info '" + t2 + "'", out, d) == 0, out);
  BOOST_TEST(has(out, "    B: reg3, reg4, reg5"), out);
  BOOST_TEST(run_irio("import csv --Z x.csv --Y y.csv --satellite nofile -o '" + d.file("z.h5") + "'", out, d) == 2,
             out);
  BOOST_TEST(has(out, "--satellite 'nofile': expected name=file.csv"), out);
}

BOOST_AUTO_TEST_CASE(check_exit_codes) {
  TempDir d;
  std::string out;
  BOOST_TEST(run_irio("check '" + d.file("none.h5") + "'", out, d) == 2, out);
  BOOST_TEST(has(out, "does not exist"), out);
  auto t = irio::testing::miller_blair_2x2();
  io::write_table(t, d.file("ok.h5"));
  BOOST_TEST(run_irio("check '" + d.file("ok.h5") + "'", out, d) == 0, out);
  BOOST_TEST(has(out, "Balance check: ok"), out);
  t.x = 2.0 * t.row_total();  // rows off by 100%: an error finding
  io::write_table(t, d.file("bad.h5"));
  BOOST_TEST(run_irio("check '" + d.file("bad.h5") + "'", out, d) == 3, out);
  BOOST_TEST(has(out, "[error] row balance"), out);
}

BOOST_AUTO_TEST_SUITE_END()
