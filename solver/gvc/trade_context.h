// SPDX-License-Identifier: MIT
// Quantities shared by the value-added-in-trade decompositions (methods.md §3) at one perimeter:
// exports by destination unit, the coefficient rows d_s, l_s, f_s, m_rs and the solve results
// they need, computed once with blocked right-hand sides and no inverse.
#pragma once

#include <functional>
#include <vector>

#include "irio/solver/gvc/units.h"
#include "irio/tables/progress.h"

namespace irio::solver::gvc {

/// Shared intermediates of §3 for perimeter P (units = regions or countries).
///
///   TradeContext ctx(model, Perimeter::kCountry);
///   auto kww = kww_decomposition(ctx);
///
/// Construction costs S'(U) + S(U) + R(2) (methods.md §3 "Cost"). The diagonal blocks L^{ss} and
/// the products L^{rr} Y^{rs} are computed on first use (global_solver(true); G N^2 memory).
/// Throws InputError for tables with an exogenous rest of the world (exports / imports): the
/// §3 identities need v'L = 1' (use three_level_decomposition, §5.5).
class TradeContext {
 public:
  /// `factorize`: solve with the global factorization from the start (global_solver(true)), for the
  /// decompositions that need the diagonal or column blocks of L or n right-hand sides anyway (WWZ,
  /// Borin-Mancini but the world perspective, the LTdV bilateral extractions, the Leontief
  /// decomposition); false: each batch through the model's cost model (LeontiefModel::solve), which
  /// keeps the O(U) solves of KWW, VAX, BMT, TiVA, LTdV and the gvc indicators on GMRES at large n.
  TradeContext(const LeontiefModel& model, Perimeter p, ProgressFn progress = {}, bool factorize = true);

  const LeontiefModel& model;
  Units units;
  ProgressFn progress;
  Vector x;       ///< L y (= gross output when the table balances), n
  Matrix Yu;      ///< final demand by destination unit Y^{.r}, n x U
  Matrix ESR;     ///< gross exports e^{sr} (row unit s != column unit r), n x U (§0.2)
  Vector e_star;  ///< total exports e^{s*} of each row, n
  Vector y_dom;   ///< Y^{ss}: final demand absorbed in the row's own unit, n
  Vector y_fx;    ///< final exports sum_{r != s} Y^{sr}, n
  Matrix VL;      ///< VL(j, t) = (v^t' L^{t.})_j = sum_{i in t} v_i L_ij, n x U
  Vector d;       ///< d_s = v^s' L^{ss} (domestic content, global inverse), n
  Vector ell;     ///< l_s = v^s' L_P^{ss} (domestic VA before the first exit), n
  Vector f;       ///< f_s = sum_{t != s} v^t' L^{ts} (foreign content), n
  Matrix Xd;      ///< L Y^{.r}: output by absorbing unit, n x U
  Vector q_dom;   ///< L_P^{ss} Y^{ss}, n
  Vector q_e;     ///< L_P^{ss} e^{s*}, n

  /// A - A_P: coefficients crossing the perimeter (A_F at P = C), n x n; formed on first use.
  const SparseMatrix& A_across() const;

  /// m_rs(i) = VL(i, r): VA of importer r in exporter row i (methods.md §3 "m_rs").
  double m(Index i, Index r) const { return VL(i, r); }

  /// L B and L' B: with the global factorization, or through the model's cost model (the
  /// constructor's `factorize`).
  Matrix solve(Matrix B) const;
  Matrix solve_transposed(Matrix B) const;
  /// X(., t) = L [w on the rows of unit t]: column blocks of L applied per unit, n x U. S(U).
  Matrix solve_per_unit(const Vector& w) const;
  /// Diagonal blocks L^{ss} of the global inverse, one dense n_s x n_s matrix per unit (n solves
  /// in batches, G N^2 memory; methods.md §3.3 "Cost", §8.2 pitfall 2). Cached.
  const std::vector<Matrix>& diagonal_blocks() const;
  /// The column blocks L E_s of the global inverse (the columns of L that belong to unit s,
  /// n x n_s), unit by unit: `take(s, C)` sees C while it is alive. n solves in batches (FULL
  /// work), O(n N) memory at a time; nothing is cached (methods.md §3.4, "self" perspectives).
  void for_each_column_block(const std::function<void(Index, const Matrix&)>& take) const;
  /// P(k, c) = (L^{rr} W^{r c})_k for k in unit r: the own-unit diagonal block of L applied to
  /// the rows of unit r of column c (e.g. L^{rr} Y^{rs}), n x U. Uses the cached diagonal blocks,
  /// or U(U-1) pair solves when that is fewer right-hand sides than n.
  Matrix own_block_product(const Matrix& W) const;

 private:
  bool factorize_ = true;
  mutable std::vector<Matrix> diag_;
  mutable SparseMatrix A_across_;
  mutable bool have_A_across_ = false;
};

}  // namespace irio::solver::gvc
