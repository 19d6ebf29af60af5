// SPDX-License-Identifier: MIT
// Borin-Mancini (2023) value added in exports at the pure bilateral perspective (methods.md §3.4):
// the border of the flow s -> r, with only the block A^{sr} extracted from A. The extracted
// inverse enters through a rank-n_r (Woodbury) update of the column block L_{.s}; no inverse is
// formed.
#include <Eigen/LU>

#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

TradeResult bm_bilateral(const TradeContext& ctx) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const Units& u = ctx.units;
  using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor, std::ptrdiff_t>;
  const RowSparse Ar(ctx.model.A());
  // With A_sr = A^{sr} and M = I + L^{rs} A_sr, Woodbury gives the columns of s of the extracted
  // inverse: B^{/sr}_{.s} = L_{.s} - L_{.s} A_sr M^{-1} L^{rs}. Weighted by value added of the
  // origin (d_s' = v^s' L^{ss} domestic, f_s' = sum_{t != s} v^t' L^{ts} foreign):
  //   gamma_d' = d_s' - (d_s' A_sr) M^{-1} L^{rs},  gamma_f' = f_s' - (f_s' A_sr) M^{-1} L^{rs}.
  Matrix gd = Matrix::Zero(n, U), gf = Matrix::Zero(n, U);
  ctx.for_each_column_block([&](Index s, const Matrix& C) {
    const auto& is = u.rows[static_cast<std::size_t>(s)];
    const auto ns = static_cast<Index>(is.size());
    Vector ds(ns), fs(ns);
    for (Index a = 0; a < ns; ++a) {
      ds(a) = ctx.d(is[static_cast<std::size_t>(a)]);
      fs(a) = ctx.f(is[static_cast<std::size_t>(a)]);
    }
    // Rows of s of A, dense by partner unit: As(a, j) = A(is[a], j).
    Matrix As = Matrix::Zero(ns, n);
    for (Index a = 0; a < ns; ++a)
      for (RowSparse::InnerIterator it(Ar, is[static_cast<std::size_t>(a)]); it; ++it) As(a, it.col()) = it.value();
    for (Index r = 0; r < U; ++r) {
      if (r == s) continue;
      const auto& ir = u.rows[static_cast<std::size_t>(r)];
      const auto nr = static_cast<Index>(ir.size());
      Matrix Asr(ns, nr), Lrs(nr, ns);
      for (Index b = 0; b < nr; ++b) {
        Asr.col(b) = As.col(ir[static_cast<std::size_t>(b)]);
        Lrs.row(b) = C.row(ir[static_cast<std::size_t>(b)]);
      }
      if (Asr.isZero(0.0)) {  // nothing to extract: the bilateral border is the content itself
        for (Index a = 0; a < ns; ++a) {
          gd(is[static_cast<std::size_t>(a)], r) = ds(a);
          gf(is[static_cast<std::size_t>(a)], r) = fs(a);
        }
        continue;
      }
      const Matrix M = Matrix::Identity(nr, nr) + Lrs * Asr;
      Matrix Z(nr, 2);  // (d_s' A_sr)', (f_s' A_sr)'
      Z.col(0) = Asr.transpose() * ds;
      Z.col(1) = Asr.transpose() * fs;
      const Matrix W = Eigen::PartialPivLU<Matrix>(M.transpose()).solve(Z);
      const Matrix G = Lrs.transpose() * W;  // ns x 2
      for (Index a = 0; a < ns; ++a) {
        gd(is[static_cast<std::size_t>(a)], r) = ds(a) - G(a, 0);
        gf(is[static_cast<std::size_t>(a)], r) = fs(a) - G(a, 1);
      }
    }
    report_progress(ctx.progress, static_cast<double>(s + 1) / static_cast<double>(U), "bm bilateral");
  });
  const Matrix& E = ctx.ESR;
  const Matrix DC = ctx.d.asDiagonal() * E, FC = ctx.f.asDiagonal() * E;
  const Matrix DVA = gd.cwiseProduct(E), FVA = gf.cwiseProduct(E);
  TradeResult out;
  out.measures = {"GEXP", "DC", "DVA", "DDC", "FC", "FVA", "FDC"};
  out.cells = {E, DC, DVA, DC - DVA, FC, FVA, FC - FVA};
  out.table = detail::bilateral_table(ctx, "bm_bilateral_source", "measure", out.measures, out.cells);
  Diagnostics d(n);
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  d.check_vectors("18: GEXP = DC + FC", scope(ctx, "exporter_sector_importer, bilateral"), flat(E),
                  flat(Matrix(DC + FC)));
  // Extracting A^{sr} can only remove double counting: 0 <= DVA <= DC and 0 <= FVA <= FC where the
  // data are nonnegative (§6.2: skipped with negative Y or va).
  if (ctx.Yu.minCoeff() >= 0 && ctx.model.va().minCoeff() >= 0) {
    const std::string sc = scope(ctx, "exporter_sector_importer, bilateral");
    d.check_at_least("18: DDC >= 0", sc, flat(Matrix(DC - DVA)), 0.0);
    d.check_at_least("18: FDC >= 0", sc, flat(Matrix(FC - FVA)), 0.0);
    d.check_at_least("18: DVA >= 0", sc, flat(DVA), 0.0);
  }
  out.diagnostics = d.table();
  return out;
}

}  // namespace irio::solver::gvc
