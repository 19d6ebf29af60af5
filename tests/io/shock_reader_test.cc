// SPDX-License-Identifier: MIT
// Shock CSV reader: scenario columns, column order, defaults, and every error with its line.
#include <boost/test/unit_test.hpp>

#include "io_test_util.h"
#include "irio/io/shock_reader.h"
#include "tests/test_util.h"

using irio::InputError;
using irio::testing::check_error;
using irio::testing::TempDir;
namespace io = irio::io;

BOOST_AUTO_TEST_SUITE(shock_reader)

BOOST_AUTO_TEST_CASE(scenarios_in_order_of_appearance) {
  TempDir d;
  const auto L = irio::testing::leather().labels;
  const auto s = io::read_shocks(d.write("s.csv",
                                         "Scenario,value,region,sector\n"
                                         "tariff,-1.5,TUR,Textile\n"
                                         "boom,2,DEU,Transport\n"
                                         "tariff,0.25,ARG,Agriculture\n"),
                                 L);
  BOOST_TEST(s.scenarios == (std::vector<std::string>{"tariff", "boom"}));
  BOOST_REQUIRE_EQUAL(s.values.rows(), 9);
  BOOST_REQUIRE_EQUAL(s.values.cols(), 2);
  BOOST_TEST(s.values(4, 0) == -1.5);  // TUR/Textile = index 1*3+1
  BOOST_TEST(s.values(8, 1) == 2.0);
  BOOST_TEST(s.values(0, 0) == 0.25);
  BOOST_TEST(s.values.col(1).sum() == 2.0);  // unlisted cells are 0
  const auto one = io::read_shocks(d.write("t.tsv", "region\tsector\tvalue\nARG\tTextile\t3\n"), L);
  BOOST_TEST(one.scenarios == std::vector<std::string>{"shock"});
  BOOST_TEST(one.values(1, 0) == 3.0);
}

BOOST_AUTO_TEST_CASE(errors) {
  TempDir d;
  const auto L = irio::testing::leather().labels;
  auto expect = [&](const std::string& name, const std::string& text, const std::vector<std::string>& parts) {
    const std::string p = d.write(name, text);
    std::vector<std::string> all{p};
    all.insert(all.end(), parts.begin(), parts.end());
    check_error<InputError>([&] { io::read_shocks(p, L); }, all);
  };
  expect("r.csv", "region,sector,value\nARG,Textile,1\nFRA,Textile,2\n", {":3:1: unknown region 'FRA'"});
  expect("s.csv", "region,sector,value\nARG,Leather,1\n", {":2:2: unknown sector 'Leather'"});
  expect("v.csv", "region,sector,value\nARG,Textile,lots\n", {":2:3: non-numeric cell 'lots' in shock value"});
  expect("d.csv", "region,sector,value\nARG,Textile,1\nARG,Textile,2\n",
         {":3:1: repeated shock for region 'ARG', sector 'Textile' in scenario 'shock' (also line 2)"});
  expect("h.csv", "region,sector,amount\nARG,Textile,1\n", {"the header has no 'value' column"});
  expect("w.csv", "region,sector,value\nARG,Textile\n", {":2: row has 2 fields, expected 3"});
  expect("e.csv", "region,sector,value\n", {"has no rows"});
  check_error<InputError>([&] { io::read_shocks(d.file("absent.csv"), L); }, {"cannot open"});
}

BOOST_AUTO_TEST_SUITE_END()
