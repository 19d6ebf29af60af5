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

/// The right-hand sides are processed in panels of W columns, packed row by row (n x W,
/// contiguous): a panel of 8 at n = 9800 is 627 KB and stays in the core's L2 cache while A
/// streams past, and each non-zero touches one cache line of it.
template <int W>
void pack(const Matrix& X, Index c0, std::vector<double>& P) {
  const Index n = X.rows();
  P.resize(static_cast<std::size_t>(n * W));
  for (int c = 0; c < W; ++c) {
    const double* x = X.col(c0 + c).data();
    for (Index i = 0; i < n; ++i) P[static_cast<std::size_t>(i * W + c)] = x[i];
  }
}

/// Y(j, c0 .. c0+W) = sum_p a_pj X(p, c0 ..) for the columns j in [j0, j1): inner products
/// with A's columns, so no transposed copy of A is needed.
template <int W>
inline __attribute__((always_inline)) void transposed_panel(const SparseMatrix& A, const double* P, Index j0, Index j1,
                                                            Matrix& Y, Index c0) {
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const StorageIndex* outer = A.outerIndexPtr();
  const Index ld = Y.rows();
  double* y = Y.data() + c0 * ld;
  for (Index j = j0; j < j1; ++j) {
    double acc[W] = {};
    for (auto p = outer[j]; p < outer[j + 1]; ++p) {
      const double a = val[p];
      const double* x = P + static_cast<Index>(inner[p]) * W;
      for (int c = 0; c < W; ++c) acc[c] += a * x[c];
    }
    for (int c = 0; c < W; ++c) y[c * ld + j] = acc[c];
  }
}

/// Rows [i0, i1) of Y(:, c0 .. c0+W) = A X: every column of A scatters its non-zeros in that row
/// range (they start at lo[j] and end at hi[j]) into the packed panel Q, which is then written
/// back. Each row of Y is summed in column order whatever the row ranges, so the result does not
/// depend on how the rows are split.
template <int W>
inline __attribute__((always_inline)) void forward_panel(const SparseMatrix& A, const double* P, Index i0, Index i1,
                                                         const StorageIndex* lo, const StorageIndex* hi, double* Q,
                                                         Matrix& Y, Index c0) {
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const Index n = A.cols();
  std::fill(Q + i0 * W, Q + i1 * W, 0.0);
  for (Index j = 0; j < n; ++j) {
    double x[W];
    for (int c = 0; c < W; ++c) x[c] = P[j * W + c];
    for (auto p = lo[j]; p < hi[j]; ++p) {
      double* y = Q + static_cast<Index>(inner[p]) * W;
      const double a = val[p];
      for (int c = 0; c < W; ++c) y[c] += a * x[c];
    }
  }
  const Index ld = Y.rows();
  for (int c = 0; c < W; ++c) {
    double* y = Y.data() + (c0 + c) * ld;
    for (Index i = i0; i < i1; ++i) y[i] = Q[i * W + c];
  }
}

// The hot kernels (panels of 8) are compiled for AVX-512 and AVX2 as well and picked at load
// time (GCC/Clang function multi-versioning on x86-64 Linux); elsewhere the portable build runs.
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
#define IRIO_SPMM_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define IRIO_SPMM_CLONES
#endif

// An 8-vector of doubles as one value (GCC/Clang vector extension): one AVX-512 register, two AVX2
// or four SSE2 registers, whichever the clone is compiled for. Left to itself, the vectorizer
// reduced over the non-zeros with horizontal adds instead.
typedef double Vec8 __attribute__((vector_size(64)));

