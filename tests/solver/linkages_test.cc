// SPDX-License-Identifier: MIT
// Linkages and Ghosh (methods.md §1.2, §2.5): Miller & Blair §7.1 values, oracles §6.2 (6) and §6.2 (11),
// coefficient of variation against a dense reference.
#include "irio/solver/linkages.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/solver/ghosh.h"
#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

BOOST_AUTO_TEST_SUITE(linkages)

BOOST_AUTO_TEST_CASE(miller_blair_ghosh_and_rasmussen) {
  auto t = testing::miller_blair_2x2();
  solver::LeontiefModel m(t);
  const Matrix B(solver::ghosh_allocation(m));
  Matrix Bw(2, 2), Gw(2, 2);
  Bw << 0.15, 0.5, 0.1, 0.05;
  Gw << 1.254125, 0.660066, 0.132013, 1.122112;  // methods.md §7.1
  BOOST_CHECK_SMALL((B - Bw).cwiseAbs().maxCoeff(), 1e-15);
  BOOST_CHECK_SMALL((solver::ghosh_solve(m, Matrix::Identity(2, 2)) - Gw).cwiseAbs().maxCoeff(), 5.000001e-7);
  BOOST_CHECK_SMALL((solver::ghosh_solve_transposed(m, Matrix::Identity(2, 2)) - Gw.transpose()).cwiseAbs().maxCoeff(),
                    5.000001e-7);
  const auto lk = solver::compute_linkages(m);
  auto pair = [](const Vector& v, double a, double b, const char* what) {
    BOOST_TEST_CONTEXT(what) {
      BOOST_CHECK_SMALL(v(0) - a, 5.000001e-7);
      BOOST_CHECK_SMALL(v(1) - b, 5.000001e-7);
    }
  };
  pair(lk.total_backward, 1.518152, 1.452145, "1'L");
  pair(lk.power_of_dispersion, 1.022222, 0.977778, "U^b");
  pair(lk.sensitivity_ghosh, 1.208333, 0.791667, "U^f Ghosh");
  pair(lk.sensitivity_leontief, 1.066667, 0.933333, "U^f Leontief rows");
  pair(lk.direct_backward, 0.35, 0.30, "1'A");
  pair(lk.direct_forward, 0.65, 0.15, "B 1");
  BOOST_CHECK(lk.classes[0] == solver::SectorClass::kKey);  // §7.1: sector 1 is key
  BOOST_CHECK(lk.classes[1] == solver::SectorClass::kWeak);
  const auto tt = solver::linkages_table(m, lk);
  BOOST_CHECK_EQUAL(tt.find({"R", "s1", "key_sector_class"}), 3.0);
  BOOST_CHECK_CLOSE(tt.find({"R", "s2", "sensitivity_of_dispersion_ghosh"}), 0.791667, 1e-4);
}

