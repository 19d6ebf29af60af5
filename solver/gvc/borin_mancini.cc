// SPDX-License-Identifier: MIT
// Borin-Mancini (2019, 2023) value added in trade (methods.md §3.4): exporter perspective with the
// source and sink approaches (the sink with VAXIM), and the world perspective. The sector and
// sectoral-bilateral perspectives and the imports are in borin_mancini_self.cc.
#include <Eigen/LU>

#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

namespace {

/// Rows of unit s of w, as a dense vector.
Vector gather(const Vector& w, const std::vector<Index>& idx) {
  Vector g(static_cast<Index>(idx.size()));
  for (std::size_t a = 0; a < idx.size(); ++a) g(static_cast<Index>(a)) = w(idx[a]);
  return g;
}

/// Z(., s) = (L^{ss})^{-1} w^s on the rows of s (0 elsewhere), for every unit s: n x U.
/// With w = L_P e this is F_s^{-1} e^{s*}, F_s = (I - A^{ss}) L^{ss} (§3.4 sink step 2).
Matrix inverse_diag_apply(const TradeContext& ctx, const std::vector<Eigen::PartialPivLU<Matrix>>& lu,
                          const Matrix& W) {
  Matrix Z = Matrix::Zero(ctx.model.n(), ctx.units.size());
  for (Index s = 0; s < ctx.units.size(); ++s) {
    const auto& idx = ctx.units.rows[static_cast<std::size_t>(s)];
    const Vector z = lu[static_cast<std::size_t>(s)].solve(gather(W.col(s), idx));
    for (std::size_t a = 0; a < idx.size(); ++a) Z(idx[a], s) = z(static_cast<Index>(a));
  }
  return Z;
}

std::vector<Eigen::PartialPivLU<Matrix>> factor_diag(const TradeContext& ctx) {
  std::vector<Eigen::PartialPivLU<Matrix>> lu;
  for (const Matrix& D : ctx.diagonal_blocks()) lu.emplace_back(D);
  return lu;
}

void check_bm(Diagnostics& d, const TradeContext& ctx, const TradeResult& r, bool source) {
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  const std::string sc = scope(ctx, source ? "exporter_sector_importer, source" : "exporter_sector_importer, sink");
  d.check_vectors("18: GEXP = DC + FC", sc, flat(r["GEXP"]), flat(Matrix(r["DC"] + r["FC"])));
  d.check_vectors("18: DC = DVA + DDC", sc, flat(r["DC"]), flat(Matrix(r["DVA"] + r["DDC"])));
  d.check_vectors("18: FC = FVA + FDC", sc, flat(r["FC"]), flat(Matrix(r["FVA"] + r["FDC"])));
  d.check_vectors("18: DVA = VAX + REF", sc, flat(r["DVA"]), flat(Matrix(r["VAX"] + r["REF"])));
  if (source) {
    d.check_vectors("18: GVC = GEXP - DAVAX", sc, flat(r["GVC"]), flat(Matrix(r["GEXP"] - r["DAVAX"])));
    d.check_vectors("18: GVCB = FC + DDC", sc, flat(r["GVCB"]), flat(Matrix(r["FC"] + r["DDC"])));
  }
}

}  // namespace

TradeResult bm_exporter_source(const TradeContext& ctx) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const SparseMatrix& A = ctx.model.A();
  const Units& u = ctx.units;
  // FVA coefficient phi_s' = f_s' (L^{ss})^{-1} L_P^{ss} (§3.4): transposed solves with the
  // diagonal blocks, then one local transposed solve.
  const auto lu = factor_diag(ctx);
  Vector z = Vector::Zero(n);
  for (Index s = 0; s < U; ++s) {
    const auto& idx = u.rows[static_cast<std::size_t>(s)];
    const Vector zs = lu[static_cast<std::size_t>(s)].transpose().solve(gather(ctx.f, idx));
    for (std::size_t a = 0; a < idx.size(); ++a) z(idx[a]) = zs(static_cast<Index>(a));
  }
  const Vector phi = ctx.model.local_solve_transposed(u.perimeter, Matrix(z)).col(0);
  const Matrix& E = ctx.ESR;
  const Matrix Aqd = split_by_column_unit(A, ctx.q_dom, u);
  const Matrix Ax = split_by_column_unit(A, ctx.x, u);
  const Matrix AXd = split_by_column_unit_exporter(A, ctx.Xd, u);  // A^{sr} (X^d_{.s})^r
  TradeResult out;
  out.measures = {"GEXP", "DC", "DVA", "VAX", "DAVAX", "REF", "DDC", "FC", "FVA", "FDC", "GVC", "GVCB", "GVCF"};
  const Matrix DC = ctx.d.asDiagonal() * E, FC = ctx.f.asDiagonal() * E, DVA = ctx.ell.asDiagonal() * E;
  const Matrix FVA = phi.asDiagonal() * E;
  const Matrix DAVAX = detail::off_own(ctx, ctx.ell.asDiagonal() * (ctx.Yu + Aqd));
  const Matrix VAX = detail::off_own(ctx, ctx.ell.asDiagonal() * (ctx.Yu + Ax - AXd));
  const Matrix GVC = E - DAVAX, GVCB = FC + DC - DVA;
  out.cells = {E, DC, DVA, VAX, DAVAX, DVA - VAX, DC - DVA, FC, FVA, FC - FVA, GVC, GVCB, GVC - GVCB};
  out.table = detail::bilateral_table(ctx, "bm_exporter_source", "measure", out.measures, out.cells);
  Diagnostics d(n);
  check_bm(d, ctx, out, true);
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  // Nonnegativity oracles only for nonnegative data (§6.2: skip with negative Y, va or Z).
  const bool nonneg = ctx.Yu.minCoeff() >= 0 && ctx.model.va().minCoeff() >= 0;
  if (nonneg) d.check_at_least("18: DAVAX >= 0", scope(ctx, "exporter_sector_importer"), flat(DAVAX), 0.0);
  if (nonneg)
    d.check_at_least("18: VAX - DAVAX >= 0", scope(ctx, "exporter_sector_importer"), flat(Matrix(VAX - DAVAX)), 0.0);
  out.diagnostics = d.table();
  return out;
}

