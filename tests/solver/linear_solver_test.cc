// SPDX-License-Identifier: MIT
// LinearSolver backends: dense LU of I - A from sparse A, and the staircase solves behind the
// diagonal blocks of the global inverse (LinearSolver::solve_staircase).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <random>

#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::SparseMatrix;
using Index = Eigen::Index;

namespace {

/// Random sparse A (about 30 % non-zero) with column sums `colsum`: I - A column diagonally
/// dominant, so partial pivoting makes no row interchanges.
SparseMatrix random_coefficients(Index n, double colsum, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Matrix A = Matrix::Zero(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i)
      if (u(rng) < 0.3) A(i, j) = u(rng);
    const double s = A.col(j).sum();
    if (s > 0) A.col(j) *= colsum / s;
  }
  return A.sparseView();
}

/// Staircase right-hand side: column j zero above first[j], random below.
Matrix staircase(Index n, const std::vector<Index>& first, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  Matrix B = Matrix::Zero(n, static_cast<Index>(first.size()));
  for (Index j = 0; j < B.cols(); ++j)
    for (Index i = first[static_cast<std::size_t>(j)]; i < n; ++i) B(i, j) = u(rng);
  return B;
}

/// Max |X - R| over the wanted rows (i >= first[j]) of each column.
double wanted_rows_diff(const Matrix& X, const Matrix& R, const std::vector<Index>& first) {
  double d = 0;
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = first[static_cast<std::size_t>(j)]; i < X.rows(); ++i) d = std::max(d, std::abs(X(i, j) - R(i, j)));
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(linear_solver)

BOOST_AUTO_TEST_CASE(dense_lu_of_identity_minus_sparse_equals_dense_input) {
  const Index n = 150;
  const SparseMatrix A = random_coefficients(n, 0.6, 1);
  Matrix M = -Matrix(A);
  M.diagonal().array() += 1.0;
  auto from_sparse = solver::make_dense_lu_identity_minus(A, "I - A");
  auto from_dense = solver::make_dense_lu(M, "I - A");
  Matrix B = Matrix::Random(n, 4), C = B, D = B;
  from_sparse->solve(C);
  from_dense->solve(D);
  BOOST_CHECK_SMALL((C - D).cwiseAbs().maxCoeff(), 1e-13);
  BOOST_CHECK_SMALL((M * C - B).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_CLOSE(from_sparse->rcond(), from_dense->rcond(), 1e-10);
}

BOOST_AUTO_TEST_CASE(staircase_solves_match_full_solves) {
  // n = 300 spans three row blocks of the blocked substitution; the first rows include 0, a
  // block boundary (128), repeated values, and the last row.
  const Index n = 300;
  const SparseMatrix A = random_coefficients(n, 0.7, 2);
  const std::vector<Index> first = {0, 0, 5, 127, 128, 128, 129, 200, 255, 256, 290, 299};
  const Matrix B = staircase(n, first, 3);
  Matrix M = -Matrix(A);
  M.diagonal().array() += 1.0;
  const Matrix ref = M.partialPivLu().solve(B);
  for (bool from_sparse : {true, false}) {
    auto lu = from_sparse ? solver::make_dense_lu_identity_minus(A, "I - A") : solver::make_dense_lu(M, "I - A");
    Matrix X = B;
    lu->solve_staircase(X, first);
    BOOST_TEST_CONTEXT("from sparse " << from_sparse) { BOOST_CHECK_SMALL(wanted_rows_diff(X, ref, first), 1e-12); }
  }
  // A backend without a staircase path solves in full.
  auto umf = solver::make_umfpack_lu(SparseMatrix(M.sparseView()), "I - A");
  Matrix X = B;
  umf->solve_staircase(X, first);
  BOOST_CHECK_SMALL((X - ref).cwiseAbs().maxCoeff(), 1e-12);
}

BOOST_AUTO_TEST_CASE(staircase_with_row_interchanges_falls_back_to_full_solve) {
  // A matrix whose LU needs interchanges: the staircase shortcut would be wrong, so the solver
  // must notice and solve in full.
  const Index n = 140;
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> u(-1, 1);
  Matrix M(n, n);
  for (Index k = 0; k < M.size(); ++k) M.data()[k] = u(rng);
  const std::vector<Index> first = {0, 10, 70, 130};
  const Matrix B = staircase(n, first, 5);
  const Matrix ref = M.partialPivLu().solve(B);
  auto lu = solver::make_dense_lu(M, "M");
  Matrix X = B;
  lu->solve_staircase(X, first);
  BOOST_CHECK_SMALL(wanted_rows_diff(X, ref, first), 1e-10);
}

BOOST_AUTO_TEST_CASE(gmres_and_richardson_agree_with_dense_lu) {
  // 6 blocks of 25 with strong coupling across blocks (half of each column's inputs come from
  // other blocks), several right-hand sides, plain and transposed.
  const Index n = 150, nb = 25;
  const SparseMatrix A = random_coefficients(n, 0.9, 6);
  std::vector<std::vector<Index>> blocks(n / nb);
  for (Index i = 0; i < n; ++i) blocks[static_cast<std::size_t>(i / nb)].push_back(i);
  auto lu = solver::make_dense_lu_identity_minus(A, "I - A");
  const Matrix B = Matrix::Random(n, 5);
  Matrix ref = B, ref_t = B;
  lu->solve(ref);
  lu->solve_transposed(ref_t);
  for (auto method : {solver::IterativeMethod::kGmres, solver::IterativeMethod::kRichardson}) {
    solver::IterativeOptions o;
    o.method = method;
    auto it = method == solver::IterativeMethod::kGmres ? solver::make_block_gmres(A, blocks, o, "I - A")
                                                        : solver::make_block_jacobi(A, blocks, o, "I - A");
    Matrix X = B, Xt = B;
    it->solve(X);
    it->solve_transposed(Xt);
    BOOST_TEST_CONTEXT(it->name()) {
      BOOST_CHECK_SMALL((X - ref).cwiseAbs().maxCoeff(), 1e-12);
      BOOST_CHECK_SMALL((Xt - ref_t).cwiseAbs().maxCoeff(), 1e-12);
    }
  }
  // More right-hand sides than one GMRES block (32): solved block by block.
  const Matrix B40 = Matrix::Random(n, 40);
  Matrix X40 = B40, ref40 = B40;
  lu->solve(ref40);
  solver::make_block_gmres(A, blocks, solver::IterativeOptions{}, "I - A")->solve(X40);
  BOOST_CHECK_SMALL((X40 - ref40).cwiseAbs().maxCoeff(), 1e-12);
  // GMRES(m) with a short restart still converges (more cycles); an iteration budget that is too
  // small is an error naming the system, never a silently inaccurate result.
  solver::IterativeOptions shortm;
  shortm.restart = 2;
  Matrix X = B;
  solver::make_block_gmres(A, blocks, shortm, "I - A")->solve(X);
  BOOST_CHECK_SMALL((X - ref).cwiseAbs().maxCoeff(), 1e-12);
  solver::IterativeOptions tiny;
  tiny.max_iterations = 1;
  X = B;
  try {
    solver::make_block_gmres(A, blocks, tiny, "I - A of 'test'")->solve(X);
    BOOST_ERROR("no exception");
  } catch (const NumericalError& e) {
    BOOST_CHECK(std::string(e.what()).find("I - A of 'test'") != std::string::npos);
    BOOST_CHECK(std::string(e.what()).find("GMRES") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
