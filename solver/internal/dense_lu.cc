// SPDX-License-Identifier: MIT
// Dense LAPACK LU (getrf/getrs/gecon) behind the LinearSolver interface.
#include <cmath>
#include <cstddef>
#include <limits>

#include "solver/internal/lapack.h"
#include "solver/linear_solver.h"
#include "tables/error.h"

namespace irio::solver {

double LinearSolver::rcond() const { return std::numeric_limits<double>::quiet_NaN(); }

namespace {

class DenseLu final : public LinearSolver {
 public:
  DenseLu(Matrix M, const std::string& what) : lu_(std::move(M)) {
    const int n = static_cast<int>(lu_.rows());
    ipiv_.resize(static_cast<std::size_t>(n));
    const double anorm = n > 0 ? lu_.cwiseAbs().colwise().sum().maxCoeff() : 0.0;
    int info = 0;
    if (n > 0) dgetrf_(&n, &n, lu_.data(), &n, ipiv_.data(), &info);
    if (info > 0)
      throw NumericalError(what + ": the matrix is exactly singular (zero pivot at column " +
                           std::to_string(info) + ")");
    if (n > 0) {
      std::vector<double> work(4 * static_cast<std::size_t>(n));
      std::vector<int> iwork(static_cast<std::size_t>(n));
      dgecon_("1", &n, lu_.data(), &n, &anorm, &rcond_, work.data(), iwork.data(), &info, 1);
    } else {
      rcond_ = 1.0;
    }
  }
  void solve(Matrix& B) const override { run(B, "N"); }
  void solve_transposed(Matrix& B) const override { run(B, "T"); }
  std::string name() const override { return "dense LAPACK LU"; }
  double rcond() const override { return rcond_; }

 private:
  void run(Matrix& B, const char* trans) const {
    const int n = static_cast<int>(lu_.rows());
    const int k = static_cast<int>(B.cols());
    if (n == 0 || k == 0) return;
    int info = 0;
    dgetrs_(trans, &n, &k, lu_.data(), &n, ipiv_.data(), B.data(), &n, &info, 1);
  }
  Matrix lu_;
  std::vector<int> ipiv_;
  double rcond_ = 0;
};

}  // namespace

std::unique_ptr<LinearSolver> make_dense_lu(Matrix M, const std::string& what) {
  return std::make_unique<DenseLu>(std::move(M), what);
}

}  // namespace irio::solver
