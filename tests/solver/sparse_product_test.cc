// SPDX-License-Identifier: MIT
// The sparse product behind the iterative solvers (solver/internal/spmm.h): A X and A' X equal
// Eigen's products, and the result is bitwise the same whatever the number of threads.
#include <boost/test/unit_test.hpp>
#include <random>
#include <vector>

#include "irio/solver/internal/spmm.h"

using irio::tables::Matrix;
using irio::tables::SparseMatrix;
using Index = Eigen::Index;

namespace {

/// Irregular sparse m x n matrix: a few empty columns and rows, columns from empty to dense.
SparseMatrix irregular(Index m, Index n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Matrix A = Matrix::Zero(m, n);
  for (Index j = 0; j < n; ++j) {
    const double density = j % 7 == 3 ? 0.0 : (j % 5 == 0 ? 0.9 : 0.15);
    for (Index i = 0; i < m; ++i)
      if (i % 11 != 4 && u(rng) < density) A(i, j) = u(rng) - 0.3;
  }
  return A.sparseView();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparse_product)

BOOST_AUTO_TEST_CASE(products_match_eigen_and_do_not_depend_on_threads) {
  const SparseMatrix A = irregular(157, 157, 3);
  // Widths cover every panel size (8, 4, 2, 1) and their mixtures.
  for (Index k : {1, 2, 3, 5, 8, 13, 21, 32}) {
    const Matrix X = Matrix::Random(A.cols(), k);
    for (bool transposed : {false, true}) {
      const Matrix ref = transposed ? Matrix(A.transpose() * X) : Matrix(A * X);
      Matrix Y1;
      irio::solver::internal::SparseProduct(A, 1).apply(X, Y1, transposed);
      BOOST_TEST_CONTEXT("k = " << k << (transposed ? ", A' X" : ", A X")) {
        BOOST_TEST((Y1 - ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + ref.cwiseAbs().maxCoeff()));
        for (int threads : {2, 3, 7}) {
          Matrix Yt;
          irio::solver::internal::SparseProduct(A, threads).apply(X, Yt, transposed);
          BOOST_TEST((Yt.array() == Y1.array()).all(), "bitwise equal with " << threads << " threads");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(several_row_tiles_and_panels) {
  // 12 000 rows: a 32-wide panel's slice of 1.25 MiB holds 5120 rows, so A' X and A X (over the row
  // copy, built in blocks of 256 rows) run over three tiles; k = 27 and 45 take one and two panels,
  // the last padded.
  std::mt19937 rng(11);
  std::uniform_int_distribution<Index> row(0, 11999);
  std::vector<Eigen::Triplet<double, Index>> entries;
  for (Index j = 0; j < 12000; ++j)
    for (int e = 0; e < (j % 9 == 0 ? 40 : 6); ++e) entries.emplace_back(row(rng), j, 1.0 / (1 + e + j % 13));
  SparseMatrix A(12000, 12000);
  A.setFromTriplets(entries.begin(), entries.end());
  for (Index k : {27, 45}) {
    const Matrix X = Matrix::Random(12000, k);
    for (bool transposed : {false, true}) {
      const Matrix ref = transposed ? Matrix(A.transpose() * X) : Matrix(A * X);
      Matrix Y1, Y2;
      irio::solver::internal::SparseProduct(A, 1).apply(X, Y1, transposed);
      irio::solver::internal::SparseProduct(A, 2).apply(X, Y2, transposed);
      BOOST_TEST_CONTEXT("k = " << k << (transposed ? ", A' X" : ", A X")) {
        BOOST_TEST((Y1 - ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + ref.cwiseAbs().maxCoeff()));
        BOOST_TEST((Y2.array() == Y1.array()).all(), "bitwise equal with 2 threads");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(rectangular_and_empty_products) {
  const SparseMatrix A = irregular(40, 23, 5);
  const Matrix X = Matrix::Random(23, 9), Xt = Matrix::Random(40, 9);
  Matrix Y;
  irio::solver::internal::spmm(A, X, Y, false, 2);
  BOOST_TEST((Y - A * X).cwiseAbs().maxCoeff() <= 1e-13);
  irio::solver::internal::spmm(A, Xt, Y, true, 2);
  BOOST_TEST((Y - A.transpose() * Xt).cwiseAbs().maxCoeff() <= 1e-13);
  irio::solver::internal::spmm(A, Matrix(23, 0), Y, false);
  BOOST_TEST(Y.rows() == 40);
  BOOST_TEST(Y.cols() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
