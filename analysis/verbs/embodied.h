// SPDX-License-Identifier: MIT
// `embodied`: stressors embodied in bilateral trade, MRIO and EEBT (issue 21 §2; methods.md §2.7;
// solver/embodied_trade.h). Run it as irio::verb("embodied"), `irio embodied` or
// irio.Table.embodied; the request is the verb's options.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/enum_names.h"

namespace irio {

/// What is embodied: every stressor of a satellite (s = F x^+), or value added (s = v).
enum class EmbodiedOf { kStressor, kValueAdded };
inline constexpr EnumTable<EmbodiedOf, 2> kEmbodiedOfNames{
    "embodied", {{{EmbodiedOf::kStressor, "stressor"}, {EmbodiedOf::kValueAdded, "value-added"}}}};
constexpr const auto& enum_table(EmbodiedOf) { return kEmbodiedOfNames; }

struct EmbodiedTradeRequest {
  EmbodiedOf of = EmbodiedOf::kStressor;  ///< stressor needs `satellite`
  std::string satellite;                  ///< the satellite account (every stressor of it)
  bool by_sector = false;                 ///< also embodied_trade_by_sector (exporting sector detail)
  /// The border between exporter and importer: regions, or countries (trade between regions of one
  /// country is domestic; EEBT at the country's domestic intensity).
  solver::Perimeter perimeter = solver::Perimeter::kRegion;

  std::string validate() const;  ///< from its declaration (verbs/embodied.cc)
  /// embodied_trade[, embodied_trade_by_sector], embodied_balance, diagnostics
  std::vector<std::string> table_names() const;
};

}  // namespace irio
