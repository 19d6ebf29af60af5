// SPDX-License-Identifier: MIT
// The list of the library's verbs (verb.h): the CLI declares one command per entry, Python one
// method, and `irio aggregate` reads their outputs' rules. A new verb is its file in this folder
// and one line here.
#include "irio/analysis/internal/verbs.h"

namespace irio {

const std::vector<const VerbBase*>& verbs() {
  static const std::vector<const VerbBase*> all = {
      &decl::analyse(),
      &decl::chains(),
      &decl::circulation(),
      &decl::disparity(),
      &decl::extraction(),
      &decl::footprints(),
      &decl::ghosh(),
      &decl::impact(),
      &decl::linkages(),
      &decl::multipliers(),
      &decl::position(),
      &decl::scenario(),
      &decl::trade(),
  };
  return all;
}

}  // namespace irio
