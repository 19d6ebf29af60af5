// SPDX-License-Identifier: MIT
// Tests of RAS and GRAS: a closed-form 2 x 2 case, Miller & Blair (2009) sect. 7.4.2, GRAS with
// negative entries, infeasible and inconsistent targets.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/tables/error.h"
#include "irio/tables/ras.h"

namespace tt = boost::test_tools;
using irio::InputError;
using irio::tables::Matrix;
using irio::tables::RasMethod;
using irio::tables::RasOptions;
using irio::tables::Vector;

BOOST_AUTO_TEST_SUITE(ras)

BOOST_AUTO_TEST_CASE(two_by_two_closed_form) {
  // RAS keeps the cross-product ratio x11 x22 / (x12 x21) = 1*4 / (2*3) = 2/3. With row totals
  // (4, 6) and column totals (5, 5): x = [[a, 4-a], [5-a, 1+a]] and a(1+a) / ((4-a)(5-a)) = 2/3,
  // i.e. a^2 + 21a - 40 = 0, a = (-21 + sqrt(601)) / 2.
  Matrix A(2, 2);
  A << 1, 2, 3, 4;
  Vector u(2), v(2);
  u << 4, 6;
  v << 5, 5;
  const auto res = irio::tables::ras(A, u, v);
  BOOST_TEST(res.converged, res.report());
  BOOST_TEST((res.method == RasMethod::kRas));
  const double a = (-21.0 + std::sqrt(601.0)) / 2.0;
  BOOST_TEST(res.X(0, 0) == a, tt::tolerance(1e-9));
  BOOST_TEST(res.X(0, 1) == 4 - a, tt::tolerance(1e-9));
  BOOST_TEST(res.X(1, 0) == 5 - a, tt::tolerance(1e-9));
  BOOST_TEST(res.X(1, 1) == 1 + a, tt::tolerance(1e-9));
  BOOST_TEST(res.iterations > 1);
  // X = r^ A s^.
  BOOST_TEST((res.X - res.r.asDiagonal() * A * res.s.asDiagonal()).cwiseAbs().maxCoeff() < 1e-12);
}

BOOST_AUTO_TEST_CASE(miller_blair_7_4_2) {
  // Miller & Blair (2009) sect. 7.4.2: base coefficients A(0), new outputs x(1) = (421, 284, 283) and
  // the margins of the true Z(1) = [[98, 72, 75], [65, 8, 63], [88, 27, 44]]:
  // u(1) = (245, 136, 159), v(1) = (251, 107, 182).
  Matrix A0(3, 3);
  A0 << .120, .100, .049, .210, .247, .265, .026, .249, .145;
  Vector x(3), u(3), v(3);
  x << 421, 284, 283;
  u << 245, 136, 159;
  v << 251, 107, 182;
  const Matrix Z0 = A0 * x.asDiagonal();
  const auto res = irio::tables::ras(Z0, u, v);
  BOOST_TEST(res.converged, res.report());
  BOOST_TEST((res.X.rowwise().sum() - u).cwiseAbs().maxCoeff() < 1e-8);
  BOOST_TEST((res.X.colwise().sum().transpose() - v).cwiseAbs().maxCoeff() < 1e-8);
  // Biproportionality: every 2 x 2 cross-product ratio of A(0) survives.
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      for (int j = 0; j < 3; ++j)
        for (int l = 0; l < 3; ++l)
          BOOST_TEST(res.X(i, j) * res.X(k, l) * Z0(i, l) * Z0(k, j) == Z0(i, j) * Z0(k, l) * res.X(i, l) * res.X(k, j),
                     tt::tolerance(1e-9));
  // A(1) = X x^-1: the first coefficient, and the sign of the changes M&B discuss (the RAS
  // estimate moves a_11 from .120 towards the true 98 / 421 = .2328).
  const Matrix A1 = res.X * x.cwiseInverse().asDiagonal();
  BOOST_TEST(A1(0, 0) > 0.120);
  BOOST_TEST_MESSAGE("M&B 7.4.2 RAS: " << res.iterations << " iterations, A(1) =\n" << A1);
}

