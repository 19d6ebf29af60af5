// SPDX-License-Identifier: MIT
// The source shares of the competitive -> non-competitive conversion by proportionality
// (methods.md §5.5), shared by the NBS national reader (io/nbs_reader) and the provincial
// single-region conversion (solver/gvc/competitive_conversion).
#pragma once

#include <functional>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::tables {

/// Source shares of the total use of each product (methods.md §5.5), d + s^N + s^M = 1.
struct SourceShares {
  Vector u;                           ///< denominators u_i
  Vector d;                           ///< domestic (local) shares, after clipping
  Vector s_other;                     ///< other-region shares s^N (inflows / u), after clipping
  Vector s_foreign;                   ///< foreign shares s^M (imports / u), after clipping
  Vector d_unclipped;                 ///< d_i before clipping (differs from d only at `clipped`)
  std::vector<Eigen::Index> clipped;  ///< sectors with d_i < 0 clipped to 0 (s^N, s^M rescaled to sum 1)
};

/// When the shares of a sector are undefined (its `undefined` callback is called).
enum class UndefinedShares {
  kNonPositiveUse,             ///< whenever !(u_i > 0)
  kNonPositiveUseWithImports,  ///< only when u_i <= 0 and the sector has inflows or imports;
                               ///< a sector without either is all local (d_i = 1) whatever u_i
};

/// Proportionality (methods.md §5.5): u = use (+ shipped with `reexport`), s^N = inflows / u,
/// s^M = imports / u, d = 1 - s^N - s^M. `use` is Z 1 + f, `shipped` the outflows and exports
/// (re-exported when `reexport`); `inflows` may be empty (a national table: s^N = 0). d_i < 0
/// (entrepot re-exports exceeding local use) is clipped to 0, s^N and s^M rescaled to sum 1, and
/// the sector listed in `clipped`. `undefined(i, u_i)` must throw (naming the sector in the
/// caller's terms); if it returns, InputError is thrown.
SourceShares proportional_source_shares(const Vector& use, const Vector& shipped, bool reexport, const Vector& inflows,
                                        const Vector& imports, UndefinedShares rule,
                                        const std::function<void(Eigen::Index, double)>& undefined);

}  // namespace irio::tables
