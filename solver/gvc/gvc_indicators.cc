// SPDX-License-Identifier: MIT
// The R package gvc's indicators (i2e, e2r, nrca, dfddva, dfdfva, ffddva; see trade.h) from the
// TradeContext's per-unit solves, without the n x n Leontief decomposition they are defined on.
#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

GvcIndicators gvc_indicators(const TradeContext& ctx) {
  const Index n = ctx.model.n(), N = ctx.model.num_sectors(), U = ctx.units.size();
  const Vector& v = ctx.model.v();
  GvcIndicators g;
  // Xe(k, t) = (L [e on the rows of t])_k: VA of row k in the exports of unit t is v_k Xe(k, t).
  const Matrix Xe = ctx.solve_per_unit(ctx.e_star);
  const Vector own = own_unit(Xe, ctx.units);
  g.i2e = ctx.f.cwiseProduct(ctx.e_star);
  g.e2r = v.cwiseProduct(Vector(Xe.rowwise().sum()) - own);
  const Vector f = v.cwiseProduct(own);  // domestic VA of row i in its own unit's exports
  const Vector f_unit = sum_rows_by_unit(Matrix(f), ctx.units).col(0);
  Vector f_sector = Vector::Zero(N);
  for (Index i = 0; i < n; ++i) f_sector(i % N) += f(i);
  const double f_all = f.sum();
  g.nrca.resize(n);
  for (Index i = 0; i < n; ++i)
    g.nrca(i) = tables::ratio_or_nan(tables::ratio_or_nan(f(i), f_unit(ctx.units.unit(i))),
                                     tables::ratio_or_nan(f_sector(i % N), f_all));
  const Matrix VBY = v.asDiagonal() * ctx.Xd;
  g.ffddva = off_own_unit(VBY, ctx.units).rowwise().sum();
  g.dfddva = Matrix::Zero(U, N);
  g.dfdfva = Matrix::Zero(U, N);
  for (Index i = 0; i < n; ++i)
    for (Index r = 0; r < U; ++r) (r == ctx.units.unit(i) ? g.dfddva : g.dfdfva)(r, i % N) += VBY(i, r);

  const auto& lab = ctx.model.labels();
  g.by_sector = tables::TidyTable("gvc_indicators", {"region", "sector", "indicator"});
  g.by_sector.set_levels(0, lab.regions);
  g.by_sector.set_levels(1, lab.sectors);
  g.by_sector.set_levels(2, {"i2e", "e2r", "nrca", "ffddva"});
  const Vector* cols[] = {&g.i2e, &g.e2r, &g.nrca, &g.ffddva};
  for (Index i = 0; i < n; ++i)
    for (std::int32_t k = 0; k < 4; ++k)
      g.by_sector.add_row_codes({static_cast<std::int32_t>(i / N), static_cast<std::int32_t>(i % N), k}, (*cols[k])(i));
  g.by_absorber = tables::TidyTable("gvc_final_demand", {"absorber", "sector", "indicator"});
  g.by_absorber.set_levels(0, ctx.units.names);
  g.by_absorber.set_levels(1, lab.sectors);
  g.by_absorber.set_levels(2, {"dfddva", "dfdfva"});
  for (Index r = 0; r < U; ++r)
    for (Index k = 0; k < N; ++k) {
      g.by_absorber.add_row_codes({static_cast<std::int32_t>(r), static_cast<std::int32_t>(k), 0}, g.dfddva(r, k));
      g.by_absorber.add_row_codes({static_cast<std::int32_t>(r), static_cast<std::int32_t>(k), 1}, g.dfdfva(r, k));
    }
  return g;
}

}  // namespace irio::solver::gvc
