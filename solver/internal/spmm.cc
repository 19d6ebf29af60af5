// SPDX-License-Identifier: MIT
// Sparse x dense block products (see spmm.h).
#include "irio/solver/internal/spmm.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <type_traits>
#include <vector>

#include "irio/solver/internal/simd.h"

// The kernels below are short fixed-width loops that GCC vectorizes only at -O3.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif

namespace irio::solver::internal {

using tables::Matrix;
using tables::SparseMatrix;
using Index = Eigen::Index;

namespace {

using StorageIndex = SparseMatrix::StorageIndex;

/// The widest panel: 4 vectors of 8, so that one pass over A serves 32 right-hand sides.
constexpr int kMaxVecs = 4;
/// Rows per tile: a tile's slice of the packed panel (rows x 32 doubles) stays within about
/// 1.25 MiB, inside a core's L2 cache beside A's stream.
constexpr Index kTileBytes = 1280 * 1024;

/// Rows per block of the transpositions between the column-major right-hand sides and the packed
/// row-major panel: a block of the panel (64 rows x 32 doubles, 16 KiB) stays in L1 while the
/// columns are written into it or read from it. Column by column over all n rows, each pass
/// touched a different cache line per row: at n = 105 000 a fifth of GMRES's time went there.
constexpr Index kTransposeRows = 64;

/// Rows i0 .. i1 of columns c0 .. c0 + width of X packed row by row into an n x W panel (W = 8 V);
/// columns past `width` are zeros, so that 49 right-hand sides cost two passes over A (32 + 24
/// wide), not a narrow pass of their own for the last one.
void pack(const Matrix& X, Index c0, int width, int W, double* P, Index i0, Index i1) {
  for (Index b0 = i0; b0 < i1; b0 += kTransposeRows) {
    const Index b1 = std::min(b0 + kTransposeRows, i1);
    for (int c = 0; c < W; ++c) {
      double* p = P + c;
      if (c >= width) {
        for (Index i = b0; i < b1; ++i) p[i * W] = 0.0;
        continue;
      }
      const double* x = X.col(c0 + c).data();
      for (Index i = b0; i < b1; ++i) p[i * W] = x[i];
    }
  }
}

void unpack(const std::vector<double>& Q, int W, Index i0, Index i1, Matrix& Y, Index c0, int width) {
  const Index ld = Y.rows();
  for (Index b0 = i0; b0 < i1; b0 += kTransposeRows) {
    const Index b1 = std::min(b0 + kTransposeRows, i1);
    for (int c = 0; c < width; ++c) {
      double* y = Y.data() + (c0 + c) * ld;
      for (Index i = b0; i < b1; ++i) y[i] = Q[static_cast<std::size_t>(i * W + c)];
    }
  }
}

/// Q(j, :) = sum_p val[p] P(idx[p], :) for the compressed vectors j in [j0, j1): the columns of A
/// for A' X, the rows of A (its row-major copy) for A X; V vectors wide, nothing scattered. P's
/// rows are visited tile by tile (split[t][j] .. split[t + 1][j] are vector j's entries in tile t),
/// each tile's slice of P staying in cache for all the vectors; two accumulators per 8-vector take
/// alternate entries, so that the multiply-adds do not wait on each other. The summation order
/// depends on the tiles only, never on j0, j1: results are the same for any thread split.
template <int V, class Idx, class Ptr>
inline __attribute__((always_inline)) void gather_body(const double* val, const Idx* idx, const Ptr* split, Index n1,
                                                       int tiles, const double* P, Index j0, Index j1, double* Q) {
  constexpr int W = 8 * V;
  std::fill(Q + j0 * W, Q + j1 * W, 0.0);
  for (int t = 0; t < tiles; ++t) {
    const Ptr* lo = split + t * n1;
    const Ptr* hi = lo + n1;
    for (Index j = j0; j < j1; ++j) {
      Ptr p = lo[j];
      const Ptr e = hi[j];
      if (p == e) continue;
      Vec8 a[V] = {}, b[V] = {};
      for (; p + 2 <= e; p += 2) {
        const double* x = P + static_cast<Index>(idx[p]) * W;
        const double* z = P + static_cast<Index>(idx[p + 1]) * W;
        const double u = val[p], w = val[p + 1];
        for (int v = 0; v < V; ++v) {
          Vec8 xv, zv;
          IRIO_LOAD(xv, x + 8 * v);
          IRIO_LOAD(zv, z + 8 * v);
          a[v] += u * xv;
          b[v] += w * zv;
        }
      }
      if (p < e) {
        const double* x = P + static_cast<Index>(idx[p]) * W;
        for (int v = 0; v < V; ++v) {
          Vec8 xv;
          IRIO_LOAD(xv, x + 8 * v);
          a[v] += val[p] * xv;
        }
      }
      double* q = Q + j * W;
      for (int v = 0; v < V; ++v) {
        Vec8 qv;
        IRIO_LOAD(qv, q + 8 * v);
        qv += a[v] + b[v];
        IRIO_STORE(q + 8 * v, qv);
      }
    }
  }
}

// The kernels are compiled for AVX-512 and AVX2 as well (IRIO_SIMD_CLONES). The body is a
// template inlined into one plain function per width and index type, which is what the clones
// attribute takes.

using RowIndex = std::int32_t;  ///< column indices of the row-major copy (n < 2^31)

#define IRIO_SPMM_KERNEL(name, V, Idx)                                                                                \
  IRIO_SIMD_CLONES void name##_##V(const double* val, const Idx* idx, const StorageIndex* split, Index n1, int tiles, \
                                   const double* P, Index j0, Index j1, double* Q) {                                  \
    gather_body<V>(val, idx, split, n1, tiles, P, j0, j1, Q);                                                         \
  }
IRIO_SPMM_KERNEL(columns, 1, StorageIndex)
IRIO_SPMM_KERNEL(columns, 2, StorageIndex)
IRIO_SPMM_KERNEL(columns, 3, StorageIndex)
IRIO_SPMM_KERNEL(columns, 4, StorageIndex)
IRIO_SPMM_KERNEL(rows, 1, RowIndex)
IRIO_SPMM_KERNEL(rows, 2, RowIndex)
IRIO_SPMM_KERNEL(rows, 3, RowIndex)
IRIO_SPMM_KERNEL(rows, 4, RowIndex)
#undef IRIO_SPMM_KERNEL

/// The kernel for V = 1 .. 4 vectors: over A's columns (A' X) or over its rows (A X).
template <class Idx>
void gather(int V, const double* val, const Idx* idx, const StorageIndex* split, Index n1, int tiles, const double* P,
            Index j0, Index j1, double* Q) {
  using Kernel =
      void (*)(const double*, const Idx*, const StorageIndex*, Index, int, const double*, Index, Index, double*);
  Kernel k = nullptr;
  if constexpr (std::is_same_v<Idx, StorageIndex>) {
    static constexpr Kernel by_width[] = {columns_1, columns_2, columns_3, columns_4};
    k = by_width[std::clamp(V, 1, kMaxVecs) - 1];
  } else {
    static constexpr Kernel by_width[] = {rows_1, rows_2, rows_3, rows_4};
    k = by_width[std::clamp(V, 1, kMaxVecs) - 1];
  }
  k(val, idx, split, n1, tiles, P, j0, j1, Q);
}

/// Row t of the result: where each compressed vector's entries with index >= bounds[t] start
/// (indices are sorted within a vector); the first row is ptr, the last is ptr shifted by one.
template <class Idx>
std::vector<StorageIndex> split_vectors(Index count, const StorageIndex* ptr, const Idx* idx,
                                        const std::vector<Index>& bounds) {
  const auto rows = static_cast<Index>(bounds.size());
  std::vector<StorageIndex> split(static_cast<std::size_t>(rows * (count + 1)));
  for (Index j = 0; j < count; ++j) {
    StorageIndex p = ptr[j];
    for (Index c = 0; c < rows; ++c) {
      while (p < ptr[j + 1] && idx[p] < bounds[static_cast<std::size_t>(c)]) ++p;
      split[static_cast<std::size_t>(c * (count + 1) + j)] = p;
    }
  }
  for (Index c = 0; c < rows; ++c) split[static_cast<std::size_t>(c * (count + 1) + count)] = ptr[count];
  return split;
}

/// Tiles of `length` entries whose slice of a 32-wide panel fits in L2, with their bounds.
/// Tiles pay where each compressed vector has many entries in each tile. Below kMinPerTile entries
/// a vector per tile, visiting every (vector, tile) pair costs more than the cache it saves: the
/// result's row is read and written once per tile it has entries in, and the split is read for
/// every pair. The 2 500-county table (24 non-zeros a row over 21 tiles) spent most of its product
/// there and runs untiled; EXIOBASE's shape (1 070 a row, 2 tiles) keeps its tiles.
constexpr Index kMinPerTile = 64;

std::vector<Index> tile_bounds(Index length, Index nonzeros, Index vectors) {
  const Index slice = std::max<Index>(1, kTileBytes / (8 * 8 * kMaxVecs));
  Index tiles = std::clamp<Index>((length + slice - 1) / slice, 1, std::max<Index>(length, 1));
  if (nonzeros < kMinPerTile * tiles * std::max<Index>(vectors, 1)) tiles = 1;
  std::vector<Index> b(static_cast<std::size_t>(tiles + 1));
  for (Index t = 0; t <= tiles; ++t) b[static_cast<std::size_t>(t)] = length * t / tiles;
  return b;
}

}  // namespace

