// SPDX-License-Identifier: MIT
// Backward and forward linkages, Rasmussen-Hirschman normalized indices, key-sector classes and
// the (opt-in, FULL-cost) Rasmussen coefficient of variation (methods.md §2.5).
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// Which total forward linkage defines the sensitivity of dispersion used for key sectors.
enum class ForwardLinkage { kGhosh, kLeontief };
inline constexpr EnumTable<ForwardLinkage, 2> kForwardLinkageNames{
    "forward linkage", {{{ForwardLinkage::kGhosh, "ghosh"}, {ForwardLinkage::kLeontief, "leontief"}}}};
constexpr const auto& enum_table(ForwardLinkage) { return kForwardLinkageNames; }
ForwardLinkage forward_linkage_from_string(const std::string& s);

/// Weights of the Rasmussen normalizations (methods.md §2.5 "weighted variants"): the plain average
/// over sectors (1/n), or the final-demand or output shares, so that U_j = v_j / sum_k w_k v_k
/// with sum_k w_k = 1 and the w-weighted average of each index is exactly 1.
enum class LinkageWeights { kNone, kFinalDemand, kOutput };
inline constexpr EnumTable<LinkageWeights, 3> kLinkageWeightsNames{"linkage weights",
                                                                   {{{LinkageWeights::kNone, "none"},
                                                                     {LinkageWeights::kFinalDemand, "final_demand"},
                                                                     {LinkageWeights::kOutput, "output"}}}};
constexpr const auto& enum_table(LinkageWeights) { return kLinkageWeightsNames; }
/// Parse "none|final_demand|output"; throws InputError otherwise.
LinkageWeights linkage_weights_from_string(const std::string& s);

struct LinkageOptions {
  ForwardLinkage forward = ForwardLinkage::kGhosh;  ///< methods.md §2.5 recommends Ghosh
  bool coefficient_of_variation = false;            ///< FULL cost: streams every column of L
  Index cv_block = 256;                             ///< columns of L solved per block for the CV
  LinkageWeights weights = LinkageWeights::kNone;   ///< averages in the normalized indices
  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// Key-sector class (methods.md §2.5): key (U^b > 1 and U^f > 1), backward-oriented (U^b > 1 >= U^f),
/// forward-oriented (U^f > 1 >= U^b), weak (both <= 1). Coded 3, 2, 1, 0 in tidy output.
enum class SectorClass { kWeak = 0, kForward = 1, kBackward = 2, kKey = 3 };
inline constexpr EnumTable<SectorClass, 4> kSectorClassNames{"sector class",
                                                             {{{SectorClass::kWeak, "weak"},
                                                               {SectorClass::kForward, "forward-oriented"},
                                                               {SectorClass::kBackward, "backward-oriented"},
                                                               {SectorClass::kKey, "key"}}}};
constexpr const auto& enum_table(SectorClass) { return kSectorClassNames; }
const char* to_string(SectorClass c);

/// All linkage indicators, n each; zero-output sectors are NaN and excluded from the averages
/// (n in the normalizations counts active sectors only).
struct Linkages {
  Vector direct_backward;           ///< 1'A
  Vector direct_forward;            ///< B 1
  Vector total_backward;            ///< 1'L
  Vector total_forward;             ///< G 1 = x^-1 L x (Ghosh)
  Vector leontief_row_sum;          ///< L 1 (historical "sensitivity of dispersion")
  Vector power_of_dispersion;       ///< U^b_j = n (1'L)_j / (1'L 1); weighted: (1'L)_j / (1'L w)
  Vector sensitivity_ghosh;         ///< U^f_i = n (G 1)_i / (1'G 1); weighted: (G 1)_i / (w'G 1)
  Vector sensitivity_leontief;      ///< n (L 1)_i / (1'L 1); weighted likewise
  Vector coefficient_of_variation;  ///< V_j (empty unless requested)
  std::vector<SectorClass> classes;
};

/// Compute the linkages (methods.md §2.5). Cost: S'(1) + 2 S(1); the CV adds n solves in blocks.
Linkages compute_linkages(const LeontiefModel& model, const LinkageOptions& opt = {});

/// region,sector,indicator,value (names in docs/indicators.md); the class is "key_sector_class".
tables::TidyTable linkages_table(const LeontiefModel& model, const Linkages& lk);

}  // namespace irio::solver
