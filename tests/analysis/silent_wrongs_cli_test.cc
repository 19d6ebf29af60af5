// SPDX-License-Identifier: MIT
// Command-line behaviour that used to exit 0 with a question silently changed, or refuse a common
// spelling: -f means --force in every result verb, an unknown --focus region is an error naming
// the nearest regions, provincial footprints report what is embodied in exports abroad and their
// identities, and `irio ras` refuses repeated labels.
#include <boost/test/unit_test.hpp>
#include <random>

#include "irio/io/table_store.h"
#include "tests/analysis/cli_dir.h"
#include "tests/test_util.h"

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

/// Two provinces of one country, two sectors, an export column, an import row and a CO2 satellite.
irio::tables::IoTable provinces() {
  irio::tables::Matrix Z(4, 4), Y(4, 2);
  Z << 10, 4, 3, 1, 2, 12, 1, 2, 3, 1, 9, 5, 1, 2, 4, 11;
  Y << 30, 5, 20, 4, 6, 28, 3, 25;
  auto t = irio::testing::make_table(Z, Y, {"Guangdong", "Guizhou"}, {"a", "b"}, {"CN"}, {0, 0});
  t.export_labels = {"EX"};
  t.exports = irio::tables::Matrix(4, 1);
  t.exports << 15, 7, 3, 2;
  t.import_labels = {"IM"};
  t.imports = irio::tables::Matrix(1, 4);
  t.imports << 5, 3, 2, 1;
  irio::tables::Satellite s;
  s.name = "CO2";
  s.stressors = {"CO2"};
  s.units = {"Mt"};
  s.F = irio::tables::Matrix(1, 4);
  s.F << 8, 2, 5, 1;
  t.satellites.push_back(s);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(silent_wrongs_cli)

BOOST_FIXTURE_TEST_CASE(dash_f_forces_in_every_result_verb, CliDir) {
  irio::io::write_table(irio::testing::leather(), file("t.h5"));
  std::string out;
  for (const std::string verb : {"multipliers", "chains", "trade", "position", "linkages", "ghosh"}) {
    BOOST_TEST_CONTEXT(verb) {
      BOOST_CHECK_EQUAL(run(verb + " t.h5 -o " + verb + ".csv", out), 0);
      BOOST_CHECK_EQUAL(run(verb + " t.h5 -o " + verb + ".csv", out), 5);  // exists
      BOOST_CHECK_MESSAGE(run(verb + " t.h5 -o " + verb + ".csv -f", out) == 0, out);
    }
  }
}

BOOST_FIXTURE_TEST_CASE(output_form_and_folder_are_checked_before_computing, CliDir) {
  irio::io::write_table(irio::testing::leather(), file("t.h5"));
  std::string out;
  for (const std::string verb : {"multipliers", "chains", "footprints --satellite none", "position"}) {
    BOOST_TEST_CONTEXT(verb) {
      BOOST_CHECK_EQUAL(run(verb.substr(0, verb.find(' ')) + " t.h5 -o nodir/r.csv" +
                                (verb.find(' ') == std::string::npos ? "" : verb.substr(verb.find(' '))),
                            out),
                        5);
      BOOST_CHECK_MESSAGE(contains(out, "output folder 'nodir' of 'nodir/r.csv' does not exist"), out);
      BOOST_CHECK_MESSAGE(!contains(out, "nnz(A)"), out);  // nothing was solved
    }
  }
  BOOST_CHECK_EQUAL(run("trade t.h5 -o r.xlsx", out), 5);
  BOOST_CHECK_MESSAGE(contains(out, "cannot tell the format of 'r.xlsx'") && !contains(out, "nnz(A)"), out);
}

BOOST_FIXTURE_TEST_CASE(unknown_focus_region_is_an_error_with_the_nearest_names, CliDir) {
  irio::io::write_table(provinces(), file("p.h5"));
  std::string out;
  BOOST_CHECK_EQUAL(run("analyse p.h5 -o res --focus guangdong", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "--focus 'guangdong' is not a region") && contains(out, "nearest: 'Guangdong'"),
                      out);
  // The default focus (CHN) falls back to the first region of a table without it, and says so by
  // listing that region's sectors.
  BOOST_CHECK_MESSAGE(run("analyse p.h5 -o res2", out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "Guangdong by sector"), out);
}

BOOST_FIXTURE_TEST_CASE(provincial_footprints_report_exports_abroad_and_close, CliDir) {
  irio::io::write_table(provinces(), file("p.h5"));
  std::string out;
  BOOST_CHECK_MESSAGE(run("footprints p.h5 --satellite CO2 -o f.csv", out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "Embodied in exports abroad"), out);
  BOOST_CHECK_MESSAGE(contains(out, "Identities (methods.md §6.2): 2 of 2 hold"), out);
  const std::string f = read("f_footprints_CO2.csv");
  BOOST_CHECK_MESSAGE(contains(f, "Guangdong,a,CO2,D_abroad,"), f.substr(0, 300));
  BOOST_CHECK(fs::exists(dir / "f_diagnostics.csv"));
}

BOOST_FIXTURE_TEST_CASE(ras_refuses_repeated_column_labels, CliDir) {
  std::ofstream(file("m.csv")) << "x,a,b,a\nr1,1,2,3\nr2,4,5,6\n";
  std::ofstream(file("u.csv")) << "label,value\nr1,7\nr2,14\n";
  std::ofstream(file("v.csv")) << "label,value\na,5\nb,7\nc,9\n";
  std::string out;
  BOOST_CHECK_EQUAL(run("ras m.csv --rows u.csv --cols v.csv -o out.csv", out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "'a'"), out);
  BOOST_CHECK(!fs::exists(dir / "out.csv"));
}

BOOST_AUTO_TEST_SUITE_END()
