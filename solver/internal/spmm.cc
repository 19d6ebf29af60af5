// SPDX-License-Identifier: MIT
// Sparse x dense block products (see spmm.h).
#include "irio/solver/internal/spmm.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

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

/// Columns c0 .. c0 + width of X packed row by row into an n x W panel (W = 8 V); columns past
/// `width` are zeros, so that 49 right-hand sides cost two passes over A (32 + 24 wide), not a
/// narrow pass of their own for the last one.
void pack(const Matrix& X, Index c0, int width, int W, std::vector<double>& P) {
  const Index n = X.rows();
  P.assign(static_cast<std::size_t>(n * W), 0.0);
  for (int c = 0; c < width; ++c) {
    const double* x = X.col(c0 + c).data();
    for (Index i = 0; i < n; ++i) P[static_cast<std::size_t>(i * W + c)] = x[i];
  }
}

void unpack(const std::vector<double>& Q, int W, Index i0, Index i1, Matrix& Y, Index c0, int width) {
  const Index ld = Y.rows();
  for (int c = 0; c < width; ++c) {
    double* y = Y.data() + (c0 + c) * ld;
    for (Index i = i0; i < i1; ++i) y[i] = Q[static_cast<std::size_t>(i * W + c)];
  }
}

// An 8-vector of doubles as one value (GCC/Clang vector extension): one AVX-512 register, two AVX2
// or four SSE2 registers, whichever the clone is compiled for. Left to itself, the vectorizer
// reduced over the non-zeros with horizontal adds instead.
typedef double Vec8 __attribute__((vector_size(64)));

// Unaligned loads and stores of a Vec8, by reference (a function returning a 64-byte vector by
// value would have a different ABI in the baseline and AVX-512 builds).
#define IRIO_LOAD(v, p) std::memcpy(&(v), (p), sizeof(Vec8))
#define IRIO_STORE(p, v) std::memcpy((p), &(v), sizeof(Vec8))

