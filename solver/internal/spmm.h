// SPDX-License-Identifier: MIT
// Sparse (column-major) times dense block products: Y = A X and Y = A' X. The right-hand sides go
// in panels of up to 32 columns (one pass over A each), packed row by row so that each non-zero
// touches contiguous 8-vectors of the panel, and the rows are cut into tiles whose slice of the
// panel stays in the core's L2 cache; A' X is an inner-product loop over A's columns, so no
// transposed copy of A is ever stored. Threads split A X by rows and A' X by columns, so every
// entry of Y is summed in the same order whatever the thread count: results are bitwise identical
// with 1, 2 or 8 threads (docs/performance.md, "The sparse product").
#pragma once

#include <vector>

#include "irio/tables/io_table.h"

namespace irio::solver::internal {

/// Threads for sparse products: IRIO_THREADS if set (1 = serial), else the hardware's, at most 8.
int default_product_threads();

/// Y = A X and Y = A' X for one A, with what the row split of A X needs computed once.
class SparseProduct {
 public:
  /// A must outlive the object. threads <= 0: default_product_threads(), serial for small A.
  explicit SparseProduct(const tables::SparseMatrix& A, int threads = 0);
  /// Y = A X (transposed = false) or Y = A' X (transposed = true). X is n x k; Y is resized.
  void apply(const tables::Matrix& X, tables::Matrix& Y, bool transposed) const;
  int threads() const { return threads_; }

 private:
  /// Columns c0 .. c0 + width of Y (width <= 32), in one pass over A with a panel padded to a
  /// multiple of 8 columns.
  void panel(const tables::Matrix& X, Eigen::Index c0, int width, tables::Matrix& Y, bool transposed,
             std::vector<double>& P, std::vector<double>& Q) const;

  const tables::SparseMatrix& A_;
  int threads_ = 1;
  int row_chunks_ = 1;
  std::vector<Eigen::Index> row_bounds_;  ///< row_chunks_ + 1 row boundaries of A X's chunks
  /// split_[c * (n + 1) + j]: first non-zero of column j with row >= row_bounds_[c].
  std::vector<tables::SparseMatrix::StorageIndex> split_;
  int tiles_ = 1;  ///< row tiles of A' X (fixed by the size of A, not by the thread count)
  std::vector<tables::SparseMatrix::StorageIndex> tile_split_;  ///< as split_, for the tiles' bounds
};

/// One-off product (the split is computed per call; prefer SparseProduct for repeated products).
void spmm(const tables::SparseMatrix& A, const tables::Matrix& X, tables::Matrix& Y, bool transposed, int threads = 0);

}  // namespace irio::solver::internal
