// SPDX-License-Identifier: MIT
// OECD TiVA indicators (tiva.h, methods.md §3.6).
#include "irio/solver/gvc/tiva.h"

#include <algorithm>

#include "irio/solver/gvc/trade_tidy.h"
#include "irio/tables/error.h"

namespace irio::solver::gvc {

const Vector& TivaResult::operator[](const std::string& code) const {
  const auto it = std::find(indicators.begin(), indicators.end(), code);
  if (it == indicators.end()) throw InputError("no TiVA indicator '" + code + "'");
  return rows[static_cast<std::size_t>(it - indicators.begin())];
}

namespace {

/// diag(L_P): (I - A_P)^{-1} is block-diagonal by unit, so one local solve whose column c holds
/// the c-th unit vector of every unit at once gives every diagonal entry.
Vector local_inverse_diagonal(const TradeContext& ctx) {
  const auto& u = ctx.units;
  std::size_t width = 0;
  for (const auto& r : u.rows) width = std::max(width, r.size());
  Matrix B = Matrix::Zero(ctx.model.n(), static_cast<Index>(width));
  for (const auto& r : u.rows)
    for (std::size_t c = 0; c < r.size(); ++c) B(r[c], static_cast<Index>(c)) = 1.0;
  const Matrix X = ctx.model.local_solve(u.perimeter, std::move(B));
  Vector diag(ctx.model.n());
  for (const auto& r : u.rows)
    for (std::size_t c = 0; c < r.size(); ++c) diag(r[c]) = X(r[c], static_cast<Index>(c));
  return diag;
}

}  // namespace

TivaResult tiva_indicators(const TradeContext& ctx) {
  const auto& m = ctx.model;
  const auto& units = ctx.units;
  const Index n = m.n(), N = m.num_sectors(), U = units.size();
  const Vector& v = m.v();
  const Vector& e = ctx.e_star;
  const auto g = gvc_indicators(ctx);  // i2e = f e, e2r (FEXDVAP), ffddva, dfddva / dfdfva: S(U)
  const Vector Lp_diag = local_inverse_diagonal(ctx);
  const Matrix VBY = v.asDiagonal() * ctx.Xd;  // VA of row i absorbed by unit r (§3.1)

  TivaResult t;
  auto add = [&](const char* code, Vector x) {
    t.indicators.emplace_back(code);
    t.rows.push_back(std::move(x));
  };
  // Gross trade by exporting row (imports: by the product's row, summed into the importer below).
  add("EXGR", e);
  add("EXGR_FNL", ctx.y_fx);
  add("EXGR_INT", e - ctx.y_fx);
  // Domestic and foreign content of gross exports by exporting row (OECD 2019; d = l + (d - l)).
  const Vector direct = v.cwiseProduct(Lp_diag);
  add("EXGR_DVA", ctx.d.cwiseProduct(e));
  add("EXGR_DDC", direct.cwiseProduct(e));
  add("EXGR_IDC", (ctx.ell - direct).cwiseProduct(e));
  add("EXGR_RIM", (ctx.d - ctx.ell).cwiseProduct(e));
  add("EXGR_FVA", g.i2e);
  add("DEXFVAP", g.i2e);  // backward participation: the foreign content of own exports
  add("FEXDVAP", g.e2r);  // forward: own VA (by origin row) in other units' exports
  // Value added in final demand, by origin row.
  add("FFD_DVA", g.ffddva);
  add("DXD_DVA", own_unit(VBY, units));
  // VALU and PROD at the model's output x = L y (methods.md §1.3), as every other code here.
  add("VALU", v.cwiseProduct(ctx.x));
  add("PROD", ctx.x);

  // Imports of unit r of the products of sector k: rows of other units, column r.
  const Matrix Z_by_unit = intermediate_by_unit(m, units, ctx.x);
  Matrix IMGR = Matrix::Zero(U, N), IMGR_FNL = Matrix::Zero(U, N), DOM_FNL = Matrix::Zero(U, N),
         DOM_INT = Matrix::Zero(U, N);
  for (Index i = 0; i < n; ++i)
    for (Index r = 0; r < U; ++r) {
      if (r == units.unit(i)) {
        DOM_FNL(r, i % N) += ctx.Yu(i, r);
        DOM_INT(r, i % N) += Z_by_unit(i, r);
      } else {
        IMGR(r, i % N) += ctx.ESR(i, r);
        IMGR_FNL(r, i % N) += ctx.Yu(i, r);
      }
    }

  // by_sector: <unit>, sector, indicator. Row-based codes are summed over the unit's rows of the
  // sector (one row each at P = R); the unit-by-sector matrices enter as they are.
  const std::string unit_col = units.perimeter == Perimeter::kRegion ? "region" : "country";
  const auto& lab = m.labels();
  std::vector<std::string> codes = t.indicators;
  for (const char* c : {"IMGR", "IMGR_FNL", "IMGR_INT", "DOM_FNL", "DOM_INT", "BALGR", "DFD_FVA", "BALVAFD"})
    codes.emplace_back(c);
  std::vector<Matrix> by(codes.size(), Matrix::Zero(U, N));
  for (std::size_t k = 0; k < t.rows.size(); ++k)
    for (Index i = 0; i < n; ++i) by[k](units.unit(i), i % N) += t.rows[k](i);
  const auto at = [&](const std::string& code) -> Matrix& {
    return by[static_cast<std::size_t>(std::find(codes.begin(), codes.end(), code) - codes.begin())];
  };
  at("IMGR") = IMGR;
  at("IMGR_FNL") = IMGR_FNL;
  at("IMGR_INT") = IMGR - IMGR_FNL;
  at("DOM_FNL") = DOM_FNL;
  at("DOM_INT") = DOM_INT;
  at("BALGR") = at("EXGR") - IMGR;
  at("DFD_FVA") = g.dfdfva;  // foreign VA (origin sector k) in the unit's final demand
  at("BALVAFD") = at("FFD_DVA") - g.dfdfva;
  t.by_sector = tables::TidyTable("tiva_sectors", {unit_col, "sector", "indicator"});
  t.by_sector.set_levels(0, units.names);
  t.by_sector.set_levels(1, lab.sectors);
  t.by_sector.set_levels(2, codes);
  for (Index u = 0; u < U; ++u)
    for (Index k = 0; k < N; ++k)
      for (std::size_t c = 0; c < codes.size(); ++c)
        t.by_sector.add_row_codes(
            {static_cast<std::int32_t>(u), static_cast<std::int32_t>(k), static_cast<std::int32_t>(c)}, by[c](u, k));

  // by_unit: the sums, then the shares in percent (as TiVA publishes them).
  std::vector<std::string> unit_codes = codes;
  for (const char* c : {"EXGR_DVASH", "EXGR_FVASH", "VALU_FFD_DVA", "DEXFVAP_SH", "FEXDVAP_SH"})
    unit_codes.emplace_back(c);
  t.by_unit = tables::TidyTable("tiva", {unit_col, "indicator"});
  t.by_unit.set_levels(0, units.names);
  t.by_unit.set_levels(1, unit_codes);
  for (Index u = 0; u < U; ++u) {
    const auto sum = [&](const std::string& code) { return at(code).row(u).sum(); };
    std::vector<double> vals;
    for (const auto& c : codes) vals.push_back(sum(c));
    const double exgr = sum("EXGR");
    for (double x : {tables::ratio_or_nan(sum("EXGR_DVA"), exgr), tables::ratio_or_nan(sum("EXGR_FVA"), exgr),
                     tables::ratio_or_nan(sum("FFD_DVA"), sum("VALU")), tables::ratio_or_nan(sum("DEXFVAP"), exgr),
                     tables::ratio_or_nan(sum("FEXDVAP"), exgr)})
      vals.push_back(100.0 * x);  // NaN where the denominator is 0
    for (std::size_t c = 0; c < vals.size(); ++c)
      t.by_unit.add_row_codes({static_cast<std::int32_t>(u), static_cast<std::int32_t>(c)}, vals[c]);
  }

  // Bilateral: EXGR by partner; EXGR_BSCI(origin t, exporter u) = sum_{j in u} VL(j, t) e_j;
  // FD_VA(origin t, absorber r) = sum_{i in t} VBY(i, r).
  const Matrix exgr = sum_rows_by_unit(ctx.ESR, units);                                               // U x U
  const Matrix bsci = (ctx.VL.transpose() * e.asDiagonal() * place_by_unit(Vector::Ones(n), units));  // U x U
  const Matrix fdva = sum_rows_by_unit(VBY, units);                                                   // U x U
  t.bilateral = tables::TidyTable("tiva_bilateral", {"origin", "partner", "indicator"});
  t.bilateral.set_levels(0, units.names);
  t.bilateral.set_levels(1, units.names);
  t.bilateral.set_levels(2, {"EXGR", "EXGR_BSCI", "FD_VA"});
  for (Index a = 0; a < U; ++a)
    for (Index b = 0; b < U; ++b) {
      const std::int32_t ia = static_cast<std::int32_t>(a), ib = static_cast<std::int32_t>(b);
      if (a != b) t.bilateral.add_row_codes({ia, ib, 0}, exgr(a, b));
      t.bilateral.add_row_codes({ia, ib, 1}, bsci(a, b));
      t.bilateral.add_row_codes({ia, ib, 2}, fdva(a, b));
    }

  // Identities: content adds up to gross exports (v'L = 1'), the origins of each unit's exports
  // add up to them and the own origin is EXGR_DVA; VA goes to domestic or foreign final demand;
  // the origins of each final demand add up to it; world FFD_DVA = world DFD_FVA.
  Diagnostics d(n);
  Vector exgr_u(U), dva_u(U), fva_u(U), va_u(U), ffd_u(U), dxd_u(U), fd_u(U), fdfva_u(U);
  for (Index u = 0; u < U; ++u) {
    exgr_u(u) = at("EXGR").row(u).sum();
    dva_u(u) = at("EXGR_DVA").row(u).sum();
    fva_u(u) = at("EXGR_FVA").row(u).sum();
    va_u(u) = at("VALU").row(u).sum();
    ffd_u(u) = at("FFD_DVA").row(u).sum();
    dxd_u(u) = at("DXD_DVA").row(u).sum();
    fd_u(u) = ctx.Yu.col(u).sum();
    fdfva_u(u) = g.dfdfva.row(u).sum();
  }
  const std::string sc = detail::scope(ctx, "unit");
  d.check_vectors("TiVA: EXGR_DVA + EXGR_FVA = EXGR", sc, dva_u + fva_u, exgr_u);
  d.check_vectors("TiVA: sum over origins of EXGR_BSCI = EXGR", sc, bsci.colwise().sum().transpose(), exgr_u);
  d.check_vectors("TiVA: EXGR_BSCI of the own origin = EXGR_DVA", sc, bsci.diagonal(), dva_u);
  d.check_vectors("TiVA: FFD_DVA + DXD_DVA = VALU", sc, ffd_u + dxd_u, va_u);
  d.check_vectors("TiVA: sum over origins of FD_VA = final demand", sc, fdva.colwise().sum().transpose(), fd_u);
  d.check("TiVA: world FFD_DVA = world DFD_FVA", sc, ffd_u.sum() - fdfva_u.sum(),
          std::max(std::abs(ffd_u.sum()), std::abs(fdfva_u.sum())));
  t.diagnostics = d.table();
  return t;
}

}  // namespace irio::solver::gvc