int default_product_threads() {
  if (const char* s = std::getenv("IRIO_THREADS")) {
    const int t = std::atoi(s);
    if (t >= 1) return std::min(t, 64);
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hw, 1u, 8u));
}

SparseProduct::SparseProduct(const SparseMatrix& A, int threads)
    : A_(A), threads_(threads > 0 ? threads : default_product_threads()) {
  // By default, below about a million multiply-adds per panel a thread costs more than it saves.
  if (threads <= 0 && static_cast<double>(A.nonZeros()) * 8 < 1e6) threads_ = 1;
  // A' X: A's columns, tiled over its rows. The tiles depend on A's size only, never on the thread
  // count, so results are bitwise identical for any thread count.
  const auto bounds = tile_bounds(A.rows(), A.nonZeros(), A.cols());
  column_tiles_ = static_cast<int>(bounds.size()) - 1;
  column_split_ = split_vectors(A.cols(), A.outerIndexPtr(), A.innerIndexPtr(), bounds);
}

SparseProduct::~SparseProduct() = default;

void SparseProduct::build_rows() const {
  // The row-major copy of A (CSR: values and 32-bit column indices, 12 bytes a non-zero), so that
  // A X gathers as A' X does instead of scattering into the result: a counting sort by row.
  const Index m = A_.rows(), n = A_.cols(), nnz = A_.nonZeros();
  const double* val = A_.valuePtr();
  const StorageIndex* inner = A_.innerIndexPtr();
  const StorageIndex* outer = A_.outerIndexPtr();
  row_ptr_.assign(static_cast<std::size_t>(m + 1), 0);
  for (Index p = 0; p < outer[n]; ++p) ++row_ptr_[static_cast<std::size_t>(inner[p] + 1)];
  for (Index i = 0; i < m; ++i) row_ptr_[static_cast<std::size_t>(i + 1)] += row_ptr_[static_cast<std::size_t>(i)];
  row_val_.resize(static_cast<std::size_t>(nnz));
  row_col_.resize(static_cast<std::size_t>(nnz));
  // Rows in blocks of 256, so that the writes go to a few hundred places at a time, not to n;
  // cursor[j] walks down column j (its rows are sorted) across the blocks. Columns in order: each
  // row's entries come sorted by column.
  std::vector<StorageIndex> next(row_ptr_.begin(), row_ptr_.end() - 1);
  std::vector<StorageIndex> cursor(outer, outer + n);
  constexpr Index kRowBlock = 256;
  for (Index i1 = std::min(kRowBlock, m);; i1 = std::min(i1 + kRowBlock, m)) {
    for (Index j = 0; j < n; ++j) {
      StorageIndex p = cursor[static_cast<std::size_t>(j)];
      for (; p < outer[j + 1] && inner[p] < i1; ++p) {
        const auto q = static_cast<std::size_t>(next[static_cast<std::size_t>(inner[p])]++);
        row_val_[q] = val[p];
        row_col_[q] = static_cast<std::int32_t>(j);
      }
      cursor[static_cast<std::size_t>(j)] = p;
    }
    if (i1 >= m) break;
  }
  const auto bounds = tile_bounds(n, nnz, m);
  row_tiles_ = static_cast<int>(bounds.size()) - 1;
  row_split_ = split_vectors(m, row_ptr_.data(), row_col_.data(), bounds);
}

