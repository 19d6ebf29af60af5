// SPDX-License-Identifier: MIT
// Footprints of a provincial table with an exogenous rest of the world (exports columns, an
// import row): the exports are final demand of the rest of the world, so D_pba adds up to the
// direct use F, emissions embodied in exports abroad are reported (D_abroad = M e-hat), and
// identity (12) of methods.md §6.2 closes with the rest of the world as a destination. Checked
// against dense L on a seeded table.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <random>

#include "irio/solver/footprints.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

namespace {

/// G provinces of one country x N sectors, seeded; exports and an import row make the rest of
/// the world exogenous; x is left to the row sums, so the table balances exactly.
tables::IoTable provincial_table(Index G, Index N, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const Index n = G * N;
  Matrix Z(n, n), Y(n, G);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) Z(i, j) = u(rng) < 0.3 ? 0.0 : 4.0 * u(rng);
  for (Index i = 0; i < n; ++i)
    for (Index r = 0; r < G; ++r) Y(i, r) = (i / N == r ? 40.0 : 5.0) * u(rng);
  std::vector<std::string> regions, sectors;
  for (Index r = 0; r < G; ++r) regions.push_back("P" + std::to_string(r + 1));
  for (Index s = 0; s < N; ++s) sectors.push_back("s" + std::to_string(s + 1));
  auto t = testing::make_table(Z, Y, regions, sectors, {"CN"}, std::vector<int>(static_cast<std::size_t>(G), 0));
  t.export_labels = {"EX"};
  t.exports = Matrix(n, 1);
  for (Index i = 0; i < n; ++i) t.exports(i, 0) = 30.0 * u(rng);
  t.import_labels = {"IM"};
  t.imports = Matrix(1, n);
  for (Index j = 0; j < n; ++j) t.imports(0, j) = 6.0 * u(rng);
  tables::Satellite s;
  s.name = "CO2";
  s.stressors = {"CO2", "SO2"};
  s.units = {"Mt", "kt"};
  s.F = Matrix(2, n);
  for (Index j = 0; j < n; ++j) {
    s.F(0, j) = 10.0 * u(rng);
    s.F(1, j) = u(rng);
  }
  s.F_Y = Matrix(2, G);
  for (Index r = 0; r < G; ++r) s.F_Y(0, r) = 3.0 * u(rng), s.F_Y(1, r) = 0.1 * u(rng);
  t.satellites.push_back(s);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(footprints_abroad)

BOOST_AUTO_TEST_CASE(exports_abroad_close_the_accounts) {
  const Index G = 5, N = 3, n = G * N;
  const auto t = provincial_table(G, N, 2026);
  solver::LeontiefModel m(t);
  const auto& sat = t.satellites[0];
  const auto a = solver::compute_footprints(m, sat);

  // D_pba adds up to the direct use (x = L y with y = Y 1 + exports 1), F_Y included.
  for (Index q = 0; q < 2; ++q) {
    const double direct = sat.F.row(q).sum() + sat.F_Y.row(q).sum();
    BOOST_TEST(a.D_pba_reg.row(q).sum() == direct, boost::test_tools::tolerance(1e-12));
  }

  // Dense oracle: L, M = S L, D_abroad = M e-hat.
  const Matrix L = (Matrix::Identity(n, n) - Matrix(m.A())).inverse();
  const Matrix M = a.S * L;
  const Vector e = t.exports.col(0);
  const Matrix abroad = M * e.asDiagonal();
  BOOST_REQUIRE_EQUAL(a.D_abroad.cols(), n);
  BOOST_TEST((a.D_abroad - abroad).cwiseAbs().maxCoeff() <= 1e-12 * abroad.cwiseAbs().maxCoeff());
  for (Index r = 0; r < G; ++r)
    BOOST_TEST(std::abs(a.D_abroad_reg(0, r) - abroad.middleCols(r * N, N).row(0).sum()) <= 1e-10);

  // Closure per region, with the rest of the world as a destination, and worldwide.
  for (Index q = 0; q < 2; ++q) {
    for (Index r = 0; r < G; ++r)
      BOOST_TEST(a.D_pba_reg(q, r) == a.D_cba_reg(q, r) - a.D_imp_reg(q, r) + a.D_exp_reg(q, r),
                 boost::test_tools::tolerance(1e-11));
    BOOST_TEST(a.D_cba_reg.row(q).sum() + a.D_abroad_reg.row(q).sum() == a.D_pba_reg.row(q).sum(),
               boost::test_tools::tolerance(1e-12));
  }
  // The exports' emissions made in province s are part of s's D_exp: D_exp >= S o (L e).
  const Vector Le = L * e;
  for (Index j = 0; j < n; ++j) BOOST_TEST(a.D_exp(0, j) >= a.S(0, j) * Le(j) - 1e-9);

  // The run's diagnostics report both identities as passing.
  const auto d = solver::footprint_diagnostics(m, sat, a);
  BOOST_TEST(d.num_rows() == 4u);
  for (std::size_t i = 0; i < d.num_rows(); ++i) BOOST_TEST(d.key(3, i) == "true");
  // The tidy result carries the new accounts.
  const auto tidy = solver::footprints_table(m, sat, a);
  BOOST_TEST(std::isfinite(tidy.find({"P1", "s1", "CO2", "D_abroad"})));
  BOOST_TEST(std::isfinite(tidy.find({"P1", "(all)", "CO2", "D_abroad_reg"})));

  // --regions-only: the same regional accounts from X^d and L e_r (G + G forward columns, no
  // transposed solve), nothing by sector.
  solver::FootprintOptions ro;
  ro.regions_only = true;
  ro.population = Vector::Constant(G, 1e6);
  const auto b = solver::compute_footprints(m, sat, ro);
  BOOST_TEST(b.transposed_rhs == 0);
  BOOST_TEST(b.forward_rhs == 2 * G);
  BOOST_TEST((b.S.size() == 0 && b.M.size() == 0 && b.M_down.size() == 0 && b.D_cba.size() == 0));
  for (const auto& [x, y] : {std::pair{&a.D_cba_reg, &b.D_cba_reg},
                             {&a.D_pba_reg, &b.D_pba_reg},
                             {&a.D_imp_reg, &b.D_imp_reg},
                             {&a.D_exp_reg, &b.D_exp_reg},
                             {&a.D_abroad_reg, &b.D_abroad_reg}})
    BOOST_TEST((*x - *y).cwiseAbs().maxCoeff() <= 1e-12 * x->cwiseAbs().maxCoeff());
  BOOST_TEST((b.D_cba_cap - b.D_cba_reg / 1e6).cwiseAbs().maxCoeff() <= 1e-15 * b.D_cba_reg.cwiseAbs().maxCoeff());
  const auto db = solver::footprint_diagnostics(m, sat, b);
  BOOST_TEST(db.num_rows() == 4u);
  for (std::size_t i = 0; i < db.num_rows(); ++i) BOOST_TEST(db.key(3, i) == "true");
}

BOOST_AUTO_TEST_CASE(no_exports_no_abroad_account) {
  auto t = provincial_table(3, 2, 7);
  t.exports.resize(0, 0);
  t.export_labels.clear();
  solver::LeontiefModel m(t);
  const auto a = solver::compute_footprints(m, t.satellites[0]);
  BOOST_TEST(a.D_abroad.size() == 0);
  const auto d = solver::footprint_diagnostics(m, t.satellites[0], a);
  for (std::size_t i = 0; i < d.num_rows(); ++i) BOOST_TEST(d.key(3, i) == "true");
}

BOOST_AUTO_TEST_SUITE_END()