TradeResult bm_exporter_sink(const TradeContext& ctx) {
  const Index n = ctx.model.n();
  const SparseMatrix& A = ctx.model.A();
  const Units& u = ctx.units;
  const Perimeter p = u.perimeter;
  const auto lu = factor_diag(ctx);
  report_progress(ctx.progress, 0.5, "bm sink: modified outputs");
  // Step 2: x~(s) = x - L_{.s} F_s^{-1} e^{s*}, F_s^{-1} = (L^{ss})^{-1} L_P^{ss}; S(U).
  const Matrix Zs = inverse_diag_apply(ctx, lu, Matrix(ctx.q_e.replicate(1, u.size())));
  const Matrix Xt = (-ctx.solve(Zs)).colwise() + ctx.x;
  // Step 3: psi(s) = y + A_F x~(s) (rows of every r), Phi_sr = Y^{sr} + A^{sr} L_P^{rr} psi_r.
  const Vector y = ctx.Yu.rowwise().sum();
  Matrix Psi = (ctx.A_across() * Xt).colwise() + y;
  Psi = ctx.model.local_solve(p, std::move(Psi));
  const Matrix Phi = detail::off_own(ctx, ctx.Yu + split_by_column_unit_exporter(A, Psi, u));
  // Step 5: REF. x~ref(s) = X^d_{.s} - L_{.s} F_s^{-1} (A_F X^d_{.s})^s.
  const Matrix AfXd = ctx.A_across() * ctx.Xd;
  const Matrix Zr = inverse_diag_apply(ctx, lu, ctx.model.local_solve(p, AfXd));
  const Matrix Xr = ctx.Xd - ctx.solve(Zr);
  Matrix PsiR = ctx.Yu + ctx.A_across() * Xr;
  PsiR = ctx.model.local_solve(p, std::move(PsiR));
  const Matrix PhiR = detail::off_own(ctx, split_by_column_unit_exporter(A, PsiR, u));
  // Step 7: VAXIM, the part of VAX absorbed by the importer r: step 5 with r's final demand in
  // place of s's, for every pair. x~(s, r) = X^d_{.r} - L_{.s} F_s^{-1} (Y^{sr} + A_F X^d_{.r})^s,
  // psi_r = Y^{rr} + sum_{j != r} A^{rj} x~(s, r)^j, VAXIM = d_s o (Y^{sr} + A^{sr} L_P^{rr} psi_r).
  report_progress(ctx.progress, 0.75, "bm sink: VAXIM");
  const Index U = u.size();
  const Matrix Wim = ctx.model.local_solve(p, Matrix(AfXd + detail::off_own(ctx, ctx.Yu)));
  Matrix VAXIM = Matrix::Zero(n, U);
  for (Index r = 0; r < U; ++r) {
    Matrix Zim = inverse_diag_apply(ctx, lu, Matrix(Wim.col(r).replicate(1, U)));
    Zim.col(r).setZero();
    const Matrix Xi = (-ctx.solve(std::move(Zim))).colwise() + ctx.Xd.col(r);
    Matrix Pi = (ctx.A_across() * Xi).colwise() + ctx.Yu.col(r);
    Pi = ctx.model.local_solve(p, std::move(Pi));
    Vector phi = ctx.Yu.col(r);
    for (Index k : u.rows[static_cast<std::size_t>(r)])
      for (SparseMatrix::InnerIterator it(A, k); it; ++it)
        if (u.unit(it.row()) != r) phi(it.row()) += it.value() * Pi(k, u.unit(it.row()));
    for (Index i = 0; i < n; ++i)
      if (u.unit(i) != r) VAXIM(i, r) = ctx.d(i) * phi(i);
  }
  const Matrix& E = ctx.ESR;
  const Matrix DC = ctx.d.asDiagonal() * E, FC = ctx.f.asDiagonal() * E;
  const Matrix DVA = ctx.d.asDiagonal() * Phi, FVA = ctx.f.asDiagonal() * Phi;
  const Matrix REF = ctx.d.asDiagonal() * PhiR;
  TradeResult out;
  out.measures = {"GEXP", "DC", "DVA", "VAX", "VAXIM", "REF", "DDC", "FC", "FVA", "FDC"};
  out.cells = {E, DC, DVA, DVA - REF, VAXIM, REF, DC - DVA, FC, FVA, FC - FVA};
  out.table = detail::bilateral_table(ctx, "bm_exporter_sink", "measure", out.measures, out.cells);
  Diagnostics d(n);
  check_bm(d, ctx, out, false);
  if (ctx.Yu.minCoeff() >= 0 && ctx.model.va().minCoeff() >= 0) {
    const Matrix gap = DVA - REF - VAXIM;
    d.check_at_least("18: VAX - VAXIM >= 0", scope(ctx, "exporter_sector_importer, sink"),
                     Eigen::Map<const Vector>(gap.data(), gap.size()), 0.0);
  }
  report_progress(ctx.progress, 1.0, "bm sink: done");
  out.diagnostics = d.table();
  return out;
}

