// SPDX-License-Identifier: MIT
// The aggregation rule of each indicator irio writes (methods.md §6.1).
#include "irio/tables/indicator_rules.h"

#include <algorithm>

namespace irio::tables {

namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, const std::string& e) {
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

IndicatorRule sum() { return {AggregationRule::kSum, WeightBasis::kNone, DerivedShare::kNone, {}, "summed (a flow)"}; }
IndicatorRule weighted(WeightBasis w, const std::string& why) {
  return {AggregationRule::kWeightedAverage, w, DerivedShare::kNone, {}, why};
}
IndicatorRule derived(DerivedShare d, const std::string& why) {
  return {AggregationRule::kRatioOfSums, WeightBasis::kNone, d, {}, why};
}
IndicatorRule refuse(const std::string& reason) {
  IndicatorRule r;
  r.refusal = reason;
  return r;
}

const char* kByFinalDemand = "weighted average, weights final demand y (methods.md §6.1)";
const char* kByValueAdded = "weighted average, weights value added va (methods.md §6.1)";
const char* kByOutput = "weighted average, weights gross output x (a ratio of sums over output)";

std::optional<IndicatorRule> position_rule(const std::string& ind) {
  if (ind == "upstreamness" || ind == "PLv") return weighted(WeightBasis::kValueAdded, kByValueAdded);
  if (ind == "downstreamness" || ind == "PLy") return weighted(WeightBasis::kFinalDemand, kByFinalDemand);
  if (starts_with(ind, "PLv_GVC") || starts_with(ind, "PLy_GVC") || starts_with(ind, "PLv_interregional") ||
      starts_with(ind, "PLy_interregional"))
    return refuse("a GVC production length is weighted by the GVC value added of its own term (methods.md "
                  "§6.1), which the position result does not hold; aggregate the table first (irio aggregate "
                  "TABLE.h5 --regions FILE) and run irio position on it");
  if (ind == "GVC_position" || ind == "interregional_position")
    return refuse("the GVC position index is a ratio of two GVC lengths, not an average; it has no additive "
                  "form (aggregate the table first and run irio position on it)");
  return std::nullopt;
}

std::optional<IndicatorRule> linkage_rule(const std::string& ind) {
  if (ind == "direct_backward" || ind == "direct_forward") return weighted(WeightBasis::kOutput, kByOutput);
  if (ind == "total_backward") return weighted(WeightBasis::kFinalDemand, kByFinalDemand);
  if (ind == "total_forward_ghosh") return weighted(WeightBasis::kValueAdded, kByValueAdded);
  if (ind == "power_of_dispersion" || starts_with(ind, "sensitivity_of_dispersion") ||
      ind == "coefficient_of_variation" || ind == "key_sector_class" || ind == "leontief_row_sum")
    return refuse("an index relative to the average of all region-sectors of the table (methods.md §2.4): "
                  "a group's value is not a combination of its members'; aggregate the table first and "
                  "run irio linkages on it");
  return std::nullopt;
}

std::optional<IndicatorRule> footprint_rule(const std::string& acc) {
  // S = F x^-1 per unit of output: the output-weighted mean is the group's F / x (a ratio of sums).
  if (acc == "S") return weighted(WeightBasis::kOutput, kByOutput);
  if (acc == "M") return weighted(WeightBasis::kFinalDemand, kByFinalDemand);
  // M_down = S (G - I)': stressors downstream per unit of primary input (methods.md §2.3).
  if (acc == "M_down") return weighted(WeightBasis::kValueAdded, kByValueAdded);
  if (ends_with(acc, "_cap"))
    return refuse("a per-capita account: aggregate the region totals (" + acc.substr(0, acc.size() - 4) +
                  "_reg, summed) and divide by the group's population");
  if (starts_with(acc, "D_")) return sum();
  return std::nullopt;
}

}  // namespace

std::optional<IndicatorRule> indicator_rule(const std::string& result, const std::string& ind) {
  if (result == "multipliers" || result == "multiplier_split" || result == "multiplier_round")
    return weighted(WeightBasis::kFinalDemand, kByFinalDemand);
  if (result == "position") return position_rule(ind);
  if (result == "kpww") {
    if (ind == "IV" || ind == "FV" || ind == "E") return sum();
    if (ind == "kpww_participation") return derived(DerivedShare::kKpwwParticipation, "(IV + FV) / E of the summed terms");
    if (ind == "kpww_position") return derived(DerivedShare::kKpwwPosition, "ln(1 + IV/E) - ln(1 + FV/E) of the summed terms");
    return std::nullopt;
  }
  if (result == "linkages") return linkage_rule(ind);
  if (result == "ghosh") {
    if (ind == "ghosh_output") return sum();
    if (ind == "ghosh_row_sum") return weighted(WeightBasis::kValueAdded, kByValueAdded);
    if (ind == "direct_forward") return weighted(WeightBasis::kOutput, kByOutput);
    if (ind == "ghosh_column_sum")
      return refuse("a Ghosh column sum has no weight that makes it additive; aggregate the table first");
    return std::nullopt;
  }
  if (result == "impact") return sum();
  if (starts_with(result, "footprints_") || result == "footprints") return footprint_rule(ind);
  if (result == "three_level_terms" || result == "chains" || result == "vby" || result == "leontief_terms")
    return sum();
  if (result == "participation")
    return refuse("participation is a ratio of value-chain terms; irio chains TABLE --groups FILE computes it "
                  "for groups of regions as a ratio of sums (methods.md §6.1)");
  if (result == "vax") {
    if (ind == "VAX" || ind == "GEXP") return sum();
    if (ind == "VAX_ratio") return derived(DerivedShare::kVaxRatio, "VAX / GEXP of the summed terms");
    return std::nullopt;
  }
  if (result == "extraction") {
    if (ends_with(ind, "_share")) return refuse("a share of the extraction's loss; sum the losses instead");
    return sum();
  }
  // The trade decompositions (wwz, kww, borin_mancini, ...): every term is a flow of value added.
  for (const char* t : {"wwz", "kww", "bm_", "borin", "ltdv_bilateral"})
    if (starts_with(result, t)) return sum();
  return std::nullopt;
}

std::string indicator_column(const TidyTable& t) {
  const auto& k = t.key_columns();
  for (const char* c : {"indicator", "account"})
    if (std::find(k.begin(), k.end(), c) != k.end()) return c;
  return {};
}

}  // namespace irio::tables
