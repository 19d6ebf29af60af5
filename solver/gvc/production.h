// SPDX-License-Identifier: MIT
// Three-level production-based decomposition of value added (methods.md §5.2, eq. 5.1): local,
// national (inter-regional) and international value chains, forward and backward, with the
// direct / via-other-regions sub-splits and the NVC / GVC participation indices.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/units.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver::gvc {

/// Terms of (5.1), in output order. kRtGvc and kGvc exist only for tables with an exogenous
/// rest of the world (§5.5), where RT / GVC_S / GVC_C cannot be separated. kOtherFd ("OTHER_FD")
/// is the value added absorbed by exogenous final demand that is neither domestic nor abroad
/// (CEADs' ERR column, tables::is_other_final_demand): forward v o L y_O, backward (v'L) o y_O'.
/// It is written only for tables that have such a column; elsewhere it is 0.
enum ProductionTerm : int {
  kLoc = 0,
  kNtf,
  kNvcS,
  kNvcC,
  kRt,
  kGvcS,
  kGvcC,
  kRtGvc,
  kGvc,
  kOtherFd,
  kNumProductionTerms
};
/// Sub-splits of (5.2): "a" = direct from the own region, "b" = via other regions of the country.
enum ProductionSplit : int {
  kRtA = 0,
  kRtB,
  kGvcSA,
  kGvcSB,
  kGvcCA,
  kGvcCB,
  kRtGvcA,
  kRtGvcB,
  kGvcA,
  kGvcB,
  kGvcCHome,    ///< GVC_C whose final goods are made and absorbed in the origin's own country
  kGvcCAbroad,  ///< the rest of GVC_C: absorbed abroad
  kNumProductionSplits
};
/// Names used in the tidy output ("LOC", ..., "GVC_C_b"); see docs/value-chains.md.
const std::vector<std::string>& production_term_names();
const std::vector<std::string>& production_split_names();

struct ProductionOptions {
  ProgressFn progress;
  /// Derived split of GVC_C (methods.md §4.1 "Optional split of V_GVC_C"): the entries of
  /// v^ L_C A_F L y^_C whose origin and final producer are in the same country ("returns and is
  /// absorbed at home", GVC_C_home) versus the rest (GVC_C_abroad). Costs S(C) + S'(C) more
  /// (one global solve per country); closed world tables only.
  bool split_complex_gvc = false;
  /// §5.5, tables with an exogenous rest of the world only: the share of each region-sector's
  /// exports that are final goods (n values in [0, 1], e.g. from BEC; empty: not given). With it
  /// forward RT = v^ L_C (e o f) and forward GVC (total) = v^ L_C (e o (1 - f)) are reported with
  /// status "export_split", and gvc_forward = GVC / va; GVC_S / GVC_C stay not available.
  Vector export_final_share;
};

/// Result of three_level_decomposition. Matrices are n x terms; entries that a table cannot
/// identify are NaN and their tidy rows carry status "not_available" (never 0, §8.2 pitfall 7).
struct ProductionDecomposition {
  bool exogenous_rest_of_world = false;  ///< the table has exports columns / imports rows
  Matrix forward;                        ///< n x kNumProductionTerms: row sums (by VA origin), sum = va
  Matrix backward;                       ///< n x kNumProductionTerms: column sums (by final producer), sum = y
  Matrix forward_split;                  ///< n x kNumProductionSplits
  Matrix backward_split;                 ///< n x kNumProductionSplits
  Vector va;                             ///< value added v o (L y), n: the table's va when its rows balance
  Vector y;                              ///< final demand y = y_C + y_F + y_O (incl. exogenous exports and other), n
  bool other_final_demand = false;       ///< the table has an ERR-type column (term OTHER_FD written)
  /// region,sector,direction,term,status -> value (direction: forward | backward).
  tables::TidyTable terms;
  /// scope,unit,sector,indicator -> value; scope region_sector | region | country;
  /// indicators nvc_forward, gvc_forward, nvc_backward, gvc_backward (ratios of sums).
  tables::TidyTable participation;
  tables::TidyTable diagnostics;  ///< §6.2 identities 20-21
};

/// Decomposition (5.1) of v^ L y^ by row sums (forward) and column sums (backward).
///
/// Forward needs only local solves (x replaces L y, which is checked: if (I - A) x != y the model
/// solves L y once); backward needs local transposed solves and one blocked global transposed
/// solve (3 to 6 right-hand sides). No inverse is formed. On a country table the result equals
/// WWYZ (4.1): NTF = NVC_S = NVC_C = 0.
///
/// Tables with exogenous exports / imports (§5.5, one endogenous country): y_F := exports;
/// forward RT + GVC is reported only as the sum RT_GVC (RT, GVC_S, GVC_C not available);
/// backward GVC (total) = (a_M' L) o y' and RT are identified, GVC_S / GVC_C are not.
/// Throws InputError for exogenous trade with more than one endogenous country.
ProductionDecomposition three_level_decomposition(const LeontiefModel& model, const ProductionOptions& opt = {});

}  // namespace irio::solver::gvc
