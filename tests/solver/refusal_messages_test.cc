// SPDX-License-Identifier: MIT
// Refusals of the library that a user reaches through an option or a file (issue 22 §3): each
// names the item at fault, the option or file it came from, and what to do instead.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <limits>

#include "irio/solver/disparity.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/leontief_model.h"
#include "irio/solver/multipliers.h"
#include "irio/tables/error.h"
#include "irio/tables/grouping.h"
#include "irio/tables/nesting.h"
#include "irio/tables/ras.h"
#include "tests/test_util.h"

namespace {

using irio::InputError;
using irio::tables::Matrix;
using irio::tables::Vector;

void refused(const std::function<void()>& f, const std::vector<std::string>& parts) {
  try {
    f();
    BOOST_ERROR("no exception; expected one with '" << parts.front() << "'");
  } catch (const InputError& e) {
    const std::string msg = e.what();
    for (const auto& p : parts) BOOST_TEST((msg.find(p) != std::string::npos), "'" << p << "' not in: " << msg);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(refusal_messages)

BOOST_AUTO_TEST_CASE(disparity_names_the_unit_the_option_and_the_remedy) {
  namespace s = irio::solver;
  const std::vector<std::string> units{"A", "B"}, one{"all"};
  Vector x(2), w(2);
  x << 1, 2;
  w << 1, -3;
  refused([&] { s::disparity(x, w, {0, 0}, one, units); }, {"weight of 'B'", "--weights", "--weights equal"});
  w << 0, 0;
  refused([&] { s::disparity(x, w, {0, 0}, one, units); }, {"2 units add up to 0", "--weights equal"});
  w << 1, 1;
  x(1) = std::numeric_limits<double>::quiet_NaN();
  refused([&] { s::disparity(x, w, {0, 0}, one, units); }, {"no finite value for 'B'", "--indicator"});
  x(1) = 2;
  refused([&] { s::disparity(x, w, {0, -1}, one, units); }, {"'B' is in no group", "--groups", "*,GROUP"});
  w << 1, 0;
  refused(
      [&] {
        s::disparity(x, w, {0, 1}, {"g1", "g2"}, units);
      },
      {"group 'g2' has no unit with a weight > 0", "--weights equal"});
}

BOOST_AUTO_TEST_CASE(household_closure_and_value_added_names_list_what_the_table_has) {
  auto t = irio::testing::leather();
  t.va_components = {"wages", "profits"};
  t.V = Matrix::Zero(2, 9);
  t.V.row(1).setConstant(10.0);
  const irio::solver::LeontiefModel m(t);
  refused([&] { irio::solver::household_coefficients(m, Vector::Zero(9), {}, irio::solver::HouseholdMode::kNational); },
          {"no household final-demand category", "--household-category", "the table has: fd"});
  refused(
      [&] { irio::solver::household_coefficients(m, Vector::Zero(9), {"fd"}, irio::solver::HouseholdMode::kNational); },
      {"total labour income", "--income-component", "wages, profits"});
  refused(
      [&] { irio::solver::household_coefficients(m, Vector::Zero(9), {"fd"}, irio::solver::HouseholdMode::kRegional); },
      {"labour income of region 'ARG' is zero", "--income-component", "national closure"});
  refused([&] { irio::solver::va_components_sum(m, {"value_added"}); }, {"'value_added'", "wages, profits"});
}

BOOST_AUTO_TEST_CASE(ras_grouping_and_nesting_name_the_remedy) {
  Matrix A(2, 2);
  A << 1, std::numeric_limits<double>::infinity(), 3, 4;
  Vector u(2), v(2);
  u << 4, 6;
  v << 5, 5;
  refused([&] { irio::tables::ras(A, u, v); }, {"--rows", "--cols", "not a finite number"});
  const auto g = irio::tables::Grouping::from_pairs("blocs", {{"ARG", "south"}, {"DEU", "north"}});
  refused([&] { (void)g.group_of("ARX"); }, {"grouping 'blocs' has no member 'ARX'", "nearest: 'ARG'", "*,GROUP"});
  irio::tables::NestOptions o;
  o.country = "CHN";
  o.export_key = irio::tables::ExportKey::kFile;
  BOOST_TEST(o.validate().find("--key-file") != std::string::npos, o.validate());
}

BOOST_AUTO_TEST_SUITE_END()
