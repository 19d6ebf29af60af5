// SPDX-License-Identifier: MIT
// Borin-Mancini (2023) value added in exports at the sector and sectoral-bilateral ("self")
// perspectives, and the decomposition of imports at the importer's border (methods.md §3.4).
// Each perimeter extracts a few coefficients from A; the extracted inverse enters only through a
// rank-1 (self) or rank-n_r (imports) update of L, so no inverse is formed.
#include <Eigen/LU>

#include "irio/solver/gvc/trade_tidy.h"

namespace irio::solver::gvc {

using detail::scope;

namespace {

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor, std::ptrdiff_t>;

/// c(k, r) = sum_{j in unit r} A_kj L_jk for r != unit(k): the diagonal of A^{sr} L^{rs}, i.e.
/// how much of row k's own output returns to it through r. n x U, one column block of L per unit.
Matrix return_loops(const TradeContext& ctx) {
  const Units& u = ctx.units;
  const RowSparse Af(ctx.A_across());
  Matrix c = Matrix::Zero(ctx.model.n(), u.size());
  ctx.for_each_column_block([&](Index s, const Matrix& C) {
    const auto& idx = u.rows[static_cast<std::size_t>(s)];
    for (std::size_t a = 0; a < idx.size(); ++a) {
      const Index k = idx[a];
      for (RowSparse::InnerIterator it(Af, k); it; ++it)
        c(k, u.unit(it.col())) += it.value() * C(it.col(), static_cast<Index>(a));
    }
  });
  return c;
}

void check_self(Diagnostics& d, const std::string& sc, const TradeResult& r) {
  auto flat = [](const Matrix& X) { return Eigen::Map<const Vector>(X.data(), X.size()); };
  d.check_vectors("18: GEXP = DC + FC", sc, flat(r["GEXP"]), flat(Matrix(r["DC"] + r["FC"])));
  d.check_vectors("18: DC = DVA + DDC", sc, flat(r["DC"]), flat(Matrix(r["DVA"] + r["DDC"])));
  d.check_vectors("18: FC = FVA + FDC", sc, flat(r["FC"]), flat(Matrix(r["FVA"] + r["FDC"])));
  d.check_vectors("18: DVA = VAX + REF", sc, flat(r["DVA"]), flat(Matrix(r["VAX"] + r["REF"])));
}

}  // namespace

TradeResult bm_self(const TradeContext& ctx, bool sector) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const Units& u = ctx.units;
  // Extracting row k's sales to r (sectoral-bilateral) or to every other unit (sector) is the
  // rank-1 update I - A + e_k a_k'; Sherman-Morrison gives its column k as L_{.k} / (1 + a_k' L_{.k}),
  // so both value-added coefficients of the cell are the content coefficients times gamma.
  const Matrix c = return_loops(ctx);
  // REF flows A^{sr} (X^d_{.s})^r: exports of s that come back to s's final demand.
  const Matrix back = detail::off_own(ctx, split_by_column_unit_exporter(ctx.model.A(), ctx.Xd, u));
  TradeResult out;
  out.measures = {"GEXP", "DC", "DVA", "VAX", "REF", "DDC", "FC", "FVA", "FDC"};
  Matrix E, Ref, gamma;
  if (sector) {
    E = Matrix(ctx.e_star);
    Ref = back.rowwise().sum();
    gamma = Matrix(n, 1);
    for (Index k = 0; k < n; ++k) gamma(k, 0) = 1.0 / (1.0 + c.row(k).sum());
  } else {
    E = ctx.ESR;
    Ref = back;
    gamma = Matrix::Zero(n, U);
    for (Index k = 0; k < n; ++k)
      for (Index r = 0; r < U; ++r)
        if (r != u.unit(k)) gamma(k, r) = 1.0 / (1.0 + c(k, r));
  }
  const Matrix DC = ctx.d.asDiagonal() * E, FC = ctx.f.asDiagonal() * E;
  const Matrix DVA = ctx.d.asDiagonal() * gamma.cwiseProduct(E), FVA = ctx.f.asDiagonal() * gamma.cwiseProduct(E);
  const Matrix REF = ctx.d.asDiagonal() * gamma.cwiseProduct(Ref);
  out.cells = {E, DC, DVA, DVA - REF, REF, DC - DVA, FC, FVA, FC - FVA};
  if (sector) {
    tables::TidyTable t("bm_sector_source", {"exporter", "sector", "measure"});
    t.set_levels(0, u.names);
    t.set_levels(2, out.measures);
    for (Index i = 0; i < n; ++i) {
      const auto sec = t.level(1, exporter_sector_label(ctx, i));
      for (std::size_t k = 0; k < out.measures.size(); ++k)
        t.add_row_codes({static_cast<std::int32_t>(u.unit(i)), sec, static_cast<std::int32_t>(k)}, out.cells[k](i, 0));
    }
    out.table = std::move(t);
  } else {
    out.table = detail::bilateral_table(ctx, "bm_sectoral_bilateral_source", "measure", out.measures, out.cells);
  }
  Diagnostics d(n);
  check_self(
      d, scope(ctx, sector ? "exporter_sector, sector perspective" : "exporter_sector_importer, sectoral-bilateral"),
      out);
  out.diagnostics = d.table();
  return out;
}

