// SPDX-License-Identifier: MIT
// Multipliers (methods.md §2.1-§2.2): Miller & Blair §7.1 values, Sherman-Morrison/Woodbury against
// the explicitly closed system (§6.2 (9)), Eurostat Germany 1995 and Netherlands 2000 published values.
#include "irio/solver/multipliers.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"
#include "tests/solver/csv_fixture.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

namespace {

/// M&B Table 2.3 with household consumption (90, 250) split out of f as its own category,
/// compensation (300, 500) as a V row (M&B labour inputs) and constructed jobs (20, 30) (§7.1).
tables::IoTable miller_blair_households() {
  auto t = testing::miller_blair_2x2();
  t.labels.fd_categories = {"households", "other"};
  t.Y.resize(2, 2);
  t.Y << 90, 260, 250, 1450;
  t.va_components = {"compensation", "other_va"};
  t.V.resize(2, 2);
  t.V << 300, 500, 350, 900;
  tables::Satellite jobs;
  jobs.name = "jobs";
  jobs.stressors = {"persons"};
  jobs.units = {"persons"};
  jobs.F.resize(1, 2);
  jobs.F << 20, 30;
  t.satellites.push_back(jobs);
  return t;
}

void check_pair(const tables::TidyTable& t, const std::string& ind, double a, double b) {
  BOOST_TEST_CONTEXT(ind) {
    // methods.md §7 prints 6 decimals: compare to half a unit in the last place.
    BOOST_CHECK_SMALL(t.find({"R", "s1", ind}) - a, 5.000001e-7);
    BOOST_CHECK_SMALL(t.find({"R", "s2", ind}) - b, 5.000001e-7);
  }
}

solver::MultiplierOptions mb_options() {
  solver::MultiplierOptions o;
  o.income = "compensation";
  o.employment = "jobs/persons";
  o.household_categories = {"households"};
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipliers)

BOOST_AUTO_TEST_CASE(miller_blair_type1_type2) {
  auto t = miller_blair_households();
  solver::LeontiefModel m(t);
  Vector k;
  auto r = solver::multipliers_table(m, mb_options(), &k);
  // methods.md §7.1 (M&B ch. 2 + constructed h_c = (90, 250)/800 and jobs (20, 30)).
  BOOST_CHECK_CLOSE(k(0), 0.831642, 1e-4);
  check_pair(r, "output", 1.518152, 1.452145);
  check_pair(r, "value_added", 1.0, 1.0);
  check_pair(r, "income_coefficient", 0.30, 0.25);
  check_pair(r, "income_simple", 0.442244, 0.379538);
  check_pair(r, "income_type1", 1.474147, 1.518152);
  check_pair(r, "income_type2", 1.772575, 1.825487);
  check_pair(r, "output_total_closed", 2.382063, 2.193561);
  check_pair(r, "output_truncated_closed", 1.850290, 1.737189);
  check_pair(r, "employment_simple", 0.029043, 0.023432);
  check_pair(r, "employment_type1", 1.452145, 1.562156);
  check_pair(r, "employment_type2", 1.733717, 1.884353);
  // Oracle §6.2 (9): Type II / Type I income ratio = 1/k for every sector.
  for (const char* s : {"s1", "s2"})
    BOOST_CHECK_CLOSE(r.find({"R", s, "income_type2"}) / r.find({"R", s, "income_type1"}), 1.0 / k(0), 1e-10);
  BOOST_CHECK_CLOSE(1.0 / k(0), 1.202441, 1e-4);
  // VA components are additive: compensation + other = value_added (residual) multipliers.
  BOOST_CHECK_CLOSE(r.find({"R", "s1", "value_added:compensation"}) + r.find({"R", "s1", "value_added:other_va"}), 1.0,
                    1e-10);
}

BOOST_AUTO_TEST_CASE(sherman_morrison_and_woodbury_equal_explicit_closure) {
  // Leather with final demand split into households (60%) and other (40%), income = 45% of VA.
  auto t = testing::leather();
  const Matrix Yd = t.Y;
  t.labels.fd_categories = {"hh", "other"};
  t.Y.resize(9, 6);
  for (int r = 0; r < 3; ++r) {
    t.Y.col(2 * r) = 0.6 * Yd.col(r);
    t.Y.col(2 * r + 1) = 0.4 * Yd.col(r);
  }
  t.va_components = {"wages"};
  t.V = 0.45 * t.value_added_residual().transpose();
  solver::LeontiefModel m(t);
  const Vector w = t.V.row(0).transpose();
  const Matrix A = Matrix(m.A());
  for (auto mode : {solver::HouseholdMode::kNational, solver::HouseholdMode::kRegional}) {
    auto hc = solver::household_coefficients(m, w, {"hh"}, mode);
    const Index H = hc.H_c.cols();
    BOOST_REQUIRE_EQUAL(H, mode == solver::HouseholdMode::kNational ? 1 : 3);
    // Explicit (n+H) closed system, inverted densely (oracle on a tiny table only).
    Matrix Abar = Matrix::Zero(9 + H, 9 + H);
    Abar.topLeftCorner(9, 9) = A;
    Abar.topRightCorner(9, H) = hc.H_c;
    Abar.bottomLeftCorner(H, 9) = hc.H_R;
    const Matrix Lbar = (Matrix::Identity(9 + H, 9 + H) - Abar).inverse();
    solver::HouseholdClosure cl(m, hc.H_c, hc.H_R);
    const Vector ones = Vector::Ones(9);
    const Vector trunc_ref = Lbar.topLeftCorner(9, 9).colwise().sum().transpose();
    const Vector total_ref = Lbar.leftCols(9).colwise().sum().transpose();
    BOOST_CHECK_SMALL((cl.truncated_output_multipliers() - trunc_ref).cwiseAbs().maxCoeff(), 1e-12);
    BOOST_CHECK_SMALL((cl.total_output_multipliers() - total_ref).cwiseAbs().maxCoeff(), 1e-12);
    const Vector c = solver::per_unit_output(m, w);
    const Vector cL = m.solve_transposed(c).col(0);
    const Vector ref = (c.transpose() * Lbar.topLeftCorner(9, 9)).transpose();
    BOOST_CHECK_SMALL((cl.closed_row(cL) - ref).cwiseAbs().maxCoeff(), 1e-12);
    // Woodbury uses only G = 3 extra solves; a national closure has a constant ratio 1/k.
    if (mode == solver::HouseholdMode::kNational) {
      const Vector ratio = cl.closed_row(cL).cwiseQuotient(cL);
      BOOST_CHECK_SMALL((ratio.array() - 1.0 / cl.K()(0, 0)).abs().maxCoeff(), 1e-12);
    }
  }
}

BOOST_AUTO_TEST_CASE(nan_for_zero_coefficients_and_masked_zero_output) {
  Matrix Z(3, 3), Y(3, 1);
  Z << 10, 0, 5, 0, 0, 0, 4, 0, 20;
  Y << 30, 0, 40;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b", "c"});
  tables::Satellite s;
  s.name = "jobs";
  s.stressors = {"persons"};
  s.units = {"persons"};
  s.F.resize(1, 3);
  s.F << 0, 0, 7;  // sector a has no jobs: Type I is 0/0 -> NaN
  t.satellites.push_back(s);
  solver::LeontiefModel m(t);
  solver::MultiplierOptions o;
  o.employment = "jobs/persons";
  auto r = solver::multipliers_table(m, o);
  BOOST_CHECK(std::isnan(r.find({"R", "a", "employment_type1"})));
  BOOST_CHECK(r.find({"R", "a", "employment_simple"}) > 0);  // indirect jobs in c
  BOOST_CHECK(std::isnan(r.find({"R", "b", "output"})));     // zero output: masked, not 1
  BOOST_CHECK(std::isnan(r.find({"R", "b", "employment_simple"})));
  BOOST_CHECK(std::isfinite(r.find({"R", "c", "employment_type1"})));
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_reported) {
  auto t = miller_blair_households();
  solver::LeontiefModel m(t);
  auto expect = [&](solver::MultiplierOptions o, const std::string& msg) {
    BOOST_TEST_CONTEXT(msg) {
      try {
        solver::multipliers_table(m, o);
        BOOST_ERROR("no exception");
      } catch (const InputError& e) {
        BOOST_CHECK_MESSAGE(std::string(e.what()).find(msg) != std::string::npos, e.what());
      }
    }
  };
  auto o = mb_options();
  o.household_categories = {"hh"};
  expect(o, "unknown final-demand category 'hh' (table has: households, other)");
  o = mb_options();
  o.income = "wages";
  expect(o, "unknown value-added component 'wages' (table has: compensation, other_va");
  o = mb_options();
  o.employment = "labour/persons";
  expect(o, "unknown satellite 'labour' (table has: jobs)");
  o.employment = "jobs/fte";
  expect(o, "satellite 'jobs' has no stressor 'fte' (it has: persons)");
  o = mb_options();
  o.income.clear();
  expect(o, "Type II multipliers need a labour-income row");
  BOOST_CHECK_THROW(solver::household_mode_from_string("county"), InputError);
  // Zero income.
  BOOST_CHECK_THROW(
      solver::household_coefficients(m, Vector::Zero(2), {"households"}, solver::HouseholdMode::kNational), InputError);
  // A closure that is not productive: households spend 5x their income (k <= 0).
  Matrix Hc(2, 1), HR(1, 2);
  Hc << 2.5, 2.5;
  HR << 0.3, 0.25;
  try {
    solver::HouseholdClosure cl(m, Hc, HR);
    BOOST_ERROR("no exception");
  } catch (const NumericalError& e) {
    BOOST_CHECK(std::string(e.what()).find("not productive") != std::string::npos);
  }
  BOOST_CHECK_THROW(solver::HouseholdClosure(m, Matrix::Zero(3, 1), HR), InputError);
}

BOOST_AUTO_TEST_CASE(eurostat_germany_1995) {
  // Eurostat Manual (2008) Table 15.4, domestic product-by-product table; expected values from
  // Tables 15.9-15.13 at 4 decimals. Imports are an exogenous row, so value added is GVA (B1G),
  // the sum of D1, D29-D39, K1 and B2N+B3N -- not the residual, which also holds product taxes.
  const auto rows = testing::read_csv(testing::validation_data("eurostat_germany_1995/Beutel_15_4.csv"));
  const std::vector<std::string> sec{"cpa_a", "cpa_c", "cpa_f", "cpa_g_i", "cpa_business", "cpa_other"};
  const std::vector<std::string> names{"agriculture_group", "manufacturing_group",     "construction_group",
                                       "trade_group",       "business_services_group", "other_services_group"};
  tables::IoTable t;
  t.labels.regions = {"DE"};
  t.labels.sectors = names;
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"households", "government", "gcf", "inventories", "exports"};
  Matrix Z(6, 6);
  t.Y.resize(6, 5);
  for (std::size_t i = 0; i < 6; ++i) {
    const auto r = testing::find_row(rows, 0, sec[i]);
    Z.row(static_cast<Index>(i)) = testing::numeric_block<Matrix>(rows, r, 1, 5, 6);
    t.Y.row(static_cast<Index>(i)) = testing::numeric_block<Matrix>(rows, r, 1, 11, 5);
  }
  t.Z = testing::sparse(Z);
  // Output at basic prices as the column total P1 (the printed row totals differ by up to 46).
  t.x = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "P1"), 1, 5, 6).transpose();
  t.import_labels = {"imports"};
  t.imports = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "P7"), 1, 5, 6);
  t.va_components = {"D21_M_D31", "D1", "D29_M_D39", "K1", "B2N_B3N"};
  t.V.resize(5, 6);
  for (std::size_t k = 0; k < 5; ++k)
    t.V.row(static_cast<Index>(k)) =
        testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, t.va_components[k]), 1, 5, 6);
  tables::Satellite emp;
  emp.name = "employment";
  emp.stressors = {"total"};
  emp.units = {"1000 persons"};
  emp.F = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "EMP"), 1, 5, 6);
  t.satellites.push_back(emp);
  t.validate_shapes("Beutel_15_4.csv");

  solver::LeontiefModel m(t);
  const Vector gva = solver::va_components_sum(m, {"D1", "D29_M_D39", "K1", "B2N_B3N"});
  const Vector b1g = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "B1G"), 1, 5, 6).transpose();
  BOOST_CHECK_SMALL((gva - b1g).cwiseAbs().maxCoeff(), 1.0 + 1e-9);  // printed rounding
  const Vector gva_coef = solver::per_unit_output(m, gva);
  const Vector out = solver::output_multipliers(m);
  const Vector gva_mult = solver::simple_multipliers(m, gva_coef);
  const Vector emp_mult =
      solver::simple_multipliers(m, solver::per_unit_output(m, solver::flow_row(m, "employment/total")));
  const Matrix Ldiag = m.solve(Matrix::Identity(6, 6)).diagonal();  // oracle: 6 x 6 table

  const auto exp = testing::read_csv(testing::validation_data("eurostat_germany_1995/expected.csv"));
  int checked = 0;
  for (std::size_t i = 1; i < exp.size(); ++i) {
    const auto& q = exp[i][0];
    const int j = tables::Labels::find(names, exp[i][1]);
    BOOST_REQUIRE(j >= 0);
    const double want = testing::number(exp[i][2]);
    const double half_ulp = 0.5 * std::pow(10.0, -testing::number(exp[i][3])) + 1e-12;
    double got = NAN;
    if (q == "output_multiplier") got = out(j);
    else if (q == "gva_coefficient") got = gva_coef(j);
    else if (q == "gva_multiplier") got = gva_mult(j);
    else if (q == "employment_multiplier_thousand_persons_per_meur") got = emp_mult(j);
    else if (q == "leontief_inverse_diagonal") got = Ldiag(j, 0);
    else BOOST_ERROR("unexpected quantity " << q);
    BOOST_TEST_CONTEXT(q << " " << exp[i][1]) { BOOST_CHECK_LE(std::abs(got - want), half_ulp); }
    ++checked;
  }
  BOOST_CHECK_EQUAL(checked, 27);
}

