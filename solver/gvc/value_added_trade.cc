// SPDX-License-Identifier: MIT
// VBY / VAX (methods.md §3.1), KWW nine terms (§3.2) and LTdV (§3.5) from the shared TradeContext.
#include <cmath>

#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

TradeResult value_added_absorption(const TradeContext& ctx) {
  // §3.1: VBY = v^ L Y^d, column r = VA absorbed in final demand of unit r.
  TradeResult out;
  const Matrix VBY = ctx.model.v().asDiagonal() * ctx.Xd;
  out.measures = {"VBY"};
  out.cells = {VBY};
  const auto& lab = ctx.model.labels();
  out.table = tables::TidyTable("vby", {"region", "sector", "absorber"});
  out.table.set_levels(0, lab.regions);
  out.table.set_levels(1, lab.sectors);
  out.table.set_levels(2, ctx.units.names);
  const Index N = ctx.model.num_sectors();
  for (Index i = 0; i < VBY.rows(); ++i)
    for (Index r = 0; r < VBY.cols(); ++r)
      out.table.add_row_codes(
          {static_cast<std::int32_t>(i / N), static_cast<std::int32_t>(i % N), static_cast<std::int32_t>(r)},
          VBY(i, r));
  Diagnostics d(ctx.model.n());
  d.check_vectors("14: VBY 1 = va", scope(ctx, "region_sector"), VBY.rowwise().sum(),
                  ctx.model.v().cwiseProduct(ctx.x));
  d.check_vectors("14: 1'VBY = 1'Y^d", scope(ctx, "absorber"), VBY.colwise().sum().transpose(),
                  ctx.Yu.colwise().sum().transpose());
  out.diagnostics = d.table();
  return out;
}

TradeResult vax(const TradeContext& ctx) {
  const Index U = ctx.units.size();
  const Matrix VBY = ctx.model.v().asDiagonal() * ctx.Xd;
  Matrix V = sum_rows_by_unit(VBY, ctx.units);  // U x U: origin unit x absorbing unit
  const Vector own = V.diagonal();
  V.diagonal().setZero();
  const Vector vax_s = V.rowwise().sum();
  const Matrix gexp = sum_rows_by_unit(Matrix(ctx.e_star), ctx.units);
  Vector ratio_s(U);
  for (Index s = 0; s < U; ++s) ratio_s(s) = tables::ratio_or_nan(vax_s(s), gexp(s, 0));
  TradeResult out;
  out.measures = {"VAX", "GEXP", "VAX_ratio"};
  out.cells = {V, gexp, Matrix(ratio_s)};
  out.table = tables::TidyTable("vax", {"exporter", "importer", "indicator"});
  auto& t = out.table;
  t.set_levels(0, ctx.units.names);
  t.set_levels(1, ctx.units.names);
  t.level(1, "all");
  t.set_levels(2, out.measures);
  for (Index s = 0; s < U; ++s) {
    const std::string& sn = ctx.units.names[static_cast<std::size_t>(s)];
    for (Index r = 0; r < U; ++r)
      if (r != s) t.add_row({sn, ctx.units.names[static_cast<std::size_t>(r)], "VAX"}, V(s, r));
    t.add_row({sn, "all", "VAX"}, vax_s(s));
    t.add_row({sn, "all", "GEXP"}, gexp(s, 0));
    t.add_row({sn, "all", "VAX_ratio"}, ratio_s(s));
  }
  // §6.2 identity 15: GDP_s = VBY_ss + VAX_s; world VAX = world final demand - sum_s VBY_ss.
  Diagnostics d(ctx.model.n());
  const Matrix gdp = sum_rows_by_unit(Matrix(ctx.model.v().cwiseProduct(ctx.x)), ctx.units);
  d.check_vectors("15: GDP_s = VBY_ss + VAX_s", scope(ctx, "exporter"), gdp.col(0), own + vax_s);
  d.check("15: world VAX = world final demand - sum VBY_ss", scope(ctx, "world"),
          vax_s.sum() - (ctx.Yu.sum() - own.sum()), ctx.Yu.sum());
  out.diagnostics = d.table();
  return out;
}

