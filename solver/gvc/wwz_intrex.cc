// SPDX-License-Identifier: MIT
// WWZ's DVA_INTrex terms (3-5) by third country (methods.md §3.3, "DVA_INTrex by third country"):
// the sums over t of WWZ's formulas kept apart, at the exporter-unit level.
#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

TradeResult wwz_intrex_by_third(const TradeContext& ctx) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const SparseMatrix& A = ctx.model.A();
  const Units& u = ctx.units;
  const Vector& ell = ctx.ell;
  report_progress(ctx.progress, 0.0, "wwz third countries: per-unit solves");
  // As in wwz_decomposition: X1(k, t) = (L^{rt} Y^{tt})_k, X2(k, t) = (L^{rt} sum_{w != t} Y^{tw})_k,
  // P(k, t) = (L^{rr} Y^{rt})_k for k in r.
  const Matrix X1 = ctx.solve_per_unit(ctx.y_dom);
  const Matrix X2 = ctx.solve_per_unit(ctx.y_fx);
  const Matrix P = ctx.own_block_product(ctx.Yu);
  auto AX = [&](const Vector& w) { return split_by_column_unit(A, w, u); };
  // cells[k]: U x (U U), column r U + t = exporter s (row) -> importer r via third t.
  std::vector<Matrix> cells(3, Matrix::Zero(U, U * U));
  for (Index t = 0; t < U; ++t) {
    report_progress(ctx.progress, static_cast<double>(t) / static_cast<double>(U), "wwz third countries");
    // Q(k, s) = (L^{rt} Y^{ts})_k: the final goods t ships to the exporter s, for term 5's u != s.
    Matrix Yts = Matrix::Zero(n, U);
    for (Index k : u.rows[static_cast<std::size_t>(t)]) Yts.row(k) = ctx.Yu.row(k);
    const Matrix Q = ctx.solve(std::move(Yts));
    const Matrix F1 = ell.asDiagonal() * AX(X1.col(t));  // I1: r ships inputs to t, absorbed in t
    const Matrix F4 = ell.asDiagonal() * AX(P.col(t));   // F: r ships final goods to t
    const Matrix F5 = ell.asDiagonal() * (AX(X2.col(t)) - split_by_column_unit_exporter(A, Q, u));  // I2
    const Matrix* F[3] = {&F1, &F4, &F5};
    for (int k = 0; k < 3; ++k) {
      const Matrix S = sum_rows_by_unit(*F[k], u);  // U x U: exporter s, importer r
      for (Index s = 0; s < U; ++s)
        for (Index r = 0; r < U; ++r)
          if (s != r && t != s && t != r) cells[static_cast<std::size_t>(k)](s, r * U + t) = S(s, r);
    }
  }
  TradeResult out;
  out.measures = {"DVA_INTrexI1", "DVA_INTrexF", "DVA_INTrexI2"};
  out.cells = cells;
  out.table = tables::TidyTable("wwz_intrex", {"exporter", "importer", "third", "term"});
  out.table.set_levels(0, u.names);
  out.table.set_levels(1, u.names);
  out.table.set_levels(2, u.names);
  out.table.set_levels(3, out.measures);
  for (Index s = 0; s < U; ++s)
    for (Index r = 0; r < U; ++r)
      for (Index t = 0; t < U; ++t) {
        if (s == r || t == s || t == r) continue;
        for (std::int32_t k = 0; k < 3; ++k)
          out.table.add_row_codes(
              {static_cast<std::int32_t>(s), static_cast<std::int32_t>(r), static_cast<std::int32_t>(t), k},
              cells[static_cast<std::size_t>(k)](s, r * U + t));
      }
  report_progress(ctx.progress, 1.0, "wwz third countries: done");
  return out;
}

}  // namespace irio::solver::gvc
