// SPDX-License-Identifier: MIT
// Block-diagonal dense LU (region-local and country-local inverses) and the block-Jacobi
// iteration that uses it as a preconditioner for the global system.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "irio/solver/internal/blas_threads.h"
#include "irio/solver/internal/block_inverse.h"
#include "irio/solver/internal/spmm.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

using internal::gather_block;

class BlockDiagonalLu final : public LinearSolver {
 public:
  BlockDiagonalLu(const SparseMatrix& M, const std::vector<std::vector<Index>>& blocks, const std::string& what,
                  bool identity_minus)
      : blocks_(blocks) {
    rcond_ = 1.0;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      // A region's LU (200 x 200 at EXIOBASE's size) is too small for OpenBLAS's threads: they
      // cost more in waking and yielding than they save (a tenth of footprints' set-up).
      std::optional<internal::SingleThreadedBlas> small;
      if (blocks_[b].size() <= kSmallBlock) small.emplace();
      lus_.push_back(
          make_dense_lu(gather_block(M, blocks_[b], identity_minus), what + " (block " + std::to_string(b) + ")"));
      rcond_ = std::min(rcond_, lus_.back()->rcond());
      const auto& idx = blocks_[b];
      contiguous_.push_back(internal::is_contiguous(idx));
    }
  }
  void solve(Matrix& B) const override { run(B, false); }
  void solve_transposed(Matrix& B) const override { run(B, true); }
  std::string name() const override { return "block-diagonal dense LU"; }
  double rcond() const override { return rcond_; }

 private:
  void run(Matrix& B, bool transposed) const {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      const auto& idx = blocks_[b];
      if (contiguous_[b]) {  // a region's rows: one block copy per column, not a strided row at a time
        Matrix sub = B.middleRows(idx.front(), static_cast<Index>(idx.size()));
        if (transposed) lus_[b]->solve_transposed(sub);
        else lus_[b]->solve(sub);
        B.middleRows(idx.front(), static_cast<Index>(idx.size())) = sub;
        continue;
      }
      Matrix sub(static_cast<Index>(idx.size()), B.cols());
      for (std::size_t k = 0; k < idx.size(); ++k) sub.row(static_cast<Index>(k)) = B.row(idx[k]);
      if (transposed) lus_[b]->solve_transposed(sub);
      else lus_[b]->solve(sub);
      for (std::size_t k = 0; k < idx.size(); ++k) B.row(idx[k]) = sub.row(static_cast<Index>(k));
    }
  }
  static constexpr std::size_t kSmallBlock = 512;
  std::vector<std::vector<Index>> blocks_;
  std::vector<std::unique_ptr<LinearSolver>> lus_;
  std::vector<bool> contiguous_;  ///< block b's indices are lo, lo + 1, ..., hi
  double rcond_;
};

/// Preconditioned Richardson iteration X <- X + P^{-1} (B - (I - A) X) with P = I - A_D, the
/// block-diagonal part of I - A. This is the block-Jacobi splitting written with the full A, so
/// only A itself and the dense diagonal blocks are stored (no copy of the off-diagonal part, no
/// transposed copy: A' X is an inner-product loop over the columns of A).
class BlockJacobi final : public LinearSolver {
 public:
  BlockJacobi(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks, const IterativeOptions& opt,
              const std::string& what)
      : product_(A), opt_(opt), what_(what) {
    if (auto e = opt_.validate(); !e.empty()) throw InputError(what + ": iterative options: " + e);
    precond_ = make_block_diagonal_lu(A, blocks, what, true);  // I - A[b, b] per block b
  }
  void solve(Matrix& B) const override { throw_unless(run(B, false)); }
  void solve_transposed(Matrix& B) const override { throw_unless(run(B, true)); }
  SolveStatus try_solve(Matrix& B, bool transposed) const override { return run(B, transposed); }
  std::string name() const override { return "block-Jacobi iteration (region-local LU preconditioner)"; }

 private:
  static void throw_unless(const SolveStatus& st) {
    if (!st) throw NumericalError(st.message);
  }
  SolveStatus failed(int iterations, const std::string& why) const {
    return SolveStatus::failure(what_, iterations, why);
  }
  /// B is overwritten only on convergence.
  SolveStatus run(Matrix& B, bool transposed) const {
    if (B.size() == 0) return {};
    Matrix X = B;
    auto prec = [&](Matrix& M) {
      if (transposed) precond_->solve_transposed(M);
      else precond_->solve(M);
    };
    prec(X);  // X_0 = P^{-1} B
    const double bscale = std::max(B.cwiseAbs().maxCoeff(), 1e-300);
    Matrix R(B.rows(), B.cols());
    for (int it = 1; it <= opt_.max_iterations; ++it) {
      // R = B - (I - A) X
      product_.apply(X, R, transposed);
      R += B - X;
      const double rnorm = R.cwiseAbs().maxCoeff();
      if (!std::isfinite(rnorm))
        return failed(it, "the block-Jacobi iteration diverged (non-finite values); the system may not be productive");
      if (rnorm <= opt_.tolerance * bscale) {
        if (std::getenv("IRIO_TRACE_ITER")) std::fprintf(stderr, "block-Jacobi: %d iterations\n", it);
        B.swap(X);
        SolveStatus ok;
        ok.iterations = it;
        return ok;
      }
      prec(R);
      X += R;
    }
    return failed(opt_.max_iterations, "the block-Jacobi iteration did not converge in " +
                                           std::to_string(opt_.max_iterations) + " iterations; use --backend dense");
  }
  internal::SparseProduct product_;  // holds A, owned by the LeontiefModel, which outlives its solvers
  IterativeOptions opt_;
  std::string what_;
  std::unique_ptr<LinearSolver> precond_;
};

}  // namespace

std::string IterativeOptions::validate() const {
  if (!(tolerance > 0)) return "tolerance must be positive";
  if (max_iterations < 1) return "max_iterations must be >= 1";
  if (restart < 1) return "restart must be >= 1";
  return {};
}

std::unique_ptr<LinearSolver> make_block_diagonal_lu(const SparseMatrix& M,
                                                     const std::vector<std::vector<Index>>& blocks,
                                                     const std::string& what, bool identity_minus) {
  return std::make_unique<BlockDiagonalLu>(M, blocks, what, identity_minus);
}

std::unique_ptr<LinearSolver> make_block_jacobi(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                                const IterativeOptions& opt, const std::string& what) {
  return std::make_unique<BlockJacobi>(A, blocks, opt, what);
}

const char* to_string(Backend b) { return enum_name(b); }

}  // namespace irio::solver
