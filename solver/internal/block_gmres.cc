// SPDX-License-Identifier: MIT
// Right-preconditioned restarted GMRES(m) on (I - A) x = b with the region-local block inverse
// (I - A_R)^{-1} as preconditioner (methods.md §0.4), for a block of right-hand sides at once: every
// column has its own Krylov basis and Hessenberg matrix, but the k columns advance in lockstep so
// that each step is one sparse product A Z and one block-diagonal product over all of them (blocks
// of up to 32 right-hand sides, to bound the memory of the bases). The columns' Gram-Schmidt steps
// and the preconditioner's blocks are spread over the product's threads.
// Saad & Schultz (1986); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.5.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "irio/solver/internal/blas_threads.h"
#include "irio/solver/internal/block_inverse.h"
#include "irio/solver/internal/simd.h"
#include "irio/solver/internal/spmm.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

// The Gram-Schmidt kernels are compiled for AVX-512 and AVX2 as well (IRIO_SIMD_CLONES), as the
// sparse product's are; an 8-vector of doubles is one value, so that the inner products keep eight
// partial sums in a fixed order whatever the clone.
using internal::Vec8;

/// h[i] += v[i][r0 .. r0+len) . w[r0 .. r0+len) for i < count.
IRIO_SIMD_CLONES void add_dots(const double* const* v, std::size_t count, Index r0, Index len, const double* w,
                               double* h) {
  for (std::size_t i = 0; i < count; ++i) {
    const double* x = v[i] + r0;
    const double* y = w + r0;
    Vec8 a = {0, 0, 0, 0, 0, 0, 0, 0}, b = a, p, q;
    Index r = 0;
    for (; r + 16 <= len; r += 16) {
      IRIO_LOAD(p, x + r);
      IRIO_LOAD(q, y + r);
      a += p * q;
      IRIO_LOAD(p, x + r + 8);
      IRIO_LOAD(q, y + r + 8);
      b += p * q;
    }
    for (; r + 8 <= len; r += 8) {
      IRIO_LOAD(p, x + r);
      IRIO_LOAD(q, y + r);
      a += p * q;
    }
    a += b;
    double s = ((a[0] + a[4]) + (a[1] + a[5])) + ((a[2] + a[6]) + (a[3] + a[7]));
    for (; r < len; ++r) s += x[r] * y[r];
    h[i] += s;
  }
}

/// w[r0 .. r0+len) -= sum_i h[i] v[i][r0 .. r0+len), one vector after the other on the chunk of w
/// (which stays in L1).
IRIO_SIMD_CLONES void subtract_combination(const double* const* v, std::size_t count, Index r0, Index len,
                                           const double* h, double* w) {
  double* y = w + r0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* x = v[i] + r0;
    const double c = h[i];
    const Vec8 cv = {c, c, c, c, c, c, c, c};
    Vec8 p, q;
    Index r = 0;
    for (; r + 8 <= len; r += 8) {
      IRIO_LOAD(p, x + r);
      IRIO_LOAD(q, y + r);
      q -= cv * p;
      IRIO_STORE(y + r, q);
    }
    for (; r < len; ++r) y[r] -= c * x[r];
  }
}

/// Classical Gram-Schmidt twice (CGS2: "twice is enough", Giraud, Langou & Rozložník 2005, as
/// orthogonal as modified Gram-Schmidt twice) of w against the vectors v[0 .. count-1], each of n
/// rows; h[i] receives the coefficient of v[i], and the squared norm of the result is returned.
/// The rows go in chunks small enough that a chunk of the whole basis stays in the core's L2 cache,
/// so that the second pass's inner products reuse the first pass's update there: the basis is read
/// from memory three times a step, against four times per vector for modified Gram-Schmidt twice.
double orthogonalize(const std::vector<const double*>& v, double* w, Index n, double* h) {
  constexpr Index kRows = 512;
  const std::size_t count = v.size();
  std::vector<double> h1(count, 0.0), h2(count, 0.0);
  for (Index r0 = 0; r0 < n; r0 += kRows) add_dots(v.data(), count, r0, std::min(kRows, n - r0), w, h1.data());
  for (Index r0 = 0; r0 < n; r0 += kRows) {  // w -= V h1, then h2 = V' w on the chunk still in cache
    const Index len = std::min(kRows, n - r0);
    subtract_combination(v.data(), count, r0, len, h1.data(), w);
    add_dots(v.data(), count, r0, len, w, h2.data());
  }
  double norm2 = 0.0;
  for (Index r0 = 0; r0 < n; r0 += kRows) {  // the second pass's update: w -= V h2
    const Index len = std::min(kRows, n - r0);
    subtract_combination(v.data(), count, r0, len, h2.data(), w);
    const double* y = w + r0;
    add_dots(&y, 1, 0, len, y, &norm2);
  }
  for (std::size_t i = 0; i < count; ++i) h[i] = h1[i] + h2[i];
  return norm2;
}

