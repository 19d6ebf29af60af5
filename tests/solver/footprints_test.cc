// SPDX-License-Identifier: MIT
// Footprint accounts (methods.md §2.3): pymrio 0.6.3 calc_all() outputs on its bundled test MRIO,
// the §7.2 two-region fixture, and oracle §6.2 (12).
#include "irio/solver/footprints.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/solver/ghosh.h"
#include "irio/tables/error.h"
#include "tests/solver/csv_fixture.h"
#include "tests/solver/pymrio_fixture.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

namespace {

/// Every element within 1e-10 relative; entries below 1e-6 of the largest are compared relative to
/// that floor (relative error is meaningless at 0).
void check_matrix(const Matrix& got, const Matrix& want, const std::string& what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_REQUIRE_EQUAL(got.rows(), want.rows());
    BOOST_REQUIRE_EQUAL(got.cols(), want.cols());
    const double scale = want.cwiseAbs().maxCoeff();
    double worst = 0;
    for (Index i = 0; i < want.rows(); ++i)
      for (Index j = 0; j < want.cols(); ++j)
        worst = std::max(worst, std::abs(got(i, j) - want(i, j)) / std::max(std::abs(want(i, j)), 1e-6 * scale));
    BOOST_CHECK_LE(worst, 1e-10);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(footprints)

BOOST_AUTO_TEST_CASE(pymrio_calc_all_outputs) {
  const auto t = testing::pymrio_table();
  solver::LeontiefModel m(t);
  const Index n = m.n();
  check_matrix(m.x(), testing::read_pymrio("x.csv", 1, 2), "x");
  check_matrix(Matrix(m.A()), testing::read_pymrio("A.csv", 3, 2), "A");
  const Matrix I = Matrix::Identity(n, n);
  check_matrix(m.solve(I), testing::read_pymrio("L.csv", 3, 2),
               "L");  // the full inverse is the output here
  check_matrix(Matrix(solver::ghosh_allocation(m)), testing::read_pymrio("B.csv", 3, 2), "B");
  check_matrix(solver::ghosh_solve(m, I), testing::read_pymrio("G.csv", 3, 2), "G");
  const Matrix pop = testing::read_pymrio("population.csv", 1, 1);
  solver::FootprintOptions opt;
  opt.population = pop.row(0).transpose();
  opt.imports_by_sector = true;  // pymrio's D_imp at sector detail
  for (const auto& [sat, prefix, idx] : {std::tuple{0, std::string("Emissions__"), std::size_t{2}},
                                         std::tuple{1, std::string("Factor_Inputs__"), std::size_t{1}}}) {
    const auto& s = t.satellites[static_cast<std::size_t>(sat)];
    const auto a = solver::compute_footprints(m, s, opt);
    check_matrix(a.S, testing::read_pymrio(prefix + "S.csv", 3, idx), prefix + "S");
    if (sat == 0) check_matrix(a.S_Y, testing::read_pymrio(prefix + "S_Y.csv", 3, idx), prefix + "S_Y");
    check_matrix(a.M, testing::read_pymrio(prefix + "M.csv", 3, idx), prefix + "M");
    check_matrix(a.M_down, testing::read_pymrio(prefix + "M_down.csv", 3, idx), prefix + "M_down");
    check_matrix(a.D_cba, testing::read_pymrio(prefix + "D_cba.csv", 3, idx), prefix + "D_cba");
    check_matrix(a.D_pba, testing::read_pymrio(prefix + "D_pba.csv", 3, idx), prefix + "D_pba");
    check_matrix(a.D_imp, testing::read_pymrio(prefix + "D_imp.csv", 3, idx), prefix + "D_imp");
    check_matrix(a.D_exp, testing::read_pymrio(prefix + "D_exp.csv", 3, idx), prefix + "D_exp");
    for (const char* acc : {"D_cba", "D_pba", "D_imp", "D_exp"}) {
      const std::string a_name(acc);
      const Matrix& reg = a_name == "D_cba"   ? a.D_cba_reg
                          : a_name == "D_pba" ? a.D_pba_reg
                          : a_name == "D_imp" ? a.D_imp_reg
                                              : a.D_exp_reg;
      const Matrix& cap = a_name == "D_cba"   ? a.D_cba_cap
                          : a_name == "D_pba" ? a.D_pba_cap
                          : a_name == "D_imp" ? a.D_imp_cap
                                              : a.D_exp_cap;
      check_matrix(reg, testing::read_pymrio(prefix + a_name + "_reg.csv", 1, idx), prefix + a_name + "_reg");
      check_matrix(cap, testing::read_pymrio(prefix + a_name + "_cap.csv", 1, idx), prefix + a_name + "_cap");
    }
    // Oracle §6.2 (12) on a real (unbalanced) MRIO.
    const double scale = a.D_cba_reg.cwiseAbs().maxCoeff();
    BOOST_CHECK_SMALL((a.D_cba_reg.rowwise().sum() - a.D_pba_reg.rowwise().sum()).cwiseAbs().maxCoeff(), 1e-10 * scale);
    BOOST_CHECK_SMALL(((a.D_cba_reg - a.D_pba_reg) - (a.D_imp_reg - a.D_exp_reg)).cwiseAbs().maxCoeff(), 1e-10 * scale);
    // The default route: M from k_F transposed solves and D_imp by region from X^d. Every account
    // it gives equals the sector route's; D_imp at sector detail is left out.
    solver::FootprintOptions by_region = opt;
    by_region.imports_by_sector = false;
    const auto b = solver::compute_footprints(m, s, by_region);
    BOOST_CHECK_EQUAL(b.D_imp.size(), 0);
    BOOST_CHECK_EQUAL(b.transposed_rhs, a.transposed_rhs / static_cast<Eigen::Index>(m.num_regions()));
    BOOST_CHECK_EQUAL(b.forward_rhs, a.forward_rhs);
    check_matrix(b.D_imp_reg, testing::read_pymrio(prefix + "D_imp_reg.csv", 1, idx), prefix + "D_imp_reg (by region)");
    check_matrix(b.D_imp_cap, testing::read_pymrio(prefix + "D_imp_cap.csv", 1, idx), prefix + "D_imp_cap (by region)");
    // D_imp by sector the other way: X_r = L Y_diag_r region by region (n forward right-hand sides),
    // what auto picks when k_F G > n.
    solver::FootprintOptions by_products = opt;
    by_products.imports_route = solver::ImportsRoute::kProductColumns;
    const auto c = solver::compute_footprints(m, s, by_products);
    BOOST_CHECK(c.imports_by_products && !a.imports_by_products);
    BOOST_CHECK_EQUAL(c.transposed_rhs, b.transposed_rhs);
    BOOST_CHECK_EQUAL(c.forward_rhs, b.forward_rhs + static_cast<Eigen::Index>(m.n()));
    check_matrix(c.D_imp, testing::read_pymrio(prefix + "D_imp.csv", 3, idx), prefix + "D_imp (by products)");
    check_matrix(c.D_imp_reg, testing::read_pymrio(prefix + "D_imp_reg.csv", 1, idx),
                 prefix + "D_imp_reg (by products)");
    for (const auto& [x, y] : {std::pair{&a.M, &b.M},
                               {&a.M_down, &b.M_down},
                               {&a.D_cba, &b.D_cba},
                               {&a.D_exp, &b.D_exp},
                               {&a.D_imp_reg, &b.D_imp_reg},
                               {&a.D_exp_reg, &b.D_exp_reg}})
      BOOST_CHECK_SMALL((*x - *y).cwiseAbs().maxCoeff(), 1e-12 * std::max(1.0, x->cwiseAbs().maxCoeff()));
  }
}

BOOST_AUTO_TEST_CASE(two_region_fixture_7_2) {
  Matrix Z(6, 6), Y(6, 2);
  Z << 10, 5, 1, 6, 5, 7, 0, 2, 0, 0, 5, 3, 10, 3, 20, 4, 2, 0, 5, 0, 0, 1, 10, 9, 0, 10, 1, 0, 20, 1, 5, 0, 0, 1, 10,
      10;
  Y << 14, 3, 2.5, 2.5, 13, 6, 5, 20, 10, 10, 3, 10;
  auto t = testing::make_table(Z, Y, {"reg1", "reg2"}, {"s1", "s2", "s3"});
  tables::Satellite s;
  s.name = "emissions";
  s.stressors = {"e1", "e2"};
  s.units = {"kg", "kg"};
  s.F.resize(2, 6);
  s.F << 20, 1, 42, 4, 20, 5, 5, 4, 11, 8, 2, 10;
  s.F_Y.resize(2, 2);
  s.F_Y << 50, 10, 100, 20;
  t.satellites.push_back(s);
  solver::LeontiefModel m(t);
  Vector x(6);
  x << 51, 15, 58, 50, 52, 39;
  BOOST_CHECK_SMALL((m.x() - x).cwiseAbs().maxCoeff(), 1e-12);
  const Matrix L = m.solve(Matrix::Identity(6, 2));
  BOOST_CHECK_CLOSE(L(0, 0), 1.3387146304736708, 1e-10);
  BOOST_CHECK_CLOSE(L(0, 1), 0.9689762471208287, 1e-10);
  solver::FootprintOptions by_sector;
  by_sector.imports_by_sector = true;
  const auto a = solver::compute_footprints(m, s, by_sector);
  auto row6 = [](double a0, double a1, double a2, double a3, double a4, double a5) {
    Vector v(6);
    v << a0, a1, a2, a3, a4, a5;
    return v;
  };
  auto close6 = [](const Vector& got, const Vector& want, const char* what) {
    BOOST_TEST_CONTEXT(what) { BOOST_CHECK_SMALL((got - want).cwiseAbs().maxCoeff(), 5.000001e-7); }
  };
  close6(a.M.row(0).transpose(), row6(0.896638, 1.796547, 1.166680, 0.301312, 1.437189, 0.717762), "M");
  close6(a.M_down.row(0).transpose(), row6(0.481728, 0.490000, 0.749447, 0.384384, 0.480310, 0.509142), "M_down");
  close6(a.D_cba.row(0).transpose(), row6(14.059499, 18.863256, 17.320123, 8.716164, 18.863256, 14.177703), "D_cba");
  close6(a.D_imp.row(0).transpose(), row6(1.279257, 10.499070, 1.275227, 6.604375, 8.364186, 10.842116), "D_imp");
  close6(a.D_exp.row(0).transpose(), row6(8.251832, 0.530411, 17.028433, 1.330750, 9.797227, 1.925576), "D_exp");
  Matrix cba(2, 2), pba(2, 2);
  cba << 100.242877, 51.757123, 118.847945, 41.152055;
  pba << 113, 39, 120, 40;
  BOOST_CHECK_SMALL((a.D_cba_reg - cba).cwiseAbs().maxCoeff(), 5.000001e-7);
  BOOST_CHECK_SMALL((a.D_pba_reg - pba).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL(((a.D_cba_reg - a.D_pba_reg) - (a.D_imp_reg - a.D_exp_reg)).cwiseAbs().maxCoeff(), 1e-12);
  // Tidy output carries every account; a region total row uses sector "(all)".
  const auto tt = solver::footprints_table(m, s, a);
  BOOST_CHECK_CLOSE(tt.find({"reg1", "(all)", "e1", "D_cba_reg"}), 100.242877, 1e-5);
  BOOST_CHECK_CLOSE(tt.find({"reg2", "s3", "e1", "D_exp"}), 1.925576, 1e-4);
}

BOOST_AUTO_TEST_CASE(bad_inputs) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  tables::Satellite s;
  s.name = "co2";
  s.stressors = {"co2"};
  s.units = {"kt"};
  s.F = Matrix::Ones(1, 8);
  try {
    solver::compute_footprints(m, s);
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "satellite 'co2': F has 8 columns, expected 9");
  }
  s.F = Matrix::Ones(1, 9);
  s.F_Y = Matrix::Ones(1, 2);
  BOOST_CHECK_THROW(solver::compute_footprints(m, s), InputError);
  s.F_Y.resize(0, 0);
  solver::FootprintOptions o;
  o.population = Vector::Ones(2);
  try {
    solver::compute_footprints(m, s, o);
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "population has 2 entries, expected one per region (3)");
  }
  o.population = Vector::Ones(3);
  o.population(1) = 0;
  try {
    solver::compute_footprints(m, s, o);
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(
        std::string(e.what()),
        "population of region 'TUR' is 0.000000: a population must be > 0 (give one in the population file, --population)");
  }
}

BOOST_AUTO_TEST_SUITE_END()
