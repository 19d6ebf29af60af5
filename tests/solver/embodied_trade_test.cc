// SPDX-License-Identifier: MIT
// Stressors embodied in bilateral trade (solver/embodied_trade.h, methods.md §2.7) against a dense
// computation in the test (L and the local inverses (I - A^{rr})^{-1} formed explicitly), and the
// identities that tie MRIO and EEBT to the production and consumption accounts, on decompr's
// leather table with a seeded two-stressor satellite.
#include <boost/test/unit_test.hpp>

#include <random>

#include "irio/solver/embodied_trade.h"
#include "irio/solver/footprints.h"
#include "tests/gvc/gvc_test_util.h"
#include "tests/test_util.h"

namespace {

using irio::tables::Matrix;
using irio::tables::Vector;

irio::tables::IoTable leather_with_satellite() {
  auto t = irio::testing::leather();
  irio::tables::Satellite s;
  s.name = "air";
  s.stressors = {"CO2", "CH4"};
  s.units = {"kt", "t"};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.5, 4.0);
  s.F = Matrix(2, t.n());
  for (Eigen::Index i = 0; i < s.F.rows(); ++i)
    for (Eigen::Index j = 0; j < s.F.cols(); ++j) s.F(i, j) = u(rng);
  s.F_Y = Matrix(2, 0);
  t.satellites.push_back(s);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(embodied_trade)

BOOST_AUTO_TEST_CASE(mrio_and_eebt_equal_the_dense_computation_and_the_accounts) {
  const auto t = leather_with_satellite();
  irio::solver::ModelOptions opt;
  opt.backend = irio::solver::Backend::kDense;
  const irio::solver::LeontiefModel m(t, opt);
  const auto e = irio::solver::embodied_trade(m, "air");
  const Eigen::Index n = m.n(), N = m.num_sectors(), G = m.num_regions();

  const Matrix A = Matrix(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const Vector x = L * t.Y.rowwise().sum();  // one category per region: Y^d = Y
  const Matrix S = t.satellites[0].F * m.x().cwiseInverse().asDiagonal();
  for (Eigen::Index q = 0; q < 2; ++q)
    for (Eigen::Index r = 0; r < G; ++r) {
      const Matrix Lrr = (Matrix::Identity(N, N) - A.block(r * N, r * N, N, N)).inverse();
      const Vector mloc = (S.row(q).segment(r * N, N) * Lrr).transpose();
      for (Eigen::Index c = 0; c < G; ++c) {
        const Vector Lyc = L * t.Y.col(c);
        const double mrio = S.row(q).segment(r * N, N).dot(Lyc.segment(r * N, N));
        BOOST_TEST(e.mrio[static_cast<std::size_t>(q)](r, c) == mrio, boost::test_tools::tolerance(1e-10));
        if (r == c) continue;
        const Vector y_rc = t.Y.col(c).segment(r * N, N);
        const Vector z_rc = A.block(r * N, c * N, N, N) * x.segment(c * N, N);  // A^{rs} x^s
        BOOST_TEST(e.eebt_final[static_cast<std::size_t>(q)](r, c) == mloc.dot(y_rc),
                   boost::test_tools::tolerance(1e-10));
        BOOST_TEST(e.eebt_intermediate[static_cast<std::size_t>(q)](r, c) == mloc.dot(z_rc),
                   boost::test_tools::tolerance(1e-10));
      }
    }

  // The three identities hold (diagnostics), and the MRIO accounts are the footprints' D_pba/D_cba.
  const auto& d = e.diagnostics;
  BOOST_TEST(d.num_rows() == 6u);
  for (std::size_t i = 0; i < d.num_rows(); ++i) BOOST_TEST(d.key(3, i) == "true", d.key(0, i));
  irio::solver::FootprintOptions fo;
  const auto acc = irio::solver::compute_footprints(m, t.satellites[0], fo);
  for (Eigen::Index q = 0; q < 2; ++q)
    for (Eigen::Index r = 0; r < G; ++r) {
      BOOST_TEST(e.production(q, r) == acc.D_pba_reg(q, r), boost::test_tools::tolerance(1e-10));
      BOOST_TEST(e.mrio[static_cast<std::size_t>(q)].col(r).sum() == acc.D_cba_reg(q, r),
                 boost::test_tools::tolerance(1e-10));
    }

  // Tidy tables: no EEBT row within a region; the net exports of the two ways sum to zero.
  const auto trade = irio::solver::embodied_trade_table(m, e);
  BOOST_TEST(trade.num_rows() == static_cast<std::size_t>(2 * (G * G + 3 * G * (G - 1))));
  const auto bal = irio::solver::embodied_balance_table(m, e);
  double net_m = 0, net_e = 0;
  for (std::size_t i = 0; i < bal.num_rows(); ++i) {
    if (bal.key(2, i) == "net_exports_mrio") net_m += bal.value(i);
    if (bal.key(2, i) == "net_exports_eebt") net_e += bal.value(i);
  }
  BOOST_TEST(std::abs(net_m) < 1e-9);
  BOOST_TEST(std::abs(net_e) < 1e-9);
}

BOOST_AUTO_TEST_CASE(value_added_and_the_split_by_exporting_sector) {
  const auto t = leather_with_satellite();
  const irio::solver::LeontiefModel m(t);
  const Eigen::Index N = m.num_sectors(), G = m.num_regions();
  // Value added: v'L = 1' (value added per unit of final demand is 1), so what each region's final
  // demand absorbs (MRIO column sums) is that final demand, and the rows are each region's value
  // added (Johnson & Noguera 2012, by region).
  const auto va = irio::solver::embodied_value_added(m, true);
  BOOST_TEST(va.stressors == std::vector<std::string>{"value_added"});
  for (Eigen::Index c = 0; c < G; ++c) {
    BOOST_TEST(va.mrio[0].col(c).sum() == t.Y.col(c).sum(), boost::test_tools::tolerance(1e-10));
    BOOST_TEST(va.production(0, c) == m.va().segment(c * N, N).sum(), boost::test_tools::tolerance(1e-10));
  }
  for (std::size_t i = 0; i < va.diagnostics.num_rows(); ++i)
    BOOST_TEST(va.diagnostics.key(3, i) == "true", va.diagnostics.key(0, i));
  // By sector: the terms of the regional sums, for stressors and value added alike.
  const auto e = irio::solver::embodied_trade(m, "air", true);
  for (const auto* x : {&e, &va})
    for (std::size_t q = 0; q < x->stressors.size(); ++q)
      for (Eigen::Index r = 0; r < G; ++r)
        for (Eigen::Index c = 0; c < G; ++c) {
          BOOST_TEST(x->mrio_by_sector[q].col(c).segment(r * N, N).sum() == x->mrio[q](r, c),
                     boost::test_tools::tolerance(1e-12));
          BOOST_TEST(x->eebt_final_by_sector[q].col(c).segment(r * N, N).sum() == x->eebt_final[q](r, c),
                     boost::test_tools::tolerance(1e-12));
          BOOST_TEST(x->eebt_intermediate_by_sector[q].col(c).segment(r * N, N).sum() == x->eebt_intermediate[q](r, c),
                     boost::test_tools::tolerance(1e-12));
        }
  const auto tab = irio::solver::embodied_trade_by_sector_table(m, e);
  BOOST_TEST(tab.num_rows() == static_cast<std::size_t>(2 * N * (G * G + 3 * G * (G - 1))));
  BOOST_CHECK_THROW(irio::solver::embodied_trade_by_sector_table(m, irio::solver::embodied_trade(m, "air")),
                    irio::InputError);
}

BOOST_AUTO_TEST_CASE(refuses_an_unknown_satellite) {
  const auto t = leather_with_satellite();
  const irio::solver::LeontiefModel m(t);
  BOOST_CHECK_EXCEPTION(irio::solver::embodied_trade(m, "water"), irio::InputError, [](const irio::InputError& e) {
    return std::string(e.what()).find("no satellite 'water' in the table (satellites: air)") != std::string::npos;
  });
}

// A provincial table with an exogenous rest of the world (exports, an ERR column, an import row):
// "abroad" and "other_fd" are destinations; MRIO against a dense computation and the footprints'
// D_abroad; EEBT's domestic final use + exports (abroad included) = production.
BOOST_AUTO_TEST_CASE(exogenous_rest_of_the_world_is_a_destination) {
  auto t = leather_with_satellite();
  const Eigen::Index n = static_cast<Eigen::Index>(t.n()), G = 3, N = 3;
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(1.0, 9.0);
  t.export_labels = {"EXP", "ERR"};
  t.exports = Matrix(n, 2);
  for (Eigen::Index i = 0; i < n; ++i) t.exports(i, 0) = u(rng), t.exports(i, 1) = 0.1 * u(rng);
  t.import_labels = {"IMP"};
  t.imports = Matrix::Constant(1, n, 2.0);
  t.x.resize(0);  // x = row sums: the table balances with the exports
  const irio::solver::LeontiefModel m(t);
  const auto e = irio::solver::embodied_trade(m, "air", true);
  BOOST_TEST(e.destinations == (std::vector<std::string>{"ARG", "TUR", "DEU", "abroad", "other_fd"}),
             boost::test_tools::per_element());
  for (std::size_t i = 0; i < e.diagnostics.num_rows(); ++i)
    BOOST_TEST(e.diagnostics.key(3, i) == "true", e.diagnostics.key(0, i));
  const Matrix A = Matrix(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const Matrix S = t.satellites[0].F * m.x().cwiseInverse().asDiagonal();
  const irio::solver::FootprintOptions fo;
  const auto acc = irio::solver::compute_footprints(m, t.satellites[0], fo);
  for (Eigen::Index q = 0; q < 2; ++q) {
    const Vector Le = L * t.exports.col(0), Lo = L * t.exports.col(1);
    for (Eigen::Index r = 0; r < G; ++r) {
      BOOST_TEST(e.mrio[static_cast<std::size_t>(q)](r, G) == S.row(q).segment(r * N, N).dot(Le.segment(r * N, N)),
                 boost::test_tools::tolerance(1e-10));
      BOOST_TEST(e.mrio[static_cast<std::size_t>(q)](r, G + 1) == S.row(q).segment(r * N, N).dot(Lo.segment(r * N, N)),
                 boost::test_tools::tolerance(1e-10));
      BOOST_TEST(e.production(q, r) == acc.D_pba_reg(q, r), boost::test_tools::tolerance(1e-10));  // F_Y is empty
      const Matrix Lrr = (Matrix::Identity(N, N) - A.block(r * N, r * N, N, N)).inverse();
      const Vector mloc = (S.row(q).segment(r * N, N) * Lrr).transpose();
      BOOST_TEST(e.eebt_final[static_cast<std::size_t>(q)](r, G) == mloc.dot(t.exports.col(0).segment(r * N, N)),
                 boost::test_tools::tolerance(1e-10));
      BOOST_TEST(e.eebt_intermediate[static_cast<std::size_t>(q)](r, G) == 0.0);
    }
  }
  // By emitting region here, by exporting region in D_abroad: the same total s L e.
  for (Eigen::Index q = 0; q < 2; ++q)
    BOOST_TEST(e.mrio[static_cast<std::size_t>(q)].col(G).sum() == acc.D_abroad_reg.row(q).sum(),
               boost::test_tools::tolerance(1e-10));
  const auto by_sector = irio::solver::embodied_trade_by_sector_table(m, e);
  // Per stressor, exporter and sector: 5 MRIO rows and 3 EEBT rows for each of the 4 other destinations.
  BOOST_TEST(by_sector.num_rows() == static_cast<std::size_t>(2 * G * N * (5 + 3 * 4)));
}

// --perimeter country (methods.md §2.7): leather with Argentina split proportionally into two
// provinces gives, at the country perimeter, exactly the unsplit table's regional accounts (the
// split is exact, §6.1): MRIO, EEBT (at the country's domestic intensity) and both balances. At the
// region perimeter the split table's MRIO sums to the same, but its EEBT counts ARG1 -> ARG2 as trade.
BOOST_AUTO_TEST_CASE(country_perimeter_equals_the_unsplit_table) {
  using irio::solver::Perimeter;
  const auto base = leather_with_satellite();
  auto split = irio::testing::leather_split(0.4);
  const int orig[] = {0, 1, 2, 0};
  const double w[] = {0.4, 1.0, 1.0, 0.6};
  auto sat = base.satellites[0];
  sat.F = Matrix(2, 12);
  for (int p = 0; p < 4; ++p)
    for (int i = 0; i < 3; ++i) sat.F.col(p * 3 + i) = base.satellites[0].F.col(orig[p] * 3 + i) * w[p];
  split.satellites.push_back(sat);
  const irio::solver::LeontiefModel mb(base), ms(split);
  const auto eb = irio::solver::embodied_trade(mb, "air", true);
  const auto ec = irio::solver::embodied_trade(ms, "air", true, Perimeter::kCountry);
  const auto er = irio::solver::embodied_trade(ms, "air", false, Perimeter::kRegion);
  BOOST_TEST(ec.units == (std::vector<std::string>{"ARG", "TUR", "DEU"}), boost::test_tools::per_element());
  BOOST_TEST(er.units.size() == 4u);
  auto close = [](const Matrix& a, const Matrix& b) {
    return (a - b).cwiseAbs().maxCoeff() <= 1e-12 * std::max(1.0, b.cwiseAbs().maxCoeff());
  };
  for (std::size_t q = 0; q < 2; ++q) {
    BOOST_TEST(close(ec.mrio[q], eb.mrio[q]));
    BOOST_TEST(close(ec.eebt_final[q], eb.eebt_final[q]));
    BOOST_TEST(close(ec.eebt_intermediate[q], eb.eebt_intermediate[q]));
    // Region perimeter on the split table: MRIO aggregates to the countries, EEBT does not.
    Matrix agg = Matrix::Zero(3, 3);
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 4; ++c) agg(orig[r], orig[c]) += er.mrio[q](r, c);
    BOOST_TEST(close(agg, eb.mrio[q]));
    BOOST_TEST(er.eebt_intermediate[q](0, 3) > 0);  // ARG1 -> ARG2 is an export between regions
  }
  BOOST_TEST(close(ec.production, eb.production));
  BOOST_TEST(close(ec.consumption, eb.consumption));
  for (std::size_t i = 0; i < ec.diagnostics.num_rows(); ++i)
    BOOST_TEST(ec.diagnostics.key(3, i) == "true", ec.diagnostics.key(0, i));
  // Tables are keyed by country; a country of two provinces names its rows REGION:SECTOR.
  const auto bal = irio::solver::embodied_balance_table(ms, ec);
  BOOST_TEST(bal.find({"ARG", "CO2", "net_exports_eebt"}) ==
                 irio::solver::embodied_balance_table(mb, eb).find({"ARG", "CO2", "net_exports_eebt"}),
             boost::test_tools::tolerance(1e-12));
  const auto bs = irio::solver::embodied_trade_by_sector_table(ms, ec);
  BOOST_TEST(bs.find({"ARG", "ARG2:Transport", "TUR", "CO2", "eebt"}) > 0);
  BOOST_TEST(bs.find({"TUR", "Transport", "ARG", "CO2", "mrio"}) > 0);
}

BOOST_AUTO_TEST_SUITE_END()