TradeResult kww_decomposition(const TradeContext& ctx) {
  // §3.2, terms 1-9 with row vectors v^s'L^{s.} = VL(., s), L_R^{rr}Y^{rr} = q_dom and
  // L_R^{rr} e^{r*} = q_e; the A^{rs}(.)^s products come from split_by_column_unit.
  const Index n = ctx.model.n(), U = ctx.units.size();
  const SparseMatrix& A = ctx.model.A();
  const Matrix AQd = split_by_column_unit(A, ctx.q_dom, ctx.units);  // (j, s): A^{js} L_R^{ss} Y^{ss}
  const Matrix AQe = split_by_column_unit(A, ctx.q_e, ctx.units);    // (j, s): A^{js} L_R^{ss} e^{s*}
  const Vector Af_qd = ctx.A_across() * ctx.q_dom, Af_qe = ctx.A_across() * ctx.q_e;
  std::vector<Matrix> T(9, Matrix::Zero(U, 1));
  for (Index j = 0; j < n; ++j) {
    const Index sj = ctx.units.unit(j);
    T[0](sj, 0) += ctx.d(j) * ctx.y_fx(j);
    T[6](sj, 0) += ctx.f(j) * ctx.y_fx(j);
    T[7](sj, 0) += ctx.f(j) * Af_qd(j);
    T[8](sj, 0) += ctx.f(j) * Af_qe(j);
    for (Index s = 0; s < U; ++s) {
      if (s == sj) continue;
      const double w = ctx.VL(j, s);  // (v^s' L^{s r})_j, j in r != s
      T[1](s, 0) += w * ctx.y_dom(j);
      T[2](s, 0) += w * (ctx.y_fx(j) - ctx.Yu(j, s));
      T[3](s, 0) += w * ctx.Yu(j, s);
      T[4](s, 0) += w * AQd(j, s);
      T[5](s, 0) += w * AQe(j, s);
    }
  }
  TradeResult out;
  out.measures = {"DVA_FIN", "DVA_INT", "DVA_INTrex", "RDV_FIN", "RDV_INT", "DDC", "FVA_FIN", "FVA_INT", "FDC"};
  out.cells = T;
  out.table = detail::exporter_table(ctx, "kww", "term", out.measures, T);
  // §6.2 identity 16.
  Diagnostics d(n);
  auto sum = [&](int a, int b) {
    Vector s = Vector::Zero(U);
    for (int k = a; k <= b; ++k) s += T[static_cast<std::size_t>(k)].col(0);
    return s;
  };
  auto by_unit = [&](const Vector& w) { return Vector(sum_rows_by_unit(Matrix(w), ctx.units).col(0)); };
  d.check_vectors("16: KWW 1-9 = E_s", scope(ctx, "exporter"), sum(0, 8), by_unit(ctx.e_star));
  d.check_vectors("16: KWW 1-5 = v^s' L_R^{ss} e^{s*} (LTdV DVA)", scope(ctx, "exporter"), sum(0, 4),
                  by_unit(ctx.ell.cwiseProduct(ctx.e_star)));
  d.check_vectors("16: KWW 1-6 = d_s' e^{s*}", scope(ctx, "exporter"), sum(0, 5),
                  by_unit(ctx.d.cwiseProduct(ctx.e_star)));
  d.check_vectors("16: KWW 7-9 = f_s' e^{s*}", scope(ctx, "exporter"), sum(6, 8),
                  by_unit(ctx.f.cwiseProduct(ctx.e_star)));
  const Matrix VBY = ctx.model.v().asDiagonal() * ctx.Xd;
  Matrix Vu = sum_rows_by_unit(VBY, ctx.units);
  Vector own_vx(U);
  for (Index s = 0; s < U; ++s) own_vx(s) = Vu(s, s);
  Vu.diagonal().setZero();
  d.check_vectors("16: KWW 1-3 = VAX_s", scope(ctx, "exporter"), sum(0, 2), Vu.rowwise().sum());
  d.check_vectors("16: KWW 4+5 = v^s' sum_t L^{st} Y^{ts} - v^s' L_R^{ss} Y^{ss}", scope(ctx, "exporter"), sum(3, 4),
                  own_vx - by_unit(ctx.model.v().cwiseProduct(ctx.q_dom)));
  out.diagnostics = d.table();
  return out;
}

LtdvResult ltdv(const TradeContext& ctx) {
  // §3.5 (2016): DVA_s = GDP_s - v^s' xbar^s with xbar^s = L_R^{ss} Y^{ss} in the world
  // without s's exports; closed form v^s' L_R^{ss} e^{s*}.
  const Vector& v = ctx.model.v();
  auto by_unit = [&](const Vector& w) { return Matrix(sum_rows_by_unit(Matrix(w), ctx.units)); };
  const Matrix gdp = by_unit(v.cwiseProduct(ctx.x));  // GDP = v o L y (va when rows balance)
  const Matrix hem = gdp - by_unit(v.cwiseProduct(ctx.q_dom));
  const Matrix dva = by_unit(ctx.ell.cwiseProduct(ctx.e_star));
  LtdvResult out;
  out.by_exporter.measures = {"GDP", "DVA_hem", "DVA"};
  out.by_exporter.cells = {gdp, hem, dva};
  out.by_exporter.table =
      detail::exporter_table(ctx, "ltdv", "indicator", out.by_exporter.measures, out.by_exporter.cells);
  Diagnostics d(ctx.model.n());
  d.check_vectors("16: LTdV HEM DVA = v^s' L_R^{ss} e^{s*}", scope(ctx, "exporter"), hem.col(0), dva.col(0));
  out.by_exporter.diagnostics = d.table();
  // §3.5 (2015): FVAiO_j = 1 - sum_{i in unit(j)} v_i L_ij = 1 - d_j (NaN at zero output).
  const auto& lab = ctx.model.labels();
  out.by_sector = tables::TidyTable("ltdv_fvaio", {"region", "sector", "indicator"});
  out.by_sector.set_levels(0, lab.regions);
  out.by_sector.set_levels(1, lab.sectors);
  Vector fvaio = Vector::Ones(ctx.model.n()) - ctx.d;
  ctx.model.mask_inactive(fvaio);
  for (Index j = 0; j < ctx.model.n(); ++j)
    out.by_sector.add_row(
        {lab.region_of(static_cast<std::size_t>(j)), lab.sector_of(static_cast<std::size_t>(j)), "FVAiO"}, fvaio(j));
  return out;
}

