// SPDX-License-Identifier: MIT
#include "irio/solver/internal/block_inverse.h"

#include <algorithm>
#include <optional>

#include "irio/solver/internal/blas_threads.h"
#include "irio/solver/internal/lapack.h"
#include "irio/solver/internal/spmm.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver::internal {

Matrix gather_block(const SparseMatrix& M, const std::vector<Index>& idx, bool identity_minus) {
  const Index m = static_cast<Index>(idx.size());
  std::vector<Index> pos(static_cast<std::size_t>(M.rows()), -1);
  for (Index k = 0; k < m; ++k) pos[static_cast<std::size_t>(idx[static_cast<std::size_t>(k)])] = k;
  Matrix D = Matrix::Zero(m, m);
  for (Index c = 0; c < m; ++c)
    for (SparseMatrix::InnerIterator it(M, idx[static_cast<std::size_t>(c)]); it; ++it) {
      const Index r = pos[static_cast<std::size_t>(it.row())];
      if (r >= 0) D(r, c) = identity_minus ? -it.value() : it.value();
    }
  if (identity_minus) D.diagonal().array() += 1.0;
  return D;
}

bool is_contiguous(const std::vector<Index>& idx) {
  return !idx.empty() &&
         std::adjacent_find(idx.begin(), idx.end(), [](Index u, Index v) { return v != u + 1; }) == idx.end();
}

BlockInverse::BlockInverse(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                           const std::string& what, int threads)
    : blocks_(blocks), inverse_(blocks.size()), contiguous_(blocks.size()), n_(A.rows()),
      threads_(std::max(threads, 1)) {
  std::vector<char> covered(static_cast<std::size_t>(n_), 0);
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const auto& idx = blocks_[b];
    for (Index i : idx) covered[static_cast<std::size_t>(i)] = 1;
    contiguous_[b] = is_contiguous(idx);
  }
  for (Index i = 0; i < n_; ++i)
    if (!covered[static_cast<std::size_t>(i)]) uncovered_.push_back(i);
  // Each block's LU and inverse on one thread; the blocks (200 x 200 at EXIOBASE's size, 42 x 42
  // for counties) are too small for OpenBLAS's own threads.
  const SingleThreadedBlas one_blas_thread;
  const int chunks = chunk_count(static_cast<Index>(blocks_.size()), threads_);
  std::vector<std::string> errors(static_cast<std::size_t>(chunks));
  for_chunks(chunks, threads_, [&](int c) {
    const std::size_t b0 = blocks_.size() * static_cast<std::size_t>(c) / static_cast<std::size_t>(chunks);
    const std::size_t b1 = blocks_.size() * static_cast<std::size_t>(c + 1) / static_cast<std::size_t>(chunks);
    try {
      for (std::size_t b = b0; b < b1; ++b) {
        auto lu = make_dense_lu(gather_block(A, blocks_[b], true), what + " (block " + std::to_string(b) + ")");
        Matrix inv = Matrix::Identity(static_cast<Index>(blocks_[b].size()), static_cast<Index>(blocks_[b].size()));
        lu->solve(inv);
        inverse_[b].swap(inv);
      }
    } catch (const std::exception& e) {
      errors[static_cast<std::size_t>(c)] = e.what();
    }
  });
  for (const auto& e : errors)
    if (!e.empty()) throw NumericalError(e);
}

void BlockInverse::apply(const Matrix& in, Matrix& out, bool transposed) const {
  const Index k = in.cols();
  out.resize(n_, k);
  for (Index i : uncovered_) out.row(i) = in.row(i);
  if (k == 0) return;
  const int chunks = chunk_count(static_cast<Index>(blocks_.size()), threads_);
  for_chunks(chunks, threads_, [&](int c) {
    const std::size_t b0 = blocks_.size() * static_cast<std::size_t>(c) / static_cast<std::size_t>(chunks);
    const std::size_t b1 = blocks_.size() * static_cast<std::size_t>(c + 1) / static_cast<std::size_t>(chunks);
    Matrix sub, res;
    for (std::size_t b = b0; b < b1; ++b) {
      const auto& idx = blocks_[b];
      const Matrix& inv = inverse_[b];
      const int m = static_cast<int>(idx.size()), cols = static_cast<int>(k), ld = static_cast<int>(n_);
      const double one = 1.0, zero = 0.0;
      const char trans = transposed ? 'T' : 'N', no = 'N';
      if (contiguous_[b]) {  // straight from in's rows into out's: no copy of the block
        dgemm_(&trans, &no, &m, &cols, &m, &one, inv.data(), &m, in.data() + idx.front(), &ld, &zero,
               out.data() + idx.front(), &ld, 1, 1);
        continue;
      }
      sub.resize(m, k);
      for (int r = 0; r < m; ++r) sub.row(r) = in.row(idx[static_cast<std::size_t>(r)]);
      res.resize(m, k);
      dgemm_(&trans, &no, &m, &cols, &m, &one, inv.data(), &m, sub.data(), &m, &zero, res.data(), &m, 1, 1);
      for (int r = 0; r < m; ++r) out.row(idx[static_cast<std::size_t>(r)]) = res.row(r);
    }
  });
}

}  // namespace irio::solver::internal
