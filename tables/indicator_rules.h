// SPDX-License-Identifier: MIT
// The vocabulary of how an indicator aggregates over a grouping of regions (methods.md §6.1): money
// flows are summed, shares are recomputed as ratios of sums, intensive indicators (multipliers,
// upstreamness, lengths) are weighted averages with weights from the table, and indicators that no
// such rule reproduces are refused with the reason and what to run instead. Which rule each
// indicator follows is declared by the verb that writes it (analysis/verbs/, irio::indicator_rule).
#pragma once

#include <optional>
#include <string>

#include "irio/tables/aggregation.h"

namespace irio::tables {

/// Where the weights of a weighted average come from (all from the table, methods.md §6.1).
enum class WeightBasis {
  kNone,
  kFinalDemand,  ///< y_j = (Y 1 + exports 1)_j: output-type multipliers, downstreamness, PLy
  kValueAdded,   ///< va_j = v_j x_j: upstreamness, PLv, the Ghosh total forward linkage
  kOutput,       ///< x_j: direct (per-unit-of-output) coefficients
};
inline constexpr EnumTable<WeightBasis, 4> kWeightBasisNames{"weight",
                                                             {{{WeightBasis::kNone, "none"},
                                                               {WeightBasis::kFinalDemand, "final_demand"},
                                                               {WeightBasis::kValueAdded, "value_added"},
                                                               {WeightBasis::kOutput, "output"}}}};
constexpr const auto& enum_table(WeightBasis) { return kWeightBasisNames; }

/// Shares that are recomputed from the sums of other rows of the same result.
enum class DerivedShare {
  kNone,
  kVaxRatio,           ///< VAX / GEXP (vax result, methods.md §4.1)
  kKpwwParticipation,  ///< (IV + FV) / E (kpww result, methods.md §4.2)
  kKpwwPosition,       ///< ln(1 + IV/E) - ln(1 + FV/E)
};

struct IndicatorRule {
  AggregationRule rule = AggregationRule::kSum;
  WeightBasis weight = WeightBasis::kNone;     ///< kWeightedAverage only
  DerivedShare derived = DerivedShare::kNone;  ///< kRatioOfSums recomputed within the result
  std::string refusal;  ///< not empty: this indicator cannot be aggregated; the reason and the remedy
  std::string why;      ///< one line for the summary, e.g. "weighted by final demand"
};

/// Rule constructors for the verbs' output declarations (analysis/verb.h).
namespace rules {
inline IndicatorRule sum(std::string why = "summed (a flow)") {
  return {AggregationRule::kSum, WeightBasis::kNone, DerivedShare::kNone, {}, std::move(why)};
}
inline IndicatorRule weighted(WeightBasis w, std::string why) {
  return {AggregationRule::kWeightedAverage, w, DerivedShare::kNone, {}, std::move(why)};
}
inline IndicatorRule derived(DerivedShare d, std::string why) {
  return {AggregationRule::kRatioOfSums, WeightBasis::kNone, d, {}, std::move(why)};
}
inline IndicatorRule refused(std::string reason) {
  IndicatorRule r;
  r.refusal = std::move(reason);
  return r;
}
inline const char* const kByFinalDemand = "weighted average, weights final demand y (methods.md §6.1)";
inline const char* const kByValueAdded = "weighted average, weights value added va (methods.md §6.1)";
inline const char* const kByOutput = "weighted average, weights gross output x (a ratio of sums over output)";
inline IndicatorRule by_final_demand() { return weighted(WeightBasis::kFinalDemand, kByFinalDemand); }
inline IndicatorRule by_value_added() { return weighted(WeightBasis::kValueAdded, kByValueAdded); }
inline IndicatorRule by_output() { return weighted(WeightBasis::kOutput, kByOutput); }
}  // namespace rules

/// The key column that names the indicator in a result table: "indicator", or "account" for
/// footprints, or "" when the table has neither (one indicator: its value column).
std::string indicator_column(const TidyTable& t);

}  // namespace irio::tables