TradeResult bm_imports(const TradeContext& ctx) {
  const Index n = ctx.model.n(), U = ctx.units.size();
  const Units& u = ctx.units;
  const SparseMatrix& Af = ctx.A_across();
  const Vector& v = ctx.model.v();
  // The importer's perimeter removes its imported inputs, the columns of r of A_F: with
  // W = L A_F^{.r} (n_r solves), Woodbury gives z = L m - W (I + W^r)^{-1} (L m)^r for r's
  // imports m = e^{.r}; v o z is their value added counted once at r's border.
  const Matrix LM = ctx.solve(ctx.ESR);
  Matrix gimp = Matrix::Zero(U, U), va = Matrix::Zero(U, U), dc = Matrix::Zero(U, U);
  for (Index r = 0; r < U; ++r) {
    const auto& idx = u.rows[static_cast<std::size_t>(r)];
    const auto m = static_cast<Index>(idx.size());
    Matrix W = Matrix::Zero(n, m);
    for (Index a = 0; a < m; ++a)
      for (SparseMatrix::InnerIterator it(Af, idx[static_cast<std::size_t>(a)]); it; ++it) W(it.row(), a) = it.value();
    W = ctx.solve(std::move(W));
    Matrix K = Matrix::Identity(m, m);
    Vector lm(m);
    for (Index a = 0; a < m; ++a) {
      K.row(a) += W.row(idx[static_cast<std::size_t>(a)]);
      lm(a) = LM(idx[static_cast<std::size_t>(a)], r);
    }
    const Vector z = LM.col(r) - W * Eigen::PartialPivLU<Matrix>(K).solve(lm);
    for (Index i = 0; i < n; ++i) {
      const Index t = u.unit(i);
      gimp(r, t) += ctx.ESR(i, r);
      va(r, t) += v(i) * z(i);
      dc(r, t) += v(i) * (LM(i, r) - z(i));
    }
    report_progress(ctx.progress, static_cast<double>(r + 1) / static_cast<double>(U), "bm imports");
  }
  TradeResult out;
  out.measures = {"GIMP", "VA", "DC"};
  out.cells = {gimp, va, dc};
  tables::TidyTable t("bm_importer_source", {"importer", "origin", "measure"});
  t.set_levels(0, u.names);
  t.set_levels(1, u.names);
  t.set_levels(2, out.measures);
  for (Index r = 0; r < U; ++r)
    for (Index s = 0; s < U; ++s)
      for (std::size_t k = 0; k < out.measures.size(); ++k)
        t.add_row_codes({static_cast<std::int32_t>(r), static_cast<std::int32_t>(s), static_cast<std::int32_t>(k)},
                        out.cells[k](r, s));
  out.table = std::move(t);
  Diagnostics d(n);
  d.check_vectors("18: GIMP = VA + DC", scope(ctx, "importer"), Vector(gimp.rowwise().sum()),
                  Vector((va + dc).rowwise().sum()));
  out.diagnostics = d.table();
  return out;
}

}  // namespace irio::solver::gvc
