// SPDX-License-Identifier: MIT
// SDA of NVC / GVC value added (see chain_sda.h). Summing the terms of (5.1),
//   NVC_S + NVC_C = v^ L_R A_N L_C y^_C  and  GVC_S + GVC_C = v^ L_C A_F L y^,
// so their row sums are v o (L_R A_N L_C y_C) and v o (L_C A_F L y) and their column sums
// (v'L_R A_N L_C)' o y_C and (v'L_C A_F L)' o y: each is bilinear in (technology-dependent
// vectors) and the final demand, evaluated with the technology year's model (local and global
// solves, no new factorization) for each final-demand mix or each v, then scaled by the level.
#include "irio/solver/gvc/chain_sda.h"

#include <array>

#include "irio/tables/error.h"

namespace irio::solver::gvc {

ChainSda chain_structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1) {
  const std::array<const LeontiefModel*, 2> model{&m0, &m1};
  const auto& lab = m0.labels();
  if (lab.regions != m1.labels().regions || lab.sectors != m1.labels().sectors ||
      lab.country_of_region != m1.labels().country_of_region)
    throw InputError("structural decomposition: the two tables' regions, sectors or countries differ");
  std::array<bool, 2> exo{};
  for (std::size_t t = 0; t < 2; ++t) {
    const auto& tab = model[t]->table();
    exo[t] = tab.exports.cols() > 0 || tab.imports.rows() > 0;
  }
  if (exo[0] != exo[1])
    throw InputError(
        "structural decomposition of NVC / GVC: one table has an exogenous rest of the world "
        "(exports / imports) and the other not");
  ChainSda out;
  out.exogenous_rest_of_world = exo[0];
  if (out.exogenous_rest_of_world && lab.num_countries() > 1)
    throw InputError(
        "structural decomposition of NVC / GVC: a table with an exogenous rest of the world must have "
        "one endogenous country, found " +
        std::to_string(lab.num_countries()));
  const Index n = m0.n(), N = m0.num_sectors();
  // Level s = 1'Y 1 (+ exports) and mix U = Y / s; per mix the final demand y (exports included)
  // and its part y_C absorbed in the producing region's own country.
  std::array<double, 2> level{};
  std::array<Vector, 2> y, yC;
  for (std::size_t t = 0; t < 2; ++t) {
    const auto& tab = model[t]->table();
    const Matrix Yd = tab.final_demand_by_region();
    const Vector ex = tab.exports.cols() > 0 ? Vector(tab.exports.rowwise().sum()) : Vector::Zero(n);
    level[t] = Yd.sum() + ex.sum();
    if (level[t] == 0) throw InputError("structural decomposition: a table's total final demand is 0");
    y[t] = (Yd.rowwise().sum() + ex) / level[t];
    yC[t] = Vector::Zero(n);
    for (Index i = 0; i < n; ++i)
      for (Index d = 0; d < Yd.cols(); ++d)
        if (lab.country_of_region[static_cast<std::size_t>(d)] ==
            lab.country_of_region[static_cast<std::size_t>(i / N)])
          yC[t](i) += Yd(i, d) / level[t];
  }
  // Forward NVC and GVC (before v) per technology t and mix u; backward NVC and GVC multipliers
  // (before y) per technology t and value-added coefficients w.
  std::array<std::array<Vector, 2>, 2> nvc, gvc, nvcb, gvcb;
  for (std::size_t t = 0; t < 2; ++t) {
    const LeontiefModel& m = *model[t];
    const SparseMatrix A_R = m.A_within(Perimeter::kRegion), A_C = m.A_within(Perimeter::kCountry);
    const SparseMatrix A_N = A_C - A_R, A_F = m.A() - A_C;
    Matrix yc(n, 2), yy(n, 2), vv(n, 2);
    for (std::size_t u = 0; u < 2; ++u) {
      yc.col(static_cast<Index>(u)) = yC[u];
      yy.col(static_cast<Index>(u)) = y[u];
      vv.col(static_cast<Index>(u)) = model[u]->v();
    }
    for (Index i = 0; i < n; ++i)  // sectors without output in year t produce nothing there
      if (!m.is_active(i)) {
        yc.row(i).setZero();
        yy.row(i).setZero();
      }
    const Matrix nv = m.local_solve(Perimeter::kRegion, Matrix(A_N * m.local_solve(Perimeter::kCountry, yc)));
    const Matrix nb = m.local_solve_transposed(
        Perimeter::kCountry, Matrix(SparseMatrix(A_N.transpose()) * m.local_solve_transposed(Perimeter::kRegion, vv)));
    Matrix gv, gb;
    if (!out.exogenous_rest_of_world) {
      gv = m.local_solve(Perimeter::kCountry, Matrix(A_F * m.solve(yy)));
      gb =
          m.solve_transposed(Matrix(SparseMatrix(A_F.transpose()) * m.local_solve_transposed(Perimeter::kCountry, vv)));
    } else {
      const Vector aML = m.solve_transposed(Matrix(m.a_M())).col(0);  // the technology's import content
      gb = aML.replicate(1, 2);
    }
    for (std::size_t u = 0; u < 2; ++u) {
      const auto c = static_cast<Index>(u);
      nvc[t][u] = nv.col(c);
      nvcb[t][u] = nb.col(c);
      gvcb[t][u] = gb.col(c);
      if (!out.exogenous_rest_of_world) gvc[t][u] = gv.col(c);
    }
  }
  const bool closed = !out.exogenous_rest_of_world;
  const Index parts = closed ? 4 : 3;
  // Bits: 0 technology, 1 level, 2 mix, 3 va coefficients.
  auto f = [&](unsigned mask) -> Vector {
    const auto bit = [&](int j) { return static_cast<std::size_t>((mask >> j) & 1U); };
    const Vector& v = model[bit(3)]->v();
    const double s = level[bit(1)];
    Vector q(parts * n);
    q.segment(0, n) = s * v.cwiseProduct(nvc[bit(0)][bit(2)]);
    q.segment(n, n) = s * nvcb[bit(0)][bit(3)].cwiseProduct(yC[bit(2)]);
    q.segment(2 * n, n) = s * gvcb[bit(0)][bit(3)].cwiseProduct(y[bit(2)]);
    if (closed) q.segment(3 * n, n) = s * v.cwiseProduct(gvc[bit(0)][bit(2)]);
    return q;
  };
  Vector q0, q1;
  const Matrix p = average_over_orders(4, f, q0, q1);
  const std::vector<std::string> factors{"technology", "fd_level", "fd_mix", "va_coefficients"};
  auto piece = [&](Index k) -> StructuralDecomposition {
    return {factors, q0.segment(k * n, n), q1.segment(k * n, n), p.middleRows(k * n, n)};
  };
  out.nvc = piece(0);
  out.nvc_backward = piece(1);
  out.gvc_backward = piece(2);
  if (closed) out.gvc = piece(3);
  return out;
}

}  // namespace irio::solver::gvc
