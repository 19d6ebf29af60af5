// SPDX-License-Identifier: MIT
// LeontiefModel: backends agree with a dense reference; zero output; non-productive systems.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <random>

#include "irio/solver/leontief_model.h"
#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;

BOOST_AUTO_TEST_SUITE(leontief_model)

BOOST_AUTO_TEST_CASE(miller_blair_leontief_inverse) {
  auto t = testing::miller_blair_2x2();
  solver::LeontiefModel m(t);
  Matrix L = m.solve(Matrix::Identity(2, 2));
  // M&B Table 2.4 / methods.md §7.1.
  BOOST_CHECK_CLOSE(L(0, 0), 1.254125, 1e-4);
  BOOST_CHECK_CLOSE(L(0, 1), 0.330033, 1e-4);
  BOOST_CHECK_CLOSE(L(1, 0), 0.264026, 1e-3);
  BOOST_CHECK_CLOSE(L(1, 1), 1.122112, 1e-4);
  Matrix y(2, 1);
  y << 600, 1500;
  Matrix xnew = m.solve(y);
  BOOST_CHECK_CLOSE(xnew(0, 0), 1247.524752, 1e-6);
  BOOST_CHECK_CLOSE(xnew(1, 0), 1841.584158, 1e-6);
}

BOOST_AUTO_TEST_CASE(backends_agree_with_dense_reference) {
  auto t = testing::leather();
  std::mt19937 rng;
  std::uniform_real_distribution<double> u(-1, 1);
  Matrix B(9, 3);
  for (Eigen::Index i = 0; i < B.size(); ++i) B.data()[i] = u(rng);
  // Dense reference: explicit inverse of I - A (small n only, for the oracle).
  solver::LeontiefModel ref(t);
  Matrix ImA = Matrix::Identity(9, 9) - Matrix(ref.A());
  Matrix Lref = ImA.inverse();
  for (auto b :
       {solver::Backend::kDense, solver::Backend::kUmfpack, solver::Backend::kKlu, solver::Backend::kIterative}) {
    solver::ModelOptions o;
    o.backend = b;
    solver::LeontiefModel m(t, o);
    BOOST_TEST_CONTEXT("backend " << solver::to_string(b)) {
      BOOST_CHECK_SMALL((m.solve(B) - Lref * B).cwiseAbs().maxCoeff(), 1e-12);
      BOOST_CHECK_SMALL((m.solve_transposed(B) - Lref.transpose() * B).cwiseAbs().maxCoeff(), 1e-12);
    }
  }
  // Identity (1.1): v'L = 1' with residual value added.
  Matrix vL = ref.solve_transposed(ref.v());
  BOOST_CHECK_SMALL((vL.array() - 1.0).abs().maxCoeff(), 1e-13);
}

BOOST_AUTO_TEST_CASE(local_inverses_satisfy_partition_identity) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  Matrix b = Matrix::Random(9, 2);
  // (0.1): L b = L_R b + L_R (A - A_R) L b
  Matrix Lb = m.solve(b);
  Matrix rhs = m.local_solve(solver::Perimeter::kRegion, b) +
               m.local_solve(solver::Perimeter::kRegion, m.A_across(solver::Perimeter::kRegion) * Lb);
  BOOST_CHECK_SMALL((Lb - rhs).cwiseAbs().maxCoeff(), 1e-12);
}

BOOST_AUTO_TEST_CASE(zero_output_is_compressed) {
  Matrix Z(3, 3), Y(3, 1);
  Z << 10, 0, 5, 0, 0, 0, 4, 0, 20;
  Y << 30, 0, 40;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b", "c"});
  solver::LeontiefModel m(t);
  BOOST_REQUIRE_EQUAL(m.zero_output().size(), 1u);
  Matrix xs = m.solve(Matrix(Y));
  BOOST_CHECK_CLOSE(xs(0, 0), 45.0, 1e-10);
  BOOST_CHECK_SMALL(xs(1, 0), 1e-14);
  BOOST_CHECK_CLOSE(xs(2, 0), 64.0, 1e-10);
}

