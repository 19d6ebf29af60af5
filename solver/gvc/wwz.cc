// SPDX-License-Identifier: MIT
// Wang-Wei-Zhu 16-term decomposition of gross exports (methods.md §3.3), the WWZ -> KWW map and
// DViX_Fsr, computed with per-unit solves and the own-block products L^{rr} Y^{rs} only.
#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

TradeResult wwz_decomposition(const TradeContext& ctx) {
  const Index n = ctx.model.n();
  const SparseMatrix& A = ctx.model.A();
  const Units& u = ctx.units;
  report_progress(ctx.progress, 0.0, "wwz: per-unit solves");
  // Notation (k in importer unit r, exporter s): the flow vectors of §3.3 built from
  //   X1(k, t) = (L^{rt} Y^{tt})_k, X2(k, t) = (L^{rt} Yrx^t)_k with Yrx^t = sum_{u != t} Y^{tu},
  //   Xd(k, s) = (sum_t L^{rt} Y^{ts})_k, P(k, s) = (L^{rr} Y^{rs})_k.
  const Matrix X1 = ctx.solve_per_unit(ctx.y_dom);
  const Matrix X2 = ctx.solve_per_unit(ctx.y_fx);
  const Matrix P = ctx.own_block_product(ctx.Yu);
  report_progress(ctx.progress, 0.9, "wwz: terms");
  const Vector h2 = own_unit(X1, u), h4 = own_unit(X2, u);
  const Vector X1tot = X1.rowwise().sum(), X2tot = X2.rowwise().sum();
  // A^{sr} w^r for all (i in s, r): AX(w); with w depending on s: AXs(X).
  auto AX = [&](const Vector& w) { return split_by_column_unit(A, w, u); };
  auto AXs = [&](const Matrix& X) { return split_by_column_unit_exporter(A, X, u); };
  const Matrix S1 = AXs(X1), SP = AXs(P), S2 = AXs(X2), SD = AXs(ctx.Xd);
  const Matrix Aqd = AX(ctx.q_dom), Aqe = AX(ctx.q_e);
  const auto& ell = ctx.ell;
  const auto& dd = ctx.d;
  // Coefficient rows: m_rs(i) = VL(i, r), o_rs(i) = f_s(i) - m_rs(i).
  const Matrix& M = ctx.VL;
  const Matrix O = (-M).colwise() + ctx.f;
  std::vector<Matrix> T(16);
  T[0] = dd.asDiagonal() * ctx.Yu;                                 // DVA_FIN
  T[1] = ell.asDiagonal() * AX(h2);                                // DVA_INT
  T[2] = ell.asDiagonal() * (AX(X1tot - h2) - S1);                 // DVA_INTrexI1
  T[3] = ell.asDiagonal() * (AX(h4) - SP);                         // DVA_INTrexF
  T[4] = ell.asDiagonal() * (AX(X2tot - h4) - S2 - SD + SP + S1);  // DVA_INTrexI2
  T[5] = ell.asDiagonal() * S1;                                    // RDV_INT
  T[6] = ell.asDiagonal() * SP;                                    // RDV_FIN
  T[7] = ell.asDiagonal() * (SD - SP - S1);                        // RDV_FIN2
  T[8] = O.cwiseProduct(ctx.Yu);                                   // OVA_FIN
  T[9] = M.cwiseProduct(ctx.Yu);                                   // MVA_FIN
  T[10] = O.cwiseProduct(Aqd);                                     // OVA_INT
  T[11] = M.cwiseProduct(Aqd);                                     // MVA_INT
  T[12] = ell.asDiagonal() * S2;                                   // DDC_FIN
  T[13] = (dd - ell).asDiagonal() * AX(ctx.x);                     // DDC_INT
  T[14] = O.cwiseProduct(Aqe);                                     // ODC
  T[15] = M.cwiseProduct(Aqe);                                     // MDC
  for (auto& t : T) t = detail::off_own(ctx, std::move(t));
  TradeResult out;
  out.measures = {"DVA_FIN", "DVA_INT", "DVA_INTrexI1", "DVA_INTrexF", "DVA_INTrexI2", "RDV_INT", "RDV_FIN", "RDV_FIN2",
                  "OVA_FIN", "MVA_FIN", "OVA_INT",      "MVA_INT",     "DDC_FIN",      "DDC_INT", "ODC",     "MDC"};
  out.cells = T;
  out.table = detail::bilateral_table(ctx, "wwz", "term", out.measures, T);
  // §6.2 identity 17.
  Diagnostics d(n);
  Matrix all = Matrix::Zero(n, u.size()), dva = all;
  for (int k = 0; k < 16; ++k) all += T[static_cast<std::size_t>(k)];
  for (int k = 0; k < 8; ++k) dva += T[static_cast<std::size_t>(k)];
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  d.check_vectors("17: sum of the 16 terms = e^{sr}_i", scope(ctx, "exporter_sector_importer"), flat(all),
                  flat(ctx.ESR));
  const Matrix fin = T[0] + T[8] + T[9];
  d.check_vectors("17: terms 1+9+10 = Y^{sr}_i", scope(ctx, "exporter_sector_importer"), flat(fin),
                  flat(detail::off_own(ctx, ctx.Yu)));
  d.check_vectors("17: other 13 terms = (A^{sr} x^r)_i", scope(ctx, "exporter_sector_importer"),
                  flat(Matrix(all - fin)), flat(detail::off_own(ctx, AX(ctx.x))));
  auto by_unit = [&](const Vector& w) { return Vector(sum_rows_by_unit(Matrix(w), u).col(0)); };
  d.check_vectors("17: terms 1-8 = v^s' L_R^{ss} e^{s*}", scope(ctx, "exporter"), detail::by_exporter(ctx, dva).col(0),
                  by_unit(ell.cwiseProduct(ctx.e_star)));
  d.check_vectors("17: terms 1-8 + 13-14 = DC = d_s' e^{s*}", scope(ctx, "exporter"),
                  detail::by_exporter(ctx, Matrix(dva + T[12] + T[13])).col(0), by_unit(dd.cwiseProduct(ctx.e_star)));
  out.diagnostics = d.table();
  report_progress(ctx.progress, 1.0, "wwz: done");
  return out;
}

