// SPDX-License-Identifier: MIT
// The typed declarations of the verbs whose requests live in requests.h / regional.h, for those
// structs' validate() and table_names(), which read them (a verb with its request in its own
// header, as verbs/embodied.h, declares its accessor there). Not installed: the API is irio::verbs().
#pragma once

#include "irio/analysis/regional.h"
#include "irio/analysis/requests.h"
#include "irio/analysis/verb.h"

namespace irio::decl {

/// Pieces several declarations share, written once.
inline constexpr const char* kOneFilePerTable = "Result file (.csv: one file per table, or .h5)";
inline OptionSpec groups_option() {
  return option_spec("groups", "",
                     "Also by groups of regions: a grouping CSV (member,group) or a shipped name such as four_regions "
                     "(repeatable)",
                     OptionKind::kGroupings);
}
inline OutputSpec identities_output() { return {"diagnostics", "the §6.2 identity checks", kUnitMixed, {}}; }

/// A request with no options (ghosh).
struct NoOptions {};

const Verb<MultiplierRequest>& multipliers();
const Verb<FootprintRequest>& footprints();
const Verb<ImpactRequest>& impact();
const Verb<LinkageRequest>& linkages();
const Verb<NoOptions>& ghosh();
const Verb<ExtractionRequest>& extraction();
const Verb<ChainRequest>& chains();
const Verb<TradeRequest>& trade();
const Verb<PositionRequest>& position();
const Verb<AnalyseRequest>& analyse();
const Verb<CirculationRequest>& circulation();
const Verb<DisparityRequest>& disparity();
const Verb<MarketScenarioRequest>& scenario();

/// The checks across options of the regional verbs (in their kernels' files).
std::string circulation_problems(const CirculationRequest& r);
std::string disparity_problems(const DisparityRequest& r);
std::string scenario_problems(const MarketScenarioRequest& r);

}  // namespace irio::decl