class BlockGmres final : public LinearSolver {
 public:
  BlockGmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks, const IterativeOptions& opt,
             const std::string& what)
      : product_(A), opt_(opt), what_(what), precond_(validated(A, blocks, opt, what, product_.threads())) {}
  void solve(Matrix& B) const override { throw_unless(run(B, false)); }
  void solve_transposed(Matrix& B) const override { throw_unless(run(B, true)); }
  SolveStatus try_solve(Matrix& B, bool transposed) const override { return run(B, transposed); }
  std::string name() const override { return "GMRES (region-local LU preconditioner)"; }

 private:
  static internal::BlockInverse validated(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                          const IterativeOptions& opt, const std::string& what, int threads) {
    if (auto e = opt.validate(); !e.empty()) throw InputError(what + ": iterative options: " + e);
    return internal::BlockInverse(A, blocks, what, threads);
  }
  /// W = (I - A) Z or (I - A)' Z.
  void apply(const Matrix& Z, Matrix& W, bool transposed) const {
    product_.apply(Z, W, transposed);
    W = Z - W;
  }
  int threads() const { return product_.threads(); }

  /// Right-hand sides in blocks of at most kBlock columns: the Krylov bases take (m + 1) n k
  /// doubles, so a block of 32 at n = 10^4 and m = 30 holds about 80 MB.
  static constexpr Index kBlock = 32;

  static void throw_unless(const SolveStatus& st) {
    if (!st) throw NumericalError(st.message);
  }

  /// B is overwritten only when every block converged.
  SolveStatus run(Matrix& B, bool transposed) const {
    const internal::SingleThreadedBlas one_blas_thread;  // its idle threads would take the product's cores
    if (B.cols() <= kBlock) return run_block(B, transposed);
    Matrix X(B.rows(), B.cols());
    SolveStatus all;
    for (Index c0 = 0; c0 < B.cols(); c0 += kBlock) {
      const Index w = std::min(kBlock, B.cols() - c0);
      Matrix part = B.middleCols(c0, w);
      SolveStatus st = run_block(part, transposed);
      if (!st) return st;
      all.iterations = std::max(all.iterations, st.iterations);
      X.middleCols(c0, w) = part;
    }
    B.swap(X);
    return all;
  }

  /// One block of right-hand sides; B is overwritten only on convergence.
  SolveStatus run_block(Matrix& B, bool transposed) const {
    if (B.size() == 0) return {};
    const Index n = B.rows(), k = B.cols();
    const int m = std::max(1, std::min(opt_.restart, static_cast<int>(n)));
    const double bscale = std::max(B.cwiseAbs().maxCoeff(), 1e-300);
    const double target = opt_.tolerance * bscale;  // on the max-norm residual, as documented
    Matrix X;
    precond_.apply(B, X, transposed);  // x_0 = P^{-1} b (one block-Jacobi step)
    Matrix R(n, k), W(n, k), Z(n, k);
    // The basis grows a block at a time as steps are taken (most solves converge in about ten of
    // the m steps, and untouched pages of a fresh block would only be zeroed by the kernel).
    std::vector<Matrix> V;
    V.reserve(static_cast<std::size_t>(m + 1));
    // Per column: Hessenberg H (m+1 x m) reduced by Givens rotations (cs, sn), right side g.
    std::vector<Matrix> H(static_cast<std::size_t>(k), Matrix::Zero(m + 1, m));
    Matrix cs(m, k), sn(m, k), g(m + 1, k);
    std::vector<char> active(static_cast<std::size_t>(k)), pending(static_cast<std::size_t>(k));
    const int chunks = static_cast<int>(k);
    int total = 0;
    double previous = INFINITY;
    while (true) {
      apply(X, R, transposed);
      R = B - R;
      const double rmax = R.cwiseAbs().maxCoeff();
      if (!std::isfinite(rmax))
        return failed(total, "GMRES diverged (non-finite values); the system may not be productive");
      if (rmax <= target) {
        if (std::getenv("IRIO_TRACE_ITER")) std::fprintf(stderr, "GMRES: %d iterations\n", total);
        B.swap(X);
        SolveStatus ok;
        ok.iterations = total;
        return ok;
      }
      if (total >= opt_.max_iterations || !(rmax < previous))
        return failed(total, std::string("GMRES ") +
                                 (total >= opt_.max_iterations
                                      ? "did not converge in " + std::to_string(total) + " iterations"
                                      : "stagnated at a residual of " + std::to_string(rmax / bscale) + " (relative)") +
                                 "; use --backend dense");
      previous = rmax;
      // Columns already converged keep a zero basis (their update is zero).
      g.setZero();
      if (V.empty()) V.emplace_back(n, k);
      for (Index c = 0; c < k; ++c) {
        const double beta = R.col(c).norm();
        const bool on = R.col(c).cwiseAbs().maxCoeff() > target && beta > 0;
        active[static_cast<std::size_t>(c)] = on;
        if (on) V[0].col(c) = R.col(c) / beta;
        else V[0].col(c).setZero();
        g(0, c) = on ? beta : 0.0;
        H[static_cast<std::size_t>(c)].setZero();
      }
      int steps = 0;
      for (int j = 0; j < m && total < opt_.max_iterations; ++j) {
        precond_.apply(V[static_cast<std::size_t>(j)], Z, transposed);
        apply(Z, W, transposed);
        ++total;
        ++steps;
        if (V.size() < static_cast<std::size_t>(j + 2)) V.emplace_back(n, k);
        internal::for_chunks(chunks, threads(), [&](int chunk) {
          const Index c = chunk;
          const std::size_t cu = static_cast<std::size_t>(c);
          pending[cu] = 0;
          if (!active[cu]) {
            V[static_cast<std::size_t>(j + 1)].col(c).setZero();
            return;
          }
          auto& Hc = H[cu];
          std::vector<const double*> basis(static_cast<std::size_t>(j + 1));
          for (int i = 0; i <= j; ++i)
            basis[static_cast<std::size_t>(i)] = V[static_cast<std::size_t>(i)].col(c).data();
          std::vector<double> h(static_cast<std::size_t>(j + 1));
          const double hn = std::sqrt(orthogonalize(basis, W.col(c).data(), n, h.data()));
          for (int i = 0; i <= j; ++i) Hc(i, j) = h[static_cast<std::size_t>(i)];
          Hc(j + 1, j) = hn;
          if (hn > 0) V[static_cast<std::size_t>(j + 1)].col(c) = W.col(c) / hn;
          else V[static_cast<std::size_t>(j + 1)].col(c).setZero();
          // Apply the earlier rotations to the new column, then a new one to zero H(j+1, j).
          for (int i = 0; i < j; ++i) {
            const double t = cs(i, c) * Hc(i, j) + sn(i, c) * Hc(i + 1, j);
            Hc(i + 1, j) = -sn(i, c) * Hc(i, j) + cs(i, c) * Hc(i + 1, j);
            Hc(i, j) = t;
          }
          const double den = std::hypot(Hc(j, j), Hc(j + 1, j));
          cs(j, c) = den > 0 ? Hc(j, j) / den : 1.0;
          sn(j, c) = den > 0 ? Hc(j + 1, j) / den : 0.0;
          Hc(j, j) = den;
          Hc(j + 1, j) = 0.0;
          g(j + 1, c) = -sn(j, c) * g(j, c);
          g(j, c) = cs(j, c) * g(j, c);
          // |g(j+1)| is the 2-norm of the preconditioned-system residual, >= its max norm.
          pending[cu] = std::abs(g(j + 1, c)) > target && hn > 0;
        });
        if (std::find(pending.begin(), pending.end(), 1) == pending.end()) break;
      }
      // x += P^{-1} V y with H y = g (upper triangular, steps x steps) per column.
      internal::for_chunks(chunks, threads(), [&](int chunk) {
        const Index c = chunk;
        auto z = Z.col(c);
        z.setZero();
        if (!active[static_cast<std::size_t>(c)]) return;
        const auto& Hc = H[static_cast<std::size_t>(c)];
        Vector y = g.col(c).head(steps);
        for (int i = steps - 1; i >= 0; --i) {
          for (int l = i + 1; l < steps; ++l) y(i) -= Hc(i, l) * y(l);
          y(i) = Hc(i, i) != 0 ? y(i) / Hc(i, i) : 0.0;
        }
        for (int i = 0; i < steps; ++i) z += y(i) * V[static_cast<std::size_t>(i)].col(c);
      });
      precond_.apply(Z, W, transposed);
      X += W;
    }
  }

  SolveStatus failed(int iterations, const std::string& why) const {
    return SolveStatus::failure(what_, iterations, why);
  }

  internal::SparseProduct product_;  // holds A, owned by the LeontiefModel, which outlives its solvers
  IterativeOptions opt_;
  std::string what_;
  internal::BlockInverse precond_;
};

}  // namespace

std::unique_ptr<LinearSolver> make_block_gmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                               const IterativeOptions& opt, const std::string& what) {
  return std::make_unique<BlockGmres>(A, blocks, opt, what);
}

}  // namespace irio::solver