IRIO_SPMM_CLONES
void transposed_panel8(const SparseMatrix& A, const double* P, Index j0, Index j1, Matrix& Y, Index c0) {
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const StorageIndex* outer = A.outerIndexPtr();
  const Index ld = Y.rows();
  double* y = Y.data() + c0 * ld;
  for (Index j = j0; j < j1; ++j) {
    Vec8 acc = {0, 0, 0, 0, 0, 0, 0, 0};
    for (auto p = outer[j]; p < outer[j + 1]; ++p) {
      Vec8 x;
      std::memcpy(&x, P + static_cast<Index>(inner[p]) * 8, sizeof x);
      acc += val[p] * x;
    }
    for (int c = 0; c < 8; ++c) y[c * ld + j] = acc[c];
  }
}
IRIO_SPMM_CLONES
void forward_panel8(const SparseMatrix& A, const double* P, Index i0, Index i1, const StorageIndex* lo,
                    const StorageIndex* hi, double* Q, Matrix& Y, Index c0) {
  const double* val = A.valuePtr();
  const StorageIndex* inner = A.innerIndexPtr();
  const Index n = A.cols();
  std::fill(Q + i0 * 8, Q + i1 * 8, 0.0);
  for (Index j = 0; j < n; ++j) {
    Vec8 x;
    std::memcpy(&x, P + j * 8, sizeof x);
    for (auto p = lo[j]; p < hi[j]; ++p) {
      double* q = Q + static_cast<Index>(inner[p]) * 8;
      Vec8 y;
      std::memcpy(&y, q, sizeof y);
      y += val[p] * x;
      std::memcpy(q, &y, sizeof y);
    }
  }
  const Index ld = Y.rows();
  for (int c = 0; c < 8; ++c) {
    double* y = Y.data() + (c0 + c) * ld;
    for (Index i = i0; i < i1; ++i) y[i] = Q[i * 8 + c];
  }
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
  const Index n = A.cols(), m = A.rows();
  // By default, below about a million multiply-adds per panel a thread costs more than it saves.
  if (threads <= 0 && static_cast<double>(A.nonZeros()) * 8 < 1e6) threads_ = 1;
  // One row range per thread: narrower ranges cut A's columns into runs too short to stream.
  row_chunks_ = static_cast<int>(std::min<Index>(m, threads_));
  row_bounds_.resize(static_cast<std::size_t>(row_chunks_ + 1));
  for (int c = 0; c <= row_chunks_; ++c) row_bounds_[static_cast<std::size_t>(c)] = m * c / row_chunks_;
  // split_ row c: where rows >= row_bounds_[c] start in each column (Eigen keeps inner indices
  // sorted); row 0 is outer, row row_chunks_ is outer shifted by one.
  split_.resize(static_cast<std::size_t>((row_chunks_ + 1) * (n + 1)));
  const StorageIndex* inner = A.innerIndexPtr();
  const StorageIndex* outer = A.outerIndexPtr();
  for (Index j = 0; j < n; ++j) {
    StorageIndex p = outer[j];
    for (int c = 0; c <= row_chunks_; ++c) {
      const Index r = row_bounds_[static_cast<std::size_t>(c)];
      while (p < outer[j + 1] && inner[p] < r) ++p;
      split_[static_cast<std::size_t>(c * (n + 1) + j)] = p;
    }
  }
}

template <int W>
void SparseProduct::panel(const Matrix& X, Index c0, Matrix& Y, bool transposed, std::vector<double>& P,
                          std::vector<double>& Q) const {
  const Index n = A_.cols();
  pack<W>(X, c0, P);
  if (transposed) {
    const int chunks = static_cast<int>(std::min<Index>(n, threads_ <= 1 ? 1 : kChunksPerThread * threads_));
    for_chunks(chunks, threads_, [&](int c) {
      const Index j0 = n * c / chunks, j1 = n * (c + 1) / chunks;
      if constexpr (W == 8) transposed_panel8(A_, P.data(), j0, j1, Y, c0);
      else transposed_panel<W>(A_, P.data(), j0, j1, Y, c0);
    });
  } else {
    Q.resize(static_cast<std::size_t>(A_.rows() * W));
    for_chunks(row_chunks_, threads_, [&](int c) {
      const auto* lo = split_.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(n + 1);
      const auto* hi = lo + (n + 1);
      const Index i0 = row_bounds_[static_cast<std::size_t>(c)], i1 = row_bounds_[static_cast<std::size_t>(c + 1)];
      if constexpr (W == 8) forward_panel8(A_, P.data(), i0, i1, lo, hi, Q.data(), Y, c0);
      else forward_panel<W>(A_, P.data(), i0, i1, lo, hi, Q.data(), Y, c0);
    });
  }
}

void SparseProduct::apply(const Matrix& X, Matrix& Y, bool transposed) const {
  const Index k = X.cols();
  Y.resize(transposed ? A_.cols() : A_.rows(), k);
  std::vector<double> P, Q;
  Index c0 = 0;
  for (; c0 + 8 <= k; c0 += 8) panel<8>(X, c0, Y, transposed, P, Q);
  if (c0 + 4 <= k) panel<4>(X, c0, Y, transposed, P, Q), c0 += 4;
  if (c0 + 2 <= k) panel<2>(X, c0, Y, transposed, P, Q), c0 += 2;
  if (c0 < k) panel<1>(X, c0, Y, transposed, P, Q);
}

void spmm(const SparseMatrix& A, const Matrix& X, Matrix& Y, bool transposed, int threads) {
  SparseProduct(A, threads).apply(X, Y, transposed);
}

}  // namespace irio::solver::internal
