// SPDX-License-Identifier: MIT
// Value added in trade through irio::Analysis (methods.md §3, §5.3): the method dispatch of
// `irio trade`, the tables each method writes, and its diagnostics collected into one table.
#include "irio/analysis/analysis.h"
#include "irio/solver/gvc/tiva.h"
#include "irio/solver/gvc/trade_context.h"
#include "irio/tables/error.h"

namespace irio {

TradeResults Analysis::trade(const TradeRequest& r) const {
  namespace gvc = solver::gvc;
  require_valid("trade", r.validate());
  const auto& m = model();
  if (r.method == TradeMethod::kLeontief && m.n() > r.leontief_max_n)
    throw InputError("--method leontief writes an n x n matrix (n = " + std::to_string(m.n()) +
                     "): too large; aggregate the table first (`irio aggregate`)");
  // Methods that need the blocks of L or n right-hand sides factorize from the start; the others
  // make O(U) solves, which the cost model keeps on GMRES at large n (docs/performance.md).
  const bool blocks =
      r.method == TradeMethod::kWwz || r.method == TradeMethod::kLeontief ||
      ((r.method == TradeMethod::kBm || r.method == TradeMethod::kMy) && r.perspective != BmPerspective::kWorld) ||
      (r.method == TradeMethod::kLtdv && r.bilateral);
  const gvc::TradeContext ctx(m, r.perimeter, r.progress, blocks);
  TradeResults out;
  auto take = [&](const gvc::TradeResult& t) {
    out.tables.push_back(t.table);
    if (t.diagnostics.num_keys() == 0) return;
    if (out.diagnostics.num_keys() == 0) out.diagnostics = t.diagnostics;
    else out.diagnostics.append(t.diagnostics);
  };
  const bool sink = r.approach == BmApproach::kSink;
  switch (r.method) {
    case TradeMethod::kWwz: {
      const auto w = gvc::wwz_decomposition(ctx);
      take(w);
      take(gvc::wwz_to_kww(ctx, w));
      take(gvc::dvix_fsr(ctx));
      if (r.third_country) take(gvc::wwz_intrex_by_third(ctx));
      break;
    }
    case TradeMethod::kKww: take(gvc::kww_decomposition(ctx)); break;
    case TradeMethod::kBm:
      switch (r.perspective) {
        case BmPerspective::kWorld: take(gvc::bm_world(ctx, sink)); break;
        case BmPerspective::kExporter: take(sink ? gvc::bm_exporter_sink(ctx) : gvc::bm_exporter_source(ctx)); break;
        case BmPerspective::kBilateral: take(gvc::bm_bilateral(ctx)); break;
        case BmPerspective::kSector: take(gvc::bm_self(ctx, true)); break;
        case BmPerspective::kSectoralBilateral: take(gvc::bm_self(ctx, false)); break;
        case BmPerspective::kImporter: take(gvc::bm_imports(ctx)); break;
      }
      break;
    case TradeMethod::kMy: {
      const std::string name = std::string("my_") + enum_name(r.perspective);
      switch (r.perspective) {
        case BmPerspective::kExporter: take(gvc::miroudot_ye(gvc::bm_exporter_source(ctx), name)); break;
        case BmPerspective::kBilateral: take(gvc::miroudot_ye(gvc::bm_bilateral(ctx), name)); break;
        case BmPerspective::kSector: take(gvc::miroudot_ye(gvc::bm_self(ctx, true), name)); break;
        case BmPerspective::kSectoralBilateral: take(gvc::miroudot_ye(gvc::bm_self(ctx, false), name)); break;
        case BmPerspective::kWorld:
        case BmPerspective::kImporter: break;  // refused by the verb's check
      }
      break;
    }
    case TradeMethod::kBmt: {
      const auto t = gvc::bmt_tripartite(ctx);
      take(t);
      take(gvc::bmt_participation(ctx, t));
      break;
    }
    case TradeMethod::kVax:
      take(gvc::vax(ctx));
      take(gvc::value_added_absorption(ctx));
      break;
    case TradeMethod::kLtdv: {
      auto l = gvc::ltdv(ctx);
      take(l.by_exporter);
      out.tables.push_back(std::move(l.by_sector));
      if (r.bilateral) out.tables.push_back(gvc::ltdv_bilateral(ctx).table);
      break;
    }
    case TradeMethod::kLeontief: take(gvc::leontief_decomposition(ctx, r.post)); break;
    case TradeMethod::kGvc: {
      auto g = gvc::gvc_indicators(ctx);
      out.tables.push_back(std::move(g.by_sector));
      out.tables.push_back(std::move(g.by_absorber));
      break;
    }
    case TradeMethod::kTiva: {
      auto t = gvc::tiva_indicators(ctx);
      out.tables.push_back(std::move(t.by_unit));
      out.tables.push_back(std::move(t.by_sector));
      out.tables.push_back(std::move(t.bilateral));
      out.diagnostics = std::move(t.diagnostics);
      break;
    }
  }
  if (out.diagnostics.num_keys() > 0) out.tables.push_back(out.diagnostics);
  out.units = ctx.units.size();
  out.gross_exports = ctx.e_star.sum();
  return out;
}

}  // namespace irio
