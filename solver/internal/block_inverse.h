// SPDX-License-Identifier: MIT
// The preconditioner of the iterative solvers as explicit inverses of the diagonal blocks of I - A
// (one per region or country), applied out of place by one matrix product per block.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::solver::internal {

using tables::Matrix;
using tables::SparseMatrix;
using Index = Eigen::Index;

/// Dense copy of M[idx, idx], or of I - M[idx, idx] when `identity_minus`.
Matrix gather_block(const SparseMatrix& M, const std::vector<Index>& idx, bool identity_minus);

/// True when idx is lo, lo + 1, ..., hi (a region's rows): the block is a slice, not a gather.
bool is_contiguous(const std::vector<Index>& idx);

/// P^{-1} with P = I - A_D, A_D the blocks A[idx, idx] of the index sets `blocks` (rows in no
/// block act as identity rows), held as the dense inverse of each block. As a preconditioner it
/// need not be exact to the last digit (GMRES checks the true residual), and one product
/// (P^{-1})^{rr} X^r per block is cheaper than the two triangular solves and row swaps of an LU:
/// the same 2 n_r^2 k flops as one call of a BLAS kernel that runs near its peak, and no copy of
/// X in or out of the block (docs/performance.md, "GMRES's step"). Blocks are applied on up to
/// `threads` threads, each block by one thread, so results do not depend on the thread count.
class BlockInverse {
 public:
  /// Throws NumericalError naming `what` and the block if a block is singular.
  BlockInverse(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks, const std::string& what,
               int threads);
  /// out = P^{-1} in (transposed: P^{-T} in); in is n x k, out is resized; in and out differ.
  void apply(const Matrix& in, Matrix& out, bool transposed) const;

 private:
  std::vector<std::vector<Index>> blocks_;
  std::vector<Matrix> inverse_;
  std::vector<char> contiguous_;  ///< block b's indices are lo, lo + 1, ..., hi
  std::vector<Index> uncovered_;  ///< rows in no block
  Index n_ = 0;
  int threads_ = 1;
};

}  // namespace irio::solver::internal
