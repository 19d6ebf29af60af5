// SPDX-License-Identifier: MIT
// SDA of forward NVC / GVC value added (see chain_sda.h). Summing the terms of (5.1),
//   NVC_S + NVC_C = v^ L_R A_N L_C y^_C  and  GVC_S + GVC_C = v^ L_C A_F L y^,
// so their row sums are v o (L_R A_N L_C y_C) and v o (L_C A_F L y): linear in the final demand,
// evaluated with the technology year's model (local and global solves, no new factorization) for
// each final-demand mix, then scaled by the level and multiplied by the value-added coefficients.
#include "irio/solver/gvc/chain_sda.h"

#include <array>

#include "irio/tables/error.h"

namespace irio::solver::gvc {

ChainSda chain_structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1) {
  const std::array<const LeontiefModel*, 2> model{&m0, &m1};
  for (const auto* m : model) {
    const auto& t = m->table();
    if (t.exports.cols() > 0 || t.imports.rows() > 0)
      throw InputError("structural decomposition of NVC / GVC: needs tables without an exogenous rest of the world");
  }
  const auto& lab = m0.labels();
  if (lab.regions != m1.labels().regions || lab.sectors != m1.labels().sectors ||
      lab.country_of_region != m1.labels().country_of_region)
    throw InputError("structural decomposition: the two tables' regions, sectors or countries differ");
  const Index n = m0.n(), N = m0.num_sectors();
  // Level s = 1'Y 1 and mix U = Y / s; per mix the final demand y and its part y_C absorbed in the
  // producing region's own country.
  std::array<double, 2> level{};
  std::array<Vector, 2> y, yC;
  for (std::size_t t = 0; t < 2; ++t) {
    const Matrix Yd = model[t]->table().final_demand_by_region();
    level[t] = Yd.sum();
    if (level[t] == 0) throw InputError("structural decomposition: a table's total final demand is 0");
    y[t] = Yd.rowwise().sum() / level[t];
    yC[t] = Vector::Zero(n);
    for (Index i = 0; i < n; ++i)
      for (Index d = 0; d < Yd.cols(); ++d)
        if (lab.country_of_region[static_cast<std::size_t>(d)] == lab.country_of_region[static_cast<std::size_t>(i / N)])
          yC[t](i) += Yd(i, d) / level[t];
  }
  // NVC and GVC (before v) per technology t and mix u: 4 + 4 vectors.
  std::array<std::array<Vector, 2>, 2> nvc, gvc;
  for (std::size_t t = 0; t < 2; ++t) {
    const LeontiefModel& m = *model[t];
    const SparseMatrix A_R = m.A_within(Perimeter::kRegion), A_C = m.A_within(Perimeter::kCountry);
    const SparseMatrix A_N = A_C - A_R, A_F = m.A() - A_C;
    Matrix yc(n, 2), yy(n, 2);
    for (std::size_t u = 0; u < 2; ++u) {
      yc.col(static_cast<Index>(u)) = yC[u];
      yy.col(static_cast<Index>(u)) = y[u];
    }
    for (Index i = 0; i < n; ++i)  // sectors without output in year t produce nothing there
      if (!m.is_active(i)) {
        yc.row(i).setZero();
        yy.row(i).setZero();
      }
    const Matrix nv = m.local_solve(Perimeter::kRegion, Matrix(A_N * m.local_solve(Perimeter::kCountry, yc)));
    const Matrix gv = m.local_solve(Perimeter::kCountry, Matrix(A_F * m.solve(yy)));
    for (std::size_t u = 0; u < 2; ++u) {
      nvc[t][u] = nv.col(static_cast<Index>(u));
      gvc[t][u] = gv.col(static_cast<Index>(u));
    }
  }
  auto f = [&](unsigned mask) -> Vector {
    const auto bit = [&](int j) { return static_cast<std::size_t>((mask >> j) & 1U); };
    const Vector& v = model[bit(3)]->v();
    Vector q(2 * n);
    q.head(n) = level[bit(1)] * v.cwiseProduct(nvc[bit(0)][bit(2)]);
    q.tail(n) = level[bit(1)] * v.cwiseProduct(gvc[bit(0)][bit(2)]);
    return q;
  };
  Vector q0, q1;
  const Matrix parts = average_over_orders(4, f, q0, q1);
  ChainSda out;
  const std::vector<std::string> factors{"technology", "fd_level", "fd_mix", "va_coefficients"};
  out.nvc = {factors, q0.head(n), q1.head(n), parts.topRows(n)};
  out.gvc = {factors, q0.tail(n), q1.tail(n), parts.bottomRows(n)};
  return out;
}

}  // namespace irio::solver::gvc
