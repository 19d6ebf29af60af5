// SPDX-License-Identifier: MIT
// Benchmark task "wwz" (see wwz_tasks.h).
//
// The baseline follows decompr::wwz (R/wwz.R, after load_tables_vectors): B = (I - A)^{-1}
// and L = (I - A_d)^{-1} in full, B split into its diagonal blocks Bd and the rest Bm, A into
// Ad and Am, then terms 2-8 and 13 each from one n x n product (Am Bd, Bm z, Bd z with the
// n x n right-hand sides z that decompr builds) and terms 11-12, 15-16 from Am L. The products
// go through BLAS dgemm, as in R linked to OpenBLAS. Where decompr loops over importers with an
// n x n temporary per importer (terms 9-12, 15-16) the baseline forms the per-importer column
// sums once instead, and L is inverted block by block: both make the baseline faster than
// decompr itself, never slower.
#include "bench/wwz_tasks.h"

#include <vector>

#include "bench/bench_tasks.h"
#include "irio/solver/gvc/trade.h"
#include "irio/solver/gvc/trade_context.h"
#include "irio/solver/leontief_model.h"

extern "C" {
void dgemm_(const char* ta, const char* tb, const int* m, const int* n, const int* k, const double* alpha,
            const double* a, const int* lda, const double* b, const int* ldb, const double* beta, double* c,
            const int* ldc);
}

