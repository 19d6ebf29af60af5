// SPDX-License-Identifier: MIT
// Threaded sparse x dense block products (see spmm.h).
#include "solver/internal/spmm.h"

#ifdef _OPENMP
#include <omp.h>
#endif

#include <vector>

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
  if (transposed) {
    // Yt(:, j) = sum_i a_ij Xt(:, i): independent per column j.
#pragma omp parallel for schedule(static) if (A.nonZeros() > 1000000)
    for (Index j = 0; j < n; ++j) {
      double* y = Yt.col(j).data();
      for (auto p = outer[j]; p < outer[j + 1]; ++p) {
        const double a = val[p];
        const double* x = Xt.col(inner[p]).data();
        for (Index c = 0; c < k; ++c) y[c] += a * x[c];
      }
    }
  } else {
    // Yt(:, i) += a_ij Xt(:, j): scatter; each thread owns a slice of columns and a buffer.
    int threads = 1;
#ifdef _OPENMP
    threads = omp_get_max_threads();
#endif
    if (threads <= 1 || A.nonZeros() <= 1000000) {
      for (Index j = 0; j < n; ++j) {
        const double* x = Xt.col(j).data();
        for (auto p = outer[j]; p < outer[j + 1]; ++p) {
          const double a = val[p];
          double* y = Yt.col(inner[p]).data();
          for (Index c = 0; c < k; ++c) y[c] += a * x[c];
        }
      }
    } else {
      std::vector<Matrix> part(static_cast<std::size_t>(threads - 1), Matrix::Zero(k, A.rows()));
#pragma omp parallel num_threads(threads)
      {
        int t = 0;
#ifdef _OPENMP
        t = omp_get_thread_num();
#endif
        Matrix& buf = t == 0 ? Yt : part[static_cast<std::size_t>(t - 1)];
        const Index lo = n * t / threads, hi = n * (t + 1) / threads;
        for (Index j = lo; j < hi; ++j) {
          const double* x = Xt.col(j).data();
          for (auto p = outer[j]; p < outer[j + 1]; ++p) {
            const double a = val[p];
            double* y = buf.col(inner[p]).data();
            for (Index c = 0; c < k; ++c) y[c] += a * x[c];
          }
        }
      }
      for (const auto& b : part) Yt += b;
    }
  }
  Y = Yt.transpose();
}

}  // namespace irio::solver::internal
