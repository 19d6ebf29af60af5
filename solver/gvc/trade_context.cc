// SPDX-License-Identifier: MIT
// Shared intermediates of the value-added-in-trade decompositions (methods.md §3, §3.3 "Cost").
#include "irio/solver/gvc/trade_context.h"

#include <algorithm>
#include <string>

#include "irio/tables/error.h"

namespace irio::solver::gvc {

TradeContext::TradeContext(const LeontiefModel& m, Perimeter p, ProgressFn prog, bool factorize)
    : model(m), units(make_units(m, p)), progress(std::move(prog)), factorize_(factorize) {
  const Index n = m.n(), U = units.size();
  if (m.table().exports.cols() > 0 || m.table().imports.rows() > 0)
    throw InputError(
        "value added in trade (methods.md §3) needs a closed world table; this table has an "
        "exogenous rest of the world (exports columns / imports rows): use the three-level "
        "decomposition (`irio chains`, §5.5) instead");
  report_progress(progress, 0.0, "trade: exports and coefficient rows");
  Yu = final_demand_by_unit(m, units);
  // x = L y, the model's one output vector (no solve when the table balances; methods.md §1.3).
  x = m.model_output();
  const Matrix Zu = intermediate_by_unit(m, units, x);
  ESR = off_own_unit(Zu + Yu, units);
  e_star = ESR.rowwise().sum();
  y_dom = own_unit(Yu, units);
  y_fx = off_own_unit(Yu, units).rowwise().sum();
  // VL = L' [v on unit t]: S'(U) (methods.md §3: one transposed solve per origin block).
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

const SparseMatrix& TradeContext::A_across() const {
  if (!have_A_across_) {
    A_across_ = model.A_across(units.perimeter);
    have_A_across_ = true;
  }
  return A_across_;
}

// Without `factorize`, batches go through the model's cost model (rule 6 of `auto`): the O(U)
// solves stay on GMRES at large n, and a batch that pays for a dense LU makes it, after which
// every batch uses it.
Matrix TradeContext::solve(Matrix B) const {
  if (!factorize_) return model.solve(std::move(B));
  model.global_solver(true).solve(B);
  return B;
}

Matrix TradeContext::solve_transposed(Matrix B) const {
  if (!factorize_) return model.solve_transposed(std::move(B));
  model.global_solver(true).solve_transposed(B);
  return B;
}

Matrix TradeContext::solve_per_unit(const Vector& w) const { return solve(place_by_unit(w, units)); }

namespace {

/// Right-hand sides supported on the rows of one unit each, solved as staircases
/// (LinearSolver::solve_staircase): units in the order of their first row, `width` columns per
/// unit, in chunks of at most 24 MB (under glibc's largest mmap threshold, so that later chunks reuse
/// the heap instead of faulting in fresh pages). `place(u, B, c0)`
/// fills unit u's columns starting at c0, `take(u, B, c0)` reads the rows of u back.
template <class Place, class Take>
void solve_unit_staircases(const LinearSolver& solver, const Units& units, Index n, Index width, const Place& place,
                           const Take& take, const ProgressFn& progress, const std::string& what) {
  const Index U = units.size();
  std::vector<Index> order;
  for (Index u = 0; u < U; ++u)
    if (!units.rows[static_cast<std::size_t>(u)].empty()) order.push_back(u);
  std::sort(order.begin(), order.end(), [&](Index a, Index b) {
    return units.rows[static_cast<std::size_t>(a)].front() < units.rows[static_cast<std::size_t>(b)].front();
  });
  const Index max_cols =
      std::max<Index>(width, std::max<Index>(64, std::min<Index>(2048, 3000000 / std::max<Index>(n, 1))));
  std::size_t k = 0;
  while (k < order.size()) {
    std::size_t k_end = k;
    while (k_end < order.size() && static_cast<Index>(k_end - k + 1) * width <= max_cols) ++k_end;
    const Index cols = static_cast<Index>(k_end - k) * width;
    Matrix B = Matrix::Zero(n, cols);
    std::vector<Index> first(static_cast<std::size_t>(cols));
    for (std::size_t q = k; q < k_end; ++q) {
      const Index c0 = static_cast<Index>(q - k) * width, u = order[q];
      place(u, B, c0);
      std::fill(first.begin() + c0, first.begin() + c0 + width, units.rows[static_cast<std::size_t>(u)].front());
    }
    solver.solve_staircase(B, first);
    for (std::size_t q = k; q < k_end; ++q) take(order[q], B, static_cast<Index>(q - k) * width);
    k = k_end;
    report_progress(progress, static_cast<double>(k) / static_cast<double>(order.size()), what);
  }
}

}  // namespace

const std::vector<Matrix>& TradeContext::diagonal_blocks() const {
  if (!diag_.empty() || units.size() == 0) return diag_;
  const Index U = units.size();
  diag_.assign(static_cast<std::size_t>(U), Matrix());
  // L^{ss}: the rows of s in the column block L_{.s}.
  for_each_column_block([&](Index u, const Matrix& cols) {
    const auto& idx = units.rows[static_cast<std::size_t>(u)];
    const Index m = static_cast<Index>(idx.size());
    Matrix D(m, m);
    for (Index a = 0; a < m; ++a) D.row(a) = cols.row(idx[static_cast<std::size_t>(a)]);
    diag_[static_cast<std::size_t>(u)] = std::move(D);
  });
  return diag_;
}

void TradeContext::for_each_column_block(const std::function<void(Index, const Matrix&)>& take) const {
  const Index n = model.n();
  Index widest = 0;
  for (const auto& r : units.rows) widest = std::max<Index>(widest, static_cast<Index>(r.size()));
  solve_unit_staircases(
      model.global_solver(true), units, n, widest,
      [&](Index u, Matrix& B, Index c0) {
        const auto& idx = units.rows[static_cast<std::size_t>(u)];
        for (std::size_t a = 0; a < idx.size(); ++a) B(idx[a], c0 + static_cast<Index>(a)) = 1.0;
      },
      [&](Index u, const Matrix& B, Index c0) {
        take(u, Matrix(B.middleCols(c0, static_cast<Index>(units.rows[static_cast<std::size_t>(u)].size()))));
      },
      progress, "trade: column blocks L_{.s} of the global inverse");
}

Matrix TradeContext::own_block_product(const Matrix& W) const {
  const Index n = model.n(), U = units.size(), k = W.cols();
  Matrix P = Matrix::Zero(n, k);
  if (diag_.empty() && U * (U - 1) < n) {
    // Pair solves: for each unit r, L [W^{r c} on rows of r] for all columns c, keep rows of r.
    solve_unit_staircases(
        model.global_solver(true), units, n, k,
        [&](Index r, Matrix& B, Index c0) {
          for (Index j : units.rows[static_cast<std::size_t>(r)]) B.row(j).segment(c0, k) = W.row(j);
        },
        [&](Index r, const Matrix& B, Index c0) {
          for (Index j : units.rows[static_cast<std::size_t>(r)]) P.row(j) = B.row(j).segment(c0, k);
        },
        progress, "trade: own-block products L^{rr} Y^{rs}");
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