BOOST_AUTO_TEST_CASE(gras_with_negative_entries) {
  Matrix A(3, 3);
  A << 4, -1, 2, 2, 3, -0.5, 1, 1, 1;
  Vector u(3), v(3);
  u << 6, 5, 4;
  v << 8, 3, 4;
  const auto res = irio::tables::ras(A, u, v);
  BOOST_TEST(res.converged, res.report());
  BOOST_TEST((res.method == RasMethod::kGras));
  BOOST_TEST((res.X.rowwise().sum() - u).cwiseAbs().maxCoeff() < 1e-9);
  BOOST_TEST((res.X.colwise().sum().transpose() - v).cwiseAbs().maxCoeff() < 1e-9);
  // Signs are kept and X = r^ P s^ - r^-1 N s^-1 (Junius & Oosterhaven 2003).
  const Matrix P = A.cwiseMax(0.0), N = (-A).cwiseMax(0.0);
  for (Eigen::Index i = 0; i < 3; ++i)
    for (Eigen::Index j = 0; j < 3; ++j) {
      BOOST_TEST((res.X(i, j) < 0) == (A(i, j) < 0));
      BOOST_TEST(res.X(i, j) == res.r(i) * P(i, j) * res.s(j) - N(i, j) / (res.r(i) * res.s(j)), tt::tolerance(1e-12));
    }
  // Without negative entries GRAS is RAS.
  Matrix B = A.cwiseAbs();
  Vector ub = u, vb = v;
  ub(0) += 2.0;  // keep sum(u) = sum(v) after the sign change: 17 vs 15 + 2
  vb(1) += 2.0;
  RasOptions g;
  g.method = RasMethod::kGras;
  const auto rg = irio::tables::ras(B, ub, vb, g);
  const auto rr = irio::tables::ras(B, ub, vb);
  BOOST_TEST((rr.method == RasMethod::kRas));
  BOOST_TEST((rg.X - rr.X).cwiseAbs().maxCoeff() < 1e-9);
  // RAS refuses negative entries.
  RasOptions r;
  r.method = RasMethod::kRas;
  try {
    irio::tables::ras(A, u, v, r);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("ras: the matrix has negative entries (the smallest") == 0u);
    BOOST_TEST(std::string(e.what()).find("use --method gras") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(inconsistent_and_infeasible_targets) {
  Matrix A(2, 2);
  A << 1, 2, 3, 4;
  Vector u(2), v(2);
  u << 4, 6;
  v << 5, 6;
  try {
    irio::tables::ras(A, u, v);
    BOOST_FAIL("no exception");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find(
                   "ras: the row totals sum to 10.000000 but the column totals to 11.000000; no matrix can meet both: "
                   "correct the row totals (--rows)") == 0u);
  }
  Matrix Z(2, 2);
  Z << 0, 0, 3, 4;
  v << 5, 5;
  const auto res = irio::tables::ras(Z, u, v);
  BOOST_TEST(!res.converged);
  BOOST_TEST(res.infeasible_rows == std::vector<std::size_t>{0}, tt::per_element());
  BOOST_TEST(res.iterations == 1);  // structural: stops at once
  BOOST_TEST(res.report().find("did NOT converge") != std::string::npos);
  BOOST_TEST(res.report().find("rows that cannot reach their target: 0") != std::string::npos);
  // Zero rows with zero targets are fine.
  u << 0, 10;
  const auto ok = irio::tables::ras(Z, u, v);
  BOOST_TEST(ok.converged, ok.report());
  BOOST_TEST(ok.X(1, 0) == 5.0, tt::tolerance(1e-12));
  // Shapes are checked.
  BOOST_CHECK_THROW(irio::tables::ras(A, Vector::Ones(3), v), InputError);
  // Iteration limit: reported, not thrown.
  RasOptions one;
  one.max_iterations = 1;
  u << 4, 6;
  const auto lim = irio::tables::ras(A, u, v, one);
  BOOST_TEST(!lim.converged);
  BOOST_TEST(lim.iterations == 1);
  BOOST_TEST(lim.max_row_residual > 1e-6);
  BOOST_TEST(lim.max_col_residual < 1e-12);  // the column step is exact
}

BOOST_AUTO_TEST_SUITE_END()

#include "irio/io/csv_reader.h"
#include "tests/test_util.h"

BOOST_AUTO_TEST_SUITE(ras_wiod)

BOOST_AUTO_TEST_CASE(wiod_2011_rounding_residuals) {
  // WIOD 2011 (integers, USD million) balances rows only to within rounding. RAS Z to the row
  // targets u = x - F 1 (with column targets 1'Z scaled to the same total) removes the residuals.
  const auto zc = irio::io::read_csv(irio::testing::test_data("wiod2013/wiot_2011_Z.csv.gz"));
  const auto fc = irio::io::read_csv(irio::testing::test_data("wiod2013/wiot_2011_F.csv.gz"));
  const auto xc = irio::io::read_csv(irio::testing::test_data("wiod2013/wiot_2011_x.csv"));
  const Eigen::Index n = static_cast<Eigen::Index>(zc.rows.size() - 1);
  BOOST_TEST_REQUIRE(n == 1435);
  Matrix Z(n, n);
  Vector f = Vector::Zero(n), x(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(i + 1);
    for (Eigen::Index j = 0; j < n; ++j) Z(i, j) = zc.number(r, static_cast<std::size_t>(j + 1));
    for (std::size_t c = 1; c < fc.rows[r].fields.size(); ++c) f(i) += fc.number(r, c);
    x(i) = xc.number(r, 1);
  }
  const Vector before = Z.rowwise().sum() + f - x;
  // Balance the block of region-sectors with output >= 1000 (USD million): tiny integer-rounded
  // sectors (e.g. MLT_c5 with a single entry of 1) make the biproportional problem infeasible.
  // Row targets: u_i = x_i - F_i 1 - (sales to the excluded columns); column targets: the
  // block's column sums scaled to the same total.
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < n; ++i)
    if (x(i) >= 1000.0) keep.push_back(i);
  const auto m = static_cast<Eigen::Index>(keep.size());
  Matrix B(m, m);
  Vector u(m);
  for (Eigen::Index a = 0; a < m; ++a) {
    double outside = Z.row(keep[static_cast<std::size_t>(a)]).sum();
    for (Eigen::Index b = 0; b < m; ++b) {
      B(a, b) = Z(keep[static_cast<std::size_t>(a)], keep[static_cast<std::size_t>(b)]);
      outside -= B(a, b);
    }
    u(a) = x(keep[static_cast<std::size_t>(a)]) - f(keep[static_cast<std::size_t>(a)]) - outside;
  }
  Vector v = B.colwise().sum().transpose();
  v *= u.sum() / v.sum();
  const auto res = irio::tables::ras(B, u, v);
  BOOST_TEST(res.converged, res.report());
  double before_block = 0, after_block = 0;
  for (Eigen::Index a = 0; a < m; ++a) {
    const Eigen::Index i = keep[static_cast<std::size_t>(a)];
    before_block = std::max(before_block, std::abs(before(i)));
    after_block = std::max(after_block, std::abs(res.X.row(a).sum() - u(a)));
  }
  const double col_change = ((res.X.colwise().sum() - B.colwise().sum()).cwiseQuotient(B.colwise().sum().cwiseMax(1.0)))
                                .cwiseAbs()
                                .maxCoeff();
  BOOST_TEST_MESSAGE("WIOD 2011, " << m << " of " << n << " region-sectors: max |Z1 + F1 - x| " << before_block
                                   << " -> " << after_block << " after " << res.iterations
                                   << " RAS iterations; largest relative change of a column total " << col_change);
  BOOST_TEST(m == 1264);            // region-sectors with x >= 1000
  BOOST_TEST(before_block > 10.0);  // the rounding residuals are real
  BOOST_TEST(after_block < 1e-4);
  BOOST_TEST(col_change < 0.01);
  BOOST_TEST(((B.array() == 0.0) == (res.X.array() == 0.0)).all());  // RAS never fills in
}

BOOST_AUTO_TEST_SUITE_END()
