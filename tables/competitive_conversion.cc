// SPDX-License-Identifier: MIT
// Source shares of the competitive -> non-competitive conversion (methods.md §5.5).
#include "irio/tables/competitive_conversion.h"

#include <string>

#include "irio/tables/error.h"

namespace irio::tables {

SourceShares proportional_source_shares(const Vector& use, const Vector& shipped, bool reexport, const Vector& inflows,
                                        const Vector& imports, UndefinedShares rule,
                                        const std::function<void(Eigen::Index, double)>& undefined) {
  const Eigen::Index n = use.size();
  SourceShares s;
  // methods.md §5.5: u_i = sum_j z_ij + f_i (no re-export), or + outflows and exports (re-export).
  s.u = use;
  if (reexport) s.u += shipped;
  s.d.resize(n);
  s.s_other.resize(n);
  s.s_foreign.resize(n);
  auto inflow = [&](Eigen::Index i) { return inflows.size() > 0 ? inflows(i) : 0.0; };
  for (Eigen::Index i = 0; i < n; ++i) {
    const double u = s.u(i);
    bool bad = !(u > 0);
    if (rule == UndefinedShares::kNonPositiveUseWithImports) {
      if (inflow(i) == 0.0 && imports(i) == 0.0) {
        s.s_other(i) = 0.0;
        s.s_foreign(i) = 0.0;
        s.d(i) = 1.0;
        continue;
      }
      bad = u <= 0.0;
    }
    if (bad) {
      undefined(i, u);
      throw InputError("competitive -> non-competitive conversion: the denominator u = " + std::to_string(u) +
                       " of sector " + std::to_string(i) + " is not positive (methods.md §5.5)");
    }
    s.s_other(i) = inflow(i) / u;
    s.s_foreign(i) = imports(i) / u;
    s.d(i) = 1.0 - s.s_other(i) - s.s_foreign(i);
  }
  s.d_unclipped = s.d;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!(s.d(i) < 0)) continue;
    // Entrepot re-exports exceed local use: clip, keep d + s^N + s^M = 1.
    const double sum = s.s_other(i) + s.s_foreign(i);
    s.s_other(i) /= sum;
    s.s_foreign(i) /= sum;
    s.d(i) = 0.0;
    s.clipped.push_back(i);
  }
  return s;
}

}  // namespace irio::tables
