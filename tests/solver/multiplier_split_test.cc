// SPDX-License-Identifier: MIT
// Spatial multiplier decomposition (methods.md §2.4, §5.4): leather §7.4 values, §7.6 three-level
// values, oracle §6.2 (10) and dense references for every row group.
#include "irio/solver/multiplier_split.h"
#include "irio/solver/round_split.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>

#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

namespace {

Vector vec(std::initializer_list<double> l) {
  Vector v(static_cast<Index>(l.size()));
  Index i = 0;
  for (double d : l) v(i++) = d;
  return v;
}

/// methods.md §7.6: provinces P1, P2 of CN and the rest of the world RW, N = 2.
tables::IoTable provincial() {
  Matrix Z(6, 6), Y(6, 3);
  Z << 20, 10, 6, 4, 3, 2, 8, 25, 5, 7, 2, 4, 4, 3, 30, 12, 5, 3, 2, 6, 9, 22, 1, 6, 3, 2, 4, 3, 60, 30, 2, 4, 3, 5, 25,
      70;
  Y << 40, 8, 10, 35, 6, 12, 7, 50, 14, 5, 45, 9, 6, 5, 150, 4, 6, 160;
  return testing::make_table(Z, Y, {"P1", "P2", "RW"}, {"a", "b"}, {"CN", "RW"}, {0, 0, 1});
}

/// Dense inverse of I - (A restricted to entries with keep(i, j)) (oracle, tiny tables only).
Matrix dense_inverse(const Matrix& A, const std::function<bool(Index, Index)>& keep) {
  Matrix M = A;
  for (Index i = 0; i < A.rows(); ++i)
    for (Index j = 0; j < A.cols(); ++j)
      if (!keep(i, j)) M(i, j) = 0;
  return (Matrix::Identity(A.rows(), A.cols()) - M).inverse();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multiplier_split)

BOOST_AUTO_TEST_CASE(leather_intra_feedback_spillover) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  const auto s = solver::split_multipliers(m, Vector::Ones(9));
  // methods.md §7.4 [comp], 6 decimals.
  const Vector intra = vec({1.337405, 1.311615, 1.706967, 1.366370, 1.537280, 1.784832, 1.449174, 1.722020, 1.716602});
  const Vector feedback =
      vec({0.014873, 0.027688, 0.053190, 0.038700, 0.040057, 0.085477, 0.037258, 0.044249, 0.087522});
  const Vector spill = vec({0.213123, 0.437682, 0.673063, 0.321851, 0.365408, 0.634448, 0.249458, 0.295932, 0.590001});
  BOOST_CHECK_SMALL((s.intra - intra).cwiseAbs().maxCoeff(), 5.000001e-7);
  BOOST_CHECK_SMALL((s.feedback - feedback).cwiseAbs().maxCoeff(), 5.000001e-7);
  BOOST_CHECK_SMALL((s.spillover - spill).cwiseAbs().maxCoeff(), 5.000001e-7);
  // §6.2 (10): parts add to 1'L, feedback and spillover >= 0; on a country table L_C = L_R.
  BOOST_CHECK_SMALL((s.intra + s.feedback + s.spillover - s.total).cwiseAbs().maxCoeff(), 1e-13);
  BOOST_CHECK(s.feedback.minCoeff() >= 0);
  BOOST_CHECK(s.spillover.minCoeff() >= 0);
  BOOST_CHECK_SMALL(s.national.cwiseAbs().maxCoeff(), 1e-14);
  BOOST_CHECK_SMALL((s.local + s.international - s.total).cwiseAbs().maxCoeff(), 1e-13);
  // Intra + feedback = the column sums of the own-region diagonal block of L (§2.4).
  const Matrix A(m.A());
  const Matrix L = (Matrix::Identity(9, 9) - A).inverse();
  for (Index j = 0; j < 9; ++j) {
    const Index r = j / 3;
    BOOST_CHECK_CLOSE(s.intra(j) + s.feedback(j), L.block(3 * r, j, 3, 1).sum(), 1e-10);
  }
}

