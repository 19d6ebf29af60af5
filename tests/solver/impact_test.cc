// SPDX-License-Identifier: MIT
// Impact analysis (methods.md §1.1): Miller & Blair §7.1 new final demand, several scenarios at once,
// and the bad-input paths.
#include "irio/solver/impact.h"

#include <boost/test/unit_test.hpp>

#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

BOOST_AUTO_TEST_SUITE(impact)

BOOST_AUTO_TEST_CASE(miller_blair_new_final_demand) {
  auto t = testing::miller_blair_2x2();
  tables::Satellite lab;
  lab.name = "labour";
  lab.stressors = {"income"};
  lab.units = {"$"};
  lab.F.resize(1, 2);
  lab.F << 300, 500;  // coefficients (0.30, 0.25), M&B
  t.satellites.push_back(lab);
  solver::LeontiefModel m(t);
  std::vector<std::string> names;
  const auto dY = solver::shock_matrix(
      m, {{"R", "s1", "new", 600}, {"R", "s2", "new", 1000}, {"R", "s2", "new", 500}, {"R", "s1", "unit", 1}}, names);
  BOOST_REQUIRE_EQUAL(names.size(), 2u);
  const auto r = solver::compute_impact(m, dY, names);
  // methods.md §7.1: x = (1247.524752, 1841.584158), labour income (374.26, 460.40).
  BOOST_CHECK_SMALL(r.dx(0, 0) - 1247.524752, 5.000001e-7);
  BOOST_CHECK_SMALL(r.dx(1, 0) - 1841.584158, 5.000001e-7);
  const auto tt = solver::impact_table(m, r);
  BOOST_CHECK_SMALL(tt.find({"R", "s1", "labour/income", "new"}) - 374.26, 0.005);
  BOOST_CHECK_SMALL(tt.find({"R", "s2", "labour/income", "new"}) - 460.40, 0.005);
  BOOST_CHECK_CLOSE(r.dF(0, 0), 0.30 * r.dx(0, 0) + 0.25 * r.dx(1, 0), 1e-12);
  // Unit shock: column 1 of L (M&B Table 2.4), and Delta va = v o Delta x.
  BOOST_CHECK_SMALL(r.dx(0, 1) - 1.254125, 5.000001e-7);
  BOOST_CHECK_SMALL(r.dx(1, 1) - 0.264026, 5.000001e-7);
  BOOST_CHECK_CLOSE(r.dva(0, 1), 0.65 * r.dx(0, 1), 1e-12);
  // Sum of VA impacts = final-demand shock (identity 1.1 with residual VA).
  BOOST_CHECK_CLOSE(r.dva.col(0).sum(), 2100.0, 1e-12);
}

BOOST_AUTO_TEST_CASE(bad_inputs) {
  Matrix Z(3, 3), Y(3, 1);
  Z << 10, 0, 5, 0, 0, 0, 4, 0, 20;
  Y << 30, 0, 40;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b", "c"});
  solver::LeontiefModel m(t);
  auto expect = [&](auto f, const std::string& msg) {
    try {
      f();
      BOOST_ERROR("no exception for " << msg);
    } catch (const InputError& e) {
      BOOST_CHECK_EQUAL(std::string(e.what()), msg);
    }
  };
  expect([&] { solver::compute_impact(m, Matrix::Ones(2, 1)); }, "shock matrix has 2 rows, expected 3");
  expect([&] { solver::compute_impact(m, Matrix::Zero(3, 2), {"a"}); }, "shock matrix has 2 scenarios but 1 names");
  Matrix dY = Matrix::Zero(3, 1);
  dY(1, 0) = 5;
  expect([&] { solver::compute_impact(m, dY, {"s"}); },
         "shock on zero-output region 'R', sector 'b' in scenario 's': the sector is compressed "
         "out of the "
         "model (methods.md §1.3)");
  std::vector<std::string> names;
  expect(
      [&] {
        solver::shock_matrix(m, {{"X", "a", "s", 1}}, names);
      },
      "shock (--shock): unknown region 'X' (nearest: 'R')");
  expect(
      [&] {
        solver::shock_matrix(m, {{"R", "z", "s", 1}}, names);
      },
      "shock (--shock): unknown sector 'z' of region 'R' (nearest: 'a', 'b')");
  const auto r = solver::compute_impact(m, Matrix::Zero(3, 1));
  BOOST_CHECK_EQUAL(r.scenarios[0], "scenario1");
  BOOST_CHECK_EQUAL(r.dx.cwiseAbs().maxCoeff(), 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