TradeResult wwz_to_kww(const TradeContext& ctx, const TradeResult& wwz) {
  // WWZ (2013) Table E2 / decompr::wwz2kww: KWW1 = 1, KWW2 = 2+3, KWW3 = 4+5, KWW4 = 7+8,
  // KWW5 = 6, KWW6 = 13+14, KWW7 = 9+10, KWW8 = 11+12, KWW9 = 15+16 (1-based WWZ terms).
  const auto& T = wwz.cells;
  TradeResult out;
  out.measures = {"DVA_FIN", "DVA_INT", "DVA_INTrex", "RDV_FIN", "RDV_INT", "DDC", "FVA_FIN", "FVA_INT", "FDC"};
  out.cells = {T[0],          T[1] + T[2], T[3] + T[4],   T[6] + T[7],  T[5],
               T[12] + T[13], T[8] + T[9], T[10] + T[11], T[14] + T[15]};
  out.table = detail::bilateral_table(ctx, "wwz2kww", "term", out.measures, out.cells);
  return out;
}

TradeResult dvix_fsr(const TradeContext& ctx) {
  // §3.3: DViX_Fsr = v^ L_P ESR (n x U), by origin sector. R(U).
  TradeResult out;
  out.measures = {"DViX_Fsr"};
  out.cells = {ctx.model.v().asDiagonal() * ctx.model.local_solve(ctx.units.perimeter, ctx.ESR)};
  out.table = detail::bilateral_table(ctx, "dvix_fsr", "term", out.measures, out.cells);
  return out;
}

}  // namespace irio::solver::gvc
