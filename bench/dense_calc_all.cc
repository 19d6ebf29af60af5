// SPDX-License-Identifier: MIT
// The dense calc_all method (see dense_calc_all.h).
#include "bench/dense_calc_all.h"

#include <algorithm>

extern "C" void dgemm_(const char*, const char*, const int*, const int*, const int*, const double*, const double*,
                       const int*, const double*, const int*, const double*, double*, const int*);

namespace irio::bench {

using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

Matrix gemm(const Matrix& a, const Matrix& b, bool trans_b) {
  const int m = static_cast<int>(a.rows()), k = static_cast<int>(a.cols());
  const int n = static_cast<int>(trans_b ? b.rows() : b.cols());
  const int lda = std::max(1, m), ldb = std::max(1, static_cast<int>(b.rows()));
  Matrix c(m, n);
  if (c.size() == 0) return c;
  const double one = 1.0, zero = 0.0;
  dgemm_("N", trans_b ? "T" : "N", &m, &n, &k, &one, a.data(), &lda, b.data(), &ldb, &zero, c.data(), &lda);
  return c;
}

Accounts dense_calc_all(const tables::IoTable& t, const Matrix& L, const tables::Satellite& sat, bool regional) {
  const Index n = static_cast<Index>(t.n()), G = static_cast<Index>(t.labels.num_regions()),
              N = static_cast<Index>(t.labels.num_sectors());
  const Vector x = t.output(), xinv = tables::safe_reciprocal(x);
  const Matrix S = sat.F * xinv.asDiagonal();
  Accounts acc;
  acc["M"] = gemm(S, L);
  // M_down = S (G - I)' = (S x^) L' x^-1 - S.
  acc["M_down"] = gemm(S * x.asDiagonal(), L, true) * xinv.asDiagonal();
  acc["M_down"] -= S;
  // Y_diag: column (r, j) holds Y^d[(s, j), r] in rows (s, j); x_diag = L Y_diag by dgemm.
  const Matrix Yd = t.final_demand_by_region();
  Matrix X;
  {
    Matrix Ydiag = Matrix::Zero(n, n);
    for (Index r = 0; r < G; ++r)
      for (Index s = 0; s < G; ++s)
        for (Index j = 0; j < N; ++j) Ydiag(s * N + j, r * N + j) = Yd(s * N + j, r);
    X = gemm(L, Ydiag);
  }
  const Vector x_tot = X.rowwise().sum();
  acc["D_cba"] = gemm(S, X);
  acc["D_pba"] = S * x_tot.asDiagonal();
  for (Index r = 0; r < G; ++r) X.block(r * N, r * N, N, N).setZero();  // x_trade
  acc["D_imp"] = gemm(S, X);
  const Vector x_exp = X.rowwise().sum();
  X.resize(0, 0);
  acc["D_exp"] = S * x_exp.asDiagonal();
  if (!regional) return acc;
  // The region sums of the columns (pymrio's groupby(region)); F_Y by the region of its column.
  const Index k = S.rows(), K = static_cast<Index>(t.labels.fd_categories.size());
  Matrix FY_reg = Matrix::Zero(k, G);
  if (sat.F_Y.cols() == G * K)
    for (Index r = 0; r < G; ++r) FY_reg.col(r) = sat.F_Y.middleCols(r * K, K).rowwise().sum();
  auto by_region = [&](const Matrix& D) {
    Matrix R(k, G);
    for (Index r = 0; r < G; ++r) R.col(r) = D.middleCols(r * N, N).rowwise().sum();
    return R;
  };
  acc["D_cba_reg"] = by_region(acc["D_cba"]) + FY_reg;
  acc["D_pba_reg"] = by_region(acc["D_pba"]) + FY_reg;
  acc["D_imp_reg"] = by_region(acc["D_imp"]);
  acc["D_exp_reg"] = by_region(acc["D_exp"]);
  return acc;
}

}  // namespace irio::bench