BOOST_AUTO_TEST_CASE(non_productive_system_names_columns) {
  Matrix Z(2, 2), Y(2, 1);
  Z << 5, 12, 8, 5;  // x = (17, 13): column 2 sums to 17/13 > 1, rho(A) > 1
  Y << 0, 0;
  auto t = testing::make_table(Z, Y, {"R"}, {"a", "b"});
  try {
    solver::LeontiefModel m(t);
    BOOST_FAIL("expected NumericalError");
  } catch (const NumericalError& e) {
    BOOST_TEST(std::string(e.what()).find("not productive") != std::string::npos);
    BOOST_TEST(std::string(e.what()).find("sector 'b'") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(backend_choice)

BOOST_AUTO_TEST_CASE(choose_backend_by_size_density_and_need) {
  using solver::Backend;
  solver::ModelOptions o;  // kAuto, dense_max_n 3000, iterative_max_density 0.5
  BOOST_CHECK(solver::choose_backend(3000, 3000 * 3000, false, o) == Backend::kDense);     // small: dense
  BOOST_CHECK(solver::choose_backend(9800, 9800 * 980, false, o) == Backend::kIterative);  // 10 %: iterate
  BOOST_CHECK(solver::choose_backend(9800, 9800 * 980, true, o) == Backend::kDense);       // many solves
  BOOST_CHECK(solver::choose_backend(9800, 9800 * 5000, false, o) == Backend::kDense);     // > half full
  o.iterative_max_density = 0.6;
  BOOST_CHECK(solver::choose_backend(9800, 9800 * 5000, false, o) == Backend::kIterative);
  o.backend = Backend::kKlu;  // forced: as given
  BOOST_CHECK(solver::choose_backend(10, 10, false, o) == Backend::kKlu);
  BOOST_CHECK(solver::choose_backend(10, 10, true, o) == Backend::kKlu);
  o.backend = Backend::kIterative;  // forced iteration: a factorization when one is needed
  BOOST_CHECK(solver::choose_backend(10, 10, false, o) == Backend::kIterative);
  BOOST_CHECK(solver::choose_backend(10, 10, true, o) == Backend::kDense);
  o.iterative_max_density = 0;
  BOOST_CHECK_EQUAL(o.validate(), "iterative_max_density must be in (0, 1]");
}

BOOST_AUTO_TEST_CASE(cost_model_break_even_grows_with_n_and_vanishes_for_very_sparse_a) {
  // Synthetic MRIO shape, 11 % non-zero: `irio_bench costmodel` measured the break-even at 331
  // right-hand sides at n = 4000 and 1163 at n = 9800 after the GMRES-step work (docs/performance.md,
  // "Dense LU or GMRES: the cost model"); the rule, with constants taken at n = 9800, gives 458
  // and 1172.
  const auto k4000 = solver::dense_break_even_rhs(4000, 1796428), k9800 = solver::dense_break_even_rhs(9800, 10534590);
  BOOST_TEST(k4000 >= 250);
  BOOST_TEST(k4000 <= 500);
  BOOST_TEST(k9800 >= 900);
  BOOST_TEST(k9800 <= 1400);
  BOOST_TEST(k9800 > k4000);
  // Same density, larger n: the LU grows like n^3, an iteration like nnz ~ n^2.
  BOOST_TEST(solver::dense_break_even_rhs(20000, 44000000) > k9800);
  // Half a percent full: a GMRES column costs less than a dense solve, so the LU never pays.
  BOOST_TEST(solver::dense_break_even_rhs(9800, 9800 * 49) == std::numeric_limits<solver::Index>::max());
}

BOOST_AUTO_TEST_CASE(cost_model_sends_a_large_batch_to_the_dense_lu_and_keeps_it) {
  auto t = testing::leather();
  solver::LeontiefModel ref(t);
  const Matrix B = Matrix::Random(9, 3);
  solver::ModelOptions o;
  o.dense_max_n = 0;  // above the dense size: auto iterates unless the batch pays for an LU
  o.iterative_max_density = 1.0;
  const auto k = solver::dense_break_even_rhs(9, t.Z.nonZeros());
  BOOST_REQUIRE(k <= 3);  // tiny n: one column already pays for the LU
  solver::LeontiefModel m(t, o);
  BOOST_CHECK_SMALL((m.solve(B) - ref.solve(B)).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK(m.summary().backend.find("GMRES") == std::string::npos);
  BOOST_CHECK(m.summary().backend.find("dense LAPACK LU") != std::string::npos);
  o.rhs_cost_model = false;  // the rule switched off: the iteration
  solver::LeontiefModel it(t, o);
  BOOST_CHECK_SMALL((it.solve_transposed(B) - ref.solve_transposed(B)).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK(it.summary().backend.find("GMRES") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_planned_request_pays_for_the_lu_at_its_first_batch) {
  // A seeded 12-region x 50-sector table, A 30 % full with column sums near 0.5, taken as above the
  // dense size: k* is a few dozen right-hand sides, more than either batch below.
  using Index = Eigen::Index;
  using tables::Vector;
  const Index G = 12, N = 50, n = G * N;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Matrix A = Matrix::Zero(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i)
      if (u(rng) < 0.3) A(i, j) = u(rng);
  const Vector scale = 0.5 * A.colwise().sum().cwiseInverse().transpose();
  A = A * scale.asDiagonal();
  Vector x(n);
  for (Index i = 0; i < n; ++i) x(i) = 1.0 + u(rng);
  const Matrix Z = A * x.asDiagonal();
  const Vector y = x - Z.rowwise().sum();
  BOOST_REQUIRE(y.minCoeff() > 0);
  Matrix Y = Matrix::Zero(n, G);
  for (Index i = 0; i < n; ++i) Y(i, i / N) = y(i);
  std::vector<std::string> regions, sectors;
  for (Index r = 0; r < G; ++r) regions.push_back("R" + std::to_string(r));
  for (Index j = 0; j < N; ++j) sectors.push_back("s" + std::to_string(j));
  const auto t = testing::make_table(Z, Y, regions, sectors);
  solver::ModelOptions o;
  o.dense_max_n = 0;
  o.iterative_max_density = 1.0;
  const auto k = solver::dense_break_even_rhs(n, solver::LeontiefModel(t, o).A().nonZeros());
  BOOST_REQUIRE(k > 7);
  BOOST_REQUIRE(k < 1000);
  const Matrix B = Matrix::Random(n, 4), C = Matrix::Random(n, 3);
  // Batch by batch, two small batches iterate.
  solver::LeontiefModel each(t, o);
  const Matrix X1 = each.solve_transposed(B), X2 = each.solve(C);
  BOOST_CHECK(each.summary().backend.find("GMRES") != std::string::npos);
  // Planned as a request of k right-hand sides in all, its first batch factorizes and the next
  // reuses the LU: one factorization, no iteration.
  solver::LeontiefModel planned(t, o);
  Matrix Y1, Y2;
  {
    const auto plan = planned.plan_solves(k);
    Y1 = planned.solve_transposed(B);
    Y2 = planned.solve(C);
  }
  BOOST_CHECK(planned.summary().backend.find("dense LAPACK LU") != std::string::npos);
  BOOST_CHECK(planned.summary().backend.find("GMRES") == std::string::npos);
  BOOST_CHECK_EQUAL(planned.summary().factorizations, 1u);
  BOOST_CHECK_SMALL((Y1 - X1).cwiseAbs().maxCoeff(), 1e-9);
  BOOST_CHECK_SMALL((Y2 - X2).cwiseAbs().maxCoeff(), 1e-9);
  // One fewer than k in all: the iteration, as without a plan.
  solver::LeontiefModel short_plan(t, o);
  {
    const auto plan = short_plan.plan_solves(k - 1);
    short_plan.solve(C);
  }
  BOOST_CHECK(short_plan.summary().backend.find("GMRES") != std::string::npos);
  BOOST_CHECK(short_plan.summary().backend.find("dense LAPACK LU") == std::string::npos);
  // A plan ends with its scope: a batch solved after it is judged on its own, and iterates.
  solver::LeontiefModel after(t, o);
  { const auto plan = after.plan_solves(k); }
  after.solve(B);
  BOOST_CHECK(after.summary().backend.find("GMRES") != std::string::npos);
  BOOST_CHECK(after.summary().backend.find("dense LAPACK LU") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(failed_iteration_is_a_status_auto_falls_back_forced_reports) {
  auto t = testing::leather();
  solver::LeontiefModel ref(t);
  const Matrix B = Matrix::Random(9, 40);  // more than one GMRES block of 32 columns
  const Matrix want = ref.solve(B), want_t = ref.solve_transposed(B);
  solver::ModelOptions o;
  o.dense_max_n = 0;  // auto iterates (leather's A is 90 % full: allow any density)
  o.iterative_max_density = 1.0;
  o.rhs_cost_model = false;        // ... even for 40 right-hand sides
  o.iterative.max_iterations = 1;  // ... and cannot converge in one step
  {
    solver::LeontiefModel m(t, o);
    Matrix X = B;
    const auto st = m.global_solver().try_solve(X, false);
    BOOST_CHECK(!st.converged);
    BOOST_CHECK(st.message.find("GMRES did not converge") != std::string::npos);
    BOOST_CHECK_EQUAL((X - B).cwiseAbs().maxCoeff(), 0.0);                // left unchanged
    BOOST_CHECK_SMALL((m.solve(B) - want).cwiseAbs().maxCoeff(), 1e-12);  // fell back
    BOOST_CHECK_SMALL((m.solve_transposed(B) - want_t).cwiseAbs().maxCoeff(), 1e-12);
    BOOST_CHECK(m.summary().backend.find("after the iteration failed") != std::string::npos);
  }
  o.backend = solver::Backend::kIterative;  // forced: the failure is reported
  solver::LeontiefModel m(t, o);
  BOOST_CHECK_THROW(m.solve(B), NumericalError);
  o.iterative.max_iterations = 500;
  solver::LeontiefModel ok(t, o);
  BOOST_CHECK_SMALL((ok.solve(B) - want).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_EQUAL(ok.summary().backend, "GMRES (region-local LU preconditioner)");
}

BOOST_AUTO_TEST_SUITE_END()