BOOST_AUTO_TEST_CASE(provincial_three_level) {
  auto t = provincial();
  solver::LeontiefModel m(t);
  const auto s = solver::split_multipliers(m, Vector::Ones(6));
  // methods.md §7.6: P1a (1.384746, 0.141020, 0.126731), total 1.652497; RWa (1.486239, 0, 0.114867).
  BOOST_CHECK_SMALL(s.local(0) - 1.384746, 5.000001e-7);
  BOOST_CHECK_SMALL(s.national(0) - 0.141020, 5.000001e-7);
  BOOST_CHECK_SMALL(s.international(0) - 0.126731, 5.000001e-7);
  BOOST_CHECK_SMALL(s.total(0) - 1.652497, 5.000001e-7);
  BOOST_CHECK_SMALL(s.local(4) - 1.486239, 5.000001e-7);
  BOOST_CHECK_SMALL(s.national(4), 1e-14);
  BOOST_CHECK_SMALL(s.international(4) - 0.114867, 5.000001e-7);

  // Row groups against dense L, L_C, L_R for a non-trivial coefficient row (value added).
  const Matrix A(m.A());
  const Matrix L = dense_inverse(A, [](Index, Index) { return true; });
  const Matrix LC = dense_inverse(A, [](Index i, Index j) { return (i < 4) == (j < 4); });
  const Matrix LR = dense_inverse(A, [](Index i, Index j) { return i / 2 == j / 2; });
  const Vector c = m.v();
  const auto v = solver::split_multipliers(m, c);
  for (Index j = 0; j < 6; ++j) {
    const Index r = j / 2;
    auto rows_sum = [&](const Matrix& M, const std::function<bool(Index)>& in) {
      double a = 0;
      for (Index i = 0; i < 6; ++i)
        if (in(i)) a += c(i) * M(i, j);
      return a;
    };
    auto own = [&](Index i) { return i / 2 == r; };
    auto same = [&](Index i) { return i / 2 != r && (i < 4) == (j < 4); };
    auto foreign = [&](Index i) { return (i < 4) != (j < 4); };
    const Matrix D1 = LC - LR, D2 = L - LC;
    BOOST_TEST_CONTEXT("column " << j) {
      BOOST_CHECK_SMALL(v.local(j) - rows_sum(LR, own), 1e-13);
      BOOST_CHECK_SMALL(v.national_own(j) - rows_sum(D1, own), 1e-13);
      BOOST_CHECK_SMALL(v.national_same_country(j) - rows_sum(D1, same), 1e-13);
      BOOST_CHECK_SMALL(rows_sum(D1, foreign), 1e-13);
      BOOST_CHECK_SMALL(v.international_own(j) - rows_sum(D2, own), 1e-13);
      BOOST_CHECK_SMALL(v.international_same_country(j) - rows_sum(D2, same), 1e-13);
      BOOST_CHECK_SMALL(v.international_foreign(j) - rows_sum(D2, foreign), 1e-13);
      // §6.2 (10) and (1.1): the three levels of v'L add to v'L = 1.
      BOOST_CHECK_SMALL(v.local(j) + v.national(j) + v.international(j) - 1.0, 1e-13);
      BOOST_CHECK_SMALL(v.national(j) - v.national_own(j) - v.national_same_country(j), 1e-13);
      BOOST_CHECK_SMALL(
          v.international(j) - v.international_own(j) - v.international_same_country(j) - v.international_foreign(j),
          1e-13);
    }
  }
  BOOST_CHECK(s.feedback.minCoeff() >= 0);
  BOOST_CHECK(s.spillover.minCoeff() >= 0);
  const auto tt = solver::multiplier_split_table(m, {{"output", Vector::Ones(6)}, {"value_added", c}});
  BOOST_CHECK_SMALL(tt.find({"P1", "a", "output", "national", "all"}) - 0.141020, 5.000001e-7);
  BOOST_CHECK_CLOSE(tt.find({"P1", "a", "value_added", "international", "foreign"}), v.international_foreign(0), 1e-12);
}

BOOST_AUTO_TEST_CASE(wrong_size_and_zero_output) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  try {
    solver::split_multipliers(m, Vector::Ones(4));
    BOOST_ERROR("no exception");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "multiplier split: coefficient row has 4 entries, expected 9");
  }
  Matrix Z(4, 4), Y(4, 2);
  Z << 5, 0, 1, 2, 0, 0, 0, 0, 2, 0, 6, 1, 1, 0, 2, 3;
  Y << 10, 2, 0, 0, 3, 9, 2, 8;
  auto z = testing::make_table(Z, Y, {"R1", "R2"}, {"a", "b"});
  solver::LeontiefModel mz(z);
  const auto s = solver::split_multipliers(mz, Vector::Ones(4));
  BOOST_CHECK(std::isnan(s.total(1)) && std::isnan(s.feedback(1)) && std::isnan(s.international_foreign(1)));
  BOOST_CHECK(std::isfinite(s.total(0)));
}

