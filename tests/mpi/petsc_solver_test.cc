// SPDX-License-Identifier: MIT
// make_petsc_gmres against dense LU on the bundled WIOD 2011 table and on decompr's leather
// table: solves and transposed solves agree to 1e-10, the stopping rule holds on the true
// residual, a failed iteration leaves B unchanged. Collective: CTest runs this suite as one
// process and under `mpirun -np 2` (every rank runs every check on the same data).
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "irio/analysis/analysis.h"
#include "irio/analysis/runtime/process_group.h"
#include "irio/solver/leontief_model.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using solver::Index;
using solver::Matrix;

namespace {

/// Right-hand sides with structure and sign changes: ones, final demand, a deterministic pattern.
Matrix right_hand_sides(const solver::LeontiefModel& m) {
  const Index n = m.n();
  Matrix B(n, 3);
  B.col(0).setOnes();
  B.col(1) = m.table().final_demand_total();
  for (Index i = 0; i < n; ++i) B(i, 2) = static_cast<double>((i * 7919) % 101) - 50.0;
  return B;
}

double max_rel_diff(const Matrix& X, const Matrix& Ref) {
  return (X - Ref).cwiseAbs().maxCoeff() / std::max(1.0, Ref.cwiseAbs().maxCoeff());
}

void check_against_dense(const solver::LeontiefModel& m) {
  const auto& A = m.A();
  auto dense = solver::make_dense_lu_identity_minus(A, "I - A");
  auto petsc = solver::make_petsc_gmres(A, m.blocks(solver::Perimeter::kRegion), solver::IterativeOptions{}, "I - A");
  BOOST_TEST_MESSAGE(petsc->name());
  const Matrix B = right_hand_sides(m);
  for (bool transposed : {false, true}) {
    Matrix ref = B, X = B;
    if (transposed) dense->solve_transposed(ref);
    else dense->solve(ref);
    const solver::SolveStatus st = petsc->try_solve(X, transposed);
    BOOST_REQUIRE_MESSAGE(st.converged, st.message);
    BOOST_TEST_INFO("transposed " << transposed << ", " << st.iterations << " iterations");
    BOOST_CHECK_LT(max_rel_diff(X, ref), 1e-10);
    BOOST_CHECK_GT(st.iterations, 0);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(petsc_solver)

BOOST_AUTO_TEST_CASE(wiod2011_solves_equal_dense_lu) {
  const Analysis a = Analysis::open(std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5");
  BOOST_REQUIRE(solver::petsc_available());
  check_against_dense(a.model());
}

BOOST_AUTO_TEST_CASE(leather_solves_equal_dense_lu) {
  const auto t = testing::leather();
  const solver::LeontiefModel m(t);
  check_against_dense(m);
}

BOOST_AUTO_TEST_CASE(stopping_rule_on_the_true_residual) {
  const auto t = testing::leather();
  const solver::LeontiefModel m(t);
  solver::IterativeOptions opt;
  opt.tolerance = 1e-6;
  auto petsc = solver::make_petsc_gmres(m.A(), m.blocks(solver::Perimeter::kRegion), opt, "I - A");
  const Matrix B = right_hand_sides(m);
  for (bool transposed : {false, true}) {
    Matrix X = B;
    BOOST_REQUIRE(petsc->try_solve(X, transposed).converged);
    const Matrix I = Matrix::Identity(m.n(), m.n());
    const Matrix ImA = I - Matrix(m.A());
    const Matrix R = B - (transposed ? Matrix(ImA.transpose() * X) : Matrix(ImA * X));
    BOOST_CHECK_LE(R.cwiseAbs().maxCoeff(), opt.tolerance * B.cwiseAbs().maxCoeff());
  }
}

BOOST_AUTO_TEST_CASE(failure_is_a_status_and_leaves_b_unchanged) {
  const auto t = testing::leather();
  const solver::LeontiefModel m(t);
  solver::IterativeOptions opt;
  opt.max_iterations = 1;
  auto petsc = solver::make_petsc_gmres(m.A(), m.blocks(solver::Perimeter::kRegion), opt, "I - A of 'leather'");
  const Matrix B = right_hand_sides(m);
  Matrix X = B;
  const auto st = petsc->try_solve(X, false);
  BOOST_CHECK(!st.converged);
  BOOST_CHECK_MESSAGE(st.message.find("I - A of 'leather'") != std::string::npos, st.message);
  BOOST_CHECK(X == B);
  BOOST_CHECK_THROW(petsc->solve(X), NumericalError);
}

BOOST_AUTO_TEST_CASE(regions_must_be_consecutive) {
  const auto t = testing::leather();
  const solver::LeontiefModel m(t);
  std::vector<std::vector<Index>> shuffled = m.blocks(solver::Perimeter::kRegion);
  std::swap(shuffled[0], shuffled[1]);
  BOOST_CHECK_THROW(solver::make_petsc_gmres(m.A(), shuffled, {}, "I - A"), InputError);
}

BOOST_AUTO_TEST_CASE(every_process_owns_whole_regions) {
  const auto lt = testing::leather();  // three regions; starts PETSc (and MPI) if not yet started
  const solver::LeontiefModel lm(lt);
  (void)solver::make_petsc_gmres(lm.A(), lm.blocks(solver::Perimeter::kRegion), {}, "I - A");
  const auto t = testing::miller_blair_2x2();  // one region
  const solver::LeontiefModel m(t);
  const auto& blocks = m.blocks(solver::Perimeter::kRegion);
  if (parallel::size() == 1) {
    Matrix X = Matrix::Ones(2, 1);
    solver::make_petsc_gmres(m.A(), blocks, {}, "I - A")->solve_transposed(X);
    BOOST_CHECK_CLOSE(X(0), 1.15 / 0.7575, 1e-8);  // 1'L by hand: det(I - A) = 0.7575
    BOOST_CHECK_CLOSE(X(1), 1.10 / 0.7575, 1e-8);
  } else {
    BOOST_CHECK_THROW(solver::make_petsc_gmres(m.A(), blocks, {}, "I - A"), InputError);
  }
}

BOOST_AUTO_TEST_CASE(model_with_petsc_backend_equals_dense_model) {
  const auto t = testing::leather();
  solver::ModelOptions po, d;
  po.backend = solver::Backend::kPetsc;
  d.backend = solver::Backend::kDense;
  const solver::LeontiefModel mp(t, po), md(t, d);
  const Matrix ones = Matrix::Ones(mp.n(), 1);
  BOOST_CHECK_LT(max_rel_diff(mp.solve_transposed(ones), md.solve_transposed(ones)), 1e-10);
  BOOST_CHECK(mp.summary().backend.find("PETSc GMRES") != std::string::npos);
  // Many right-hand sides: a factorization, as for the iterative backend (choose_backend rule 1).
  BOOST_CHECK(solver::choose_backend(mp.n(), 10, true, po) == solver::Backend::kDense);
}

BOOST_AUTO_TEST_SUITE_END()
