// SPDX-License-Identifier: MIT
// End-to-end runs of the CLI verbs of this module: import ceads/nbs, aggregate, export xlsx, ras.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "irio/io/ceads_reader.h"
#include "tests/provincial/workbooks.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

namespace {

/// Run `irio <args>` with stdout+stderr captured; returns the exit code.
int irio_run(const std::string& args, std::string* out) {
  return irio::testing::run_irio_logged(args, *out,
                                        irio::testing::scratch("cli_" + std::to_string(std::rand()) + ".log"));
}

bool has(const std::string& msg, const std::string& part) {
  if (msg.find(part) != std::string::npos) return true;
  BOOST_TEST_MESSAGE("output was: " << msg);
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(import_aggregate_export_round_trip) {
  using irio::testing::scratch;
  const std::string xlsx = scratch("cli_small.xlsx");
  irio::testing::write_fixture(irio::testing::small_fixture(), xlsx);
  const std::string h5 = scratch("cli_small.h5"), agg = scratch("cli_agg.h5"), out = scratch("cli_out.xlsx");
  std::string o;
  BOOST_TEST(irio_run("import ceads " + xlsx + " -o " + h5, &o) == 0, o);
  BOOST_TEST(has(o, "3 provinces x 4 sectors, 5 final-demand categories per province, satellite CO2"));
  BOOST_TEST(has(o, "all table totals agree with the data"));
  BOOST_TEST(irio_run("import ceads " + xlsx + " -o " + h5, &o) == 5, o);  // exists, no --force
  BOOST_TEST(irio_run("aggregate " + h5 + " --regions four_regions -o " + agg, &o) == 0, o);
  BOOST_TEST(has(o, "3 -> 1 regions"));  // Beijing, Tianjin, Hebei are all East
  BOOST_TEST(irio_run("export xlsx " + h5 + " -o " + out, &o) == 0, o);
  const auto back = irio::io::read_ceads(out);
  BOOST_TEST(back.findings.empty(), back.report());
  BOOST_TEST(back.table.x.sum() == 1048.0);
  BOOST_TEST(irio_run("import ceads " + xlsx + " -o " + scratch("x.h5") + " --sheet Nope", &o) == 2, o);
  BOOST_TEST(
      has(o, "irio: error: " + xlsx + ": sheet 'Nope' not found; the workbook has 'Table_2017_English Version'"));
}

BOOST_AUTO_TEST_CASE(import_nbs_and_aggregate_sectors) {
  using irio::testing::scratch;
  const std::string h5 = scratch("cli_nbs.h5"), agg = scratch("cli_nbs42.h5");
  std::string o;
  BOOST_TEST(irio_run("import nbs " + irio::testing::test_data("china_nbs/china_2017_149.csv") + " -o " + h5, &o) == 0,
             o);
  BOOST_TEST(has(o, "149 sectors, competitive imports"));
  BOOST_TEST(has(o, "converted to non-competitive imports by proportionality (no-reexport)"));
  BOOST_TEST(irio_run("aggregate " + h5 + " --sectors nbs2017_149_to_42 -o " + agg, &o) == 0, o);
  BOOST_TEST(has(o, "149 -> 42 sectors"));
  BOOST_TEST(irio_run("aggregate " + h5 + " --sectors no_such_grouping -o " + scratch("y.h5"), &o) == 2, o);
  BOOST_TEST(has(o, "grouping 'no_such_grouping' is neither a file nor a shipped grouping"));
}

BOOST_AUTO_TEST_CASE(ras_verb) {
  using irio::testing::scratch;
  const std::string m = scratch("m.csv"), u = scratch("u.csv"), v = scratch("v.csv"), v2 = scratch("v2.csv"),
                    out = scratch("balanced.csv");
  std::ofstream(m) << "row,a,b\nr1,1,2\nr2,3,4\n";
  std::ofstream(u) << "label,total\nr1,4\nr2,6\n";
  std::ofstream(v) << "label,total\na,5\nb,5\n";
  std::ofstream(v2) << "label,total\na,5\nb,6\n";
  std::string o;
  BOOST_TEST(irio_run("ras " + m + " --rows " + u + " --cols " + v + " -o " + out, &o) == 0, o);
  BOOST_TEST(has(o, "RAS converged after"));
  std::ifstream in(out);
  std::string head, r1;
  std::getline(in, head);
  std::getline(in, r1);
  BOOST_TEST(head == "row,a,b");
  BOOST_TEST(has(r1, "r1,1.75765067212"));  // (-21 + sqrt(601)) / 2, as in ras_test
  BOOST_TEST(irio_run("ras " + m + " --rows " + u + " --cols " + v2 + " -o " + scratch("b2.csv"), &o) == 2, o);
  BOOST_TEST(has(o, "the row totals sum to 10.000000 but the column totals to 11.000000"));
  BOOST_TEST(
      irio_run("ras " + m + " --rows " + u + " --cols " + v + " -o " + scratch("b3.csv") + " --max-iter 1", &o) == 4,
      o);
  BOOST_TEST(has(o, "RAS did NOT converge after 1 iteration"));
}

BOOST_AUTO_TEST_SUITE_END()

// The main job on a provincial table (31 provinces x 6 sectors, seeded, CEADs layout with an
// exogenous rest of the world): results by province and by the shipped groupings in one call.
// The group participation must equal the ratio of sums of the province-level terms (§6.1).
BOOST_AUTO_TEST_CASE(analyse_provincial_table_by_groups) {
  using irio::testing::scratch;
  const std::string xlsx = scratch("cli_full.xlsx"), h5 = scratch("cli_full.h5"), out = scratch("cli_analyse");
  irio::testing::write_fixture(irio::testing::seeded_fixture(31, 6), xlsx);
  std::string o;
  BOOST_TEST(irio_run("import ceads " + xlsx + " -o " + h5 + " --force", &o) == 0, o);
  BOOST_TEST(irio_run("analyse " + h5 + " -o " + out +
                          " --force --focus Beijing --groups four_regions "
                          "--groups north_south",
                      &o) == 0,
             o);
  BOOST_TEST(has(o, "By four_regions"));
  BOOST_TEST(has(o, "participation_by_group.csv"));
  // Recompute East's forward NVC participation from the province-level chains.csv.
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, ',')) f.push_back(cell);
      rows.push_back(f);
    }
    return rows;
  };
  const std::vector<std::string> east = {"Beijing",  "Tianjin", "Hebei",    "Shanghai",  "Jiangsu",
                                         "Zhejiang", "Fujian",  "Shandong", "Guangdong", "Hainan"};
  double nvc = 0, va = 0;
  for (const auto& r : read(out + "/chains.csv")) {
    if (r.size() < 6 || r[2] != "forward" || std::find(east.begin(), east.end(), r[0]) == east.end()) continue;
    if (r.back() == "NA") continue;  // the value is the last column (name columns come before it)
    const double v = std::stod(r.back());
    if (r[3] == "NVC_S" || r[3] == "NVC_C") nvc += v;
    if (r[3] == "LOC" || r[3] == "NTF" || r[3] == "NVC_S" || r[3] == "NVC_C" || r[3] == "RT_GVC") va += v;
  }
  BOOST_REQUIRE(va > 0);
  double reported = -1;
  int groups = 0;
  for (const auto& r : read(out + "/participation_by_group.csv")) {
    if (r.size() < 4 || r[0] != "four_regions") continue;
    if (r[2] == "nvc_forward") ++groups;
    if (r[1] == "East" && r[2] == "nvc_forward") reported = std::stod(r.back());
  }
  BOOST_TEST(groups == 4);
  BOOST_TEST(std::abs(reported - nvc / va) <= 1e-12 * std::max(1.0, nvc / va));
}
