// SPDX-License-Identifier: MIT
// Shared intermediates of the value-added-in-trade decompositions (METHODS §3, §3.3 "Cost").
#include "solver/gvc/trade_context.h"

#include <algorithm>

#include "tables/error.h"

namespace irio::solver::gvc {
namespace {
/// Right-hand sides per batch of n-row solves: large enough for level-3 BLAS, small enough
/// to keep the batch at a few hundred MB at n = 10^4.
Index batch_columns(Index n) { return std::max<Index>(64, std::min<Index>(1024, 4000000 / std::max<Index>(n, 1))); }
}  // namespace

TradeContext::TradeContext(const LeontiefModel& m, Perimeter p, ProgressFn prog)
    : model(m), units(make_units(m, p)), progress(std::move(prog)) {
  const Index n = m.n(), U = units.size();
  if (m.table().exports.cols() > 0 || m.table().imports.rows() > 0)
    throw InputError("value added in trade (METHODS §3) needs a closed world table; this table has an "
                     "exogenous rest of the world (exports columns / imports rows): use the three-level "
                     "decomposition (`irio chains`, §5.5) instead");
  report_progress(progress, 0.0, "trade: exports and coefficient rows");
  A_across = m.A_across(p);
  Yu = final_demand_by_unit(m, units);
  // x = L y; checked against the table's x so that a balanced table needs no solve.
  const Vector y = Yu.rowwise().sum();
  x = m.x();
  const Vector res = x - m.A() * x - y;
  if (n > 0 && res.cwiseAbs().maxCoeff() > 1e-10 * std::max(1.0, x.cwiseAbs().maxCoeff()))
    x = solve(Matrix(y)).col(0);
  const Matrix Zu = intermediate_by_unit(m, units, x);
  ESR = off_own_unit(Zu + Yu, units);
  e_star = ESR.rowwise().sum();
  y_dom = own_unit(Yu, units);
  y_fx = off_own_unit(Yu, units).rowwise().sum();
  // VL = L' [v on unit t]: S'(U) (METHODS §3: one transposed solve per origin block).
  VL = solve_transposed(place_by_unit(m.v(), units));
  d = own_unit(VL, units);
  f = VL.rowwise().sum() - d;
  ell = m.local_solve_transposed(p, Matrix(m.v())).col(0);
  Xd = solve(Yu);
  Matrix Q(n, 2);
  Q.col(0) = y_dom;
  Q.col(1) = e_star;
  Q = m.local_solve(p, std::move(Q));
  q_dom = Q.col(0);
  q_e = Q.col(1);
  (void)U;
}

Matrix TradeContext::solve(Matrix B) const {
  model.global_solver(true).solve(B);
  return B;
}

Matrix TradeContext::solve_transposed(Matrix B) const {
  model.global_solver(true).solve_transposed(B);
  return B;
}

Matrix TradeContext::solve_per_unit(const Vector& w) const { return solve(place_by_unit(w, units)); }

const std::vector<Matrix>& TradeContext::diagonal_blocks() const {
  if (!diag_.empty() || units.size() == 0) return diag_;
  const Index n = model.n(), U = units.size();
  const auto& solver = model.global_solver(true);
  diag_.resize(static_cast<std::size_t>(U));
  const Index batch = batch_columns(n);
  Index c = 0;
  while (c < U) {
    // Group whole units into one block of identity columns.
    Index cols = 0, c_end = c;
    while (c_end < U && (cols == 0 || cols + static_cast<Index>(units.rows[static_cast<std::size_t>(c_end)].size()) <= batch))
      cols += static_cast<Index>(units.rows[static_cast<std::size_t>(c_end++)].size());
    Matrix B = Matrix::Zero(n, cols);
    Index off = 0;
    for (Index u = c; u < c_end; ++u)
      for (Index j : units.rows[static_cast<std::size_t>(u)]) B(j, off++) = 1.0;
    solver.solve(B);
    off = 0;
    for (Index u = c; u < c_end; ++u) {
      const auto& idx = units.rows[static_cast<std::size_t>(u)];
      const Index m = static_cast<Index>(idx.size());
      Matrix D(m, m);
      for (Index a = 0; a < m; ++a)
        for (Index b = 0; b < m; ++b) D(a, b) = B(idx[static_cast<std::size_t>(a)], off + b);
      diag_[static_cast<std::size_t>(u)] = std::move(D);
      off += m;
    }
    c = c_end;
    report_progress(progress, static_cast<double>(c) / static_cast<double>(U),
                    "trade: diagonal blocks L^{ss} of the global inverse");
  }
  return diag_;
}

Matrix TradeContext::own_block_product(const Matrix& W) const {
  const Index n = model.n(), U = units.size();
  Matrix P = Matrix::Zero(n, W.cols());
  if (diag_.empty() && U * (U - 1) < n) {
    // Pair solves: for each unit r, L [W^{r c} on rows of r] for all columns c, keep rows of r.
    const auto& solver = model.global_solver(true);
    const Index per = std::max<Index>(1, batch_columns(n) / std::max<Index>(1, W.cols()));
    for (Index r0 = 0; r0 < U; r0 += per) {
      const Index r1 = std::min(U, r0 + per);
      Matrix B = Matrix::Zero(n, (r1 - r0) * W.cols());
      for (Index r = r0; r < r1; ++r)
        for (Index j : units.rows[static_cast<std::size_t>(r)]) B.row(j).segment((r - r0) * W.cols(), W.cols()) = W.row(j);
      solver.solve(B);
      for (Index r = r0; r < r1; ++r)
        for (Index j : units.rows[static_cast<std::size_t>(r)]) P.row(j) = B.row(j).segment((r - r0) * W.cols(), W.cols());
      report_progress(progress, static_cast<double>(r1) / static_cast<double>(U),
                      "trade: own-block products L^{rr} Y^{rs}");
    }
    return P;
  }
  const auto& D = diagonal_blocks();
  for (Index r = 0; r < U; ++r) {
    const auto& idx = units.rows[static_cast<std::size_t>(r)];
    Matrix Wr(static_cast<Index>(idx.size()), W.cols());
    for (std::size_t a = 0; a < idx.size(); ++a) Wr.row(static_cast<Index>(a)) = W.row(idx[a]);
    const Matrix Pr = D[static_cast<std::size_t>(r)] * Wr;
    for (std::size_t a = 0; a < idx.size(); ++a) P.row(idx[a]) = Pr.row(static_cast<Index>(a));
  }
  return P;
}

}  // namespace irio::solver::gvc