BOOST_AUTO_TEST_CASE(leather_oracles) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  const Index n = 9;
  solver::LinkageOptions o;
  o.coefficient_of_variation = true;
  o.cv_block = 4;  // 3 blocks, the last one partial
  const auto lk = solver::compute_linkages(m, o);
  // §6.2 (11): the normalized indices average exactly 1.
  BOOST_CHECK_CLOSE(lk.power_of_dispersion.mean(), 1.0, 1e-12);
  BOOST_CHECK_CLOSE(lk.sensitivity_ghosh.mean(), 1.0, 1e-12);
  BOOST_CHECK_CLOSE(lk.sensitivity_leontief.mean(), 1.0, 1e-12);
  // Dense oracles (tiny table): L, G = (I - B)^{-1}, CV from the columns of L.
  const Matrix A(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const Matrix B(solver::ghosh_allocation(m));
  const Matrix G = (Matrix::Identity(n, n) - B).inverse();
  BOOST_CHECK_SMALL((lk.total_forward - G.rowwise().sum()).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL((lk.leontief_row_sum - L.rowwise().sum()).cwiseAbs().maxCoeff(), 1e-12);
  for (Index j = 0; j < n; ++j) {
    const double mean = L.col(j).mean();
    const double sd = std::sqrt((L.col(j).array() - mean).square().sum() / static_cast<double>(n - 1));
    BOOST_CHECK_CLOSE(lk.coefficient_of_variation(j), sd / mean, 1e-10);
  }
  // §6.2 (6): va'G = x' (residual VA), G 1 = x^-1 L x, G = x^-1 L x.
  BOOST_CHECK_SMALL((solver::ghosh_output(m, m.va()) - m.x()).cwiseAbs().maxCoeff(), 1e-11);
  BOOST_CHECK_SMALL((solver::ghosh_solve(m, Matrix::Identity(n, n)) - G).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL((solver::ghosh_solve_transposed(m, Matrix::Identity(n, n)) - G.transpose()).cwiseAbs().maxCoeff(),
                    1e-12);
  const auto gt = solver::ghosh_table(m);
  BOOST_CHECK_CLOSE(gt.find({"ARG", "Agriculture", "ghosh_output"}), 77.7, 1e-10);
  BOOST_CHECK_CLOSE(gt.find({"DEU", "Transport", "ghosh_row_sum"}), G.row(8).sum(), 1e-10);
  BOOST_CHECK_CLOSE(gt.find({"TUR", "Textile", "ghosh_column_sum"}), G.col(4).sum(), 1e-10);
}

BOOST_AUTO_TEST_CASE(zero_output_excluded_and_bad_options) {
  Matrix Z(3, 3), Y(3, 1);
  Z << 10, 0, 5, 0, 0, 0, 4, 0, 20;
  Y << 30, 0, 40;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b", "c"});
  solver::LeontiefModel m(t);
  const auto lk = solver::compute_linkages(m);
  BOOST_CHECK(std::isnan(lk.power_of_dispersion(1)));
  // Averages over the two active sectors are 1.
  BOOST_CHECK_CLOSE(lk.power_of_dispersion(0) + lk.power_of_dispersion(2), 2.0, 1e-12);
  BOOST_CHECK_CLOSE(lk.sensitivity_ghosh(0) + lk.sensitivity_ghosh(2), 2.0, 1e-12);
  solver::LinkageOptions o;
  o.cv_block = 0;
  BOOST_CHECK_THROW(solver::compute_linkages(m, o), InputError);
  try {
    solver::forward_linkage_from_string("rasmussen");
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "unknown forward linkage 'rasmussen' (expected ghosh or leontief)");
  }
}

BOOST_AUTO_TEST_CASE(weighted_rasmussen_indices) {
  // methods.md §2.5 weighted variants on decompr's leather table: the w-weighted averages are exactly 1,
  // each index is the unweighted one rescaled, and w = 1 reproduces the unweighted indices.
  const auto t = testing::leather();
  solver::LeontiefModel m(t);
  const auto plain = solver::compute_linkages(m);
  for (auto wk : {solver::LinkageWeights::kOutput, solver::LinkageWeights::kFinalDemand}) {
    solver::LinkageOptions o;
    o.weights = wk;
    const auto lk = solver::compute_linkages(m, o);
    const Vector w = wk == solver::LinkageWeights::kOutput ? Vector(m.x()) : Vector(t.final_demand_total());
    const double W = w.sum();
    BOOST_CHECK_CLOSE(w.dot(lk.power_of_dispersion) / W, 1.0, 1e-12);
    BOOST_CHECK_CLOSE(w.dot(lk.sensitivity_ghosh) / W, 1.0, 1e-12);
    BOOST_CHECK_CLOSE(w.dot(lk.sensitivity_leontief) / W, 1.0, 1e-12);
    // (1'L)_j / sum_k w_k (1'L)_k by hand.
    const double Ub0 = lk.total_backward(0) / (w.dot(plain.total_backward) / W);
    BOOST_CHECK_CLOSE(lk.power_of_dispersion(0), Ub0, 1e-12);
    const Vector ratio = lk.power_of_dispersion.cwiseQuotient(plain.power_of_dispersion);
    BOOST_CHECK_CLOSE(ratio.maxCoeff(), ratio.minCoeff(), 1e-10);
  }
  BOOST_CHECK(solver::linkage_weights_from_string("none") == solver::LinkageWeights::kNone);
  BOOST_CHECK_THROW(solver::linkage_weights_from_string("gdp"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
