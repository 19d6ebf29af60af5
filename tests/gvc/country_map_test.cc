// SPDX-License-Identifier: MIT
// Region -> country maps (--countries): parsing, application and its errors.
#include <sstream>

#include "gvc_test_util.h"
#include "solver/gvc/country_map.h"
#include "tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;

BOOST_AUTO_TEST_SUITE(country_map)

BOOST_AUTO_TEST_CASE(parse_and_assign) {
  std::istringstream in("region,country\n# comment\nARG1,ARG\nTUR,TUR\n\nDEU,DEU\nARG2, ARG\n");
  const auto map = gvc::parse_country_map(in, "map.csv");
  BOOST_REQUIRE_EQUAL(map.size(), 4u);
  auto t = leather_split(0.4);
  t.labels.set_each_region_own_country();
  gvc::assign_countries(t.labels, map, "map.csv");
  BOOST_CHECK_EQUAL(t.labels.num_countries(), 3u);
  BOOST_CHECK_EQUAL(t.labels.country_of_region[3], 0);
  BOOST_CHECK_EQUAL(t.labels.countries[0], "ARG");
}

BOOST_AUTO_TEST_CASE(errors_name_the_file) {
  auto t = leather();
  std::istringstream bad("ARG;ARG\n");
  BOOST_CHECK_THROW(gvc::parse_country_map(bad, "m.csv"), InputError);
  BOOST_CHECK_THROW(gvc::assign_countries(t.labels, {{"ARG", "A"}, {"TUR", "T"}}, "m.csv"), InputError);  // DEU missing
  BOOST_CHECK_THROW(gvc::assign_countries(t.labels, {{"ARG", "A"}, {"TUR", "T"}, {"DEU", "D"}, {"XXX", "X"}}, "m.csv"),
                    InputError);
  try {
    gvc::assign_countries(t.labels, {{"ARG", "A"}, {"ARG", "B"}}, "m.csv");
    BOOST_FAIL("expected InputError");
  } catch (const InputError& e) {
    BOOST_CHECK(std::string(e.what()).find("m.csv") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
