// SPDX-License-Identifier: MIT
// Upstreamness, downstreamness, production and GVC lengths, KPWW (methods.md §4.2-§4.4).
#include "irio/solver/gvc/position.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "irio/solver/gvc/diagnostics.h"
#include "irio/solver/gvc/trade.h"

namespace irio::solver::gvc {

bool perimeter_is_national(const LeontiefModel& m, Perimeter p) {
  return p == Perimeter::kCountry || m.labels().num_countries() == m.labels().num_regions();
}

PositionResult position_and_length(const LeontiefModel& m, const PositionOptions& opt) {
  const Index n = m.n();
  const Perimeter p = opt.perimeter;
  const Vector& v = m.v();
  PositionResult out;
  report_progress(opt.progress, 0.0, "position: x = L y");
  const bool closed = m.table().exports.cols() == 0 && m.table().imports.rows() == 0;
  Vector y = m.table().final_demand_total();
  for (Index j = 0; j < n; ++j)
    if (!m.is_active(j)) y(j) = 0.0;   // zero-output sectors are compressed out (§1.3)
  const Vector& x = m.model_output();  // x = L y, the one output vector of the model (§1.3)
  const SparseMatrix A_F = m.A_across(p);

  // §4.3: U = x^-1 L x (S(1)); D = L'1 (S'(1)).
  report_progress(opt.progress, 0.3, "position: upstreamness and lengths");
  const Vector Lx = m.solve(Matrix(x)).col(0);
  const Vector xinv = tables::safe_reciprocal(x);
  out.upstreamness = Lx.cwiseProduct(xinv);
  m.mask_inactive(out.upstreamness);

  // §4.4 forward: V_GVC 1 = v o L_P A_F x; X^v_GVC 1 = v o (L_P L_P A_F x + L_P A_F L x).
  Matrix C1(n, 3);
  C1.col(0) = A_F * x;
  C1.col(1) = A_F * Lx;
  C1.col(2) = y;
  C1 = m.local_solve(p, std::move(C1));
  Matrix C2(n, 2);
  C2.col(0) = C1.col(0);
  C2.col(1) = C1.col(2);
  C2 = m.local_solve(p, std::move(C2));  // L_P L_P A_F x, L_P L_P y
  const Vector Vrow = v.cwiseProduct(C1.col(0));
  const Vector Xrow = v.cwiseProduct(C2.col(0) + C1.col(1));

  // §4.4 backward: 1'V_GVC = (v'L_P A_F L) o y'; 1'X^v_GVC = (v'L_P L_P A_F L + v'L_P A_F L L) o y'.
  const Vector b = m.local_solve_transposed(p, Matrix(v)).col(0);
  const Vector b2 = m.local_solve_transposed(p, Matrix(b)).col(0);
  Matrix H(n, 3);
  H.col(0) = A_F.transpose() * b2;
  H.col(1) = A_F.transpose() * b;
  H.col(2) = Vector::Ones(n);
  H = m.solve_transposed(std::move(H));
  out.downstreamness = H.col(2);
  m.mask_inactive(out.downstreamness);
  const Vector HLL = m.solve_transposed(Matrix(H.col(1))).col(0);
  const Vector Vcol = H.col(1).cwiseProduct(y);
  const Vector Xcol = (H.col(0) + HLL).cwiseProduct(y);
  out.plv_gvc = tables::ratio_or_nan(Xrow, Vrow);
  out.ply_gvc = tables::ratio_or_nan(Xcol, Vcol);
  out.gvc_position = tables::ratio_or_nan(out.plv_gvc, out.ply_gvc);

  // §4.4 simple GVC (y_P: final demand absorbed in the producer's own unit). Counting stages
  // path by path, L_P A_F L_P has length-weighted sum L_P L_P A_F L_P + L_P A_F L_P L_P, so
  //   X^v_GVC_S = v^ (L_P L_P A_F L_P + L_P A_F L_P L_P) y^_P,  V_GVC_S = v^ L_P A_F L_P y^_P,
  // and the complex parts are the totals minus these.
  report_progress(opt.progress, 0.5, "position: simple and complex GVC lengths");
  const Units units = make_units(m, p);
  const Vector yP = own_unit(final_demand_by_unit(m, units), units);
  const Vector LPyP = m.local_solve(p, Matrix(yP)).col(0);    // L_P y_P
  const Vector LLyP = m.local_solve(p, Matrix(LPyP)).col(0);  // L_P L_P y_P
  Matrix S2(n, 2);
  S2.col(0) = A_F * LPyP;
  S2.col(1) = A_F * LLyP;
  S2 = m.local_solve(p, std::move(S2));                              // L_P A_F L_P y_P, L_P A_F L_P L_P y_P
  const Vector LLAFLy = m.local_solve(p, Matrix(S2.col(0))).col(0);  // L_P L_P A_F L_P y_P
  const Vector Vrow_s = v.cwiseProduct(S2.col(0));
  const Vector Xrow_s = v.cwiseProduct(LLAFLy + S2.col(1));
  Matrix T(n, 2);  // backward: v'L_P A_F L_P (h1), v'L_P L_P A_F L_P (h3)
  T.col(0) = A_F.transpose() * b;
  T.col(1) = A_F.transpose() * b2;
  T = m.local_solve_transposed(p, std::move(T));
  const Vector h2 = m.local_solve_transposed(p, Matrix(T.col(0))).col(0);  // v'L_P A_F L_P L_P
  const Vector Vcol_s = T.col(0).cwiseProduct(yP);
  const Vector Xcol_s = (T.col(1) + h2).cwiseProduct(yP);
  out.plv_gvc_s = tables::ratio_or_nan(Xrow_s, Vrow_s);
  out.ply_gvc_s = tables::ratio_or_nan(Xcol_s, Vcol_s);
  out.plv_gvc_c = tables::ratio_or_nan(Vector(Xrow - Xrow_s), Vector(Vrow - Vrow_s));
  out.ply_gvc_c = tables::ratio_or_nan(Vector(Xcol - Xcol_s), Vector(Vcol - Vcol_s));

  const auto& lab = m.labels();
  // Name what is measured: lengths of chains that cross the perimeter's border, a national border
  // ("GVC") or, at perimeter region on a table of provinces, a region border ("interregional").
  out.crossing = perimeter_is_national(m, p) ? "GVC" : "interregional";
  const std::string X = out.crossing;
  const std::string per = to_string(p);
  out.by_sector = tables::TidyTable("position", {"region", "sector", "indicator", "perimeter"});
  out.by_sector.set_levels(0, lab.regions);
  out.by_sector.set_levels(1, lab.sectors);
  const std::vector<std::pair<std::string, const Vector*>> rows{
      {"upstreamness", &out.upstreamness},  {"downstreamness", &out.downstreamness},
      {"PLv", &out.upstreamness},           {"PLy", &out.downstreamness},
      {"PLv_" + X, &out.plv_gvc},           {"PLy_" + X, &out.ply_gvc},
      {X + "_position", &out.gvc_position}, {"PLv_" + X + "_S", &out.plv_gvc_s},
      {"PLy_" + X + "_S", &out.ply_gvc_s},  {"PLv_" + X + "_C", &out.plv_gvc_c},
      {"PLy_" + X + "_C", &out.ply_gvc_c}};
  out.by_sector.reserve(static_cast<std::size_t>(n) * rows.size());
  for (Index j = 0; j < n; ++j)
    for (const auto& [name, vec] : rows)
      out.by_sector.add_row(
          {lab.region_of(static_cast<std::size_t>(j)), lab.sector_of(static_cast<std::size_t>(j)), name, per},
          (*vec)(j));

  // §4.2 KPWW from the KWW terms: IV = KWW 3, FV = KWW 7-9 (or 7+8).
  report_progress(opt.progress, 0.7, "position: KPWW");
  out.by_unit = tables::TidyTable("kpww", {"unit", "indicator", "perimeter"});
  Diagnostics d(n);
  if (!closed)
    out.kpww_note =
        "no KPWW rows: KPWW needs the KWW terms of gross exports, which a table with an exogenous "
        "rest of the world (export columns / import rows) does not identify (methods.md §3.2, §5.5)";
  if (closed) {                               // KPWW needs the KWW terms of a closed world table (§3.2)
    const TradeContext ctx(m, p, {}, false);  // O(U) solves: the cost model decides
    const TradeResult kww = kww_decomposition(ctx);
    out.diagnostics = kww.diagnostics;
    out.by_unit.set_levels(0, ctx.units.names);
    for (Index s = 0; s < ctx.units.size(); ++s) {
      const double E = kww.cells[0](s, 0) + kww.cells[1](s, 0) + kww.cells[2](s, 0) + kww.cells[3](s, 0) +
                       kww.cells[4](s, 0) + kww.cells[5](s, 0) + kww.cells[6](s, 0) + kww.cells[7](s, 0) +
                       kww.cells[8](s, 0);
      const double IV = kww["DVA_INTrex"](s, 0);
      const double FV = kww["FVA_FIN"](s, 0) + kww["FVA_INT"](s, 0) +
                        (opt.kpww_fv_excludes_fdc ? 0.0 : kww["FDC"](s, 0));
      const std::string& un = ctx.units.names[static_cast<std::size_t>(s)];
      const double iv = tables::ratio_or_nan(IV, E), fv = tables::ratio_or_nan(FV, E);
      out.by_unit.add_row({un, "IV", per}, IV);
      out.by_unit.add_row({un, "FV", per}, FV);
      out.by_unit.add_row({un, "E", per}, E);
      out.by_unit.add_row({un, "kpww_participation", per}, iv + fv);
      out.by_unit.add_row({un, "kpww_position", per}, std::log1p(iv) - std::log1p(fv));
    }
  }

  // §6.2 identity 22.
  const std::string sc = std::string("region_sector, perimeter=") + to_string(p);
  // Nonnegativity-type oracles only for nonnegative data (§6.2).
  const bool nonneg = y.minCoeff() >= 0 && m.va().minCoeff() >= 0 && m.A().coeffs().minCoeff() >= 0;
  if (nonneg) {
    d.check_at_least("22: U >= 1", sc, out.upstreamness, 1.0);
    d.check_at_least("22: D >= 1", sc, out.downstreamness, 1.0);
  }
  Vector U0 = out.upstreamness, D0 = out.downstreamness;
  for (Index j = 0; j < n; ++j) {
    if (!std::isfinite(U0(j))) U0(j) = 0.0;
    if (!std::isfinite(D0(j))) D0(j) = 0.0;
  }
  const double sx = x.sum();
  // (v + a_M)' L = 1' (identity 3): with exogenous import rows the primary inputs are value added
  // plus imports, so the identity reads (va + m)'U = 1'x (m = import coefficients times x).
  const bool imports = m.table().imports.rows() > 0;
  d.check(imports ? "22: (va + imports)'U = 1'x" : "22: va'U = 1'x", "world",
          (v + m.a_M()).cwiseProduct(x).dot(U0) - sx, sx);
  d.check("22: y'D = 1'x", "world", y.dot(D0) - sx, sx);
  d.check_vectors("22: v^ L L y^ 1 = v^ L_P L_P y^ 1 + X^v_" + X + " 1", sc, v.cwiseProduct(Lx),
                  v.cwiseProduct(C2.col(1)) + Xrow);
  if (nonneg) {
    d.check_at_least("22: PLv_" + X + " >= 2", sc, out.plv_gvc, 2.0);
    d.check_at_least("22: PLy_" + X + " >= 2", sc, out.ply_gvc, 2.0);
    d.check_at_least("22: PLv_" + X + "_S >= 2", sc, out.plv_gvc_s, 2.0);
    d.check_at_least("22: PLy_" + X + "_S >= 2", sc, out.ply_gvc_s, 2.0);
  }
  tables::TidyTable kww_diag = out.diagnostics;
  out.diagnostics = d.table();
  if (kww_diag.num_keys() > 0) out.diagnostics.append(kww_diag);
  report_progress(opt.progress, 1.0, "position: done");
  return out;
}

}  // namespace irio::solver::gvc
