// SPDX-License-Identifier: MIT
// The scenario file goes through the one CSV tokenizer (issue 22 §3): a `;`-separated file (as
// Excel saves CSV in many European locales) with a quoted region list gives the same scenarios as
// the `,`-separated one; text that is not UTF-8 is refused naming the line and byte, and bad
// numbers name the line and the column.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <functional>
#include <string>

#include "irio/analysis/regional.h"
#include "tests/analysis/cli_dir.h"

namespace {

const std::string kTable = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";
const std::string kEu = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011_eu27.csv";

irio::Analysis eu_as_country() {
  irio::OpenOptions opt;
  opt.countries = kEu;
  return irio::Analysis::open(kTable, opt);
}

irio::MarketScenarioResults scenarios_of(const irio::Analysis& a, const std::string& file) {
  irio::MarketScenarioRequest r;
  r.scenario_file = file;
  return irio::market_scenarios(a, r);
}

template <class E>
std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "<no exception>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scenario_file)

BOOST_FIXTURE_TEST_CASE(semicolons_and_quotes_read_as_commas, CliDir) {
  const irio::Analysis a = eu_as_country();
  std::ofstream(file("comma.csv")) << "scenario,factor,origin,destination,closure\n"
                                      "# a comment line\n"
                                      "de_fr,1.1,\"DEU;FRA\",all,imports\n"
                                      "half,0.5,all,all,imports\n";
  std::ofstream(file("semi.csv")) << "scenario;factor;origin;destination;closure\r\n"
                                     "de_fr;1.1;\"DEU;FRA\";all;imports\r\n"
                                     "half;0.5;all;all;imports\r\n";
  const auto c = scenarios_of(a, file("comma.csv"));
  const auto s = scenarios_of(a, file("semi.csv"));
  BOOST_REQUIRE_EQUAL(c.tables.size(), s.tables.size());
  for (std::size_t k = 0; k < c.tables.size(); ++k) {
    BOOST_REQUIRE_EQUAL(c.tables[k].num_rows(), s.tables[k].num_rows());
    BOOST_CHECK(c.tables[k].num_rows() > 0);
    for (std::size_t r = 0; r < c.tables[k].num_rows(); ++r) {
      const double x = c.tables[k].value(r), y = s.tables[k].value(r);
      BOOST_CHECK((x == y || (std::isnan(x) && std::isnan(y))));
    }
  }
}

BOOST_FIXTURE_TEST_CASE(bad_text_and_numbers_name_the_line, CliDir) {
  const irio::Analysis a = eu_as_country();
  std::ofstream(file("latin1.csv"), std::ios::binary) << "scenario,factor,origin,destination\n"
                                                         "Qu\xE9"
                                                         "bec,1.1,all,all\n";
  const std::string m1 = message_of<irio::InputError>([&] { scenarios_of(a, file("latin1.csv")); });
  BOOST_CHECK_MESSAGE(m1.find("latin1.csv:2") != std::string::npos && m1.find("0xE9") != std::string::npos, m1);
  std::ofstream(file("nan.csv")) << "scenario,factor,origin,destination\nx,nan,all,all\n";
  const std::string m2 = message_of<irio::InputError>([&] { scenarios_of(a, file("nan.csv")); });
  BOOST_CHECK_MESSAGE(m2.find("nan.csv:2") != std::string::npos && m2.find("factor 'nan'") != std::string::npos, m2);
  std::ofstream(file("sign.csv")) << "scenario,factor,origin,destination\nx,+-5,all,all\n";
  const std::string m3 = message_of<irio::InputError>([&] { scenarios_of(a, file("sign.csv")); });
  BOOST_CHECK_MESSAGE(m3.find("sign.csv:2") != std::string::npos && m3.find("'+-5'") != std::string::npos, m3);
}

BOOST_AUTO_TEST_SUITE_END()