/// Q(j, :) = sum_p a_pj P(p, :) for the columns j in [j0, j1) of A, V vectors wide: inner
/// products with A's columns (no transposed copy of A). The rows of P are visited tile by tile
/// (split[t][j] .. split[t + 1][j] are column j's non-zeros in tile t), each tile's slice of P
/// staying in cache for all the columns; two accumulators per vector take alternate non-zeros, so
/// that the multiply-adds do not wait on each other. The summation order depends on the tiles
/// only, never on j0, j1: results are the same for any thread split.
template <int V>
inline __attribute__((always_inline)) void transposed_body(const SparseMatrix& A, const StorageIndex* split, int tiles,
                                                           const double* P, Index j0, Index j1, double* Q) {
  constexpr int W = 8 * V;
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const Index n1 = A.cols() + 1;
  std::fill(Q + j0 * W, Q + j1 * W, 0.0);
  for (int t = 0; t < tiles; ++t) {
    const StorageIndex* lo = split + t * n1;
    const StorageIndex* hi = lo + n1;
    for (Index j = j0; j < j1; ++j) {
      auto p = lo[j];
      const auto e = hi[j];
      if (p == e) continue;
      Vec8 a[V] = {}, b[V] = {};
      for (; p + 2 <= e; p += 2) {
        const double* x = P + static_cast<Index>(inner[p]) * W;
        const double* z = P + static_cast<Index>(inner[p + 1]) * W;
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
        const double* x = P + static_cast<Index>(inner[p]) * W;
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

/// Rows [i0, i1) of Q = A P, V vectors wide: every column of A scatters its non-zeros in that row
/// range (lo[j] .. hi[j]) into Q. Each row of Q is summed in column order whatever the row
/// ranges, so the result does not depend on how the rows are split.
template <int V>
inline __attribute__((always_inline)) void forward_body(const SparseMatrix& A, const double* P, Index i0, Index i1,
                                                        const StorageIndex* lo, const StorageIndex* hi, double* Q) {
  constexpr int W = 8 * V;
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const Index n = A.cols();
  std::fill(Q + i0 * W, Q + i1 * W, 0.0);
  for (Index j = 0; j < n; ++j) {
    if (lo[j] == hi[j]) continue;
    Vec8 x[V];
    for (int v = 0; v < V; ++v) IRIO_LOAD(x[v], P + j * W + 8 * v);
    for (auto p = lo[j]; p < hi[j]; ++p) {
      double* q = Q + static_cast<Index>(inner[p]) * W;
      const double a = val[p];
      for (int v = 0; v < V; ++v) {
        Vec8 qv;
        IRIO_LOAD(qv, q + 8 * v);
        qv += a * x[v];
        IRIO_STORE(q + 8 * v, qv);
      }
    }
  }
}

// The kernels are compiled for AVX-512 and AVX2 as well and picked at load time (GCC/Clang
// function multi-versioning on x86-64 Linux); elsewhere the portable build runs. The bodies are
// templates inlined into one plain function per width, which is what the clones attribute takes.
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
#define IRIO_SPMM_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define IRIO_SPMM_CLONES
#endif

#define IRIO_SPMM_KERNELS(V)                                                                                         \
  IRIO_SPMM_CLONES void transposed_##V(const SparseMatrix& A, const StorageIndex* split, int tiles, const double* P, \
                                       Index j0, Index j1, double* Q) {                                              \
    transposed_body<V>(A, split, tiles, P, j0, j1, Q);                                                               \
  }                                                                                                                  \
  IRIO_SPMM_CLONES void forward_##V(const SparseMatrix& A, const double* P, Index i0, Index i1,                      \
                                    const StorageIndex* lo, const StorageIndex* hi, double* Q) {                     \
    forward_body<V>(A, P, i0, i1, lo, hi, Q);                                                                        \
  }
IRIO_SPMM_KERNELS(1)
IRIO_SPMM_KERNELS(2)
IRIO_SPMM_KERNELS(3)
IRIO_SPMM_KERNELS(4)
#undef IRIO_SPMM_KERNELS

void transposed_kernel(int V, const SparseMatrix& A, const StorageIndex* split, int tiles, const double* P, Index j0,
                       Index j1, double* Q) {
  switch (V) {
    case 1: return transposed_1(A, split, tiles, P, j0, j1, Q);
    case 2: return transposed_2(A, split, tiles, P, j0, j1, Q);
    case 3: return transposed_3(A, split, tiles, P, j0, j1, Q);
    default: return transposed_4(A, split, tiles, P, j0, j1, Q);
  }
}

void forward_kernel(int V, const SparseMatrix& A, const double* P, Index i0, Index i1, const StorageIndex* lo,
                    const StorageIndex* hi, double* Q) {
  switch (V) {
    case 1: return forward_1(A, P, i0, i1, lo, hi, Q);
    case 2: return forward_2(A, P, i0, i1, lo, hi, Q);
    case 3: return forward_3(A, P, i0, i1, lo, hi, Q);
    default: return forward_4(A, P, i0, i1, lo, hi, Q);
  }
}

/// split row c: where rows >= bounds[c] start in each column (Eigen keeps inner indices sorted);
/// row 0 is outer, the last row is outer shifted by one.
std::vector<StorageIndex> split_columns(const SparseMatrix& A, const std::vector<Index>& bounds) {
  const Index n = A.cols();
  const auto rows = static_cast<Index>(bounds.size());
  std::vector<StorageIndex> split(static_cast<std::size_t>(rows * (n + 1)));
  const StorageIndex* inner = A.innerIndexPtr();
  const StorageIndex* outer = A.outerIndexPtr();
  for (Index j = 0; j <= n; ++j) {
    if (j == n) {
      for (Index c = 0; c < rows; ++c) split[static_cast<std::size_t>(c * (n + 1) + n)] = outer[n];
      break;
    }
    StorageIndex p = outer[j];
    for (Index c = 0; c < rows; ++c) {
      while (p < outer[j + 1] && inner[p] < bounds[static_cast<std::size_t>(c)]) ++p;
      split[static_cast<std::size_t>(c * (n + 1) + j)] = p;
    }
  }
  return split;
}

std::vector<Index> even_bounds(Index m, int parts) {
  std::vector<Index> b(static_cast<std::size_t>(parts + 1));
  for (int c = 0; c <= parts; ++c) b[static_cast<std::size_t>(c)] = m * c / parts;
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

namespace {

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

/// Chunks per thread: a thread set aside by the scheduler delays one small chunk, not half the work.
constexpr int kChunksPerThread = 8;

}  // namespace

SparseProduct::SparseProduct(const SparseMatrix& A, int threads)
    : A_(A), threads_(threads > 0 ? threads : default_product_threads()) {
  const Index m = A.rows();
  // By default, below about a million multiply-adds per panel a thread costs more than it saves.
  if (threads <= 0 && static_cast<double>(A.nonZeros()) * 8 < 1e6) threads_ = 1;
  // Tiles of rows whose slice of a 32-wide panel fits in L2. A' X sums each entry tile by tile,
  // so the tiles must not depend on the thread count (bitwise identical results).
  const Index slice = std::max<Index>(1, kTileBytes / (8 * 8 * kMaxVecs));
  tiles_ = static_cast<int>(std::clamp<Index>((m + slice - 1) / slice, 1, std::max<Index>(m, 1)));
  tile_split_ = split_columns(A, even_bounds(m, tiles_));
  // A X: at least one row range per thread, and no range larger than a tile. A row's sum runs
  // over A's columns in order whatever the ranges.
  row_chunks_ = static_cast<int>(std::min<Index>(std::max<Index>(m, 1), std::max(threads_, tiles_)));
  row_bounds_ = even_bounds(m, row_chunks_);
  split_ = split_columns(A, row_bounds_);
}

void SparseProduct::panel(const Matrix& X, Index c0, int width, Matrix& Y, bool transposed, std::vector<double>& P,
                          std::vector<double>& Q) const {
  const int V = (width + 7) / 8, W = 8 * V;
  const Index n = A_.cols();
  pack(X, c0, width, W, P);
  if (transposed) {
    Q.resize(static_cast<std::size_t>(n * W));
    const int chunks = static_cast<int>(std::min<Index>(n, threads_ <= 1 ? 1 : kChunksPerThread * threads_));
    for_chunks(chunks, threads_, [&](int c) {
      const Index j0 = n * c / chunks, j1 = n * (c + 1) / chunks;
      transposed_kernel(V, A_, tile_split_.data(), tiles_, P.data(), j0, j1, Q.data());
      unpack(Q, W, j0, j1, Y, c0, width);
    });
  } else {
    Q.resize(static_cast<std::size_t>(A_.rows() * W));
    for_chunks(row_chunks_, threads_, [&](int c) {
      const auto* lo = split_.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(n + 1);
      const auto* hi = lo + (n + 1);
      const Index i0 = row_bounds_[static_cast<std::size_t>(c)], i1 = row_bounds_[static_cast<std::size_t>(c + 1)];
      forward_kernel(V, A_, P.data(), i0, i1, lo, hi, Q.data());
      unpack(Q, W, i0, i1, Y, c0, width);
    });
  }
}

void SparseProduct::apply(const Matrix& X, Matrix& Y, bool transposed) const {
  const Index k = X.cols();
  Y.resize(transposed ? A_.cols() : A_.rows(), k);
  std::vector<double> P, Q;
  constexpr Index kWidest = 8 * kMaxVecs;
  for (Index c0 = 0; c0 < k; c0 += kWidest)
    panel(X, c0, static_cast<int>(std::min<Index>(kWidest, k - c0)), Y, transposed, P, Q);
}

void spmm(const SparseMatrix& A, const Matrix& X, Matrix& Y, bool transposed, int threads) {
  SparseProduct(A, threads).apply(X, Y, transposed);
}

}  // namespace irio::solver::internal