TradeResult ltdv_bilateral(const TradeContext& ctx) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const SparseMatrix& A = ctx.model.A();
  Matrix D = Matrix::Zero(U, U);
  std::vector<Index> pos(static_cast<std::size_t>(n));  // position of a row inside its unit
  for (Index u = 0; u < U; ++u) {
    const auto& rows = ctx.units.rows[static_cast<std::size_t>(u)];
    for (std::size_t a = 0; a < rows.size(); ++a) pos[static_cast<std::size_t>(rows[a])] = static_cast<Index>(a);
  }
  for (Index r = 0; r < U; ++r) {
    const auto& rr = ctx.units.rows[static_cast<std::size_t>(r)];
    const Index mr = static_cast<Index>(rr.size());
    if (mr == 0) continue;
    Matrix E = Matrix::Zero(n, mr);
    for (Index a = 0; a < mr; ++a) E(rr[static_cast<std::size_t>(a)], a) = 1.0;
    const Matrix R = ctx.solve_transposed(std::move(E));  // R(j, a) = L(rr[a], j)
    // A^{sr} for every exporter s at once: the columns of r, rows sorted by their unit.
    std::vector<Matrix> Asr(static_cast<std::size_t>(U));
    for (Index s = 0; s < U; ++s)
      Asr[static_cast<std::size_t>(s)] =
          Matrix::Zero(static_cast<Index>(ctx.units.rows[static_cast<std::size_t>(s)].size()), mr);
    for (Index a = 0; a < mr; ++a)
      for (SparseMatrix::InnerIterator it(A, rr[static_cast<std::size_t>(a)]); it; ++it) {
        const Index s = ctx.units.unit(it.row());
        if (s != r) Asr[static_cast<std::size_t>(s)](pos[static_cast<std::size_t>(it.row())], a) = it.value();
      }
    Vector xr(mr);
    for (Index a = 0; a < mr; ++a) xr(a) = ctx.x(rr[static_cast<std::size_t>(a)]);
    for (Index s = 0; s < U; ++s) {
      if (s == r) continue;
      const auto& ss = ctx.units.rows[static_cast<std::size_t>(s)];
      const Index ms = static_cast<Index>(ss.size());
      Matrix Lrs(mr, ms);
      Vector ysr(ms), vl(ms);
      for (Index b = 0; b < ms; ++b) {
        const Index i = ss[static_cast<std::size_t>(b)];
        Lrs.col(b) = R.row(i).transpose();
        ysr(b) = ctx.Yu(i, r);
        vl(b) = ctx.VL(i, s);
      }
      const Matrix& As = Asr[static_cast<std::size_t>(s)];
      const Matrix K = Matrix::Identity(mr, mr) + Lrs * As;
      const Vector rhs = xr - Lrs * ysr;
      D(s, r) = vl.dot(ysr) + (vl.transpose() * As).dot(K.partialPivLu().solve(rhs));
    }
    report_progress(ctx.progress, static_cast<double>(r + 1) / static_cast<double>(U), "ltdv: bilateral extractions");
  }
  TradeResult out;
  out.measures = {"DVA_bilateral"};
  out.cells = {D};
  out.table = tables::TidyTable("ltdv_bilateral", {"exporter", "importer", "indicator"});
  out.table.set_levels(0, ctx.units.names);
  out.table.set_levels(1, ctx.units.names);
  out.table.set_levels(2, out.measures);
  for (Index s = 0; s < U; ++s)
    for (Index r = 0; r < U; ++r)
      if (r != s) out.table.add_row_codes({static_cast<std::int32_t>(s), static_cast<std::int32_t>(r), 0}, D(s, r));
  return out;
}

}  // namespace irio::solver::gvc