void SparseProduct::panel(const Matrix& X, Index c0, int width, Matrix& Y, bool transposed, std::vector<double>& P,
                          std::vector<double>& Q) const {
  const int V = (width + 7) / 8, W = 8 * V;
  const Index n = X.rows();
  P.resize(static_cast<std::size_t>(n * W));  // reused from call to call: no fresh pages to fault in
  const int pack_chunks = chunk_count(n, threads_);
  for_chunks(pack_chunks, threads_,
             [&](int c) { pack(X, c0, width, W, P.data(), n * c / pack_chunks, n * (c + 1) / pack_chunks); });
  const Index count = transposed ? A_.cols() : A_.rows();  // result rows: compressed vectors
  if (!transposed) std::call_once(rows_built_, [this] { build_rows(); });
  Q.resize(static_cast<std::size_t>(count * W));
  const int chunks = chunk_count(count, threads_);
  for_chunks(chunks, threads_, [&](int c) {
    const Index j0 = count * c / chunks, j1 = count * (c + 1) / chunks;
    if (transposed)
      gather(V, A_.valuePtr(), A_.innerIndexPtr(), column_split_.data(), A_.cols() + 1, column_tiles_, P.data(), j0, j1,
             Q.data());
    else
      gather(V, row_val_.data(), row_col_.data(), row_split_.data(), A_.rows() + 1, row_tiles_, P.data(), j0, j1,
             Q.data());
    unpack(Q, W, j0, j1, Y, c0, width);
  });
}

void SparseProduct::apply(const Matrix& X, Matrix& Y, bool transposed) const {
  const Index k = X.cols();
  Y.resize(transposed ? A_.cols() : A_.rows(), k);
  constexpr Index kWidest = 8 * kMaxVecs;
  for (Index c0 = 0; c0 < k; c0 += kWidest)
    panel(X, c0, static_cast<int>(std::min<Index>(kWidest, k - c0)), Y, transposed, packed_, result_);
}

void spmm(const SparseMatrix& A, const Matrix& X, Matrix& Y, bool transposed, int threads) {
  SparseProduct(A, threads).apply(X, Y, transposed);
}

}  // namespace irio::solver::internal