namespace irio::bench {
namespace {

using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

/// C = A B by BLAS dgemm (n x n products, as R's %*%).
Matrix gemm(const Matrix& a, const Matrix& b) {
  Matrix c(a.rows(), b.cols());
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(b.cols()), k = static_cast<int>(a.cols());
  const double one = 1.0, zero = 0.0;
  dgemm_("N", "N", &m, &n, &k, &one, a.data(), &m, b.data(), &k, &zero, c.data(), &m);
  return c;
}

/// Stack the 16 n x U term matrices as columns of an (n U) x 16 matrix.
Matrix stack_terms(const std::vector<Matrix>& T) {
  const Index cells = T.at(0).size();
  Matrix out(cells, static_cast<Index>(T.size()));
  for (std::size_t k = 0; k < T.size(); ++k)
    out.col(static_cast<Index>(k)) = Eigen::Map<const Vector>(T[k].data(), cells);
  return out;
}

}  // namespace

Matrix wwz_irio(const tables::IoTable& t) {
  solver::LeontiefModel m(t);
  solver::gvc::TradeContext ctx(m, solver::Perimeter::kRegion);
  return stack_terms(solver::gvc::wwz_decomposition(ctx).cells);
}

Matrix wwz_decompr(const tables::IoTable& t) {
  const Index n = static_cast<Index>(t.n()), G = static_cast<Index>(t.labels.num_regions()), N = n / G;
  auto blk = [N](Index i) { return i / N; };
  const Vector x = t.output(), xinv = tables::safe_reciprocal(x);
  const Vector v = t.value_added_residual().cwiseProduct(xinv);  // Vc
  // load_tables_vectors: A, B, then Ad / Am, Bd / Bm, L = (I - Ad)^{-1}.
  Matrix Am = Matrix(t.Z) * xinv.asDiagonal();
  std::vector<std::vector<Index>> blocks(static_cast<std::size_t>(G));
  for (Index i = 0; i < n; ++i) blocks[static_cast<std::size_t>(blk(i))].push_back(i);
  const Matrix L = block_inverse(Am, blocks);
  for (Index j = 0; j < n; ++j)
    for (Index i = blk(j) * N; i < (blk(j) + 1) * N; ++i) Am(i, j) = 0.0;
  Matrix Bm = dense_leontief_inverse(t);
  Matrix Bd = Matrix::Zero(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = blk(j) * N; i < (blk(j) + 1) * N; ++i) {
      Bd(i, j) = Bm(i, j);
      Bm(i, j) = 0.0;
    }
  const Matrix Y = t.final_demand_by_region();
  Matrix Yd = Matrix::Zero(n, G), Ym = Y;
  for (Index i = 0; i < n; ++i) {
    Yd(i, blk(i)) = Y(i, blk(i));
    Ym(i, blk(i)) = 0.0;
  }
  Vector E = Ym.rowwise().sum();  // exports: final ...
  for (Index j = 0; j < n; ++j)   // ... plus intermediate, Am x
    for (Index i = 0; i < n; ++i) E(i) += Am(i, j) * x(j);

  std::vector<Matrix> T(16, Matrix::Zero(n, G));
  // Term 1: d_j = colSums(Bd * Vc); Ym * d.
  const Vector d = Bd.transpose() * v;
  T[0] = d.asDiagonal() * Ym;
  // Term 2: ell = colSums(Vc * L); (Am Bd Yd) * ell.
  const Vector ell = L.transpose() * v;
  T[1] = ell.asDiagonal() * gemm(gemm(Am, Bd), Yd);
  // Terms 3-8, 13: ALL[i, r] = ell_i sum_{j in r} Am_ij P_ji with P = (B. z) and decompr's z.
  auto term = [&](const Matrix& P) {
    Matrix out = Matrix::Zero(n, G);
    for (Index j = 0; j < n; ++j)
      for (Index i = 0; i < n; ++i) out(i, blk(j)) += Am(i, j) * P(j, i);
    return Matrix(ell.asDiagonal() * out);
  };
  auto zero_diagonal_blocks = [&](Matrix& M) {
    for (Index j = 0; j < n; ++j)
      for (Index i = blk(j) * N; i < (blk(j) + 1) * N; ++i) M(i, j) = 0.0;
  };
  Matrix z(n, n);
  const Vector yd_tot = Yd.rowwise().sum(), ym_tot = Ym.rowwise().sum();
  for (Index j = 0; j < n; ++j) z.col(j) = yd_tot;  // term 3
  zero_diagonal_blocks(z);
  {
    Matrix z2 = gemm(Bm, z);
    zero_diagonal_blocks(z2);
    T[2] = term(z2);
  }
  for (Index j = 0; j < n; ++j) z.col(j) = ym_tot - Ym.col(blk(j));  // terms 4, 5
  zero_diagonal_blocks(z);
  T[3] = term(gemm(Bd, z));
  {
    Matrix z1 = gemm(Bm, z);
    zero_diagonal_blocks(z1);
    T[4] = term(z1);
  }
  for (Index j = 0; j < n; ++j) z.col(j) = Yd.col(blk(j));  // term 6
  T[5] = term(gemm(Bm, z));
  for (Index j = 0; j < n; ++j) z.col(j) = Ym.col(blk(j));  // terms 7, 8
  T[6] = term(gemm(Bd, z));
  {
    Matrix z1 = gemm(Bm, z);
    zero_diagonal_blocks(z1);
    T[7] = term(z1);
  }
  z.setZero();  // term 13: z[block r, block r] = rowSums(Ym) on the rows of r
  for (Index j = 0; j < n; ++j)
    for (Index i = blk(j) * N; i < (blk(j) + 1) * N; ++i) z(i, j) = ym_tot(i);
  T[12] = term(gemm(Bm, z));
  // Term 14: (d - ell)_i sum_{j in r} Am_ij x_j.
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) T[13](i, blk(j)) += (d(i) - ell(i)) * Am(i, j) * x(j);
  // Terms 9-12, 15-16: VrBrs = Vc * Bm; S(j, r) = sum_{i in r} v_i Bm_ij, tot(j) = sum_i.
  Matrix S = Matrix::Zero(n, G);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) S(j, blk(i)) += v(i) * Bm(i, j);
  const Vector tot = S.rowwise().sum();
  const Matrix O = (-S).colwise() + tot;
  const Matrix AmL = gemm(Am, L);
  Matrix Er = Matrix::Zero(n, G);
  for (Index i = 0; i < n; ++i) Er(i, blk(i)) = E(i);
  const Matrix zzY = gemm(AmL, Yd), zzE = gemm(AmL, Er);
  T[8] = O.cwiseProduct(Ym);
  T[9] = S.cwiseProduct(Ym);
  T[10] = O.cwiseProduct(zzY);
  T[11] = S.cwiseProduct(zzY);
  T[14] = O.cwiseProduct(zzE);
  T[15] = S.cwiseProduct(zzE);
  for (auto& M : T)
    for (Index i = 0; i < n; ++i) M(i, blk(i)) = 0.0;
  return stack_terms(T);
}

}  // namespace irio::bench
