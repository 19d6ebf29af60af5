// SPDX-License-Identifier: MIT
// Right-preconditioned restarted GMRES(m) on (I - A) x = b with the region-local block LU
// (I - A_R)^{-1} as preconditioner (methods.md §0.4), for a block of right-hand sides at once: every
// column has its own Krylov basis and Hessenberg matrix, but the k columns advance in lockstep so
// that each step is one sparse product A Z and one block-diagonal solve over all of them (blocks of
// up to 32 right-hand sides, to bound the memory of the bases).
// Saad & Schultz (1986); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.5.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "irio/solver/internal/blas_threads.h"
#include "irio/solver/internal/spmm.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

class BlockGmres final : public LinearSolver {
 public:
  BlockGmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks, const IterativeOptions& opt,
             const std::string& what)
      : product_(A), opt_(opt), what_(what) {
    if (auto e = opt_.validate(); !e.empty()) throw InputError(what + ": iterative options: " + e);
    precond_ = make_block_diagonal_lu(A, blocks, what, true);
  }
  void solve(Matrix& B) const override { throw_unless(run(B, false)); }
  void solve_transposed(Matrix& B) const override { throw_unless(run(B, true)); }
  SolveStatus try_solve(Matrix& B, bool transposed) const override { return run(B, transposed); }
  std::string name() const override { return "GMRES (region-local LU preconditioner)"; }

 private:
  /// W = (I - A) Z or (I - A)' Z.
  void apply(const Matrix& Z, Matrix& W, bool transposed) const {
    product_.apply(Z, W, transposed);
    W = Z - W;
  }
  void precondition(Matrix& M, bool transposed) const {
    if (transposed) precond_->solve_transposed(M);
    else precond_->solve(M);
  }

  /// Right-hand sides in blocks of at most kBlock columns: the Krylov bases take (m + 1) n k
  /// doubles, so a block of 32 at n = 10^4 and m = 30 holds about 80 MB.
  static constexpr Index kBlock = 32;

  static void throw_unless(const SolveStatus& st) {
    if (!st) throw NumericalError(st.message);
  }

  /// B is overwritten only when every block converged.
  SolveStatus run(Matrix& B, bool transposed) const {
    const internal::SingleThreadedBlas one_blas_thread;  // its idle threads would take the product's cores
    if (B.cols() <= kBlock) return run_block(B, transposed);
    Matrix X(B.rows(), B.cols());
    SolveStatus all;
    for (Index c0 = 0; c0 < B.cols(); c0 += kBlock) {
      const Index w = std::min(kBlock, B.cols() - c0);
      Matrix part = B.middleCols(c0, w);
      SolveStatus st = run_block(part, transposed);
      if (!st) return st;
      all.iterations = std::max(all.iterations, st.iterations);
      X.middleCols(c0, w) = part;
    }
    B.swap(X);
    return all;
  }

  /// One block of right-hand sides; B is overwritten only on convergence.
  SolveStatus run_block(Matrix& B, bool transposed) const {
    if (B.size() == 0) return {};
    const Index n = B.rows(), k = B.cols();
    const int m = std::max(1, std::min(opt_.restart, static_cast<int>(n)));
    const double bscale = std::max(B.cwiseAbs().maxCoeff(), 1e-300);
    const double target = opt_.tolerance * bscale;  // on the max-norm residual, as documented
    Matrix X = B;
    precondition(X, transposed);  // x_0 = P^{-1} b (one block-Jacobi step)
    Matrix R(n, k), W(n, k), Z(n, k);
    std::vector<Matrix> V(static_cast<std::size_t>(m + 1), Matrix(n, k));
    // Per column: Hessenberg H (m+1 x m) reduced by Givens rotations (cs, sn), right side g.
    std::vector<Matrix> H(static_cast<std::size_t>(k), Matrix::Zero(m + 1, m));
    Matrix cs(m, k), sn(m, k), g(m + 1, k);
    int total = 0;
    double previous = INFINITY;
    while (true) {
      apply(X, R, transposed);
      R = B - R;
      const double rmax = R.cwiseAbs().maxCoeff();
      if (!std::isfinite(rmax))
        return failed(total, "GMRES diverged (non-finite values); the system may not be productive");
      if (rmax <= target) {
        if (std::getenv("IRIO_TRACE_ITER")) std::fprintf(stderr, "GMRES: %d iterations\n", total);
        B.swap(X);
        SolveStatus ok;
        ok.iterations = total;
        return ok;
      }
      if (total >= opt_.max_iterations || !(rmax < previous))
        return failed(total, std::string("GMRES ") +
                                 (total >= opt_.max_iterations
                                      ? "did not converge in " + std::to_string(total) + " iterations"
                                      : "stagnated at a residual of " + std::to_string(rmax / bscale) + " (relative)") +
                                 "; use --backend dense");
      previous = rmax;
      // Columns already converged keep a zero basis (their update is zero).
      g.setZero();
      std::vector<bool> active(static_cast<std::size_t>(k));
      for (Index c = 0; c < k; ++c) {
        const double beta = R.col(c).norm();
        active[static_cast<std::size_t>(c)] = R.col(c).cwiseAbs().maxCoeff() > target && beta > 0;
        V[0].col(c) = active[static_cast<std::size_t>(c)] ? Vector(R.col(c) / beta) : Vector::Zero(n);
        g(0, c) = active[static_cast<std::size_t>(c)] ? beta : 0.0;
        H[static_cast<std::size_t>(c)].setZero();
      }
      int steps = 0;
      for (int j = 0; j < m && total < opt_.max_iterations; ++j) {
        Z = V[static_cast<std::size_t>(j)];
        precondition(Z, transposed);
        apply(Z, W, transposed);
        ++total;
        ++steps;
        bool all_done = true;
        for (Index c = 0; c < k; ++c) {
          if (!active[static_cast<std::size_t>(c)]) {
            V[static_cast<std::size_t>(j + 1)].col(c).setZero();
            continue;
          }
          auto& Hc = H[static_cast<std::size_t>(c)];
          auto w = W.col(c);
          // Modified Gram-Schmidt, twice (numerically orthogonal basis at restart lengths ~30).
          for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i <= j; ++i) {
              const double h = V[static_cast<std::size_t>(i)].col(c).dot(w);
              Hc(i, j) += h;
              w -= h * V[static_cast<std::size_t>(i)].col(c);
            }
          const double hn = w.norm();
          Hc(j + 1, j) = hn;
          V[static_cast<std::size_t>(j + 1)].col(c) = hn > 0 ? Vector(w / hn) : Vector::Zero(n);
          // Apply the earlier rotations to the new column, then a new one to zero H(j+1, j).
          for (int i = 0; i < j; ++i) {
            const double t = cs(i, c) * Hc(i, j) + sn(i, c) * Hc(i + 1, j);
            Hc(i + 1, j) = -sn(i, c) * Hc(i, j) + cs(i, c) * Hc(i + 1, j);
            Hc(i, j) = t;
          }
          const double den = std::hypot(Hc(j, j), Hc(j + 1, j));
          cs(j, c) = den > 0 ? Hc(j, j) / den : 1.0;
          sn(j, c) = den > 0 ? Hc(j + 1, j) / den : 0.0;
          Hc(j, j) = den;
          Hc(j + 1, j) = 0.0;
          g(j + 1, c) = -sn(j, c) * g(j, c);
          g(j, c) = cs(j, c) * g(j, c);
          // |g(j+1)| is the 2-norm of the preconditioned-system residual, >= its max norm.
          if (std::abs(g(j + 1, c)) > target && hn > 0) all_done = false;
        }
        if (all_done) break;
      }
      // x += P^{-1} V y with H y = g (upper triangular, steps x steps) per column.
      Z.setZero();
      for (Index c = 0; c < k; ++c) {
        if (!active[static_cast<std::size_t>(c)]) continue;
        const auto& Hc = H[static_cast<std::size_t>(c)];
        Vector y = g.col(c).head(steps);
        for (int i = steps - 1; i >= 0; --i) {
          for (int l = i + 1; l < steps; ++l) y(i) -= Hc(i, l) * y(l);
          y(i) = Hc(i, i) != 0 ? y(i) / Hc(i, i) : 0.0;
        }
        for (int i = 0; i < steps; ++i) Z.col(c) += y(i) * V[static_cast<std::size_t>(i)].col(c);
      }
      precondition(Z, transposed);
      X += Z;
    }
  }

  SolveStatus failed(int iterations, const std::string& why) const {
    return SolveStatus::failure(what_, iterations, why);
  }

  internal::SparseProduct product_;  // holds A, owned by the LeontiefModel, which outlives its solvers
  IterativeOptions opt_;
  std::string what_;
  std::unique_ptr<LinearSolver> precond_;
};

}  // namespace

std::unique_ptr<LinearSolver> make_block_gmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                               const IterativeOptions& opt, const std::string& what) {
  return std::make_unique<BlockGmres>(A, blocks, opt, what);
}

}  // namespace irio::solver