BOOST_AUTO_TEST_CASE(netherlands_2000_type1_income) {
  // Teaching table (D'Hernoncourt, Cordier & Hadley 2011), private consumption column; imports
  // and net taxes are exogenous rows. Expected: income effects w'L and Type I income multipliers.
  const auto rows = testing::read_csv(testing::validation_data("netherlands_2000/netherlands_2000.csv"));
  const std::vector<std::string> sec{"agriculture_group", "mining_group",       "manufacturing_group",
                                     "utilities_group",   "construction_group", "services_group"};
  tables::IoTable t;
  t.labels.regions = {"NL"};
  t.labels.sectors = sec;
  t.labels.set_each_region_own_country();
  t.labels.fd_categories = {"final_consumption_private", "final_consumption_government",
                            "gross_fixed_capital_formation", "exports"};
  const std::vector<std::size_t> fd_cols{8, 10, 11, 12};
  Matrix Z(6, 6);
  t.Y.resize(6, 4);
  for (std::size_t i = 0; i < 6; ++i) {
    const auto r = testing::find_row(rows, 0, sec[i]);
    Z.row(static_cast<Index>(i)) = testing::numeric_block<Matrix>(rows, r, 1, 1, 6);
    for (std::size_t k = 0; k < 4; ++k)
      t.Y(static_cast<Index>(i), static_cast<Index>(k)) = testing::number(rows[r][fd_cols[k]]);
  }
  t.Z = testing::sparse(Z);
  t.x = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "output_bp"), 1, 1, 6).transpose();
  t.import_labels = {"imports", "net_tax"};
  t.imports.resize(2, 6);
  t.imports.row(0) = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "imports"), 1, 1, 6);
  t.imports.row(1) = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "net_tax"), 1, 1, 6);
  const Matrix comp =
      testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "compensation_employees"), 1, 1, 6);
  const Matrix va = testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, "value_added_bp"), 1, 1, 6);
  t.va_components = {"compensation_employees", "other_value_added"};
  t.V.resize(2, 6);
  t.V.row(0) = comp;
  t.V.row(1) = va - comp;
  t.validate_shapes("netherlands_2000.csv");
  // Row balance of the private-consumption variant (data/README.md), to the printed rounding.
  BOOST_CHECK_LE((t.row_total() - t.x).cwiseAbs().maxCoeff(), 1.0);

  solver::LeontiefModel m(t);
  solver::MultiplierOptions o;
  o.income = "compensation_employees";
  auto r = solver::multipliers_table(m, o);
  const auto exp = testing::read_csv(testing::validation_data("netherlands_2000/expected.csv"));
  for (std::size_t i = 1; i < exp.size(); ++i) {
    const std::string ind = exp[i][0] == "income_effect" ? "income_simple" : "income_type1";
    const double got = r.find({"NL", exp[i][1], ind});
    const double tol = 0.5 * std::pow(10.0, -testing::number(exp[i][3])) + 1e-12;
    BOOST_TEST_CONTEXT(exp[i][0] << " " << exp[i][1]) {
      BOOST_CHECK_LE(std::abs(got - testing::number(exp[i][2])), tol);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