BOOST_AUTO_TEST_CASE(round_multiplicative_decomposition_dense_oracle) {
  // methods.md §2.4 multiplicative version, per partition {region r, rest}: M1 = blockdiag inverses,
  // S_O = M1 A_O, M2 = I + S_O, M3 = (I - S_O^2)^{-1}; L = M3 M2 M1 exactly, and the parts are
  // the column sums c'M1, c'(M2 - I)M1, c'(M3 - I)M2M1 of the columns in r. Leather (G = 3) and
  // the §7.6 table read as three regions, for c = 1 and c = v.
  for (const auto& t : {testing::leather(), provincial()}) {
    solver::LeontiefModel m(t);
    const Index n = m.n(), N = m.num_sectors(), G = m.num_regions();
    const Matrix A = Matrix(m.A()), L = (Matrix::Identity(n, n) - A).inverse();
    for (const Vector& c : {Vector(Vector::Ones(n)), Vector(m.v())}) {
      const auto s = solver::round_split(m, c);
      for (Index r = 0; r < G; ++r) {
        auto same = [&](Index i, Index j) { return (i / N == r) == (j / N == r); };
        const Matrix M1 = dense_inverse(A, same);
        Matrix AO = A;
        for (Index i = 0; i < n; ++i)
          for (Index j = 0; j < n; ++j)
            if (same(i, j)) AO(i, j) = 0;
        const Matrix SO = M1 * AO, I = Matrix::Identity(n, n);
        const Matrix M2 = I + SO, M3 = (I - SO * SO).inverse();
        BOOST_CHECK_SMALL((M3 * M2 * M1 - L).cwiseAbs().maxCoeff(), 1e-12);
        const Vector intra = (c.transpose() * M1).transpose();
        const Vector spill = (c.transpose() * (M2 - I) * M1).transpose();
        const Vector feed = (c.transpose() * (M3 - I) * M2 * M1).transpose();
        Vector c_r = Vector::Zero(n);
        for (Index i = r * N; i < (r + 1) * N; ++i) c_r(i) = c(i);
        const Vector feed_own = (c_r.transpose() * (M3 - I) * M2 * M1).transpose();
        for (Index j = r * N; j < (r + 1) * N; ++j) {
          BOOST_CHECK_CLOSE(s.feedback_own_region(j), feed_own(j), 1e-9);
          BOOST_CHECK_CLOSE(s.feedback_own_region(j) + s.feedback_other_regions(j), s.feedback(j), 1e-10);
          BOOST_CHECK_CLOSE(s.intra(j), intra(j), 1e-10);
          BOOST_CHECK_CLOSE(s.spillover(j), spill(j), 1e-10);
          BOOST_CHECK_CLOSE(s.feedback(j), feed(j), 1e-9);
          BOOST_CHECK_CLOSE(s.intra(j) + s.spillover(j) + s.feedback(j), (c.transpose() * L)(j), 1e-12);
        }
      }
    }
  }
  // Two regions: Miller's feedback block (I - A^{rr} - A^{rs}(I - A^{ss})^{-1}A^{sr})^{-1} - (I - A^{rr})^{-1}.
  Matrix Z(4, 4), Y(4, 2);
  Z << 20, 10, 6, 4, 8, 25, 5, 7, 4, 3, 30, 12, 2, 6, 9, 22;
  Y << 40, 8, 35, 6, 7, 50, 5, 45;
  const auto t2 = testing::make_table(Z, Y, {"R", "S"}, {"a", "b"});
  solver::LeontiefModel m2(t2);
  const Matrix A = Matrix(m2.A());
  const Matrix Arr = A.topLeftCorner(2, 2), Ars = A.topRightCorner(2, 2), Asr = A.bottomLeftCorner(2, 2),
               Ass = A.bottomRightCorner(2, 2), I2 = Matrix::Identity(2, 2);
  const Matrix F = (I2 - Arr - Ars * (I2 - Ass).inverse() * Asr).inverse() - (I2 - Arr).inverse();
  const auto s2 = solver::round_split(m2, Vector::Ones(4));
  // The part of the feedback that lands in the own region is Miller's block (column sums).
  BOOST_CHECK_CLOSE(s2.feedback_own_region(0), F.col(0).sum(), 1e-10);
  BOOST_CHECK_CLOSE(s2.feedback_own_region(1), F.col(1).sum(), 1e-10);
  BOOST_CHECK_GT(s2.feedback_other_regions(0), 0.0);
  BOOST_CHECK_THROW(solver::round_split(m2, Vector::Ones(3)), InputError);
  const auto tab = solver::round_split_table(m2, {{"output", Vector::Ones(4)}});
  BOOST_CHECK_EQUAL(tab.num_rows(), 4u * 6u);
}

BOOST_AUTO_TEST_SUITE_END()
