// SPDX-License-Identifier: MIT
// The scenario-file and region,value readers (io/scenario_reader.h, io/region_values.h): what they
// return for a valid file, and each refusal with the file, line and remedy it names.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "io_test_util.h"
#include "irio/io/region_values.h"
#include "irio/io/scenario_reader.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

BOOST_AUTO_TEST_SUITE(scenario_region_values)

BOOST_AUTO_TEST_CASE(scenario_rows_from_any_separator_and_column_order) {
  TempDir d;
  const auto L = irio::testing::leather().labels;  // ARG, TUR, DEU
  const auto g = irio::tables::Grouping::from_pairs("blocs", {{"ARG", "south"}, {"TUR", "south"}, {"DEU", "north"}});
  const auto rows = io::read_scenario_file(d.write("s.csv",
                                                   "destination;scenario;factor;origin;closure;fd_factor\n"
                                                   "DEU;open;0.5;\"ARG;TUR\";;\n"
                                                   "# a comment\n"
                                                   "all;bloc;1.25;south;proportional;1.1\n"),
                                           L, {g});
  BOOST_REQUIRE_EQUAL(rows.size(), 2u);
  BOOST_TEST(rows[0].name == "open");
  BOOST_TEST(rows[0].factor == 0.5);
  BOOST_TEST(rows[0].final_demand_factor == 1.0);
  BOOST_TEST(rows[0].origin == (std::vector<bool>{true, true, false}));
  BOOST_TEST(rows[0].destination == (std::vector<bool>{false, false, true}));
  BOOST_TEST(rows[0].closure.empty());
  BOOST_TEST(rows[0].where == d.file("s.csv") + ":2");
  BOOST_TEST(rows[1].origin == (std::vector<bool>{true, true, false}));  // the group
  BOOST_TEST(rows[1].destination.empty());                               // all
  BOOST_TEST(rows[1].closure == "proportional");
  BOOST_TEST(rows[1].final_demand_factor == 1.1);
  BOOST_TEST(rows[1].where == d.file("s.csv") + ":4");
}

BOOST_AUTO_TEST_CASE(scenario_refusals_name_line_scenario_and_remedy) {
  TempDir d;
  const auto L = irio::testing::leather().labels;
  auto refused = [&](const std::string& text, const std::vector<std::string>& parts) {
    const std::string p = d.write("bad.csv", text);
    check_error<InputError>([&] { io::read_scenario_file(p, L, {}); }, parts);
  };
  const std::string head = "scenario,factor,origin,destination\n";
  refused("scenario,origin,destination\nx,ARG,DEU\n", {"bad.csv:1", "no column 'factor'"});
  refused(head + "x,+-5,all,all\n", {"bad.csv:2", "factor '+-5' of scenario 'x'", "not a finite number"});
  refused(head + "x,-1,all,all\n", {"bad.csv:2", "must be >= 0"});
  refused(head + "x,1,Turkey,all\n", {"bad.csv:2", "origin 'Turkey'", "nearest region", "separated by ';'"});
  refused(head + "x,1,all,all\nx,2,all,all\n", {"bad.csv:3", "given twice (first at", "bad.csv:2"});
  refused(head + ",1,all,all\n", {"bad.csv:2", "empty scenario name"});
  refused(head, {"bad.csv", "no scenario"});
}

BOOST_AUTO_TEST_CASE(region_values_and_their_refusals) {
  TempDir d;
  const auto L = irio::testing::leather().labels;
  const auto v = io::read_region_values(d.write("p.csv", "region;population\nDEU;83\nARG;45.5\n"), L, "population");
  BOOST_TEST(v(0) == 45.5);  // in the labels' order, whatever the file's
  BOOST_TEST(std::isnan(v(1)));
  BOOST_TEST(v(2) == 83.0);
  check_error<InputError>([&] { io::read_region_values(d.file("p.csv"), L, "population", true); },
                          {"p.csv", "no population for region 'TUR'", "every region of the table needs a row"});
  check_error<InputError>([&] { io::read_region_values(d.write("u.csv", "region,value\nTurkey,1\n"), L, "indicator"); },
                          {"u.csv:2", "unknown region 'Turkey'", "nearest"});
  check_error<InputError>(
      [&] { io::read_region_values(d.write("r.csv", "region,value\nARG,1\nARG,2\n"), L, "indicator"); },
      {"r.csv:3", "region 'ARG' given twice"});
  check_error<InputError>([&] { io::read_region_values(d.file("absent.csv"), L, "population"); },
                          {"absent.csv", "cannot open the population file"});
}

BOOST_AUTO_TEST_SUITE_END()