TradeResult bm_world(const TradeContext& ctx, bool sink) {
  const Index U = ctx.units.size();
  const SparseMatrix& A = ctx.model.A();
  const Units& u = ctx.units;
  auto by_unit = [&](const Vector& w) { return Matrix(sum_rows_by_unit(Matrix(w), u)); };
  Matrix fva = Matrix::Zero(U, 1);
  if (!sink) {
    // FVA^{w,src}_s = sum_{t != s} l_t' A^{ts} L_P^{ss} e^{s*}.
    const Matrix Aqe = split_by_column_unit(A, ctx.q_e, u);
    for (Index j = 0; j < ctx.model.n(); ++j)
      for (Index s = 0; s < U; ++s)
        if (s != u.unit(j)) fva(s, 0) += ctx.ell(j) * Aqe(j, s);
  } else {
    // FVA^{w,snk}_s = sum_{r != s} [f_s'(Y^{sr} + A^{sr} W^r) + m_rs' A^{sr} rex^r],
    // W = L_P^{jj} Y^{jj}, rex^r = L_P^{rr} sum_{j != r} (Y^{rj} + A^{rj} W^j).
    const Vector rex = ctx.model.local_solve(u.perimeter, Matrix(ctx.y_fx + ctx.A_across() * ctx.q_dom)).col(0);
    const Matrix Aw = detail::off_own(ctx, ctx.Yu + split_by_column_unit(A, ctx.q_dom, u));
    const Matrix Ar = detail::off_own(ctx, split_by_column_unit(A, rex, u));
    const Vector per_row = ctx.f.cwiseProduct(Aw.rowwise().sum()) + ctx.VL.cwiseProduct(Ar).rowwise().sum();
    fva = by_unit(per_row);
  }
  const Matrix gexp = by_unit(ctx.e_star), dc = by_unit(ctx.d.cwiseProduct(ctx.e_star));
  const Matrix fc = by_unit(ctx.f.cwiseProduct(ctx.e_star)), dva = by_unit(ctx.ell.cwiseProduct(ctx.e_star));
  // VAX_s = sum_r l (Y^{sr} + A^{sr}(x^r - X^d_{rs})) (exporter source, summed over r).
  const Matrix vx = detail::off_own(ctx, ctx.ell.asDiagonal() * (ctx.Yu + split_by_column_unit(A, ctx.x, u) -
                                                                 split_by_column_unit_exporter(A, ctx.Xd, u)));
  const Matrix vax_s = detail::by_exporter(ctx, vx);
  TradeResult out;
  out.measures = {"GEXP", "DC", "DVA", "VAX", "REF", "DDC", "FC", "FVA", "FDC"};
  out.cells = {gexp, dc, dva, vax_s, dva - vax_s, dc - dva, fc, fva, fc - fva};
  out.table =
      detail::exporter_table(ctx, sink ? "bm_world_sink" : "bm_world_source", "measure", out.measures, out.cells);
  Diagnostics d(ctx.model.n());
  d.check_vectors("18: GEXP = DC + FC", scope(ctx, "exporter"), gexp.col(0), Vector(dc.col(0) + fc.col(0)));
  out.diagnostics = d.table();
  return out;
}

}  // namespace irio::solver::gvc
