// SPDX-License-Identifier: MIT
// Aggregation of tables by region and sector concordances, and of tidy results by a region
// grouping with the additivity rules of methods.md §6.1 (sum, ratio of sums, weighted average).
#pragma once

#include <string>

#include "irio/tables/enum_names.h"
#include "irio/tables/grouping.h"
#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio::tables {

struct AggregationOptions {
  /// Allow a group to merge regions of different countries (methods.md §6.1: an error otherwise).
  /// The merged region then belongs to a new country named "A+B" after its members' countries.
  bool allow_cross_country = false;
};

/// Aggregate a table (methods.md §6.1). With S = S_R (x) S_N (G'N' x GN, binary):
///   Z' = S Z S',  Y' = S Y (S_R (x) I_K)',  x' = S x,  V' = V S',  exports' = S exports,
///   imports' = imports S',  F' = F S',  F_Y' = F_Y (S_R (x) I_K)'.
/// `regions` maps region labels to new regions, `sectors` sector labels to new sectors; a
/// grouping without members means "keep as is". Groups appear in the order of the grouping;
/// groups with no member in the table are dropped. kappa' is rebuilt: a group whose regions lie
/// in different countries throws InputError (naming the group and the countries) unless
/// allow_cross_country. Totals 1'x, 1'va, 1'y and stressor totals are preserved (§6.2 item 24).
/// Complexity O(nnz(Z) + n (G K + k_V + k_E + k_M + k_F)).
IoTable aggregate(const IoTable& t, const Grouping& regions, const Grouping& sectors,
                  const AggregationOptions& opt = {});

/// How a result aggregates over regions (methods.md §6.1, §8.2 pitfall 9).
enum class AggregationRule {
  kSum,              ///< flows in money or physical units: sum
  kRatioOfSums,      ///< shares, participation: sum(numerator) / sum(denominator)
  kWeightedAverage,  ///< multipliers (weights y), upstreamness (weights va), lengths: sum(w v)/sum(w)
};
/// The first name of each rule is its to_string; the long names are accepted as well.
inline constexpr EnumTable<AggregationRule, 5> kAggregationRuleNames{
    "aggregation rule",
    {{{AggregationRule::kSum, "sum"},
      {AggregationRule::kRatioOfSums, "ratio"},
      {AggregationRule::kWeightedAverage, "weighted"},
      {AggregationRule::kRatioOfSums, "ratio_of_sums"},
      {AggregationRule::kWeightedAverage, "weighted_average"}}}};
constexpr const auto& enum_table(AggregationRule) { return kAggregationRuleNames; }
const char* to_string(AggregationRule r);
/// "sum", "ratio", "weighted" (also "ratio_of_sums", "weighted_average"); throws InputError otherwise.
AggregationRule parse_aggregation_rule(const std::string& s);

/// Aggregate a tidy result over the key column `column` (e.g. "region") with `grouping`:
/// rows whose other keys agree and whose `column` keys fall in the same group are combined.
///   kSum: sum of values; `other` unused.
///   kRatioOfSums: `other` is the denominator table, with the same key columns; each value is
///     taken as a numerator and matched to the denominator row with equal keys; the result is
///     sum(num) / sum(den), NaN when sum(den) <= 0 (methods.md §8.2 pitfall 6).
///   kWeightedAverage: `other` is the weight table; its key columns must be a subset of the
///     value table's (e.g. weights by (region, sector) for multipliers by (region, sector,
///     indicator)); result sum(w v) / sum(w), NaN when sum(w) == 0.
/// Throws InputError when `column` is not a key, a label is not covered by the grouping, or a
/// numerator / value row has no matching denominator / weight row (naming its keys).
/// The result keeps the key columns; the value column is renamed "value" unless kSum.
TidyTable aggregate_tidy(const TidyTable& t, const std::string& column, const Grouping& grouping, AggregationRule rule,
                         const TidyTable* other = nullptr);

}  // namespace irio::tables
