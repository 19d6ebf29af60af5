// SPDX-License-Identifier: MIT
// `embodied`: stressors embodied in bilateral trade, MRIO and EEBT (issue 21 §2; methods.md §2.7;
// solver/embodied_trade.h). Run it as irio::verb("embodied"), `irio embodied` or
// irio.Table.embodied; the request is the verb's options.
#pragma once

#include <string>
#include <vector>

namespace irio {

struct EmbodiedTradeRequest {
  std::string satellite;  ///< required: the satellite account (every stressor of it)

  std::string validate() const;                  ///< from its declaration (verbs/embodied.cc)
  std::vector<std::string> table_names() const;  ///< embodied_trade, embodied_balance, diagnostics
};

}  // namespace irio
