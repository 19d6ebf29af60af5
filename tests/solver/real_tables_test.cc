// SPDX-License-Identifier: MIT
// methods.md §6 identities as oracles on real tables: China NBS 2015 (42 sectors, competitive
// imports) for the household closure and extraction, the pymrio test MRIO (6 regions) for the
// spatial split, linkages and impacts.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/solver/extraction.h"
#include "irio/solver/impact.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/linkages.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/multipliers.h"
#include "tests/solver/csv_fixture.h"
#include "tests/solver/pymrio_fixture.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

namespace {

/// China 2015 42-sector NBS table (10 000 CNY). Competitive imports: imports are a negative
/// final-demand category and ERR a category, so that GO = sum Z + TFU - IM + ERR holds by row.
tables::IoTable china_2015() {
  const auto rows = testing::read_csv(testing::test_data("china_nbs/china_2015_42.csv"));
  const auto& h = rows[0];
  auto col = [&](const std::string& name) {
    const int c = tables::Labels::find(h, name);
    BOOST_REQUIRE_MESSAGE(c >= 0, "column " << name);
    return static_cast<std::size_t>(c);
  };
  tables::IoTable t;
  t.labels.regions = {"CN"};
  t.labels.set_each_region_own_country();
  for (std::size_t i = 1; i <= 42; ++i) t.labels.sectors.push_back(rows[i][0]);
  const std::vector<std::string> fd{"FU101", "FU102", "FU103", "FU201", "FU202", "EX", "IM", "ERR"};
  t.labels.fd_categories = fd;
  const std::size_t z0 = col("01");
  Matrix Z(42, 42);
  t.Y.resize(42, 8);
  t.x.resize(42);
  for (std::size_t i = 0; i < 42; ++i) {
    Z.row(static_cast<Index>(i)) = testing::numeric_block<Matrix>(rows, 1 + i, 1, z0, 42);
    for (std::size_t k = 0; k < fd.size(); ++k) {
      const std::string& cell = rows[1 + i][col(fd[k])];
      const double v = cell.empty() ? 0.0 : testing::number(cell);
      t.Y(static_cast<Index>(i), static_cast<Index>(k)) = fd[k] == "IM" ? -v : v;
    }
    t.x(static_cast<Index>(i)) = testing::number(rows[1 + i][col("GO")]);
  }
  t.Z = testing::sparse(Z);
  t.va_components = {"VA001", "VA002", "VA003", "VA004"};
  t.V.resize(4, 42);
  for (std::size_t k = 0; k < 4; ++k)
    t.V.row(static_cast<Index>(k)) =
        testing::numeric_block<Matrix>(rows, testing::find_row(rows, 0, t.va_components[k]), 1, z0, 42);
  t.meta.name = "China 2015";
  t.validate_shapes("china_2015_42.csv");
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(real_tables)

BOOST_AUTO_TEST_CASE(china_2015_household_closure_and_extraction) {
  const auto t = china_2015();
  // The table balances by row and column (data/README.md: 1e-12 or better).
  BOOST_CHECK_LE((t.row_total() - t.x).cwiseAbs().maxCoeff(), 1e-6 * t.x.maxCoeff());
  BOOST_CHECK_LE((t.value_added_residual() - t.value_added_supplied()).cwiseAbs().maxCoeff(), 1e-6 * t.x.maxCoeff());
  solver::LeontiefModel m(t);
  const Index n = 42;
  // §6.2 (3) (1.1): v'L = 1 with residual VA.
  BOOST_CHECK_SMALL((m.solve_transposed(m.v()).array() - 1.0).abs().maxCoeff(), 1e-12);
  // §6.2 (9): Type II / Type I income ratio = 1/k, rural + urban households, compensation VA001.
  solver::MultiplierOptions o;
  o.income = "VA001";
  o.household_categories = {"FU101", "FU102"};
  Vector k;
  const auto r = solver::multipliers_table(m, o, &k);
  BOOST_REQUIRE_EQUAL(k.size(), 1);
  BOOST_CHECK(k(0) > 0 && k(0) < 1);
  for (const auto& s : t.labels.sectors)
    BOOST_CHECK_CLOSE(r.find({"CN", s, "income_type2"}) / r.find({"CN", s, "income_type1"}), 1.0 / k(0), 1e-10);
  // Sherman-Morrison equals the explicitly closed (n+1) system (dense oracle, n = 43).
  auto hc =
      solver::household_coefficients(m, t.V.row(0).transpose(), {"FU101", "FU102"}, solver::HouseholdMode::kNational);
  Matrix Abar = Matrix::Zero(n + 1, n + 1);
  Abar.topLeftCorner(n, n) = Matrix(m.A());
  Abar.topRightCorner(n, 1) = hc.H_c;
  Abar.bottomLeftCorner(1, n) = hc.H_R;
  const Matrix Lbar = (Matrix::Identity(n + 1, n + 1) - Abar).inverse();
  for (Index j = 0; j < n; ++j) {
    const std::string s = t.labels.sectors[static_cast<std::size_t>(j)];
    BOOST_CHECK_CLOSE(r.find({"CN", s, "output_total_closed"}), Lbar.col(j).sum(), 1e-9);
    BOOST_CHECK_CLOSE(r.find({"CN", s, "output_truncated_closed"}), Lbar.col(j).head(n).sum(), 1e-9);
  }
  // §6.2 (13): Woodbury == refactorized on a real table, for each variant.
  for (auto kind :
       {solver::ExtractionKind::kTotal, solver::ExtractionKind::kBackward, solver::ExtractionKind::kForward}) {
    solver::ExtractionOptions w, f;
    w.method = solver::ExtractionMethod::kWoodbury;
    f.method = solver::ExtractionMethod::kRefactorize;
    const std::vector<Index> J{5, 11, 23};
    const auto a = solver::extract(m, kind, J, w), b = solver::extract(m, kind, J, f);
    BOOST_CHECK_LE((a.x_extracted - b.x_extracted).cwiseAbs().maxCoeff(), 1e-9 * t.x.maxCoeff());
    BOOST_CHECK_LE(std::abs(solver::extract(m, kind, {}).output_loss), 1e-9 * t.x.sum());
  }
}

BOOST_AUTO_TEST_CASE(pymrio_split_linkages_impact) {
  const auto t = testing::pymrio_table();
  solver::LeontiefModel m(t);
  // §6.2 (10) for output and for a stressor row.
  const Vector c = solver::per_unit_output(m, solver::flow_row(m, "Emissions/emission_type1 air"));
  for (const Vector& row : {Vector(Vector::Ones(m.n())), c}) {
    const auto s = solver::split_multipliers(m, row);
    const double scale = s.total.cwiseAbs().maxCoeff();
    BOOST_CHECK_SMALL((s.intra + s.feedback + s.spillover - s.total).cwiseAbs().maxCoeff(), 1e-12 * scale);
    BOOST_CHECK_SMALL((s.local + s.national + s.international - s.total).cwiseAbs().maxCoeff(), 1e-12 * scale);
    BOOST_CHECK(s.feedback.minCoeff() >= -1e-14 * scale);
    BOOST_CHECK(s.spillover.minCoeff() >= 0);
  }
  // §6.2 (11) on a real table.
  const auto lk = solver::compute_linkages(m);
  BOOST_CHECK_CLOSE(lk.power_of_dispersion.mean(), 1.0, 1e-12);
  BOOST_CHECK_CLOSE(lk.sensitivity_ghosh.mean(), 1.0, 1e-12);
  // §6.2: impact of the whole final demand reproduces x (x = Z1 + Y1 here).
  const auto r = solver::compute_impact(m, Matrix(t.final_demand_total()), {"all"});
  BOOST_CHECK_LE((r.dx.col(0) - m.x()).cwiseAbs().maxCoeff(), 1e-10 * m.x().maxCoeff());
}

BOOST_AUTO_TEST_SUITE_END()
