// SPDX-License-Identifier: MIT
// The sparse product behind the iterative solvers (solver/internal/spmm.h): A X and A' X equal
// Eigen's products, and the result is bitwise the same whatever the number of threads.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "irio/solver/internal/spmm.h"
#include "irio/solver/linear_solver.h"

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
  // 11 000 rows: a 32-wide panel's slice of 1.25 MiB holds 5120 rows, so a matrix with at least 64
  // entries a row per tile runs A' X and A X (over the row copy, built in blocks of 256 rows) over
  // three tiles; the sparse one (about 10 a row) runs untiled. k = 27 and 45 take one and two
  // panels, the last padded.
  for (int per_column : {10, 300}) {
    std::mt19937 rng(11);
    std::uniform_int_distribution<Index> row(0, 10999);
    std::vector<Eigen::Triplet<double, Index>> entries;
    for (Index j = 0; j < 11000; ++j)
      for (int e = 0; e < (j % 9 == 0 ? 4 * per_column : per_column * 2 / 3); ++e)
        entries.emplace_back(row(rng), j, 1.0 / (1 + e + j % 13));
    SparseMatrix A(11000, 11000);
    A.setFromTriplets(entries.begin(), entries.end());
    for (Index k : {27, 45}) {
      const Matrix X = Matrix::Random(11000, k);
      for (bool transposed : {false, true}) {
        const Matrix ref = transposed ? Matrix(A.transpose() * X) : Matrix(A * X);
        Matrix Y1, Y2;
        irio::solver::internal::SparseProduct(A, 1).apply(X, Y1, transposed);
        irio::solver::internal::SparseProduct(A, 2).apply(X, Y2, transposed);
        BOOST_TEST_CONTEXT(per_column << " a column, k = " << k << (transposed ? ", A' X" : ", A X")) {
          BOOST_TEST((Y1 - ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + ref.cwiseAbs().maxCoeff()));
          BOOST_TEST((Y2.array() == Y1.array()).all(), "bitwise equal with 2 threads");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(gmres_does_not_depend_on_threads) {
  // GMRES's Gram-Schmidt runs a column per thread and the preconditioner a region block per thread
  // (solver/internal/block_gmres.cc): the solution is bitwise the same for 1 and 3 threads, and
  // solves the system. A productive A of 20 regions of 100 sectors, 200 000 non-zeros (enough for
  // the product's threads), 40 right-hand sides (a block of 32 and one of 8).
  const Index G = 20, N = 100, n = G * N;
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Eigen::Triplet<double, Index>> entries;
  for (Index j = 0; j < n; ++j)
    for (int e = 0; e < 100; ++e) {
      const Index i = e < 60 ? (j / N) * N + static_cast<Index>(u(rng) * N) : static_cast<Index>(u(rng) * n);
      entries.emplace_back(i, j, 0.012 * u(rng));
    }
  SparseMatrix A(n, n);
  A.setFromTriplets(entries.begin(), entries.end());
  std::vector<std::vector<Index>> blocks(static_cast<std::size_t>(G));
  for (Index i = 0; i < n; ++i) blocks[static_cast<std::size_t>(i / N)].push_back(i);
  const Matrix B = Matrix::Random(n, 40);
  const char* before = std::getenv("IRIO_THREADS");
  const std::string saved = before ? before : "";
  std::vector<Matrix> x;
  for (const char* threads : {"1", "3"}) {
    setenv("IRIO_THREADS", threads, 1);
    const auto gmres = irio::solver::make_block_gmres(A, blocks, {}, "test system");
    for (bool transposed : {false, true}) {
      Matrix X = B;
      BOOST_REQUIRE(gmres->try_solve(X, transposed));
      x.push_back(X);
    }
  }
  if (before) setenv("IRIO_THREADS", saved.c_str(), 1);
  else unsetenv("IRIO_THREADS");
  const SparseMatrix I_A = SparseMatrix(Matrix::Identity(n, n).sparseView()) - A;
  BOOST_TEST((I_A * x[0] - B).cwiseAbs().maxCoeff() <= 1e-13);
  BOOST_TEST((SparseMatrix(I_A.transpose()) * x[1] - B).cwiseAbs().maxCoeff() <= 1e-13);
  BOOST_TEST((x[2].array() == x[0].array()).all(), "A X: bitwise equal with 3 threads");
  BOOST_TEST((x[3].array() == x[1].array()).all(), "A' X: bitwise equal with 3 threads");
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
