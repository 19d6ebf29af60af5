// SPDX-License-Identifier: MIT
// Borin, Mancini & Taglioni (2021 WB PRWP 9785; 2025 WBER): the tripartite split of GVC-related
// trade into pure-backward, two-sided and pure-forward trade, and the trade-based participation
// measures built on it (methods.md §3.4, "Tripartite GVC trade").
#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

TradeResult bmt_tripartite(const TradeContext& ctx) {
  const Index n = ctx.model.n();
  const Units& u = ctx.units;
  const SparseMatrix& A = ctx.model.A();
  // Exports absorbed by the direct importer: Y^{sr} + A^{sr} L_P^{rr} Y^{rr} (the DAVAX base);
  // the rest of e^{sr} is A^{sr} L_P^{rr} e^{r*}, what r processes and exports again.
  const Matrix absorbed = detail::off_own(ctx, ctx.Yu + split_by_column_unit(A, ctx.q_dom, u));
  const Matrix& E = ctx.ESR;
  const Matrix reexported = E - absorbed;
  // Per unit of exports of row i: l_i is the domestic value added before the first exit,
  // mu_i = (m_s' L_P^{ss})_i the inputs from outside the unit that the local chain uses, with
  // m_s the column sums of A over rows outside s (S'(1) local). With v' + 1'A = 1', l + mu = 1.
  const Vector m_across = ctx.A_across().transpose() * Vector::Ones(n);
  const Vector mu = ctx.model.local_solve_transposed(u.perimeter, Matrix(m_across)).col(0);
  TradeResult out;
  out.measures = {"GEXP", "DAVAX", "GVC", "GVC_PF", "GVC_TS", "GVC_PB"};
  const Matrix DAVAX = ctx.ell.asDiagonal() * absorbed;
  const Matrix PF = ctx.ell.asDiagonal() * reexported;
  const Matrix TS = mu.asDiagonal() * reexported;
  const Matrix PB = mu.asDiagonal() * absorbed;
  out.cells = {E, DAVAX, E - DAVAX, PF, TS, PB};
  out.table = detail::bilateral_table(ctx, "bmt_trade", "measure", out.measures, out.cells);
  Diagnostics d(n);
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  const std::string sc = scope(ctx, "exporter_sector_importer");
  // Computed from l and mu separately, so the sum is a test of v' + 1'A = 1' and of the solves.
  d.check_vectors("18: GEXP = DAVAX + GVC_PF + GVC_TS + GVC_PB", sc, flat(E), flat(Matrix(DAVAX + PF + TS + PB)));
  out.diagnostics = d.table();
  return out;
}

TradeResult bmt_participation(const TradeContext& ctx, const TradeResult& tripartite) {
  const Index U = ctx.units.size();
  std::vector<Matrix> sums;
  for (const char* m : {"GEXP", "GVC", "GVC_PF", "GVC_TS", "GVC_PB"})
    sums.push_back(detail::by_exporter(ctx, tripartite[m]));
  const Matrix &E = sums[0], &G = sums[1], &PF = sums[2], &TS = sums[3], &PB = sums[4];
  auto ratio = [U](const Matrix& a, const Matrix& b) {
    Matrix r(U, 1);
    for (Index s = 0; s < U; ++s) r(s, 0) = b(s, 0) != 0 ? a(s, 0) / b(s, 0) : std::nan("");
    return r;
  };
  TradeResult out;
  out.measures = {"GEXP",      "GVC",      "GVC_PF",   "GVC_TS",   "GVC_PB",
                  "GVC_ratio", "PF_share", "TS_share", "PB_share", "forward_index"};
  out.cells = {E, G, PF, TS, PB, ratio(G, E), ratio(PF, G), ratio(TS, G), ratio(PB, G), ratio(Matrix(PF - PB), G)};
  out.table = detail::exporter_table(ctx, "bmt_participation", "indicator", out.measures, out.cells);
  return out;
}

}  // namespace irio::solver::gvc
