// SPDX-License-Identifier: MIT
// Dense LAPACK LU (getrf/getrs/gecon) behind the LinearSolver interface.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "irio/solver/internal/lapack.h"
#include "irio/solver/internal/page_buffer.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {

double LinearSolver::rcond() const { return std::numeric_limits<double>::quiet_NaN(); }

void LinearSolver::solve_staircase(Matrix& B, const std::vector<Index>& /*first*/) const { solve(B); }

SolveStatus LinearSolver::try_solve(Matrix& B, bool transposed) const {
  if (transposed) solve_transposed(B);
  else solve(B);
  return {};
}

namespace {

class DenseLu final : public LinearSolver {
 public:
  /// Factor M in its own storage (small blocks).
  DenseLu(Matrix M, const std::string& what) : owned_(std::move(M)) {
    factor(owned_.data(), static_cast<int>(owned_.rows()), what);
  }
  /// Factor the n x n matrix held in a page-mapped buffer (the global I - A).
  DenseLu(internal::PageBuffer buffer, int n, const std::string& what) : big_(std::move(buffer)) {
    factor(big_.data(), n, what);
  }
  void solve(Matrix& B) const override { run(B, "N"); }
  void solve_transposed(Matrix& B) const override { run(B, "T"); }
  void solve_staircase(Matrix& B, const std::vector<Index>& first) const override {
    // Without row interchanges, forward substitution keeps the zeros above first[j], and back
    // substitution for rows >= first[j] never reads rows above: row block [i0, i1) only
    // involves the columns with first[j] < i1, a prefix of B because first is sorted.
    if (!no_interchanges_ || B.rows() != n_ || first.size() != static_cast<std::size_t>(B.cols()) || first.empty())
      return solve(B);
    const int ldb = n_, nb = 128;
    const double one = 1.0, minus_one = -1.0;
    const int f0 = static_cast<int>(std::max<Index>(0, first.front()));
    auto active = [&](int i1) {  // number of columns with first[j] < i1
      return static_cast<int>(std::lower_bound(first.begin(), first.end(), static_cast<Index>(i1)) - first.begin());
    };
    auto at = [&](int i, int j) {
      return a_ + static_cast<std::size_t>(j) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(i);
    };
    double* b = B.data();
    for (int i0 = f0; i0 < n_; i0 += nb) {  // forward: L y = b, right-looking
      const int i1 = std::min(n_, i0 + nb), h = i1 - i0, c = active(i1), below = n_ - i1;
      if (c == 0) continue;
      dtrsm_("L", "L", "N", "U", &h, &c, &one, at(i0, i0), &n_, b + i0, &ldb, 1, 1, 1, 1);
      if (below > 0)
        dgemm_("N", "N", &below, &c, &h, &minus_one, at(i1, i0), &n_, b + i0, &ldb, &one, b + i1, &ldb, 1, 1);
    }
    for (int i1 = n_; i1 > f0;) {  // backward: U x = y, left-looking from the bottom
      const int i0 = std::max(f0, i1 - nb), h = i1 - i0, c = active(i1), below = n_ - i1;
      if (c > 0) {
        if (below > 0)
          dgemm_("N", "N", &h, &c, &below, &minus_one, at(i0, i1), &n_, b + i1, &ldb, &one, b + i0, &ldb, 1, 1);
        dtrsm_("L", "U", "N", "N", &h, &c, &one, at(i0, i0), &n_, b + i0, &ldb, 1, 1, 1, 1);
      }
      i1 = i0;
    }
  }
  std::string name() const override { return "dense LAPACK LU"; }
  double rcond() const override { return rcond_; }

 private:
  void factor(double* a, int n, const std::string& what) {
    a_ = a;
    n_ = n;
    ipiv_.resize(static_cast<std::size_t>(n));
    const Eigen::Map<const Matrix> M(a, n, n);
    const double anorm = n > 0 ? M.cwiseAbs().colwise().sum().maxCoeff() : 0.0;
    int info = 0;
    if (n > 0) dgetrf_(&n, &n, a, &n, ipiv_.data(), &info);
    if (info > 0)
      throw NumericalError(what + ": the matrix is exactly singular (zero pivot at column " + std::to_string(info) +
                           ")");
    for (int k = 0; k < n; ++k)
      if (ipiv_[static_cast<std::size_t>(k)] != k + 1) no_interchanges_ = false;
    if (n > 0) {
      std::vector<double> work(4 * static_cast<std::size_t>(n));
      std::vector<int> iwork(static_cast<std::size_t>(n));
      dgecon_("1", &n, a, &n, &anorm, &rcond_, work.data(), iwork.data(), &info, 1);
    } else {
      rcond_ = 1.0;
    }
  }
  void run(Matrix& B, const char* trans) const {
    const int k = static_cast<int>(B.cols());
    if (n_ == 0 || k == 0) return;
    int info = 0;
    dgetrs_(trans, &n_, &k, a_, &n_, ipiv_.data(), B.data(), &n_, &info, 1);
  }
  Matrix owned_;
  internal::PageBuffer big_;
  double* a_ = nullptr;
  int n_ = 0;
  std::vector<int> ipiv_;
  bool no_interchanges_ = true;  ///< column diagonally dominant I - A: partial pivoting never swaps
  double rcond_ = 0;
};

}  // namespace

std::unique_ptr<LinearSolver> make_dense_lu(Matrix M, const std::string& what) {
  return std::make_unique<DenseLu>(std::move(M), what);
}

std::unique_ptr<LinearSolver> make_dense_lu_identity_minus(const SparseMatrix& A, const std::string& what) {
  const Index n = A.rows();
  internal::PageBuffer buf(static_cast<std::size_t>(n) * static_cast<std::size_t>(n));
  double* a = buf.data();
  for (Index j = 0; j < A.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(A, j); it; ++it)
      a[static_cast<std::size_t>(j) * static_cast<std::size_t>(n) + static_cast<std::size_t>(it.row())] -= it.value();
  for (Index i = 0; i < n; ++i) a[static_cast<std::size_t>(i) * (static_cast<std::size_t>(n) + 1)] += 1.0;
  return std::make_unique<DenseLu>(std::move(buf), static_cast<int>(n), what);
}

}  // namespace irio::solver
