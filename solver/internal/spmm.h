// SPDX-License-Identifier: MIT
// Sparse (column-major) times dense block products: Y = A X and Y = A' X. The right-hand sides go
// in panels of up to 32 columns (one pass over A each), packed row by row so that each non-zero
// touches contiguous 8-vectors of the panel, and P's rows are cut into tiles whose slice of the
// panel stays in the core's L2 cache. Both products are inner products (gathers): A' X over A's
// columns, A X over the rows of a row-major copy of A made at the first A X (scattering into the
// result was half as fast). Threads split the result's rows, each entry summed in the same order
// whatever the thread count: results are bitwise identical with 1, 2 or 8 threads
// (docs/performance.md, "The sparse product").
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::solver::internal {

/// Threads for sparse products: IRIO_THREADS if set (1 = serial), else the hardware's, at most 8.
int default_product_threads();

/// Chunks to cut `items` into for `threads` threads: 8 per thread (a thread that the scheduler puts
/// aside delays one small chunk, not half the work), 1 when serial, never more than the items.
inline int chunk_count(Eigen::Index items, int threads) {
  return static_cast<int>(std::min<Eigen::Index>(items, threads <= 1 ? 1 : 8 * static_cast<Eigen::Index>(threads)));
}

/// Run body(chunk) for chunk = 0 .. chunks-1 on `threads` threads (the caller's included), each
/// taking the next chunk when done: a thread that the scheduler puts aside delays only the chunk
/// it holds. No thread waits by spinning.
template <class Body>
void for_chunks(int chunks, int threads, const Body& body) {
  threads = std::min(threads, chunks);
  if (threads <= 1) {
    for (int c = 0; c < chunks; ++c) body(c);
    return;
  }
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int c = next++; c < chunks; c = next++) body(c);
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

/// Y = A X and Y = A' X for one A, with what the row split of A X needs computed once.
class SparseProduct {
 public:
  /// A must outlive the object. threads <= 0: default_product_threads(), serial for small A.
  explicit SparseProduct(const tables::SparseMatrix& A, int threads = 0);
  ~SparseProduct();
  /// Y = A X (transposed = false) or Y = A' X (transposed = true). X is n x k; Y is resized.
  void apply(const tables::Matrix& X, tables::Matrix& Y, bool transposed) const;
  int threads() const { return threads_; }

 private:
  /// Columns c0 .. c0 + width of Y (width <= 32), in one pass over A with a panel padded to a
  /// multiple of 8 columns.
  void panel(const tables::Matrix& X, Eigen::Index c0, int width, tables::Matrix& Y, bool transposed,
             std::vector<double>& P, std::vector<double>& Q) const;

  void build_rows() const;

  const tables::SparseMatrix& A_;
  int threads_ = 1;
  int column_tiles_ = 1;  ///< tiles of A's rows for A' X (fixed by A's size, not the thread count)
  /// column_split_[t * (n + 1) + j]: first non-zero of column j with row >= the tile t's first row.
  std::vector<tables::SparseMatrix::StorageIndex> column_split_;
  // A X gathers over a row-major copy of A, built at the first A X (12 bytes a non-zero).
  mutable std::once_flag rows_built_;
  mutable std::vector<tables::SparseMatrix::StorageIndex> row_ptr_;
  mutable std::vector<double> row_val_;
  mutable std::vector<std::int32_t> row_col_;
  mutable int row_tiles_ = 1;
  mutable std::vector<tables::SparseMatrix::StorageIndex> row_split_;
  // The packed panel and result of the last product, kept so that the next one reuses their pages
  // (fresh buffers cost a page fault and a zeroed page per 4 KiB: a tenth of footprints' time at
  // n = 105 000). A SparseProduct is used by one thread at a time.
  mutable std::vector<double> packed_, result_;
};

/// One-off product (the split is computed per call; prefer SparseProduct for repeated products).
void spmm(const tables::SparseMatrix& A, const tables::Matrix& X, tables::Matrix& Y, bool transposed, int threads = 0);

}  // namespace irio::solver::internal
