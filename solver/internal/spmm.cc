// SPDX-License-Identifier: MIT
// Sparse x dense block products (see spmm.h).
#include "irio/solver/internal/spmm.h"

namespace irio::solver::internal {

using tables::Matrix;
using tables::SparseMatrix;
using Index = Eigen::Index;

void spmm(const SparseMatrix& A, const Matrix& X, Matrix& Y, bool transposed) {
  const Index n = A.cols(), k = X.cols();
  const Matrix Xt = X.transpose();  // k x n: column i is row i of X
  Matrix Yt = Matrix::Zero(k, transposed ? A.cols() : A.rows());
  const double* val = A.valuePtr();
  const auto* inner = A.innerIndexPtr();
  const auto* outer = A.outerIndexPtr();
  for (Index j = 0; j < n; ++j) {
    if (transposed) {  // Yt(:, j) = sum_i a_ij Xt(:, i)
      double* y = Yt.col(j).data();
      for (auto p = outer[j]; p < outer[j + 1]; ++p) {
        const double a = val[p];
        const double* x = Xt.col(inner[p]).data();
        for (Index c = 0; c < k; ++c) y[c] += a * x[c];
      }
    } else {  // Yt(:, i) += a_ij Xt(:, j)
      const double* x = Xt.col(j).data();
      for (auto p = outer[j]; p < outer[j + 1]; ++p) {
        const double a = val[p];
        double* y = Yt.col(inner[p]).data();
        for (Index c = 0; c < k; ++c) y[c] += a * x[c];
      }
    }
  }
  Y = Yt.transpose();
}

}  // namespace irio::solver::internal
