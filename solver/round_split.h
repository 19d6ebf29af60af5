// SPDX-License-Identifier: MIT
// Round's (1985) multiplicative decomposition of multipliers (Pyatt-Round; Sonis-Hewings; methods.md
// §2.4 "Multiplicative version"), read in Stone's additive form, for the two-region partition
// {region r, rest of the system} of each column's region r.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// For the partition {r, o} (o = every other region), A_O = A - blockdiag(A^{rr}, A^{oo}),
/// M1 = blockdiag((I - A^{rr})^{-1}, (I - A^{oo})^{-1}), S_O = M1 A_O, M2 = I + S_O,
/// M3 = (I - S_O^2)^{-1}; then L = M3 M2 M1 exactly, and
///   c'L = c'M1 + c'(M2 - I) M1 + c'(M3 - I) M2 M1      (Stone's additive reading)
/// For a column j in region r the three parts are
///   intra     = c_r' (I - A^{rr})^{-1} e_j               (= the additive version's c'L_R)
///   spillover = c_o' (I - A^{oo})^{-1} A^{or} (I - A^{rr})^{-1} e_j   (open loop, lands in o)
///   feedback  = c'L e_j - intra - spillover              (closed loop: M3 - I)
/// For a two-block partition M3 is block-diagonal, so the feedback splits by where it lands:
/// in r it is c_r'(L^{rr} - (I - A^{rr})^{-1}) e_j, Miller's feedback (the additive version's),
/// and the rest lands in the other regions. The "rest" keeps its full inverse (not L_R), as
/// methods.md prescribes for more than two regions.
struct RoundSplit {
  Vector total, intra, spillover, feedback;  ///< n each; NaN at zero output
  Vector feedback_own_region, feedback_other_regions;
};

/// Cost: S'(1 + G) + R'(2) and one dense LU of I - A^{oo} (size n - N) per region: DENSE work,
/// refused (InputError) above model.options().dense_max_n; aggregate the table first.
RoundSplit round_split(const LeontiefModel& model, const Vector& c);
/// The same for the k coefficient rows in the columns of C (n x k), sharing the factorizations.
std::vector<RoundSplit> round_split_rows(const LeontiefModel& model, const Matrix& C);

/// Tidy: region,sector,indicator,part,row_group -> value: (total, all), (intra, own_region),
/// (spillover, other_regions), (feedback, all | own_region | other_regions).
tables::TidyTable round_split_table(const LeontiefModel& model,
                                    const std::vector<std::pair<std::string, Vector>>& rows);

}  // namespace irio::solver
