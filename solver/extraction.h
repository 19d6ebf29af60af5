// SPDX-License-Identifier: MIT
// Hypothetical extraction (HEM): total, backward partial, forward partial (Ghosh) and block
// extractions, by Woodbury updates of the existing factorization for small sets and by
// refactorization beyond ~n/10 columns (methods.md §2.6).
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

enum class ExtractionKind {
  kTotal,          ///< delete rows and columns J from A and J from y (Strassert/Schultz)
  kBackward,       ///< A_ij <- 0 for j in J (i != j unless keep_diagonal is false)
  kForward,        ///< B_ij <- 0 for i in J (j != i unless keep_diagonal is false); va fixed
  kInterRegional,  ///< all blocks A^rs, r != s (Dietzenbacher-van der Linden-Steenge 1993)
  kNational,       ///< only A_N: inter-regional blocks within a country
};
inline constexpr EnumTable<ExtractionKind, 5> kExtractionKindNames{"extraction",
                                                                   {{{ExtractionKind::kTotal, "total"},
                                                                     {ExtractionKind::kBackward, "backward"},
                                                                     {ExtractionKind::kForward, "forward"},
                                                                     {ExtractionKind::kInterRegional, "inter-regional"},
                                                                     {ExtractionKind::kNational, "national"}}}};
constexpr const auto& enum_table(ExtractionKind) { return kExtractionKindNames; }
const char* to_string(ExtractionKind k);

enum class ExtractionMethod { kAuto, kWoodbury, kRefactorize };
inline constexpr EnumTable<ExtractionMethod, 3> kExtractionMethodNames{
    "extraction method",
    {{{ExtractionMethod::kAuto, "auto"},
      {ExtractionMethod::kWoodbury, "woodbury"},
      {ExtractionMethod::kRefactorize, "refactorize"}}}};
constexpr const auto& enum_table(ExtractionMethod) { return kExtractionMethodNames; }

struct ExtractionOptions {
  bool keep_diagonal = true;  ///< methods.md §8.1 hem_keep_diagonal
  ExtractionMethod method = ExtractionMethod::kAuto;
  double refactorize_fraction = 0.1;  ///< auto: refactorize when rank > fraction * n
  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// Outcome of one extraction. Losses are baseline minus extracted (the linkage, §2.6).
struct ExtractionResult {
  ExtractionKind kind = ExtractionKind::kTotal;
  std::vector<Index> sectors;               ///< J (empty for block extractions)
  std::string method;                       ///< "woodbury" or "refactorize" (or "none" for J empty)
  Index rank = 0;                           ///< rank of the update (columns changed)
  Vector x_base, x_extracted;               ///< n each
  double output_loss = 0;                   ///< 1'x - 1'xbar
  double va_loss = 0;                       ///< v'(x - xbar) at fixed VA coefficients
  std::vector<std::string> stressor_names;  ///< "SATELLITE/STRESSOR"
  Vector stressor_loss;                     ///< S (x - xbar) for every satellite row
};

/// Run one extraction. `sectors` (region-sector indices, 0-based) is used by kTotal, kBackward
/// and kForward and must be empty for block kinds. Throws InputError for out-of-range or
/// duplicate indices, NumericalError if the capacitance matrix I + W'LU is singular.
ExtractionResult extract(const LeontiefModel& model, ExtractionKind kind, const std::vector<Index>& sectors,
                         const ExtractionOptions& opt = {});

/// Resolve "REGION/SECTOR" or "SECTOR" (all regions) labels to indices; InputError if unknown.
std::vector<Index> sector_indices(const LeontiefModel& model, const std::vector<std::string>& specs);

/// Tidy result: extraction,indicator,value with indicators output_base, output_extracted,
/// output_loss, output_loss_share, va_loss and "<satellite>/<stressor>_loss".
tables::TidyTable extraction_table(const std::vector<ExtractionResult>& results, const std::vector<std::string>& names);

}  // namespace irio::solver
