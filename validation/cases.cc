// SPDX-License-Identifier: MIT
// The list of validation cases, in the order `irio validate` runs them.
#include "irio/validation/cases.h"

namespace irio::validation {

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> c;
    add_multiplier_cases(c);
    add_pymrio_cases(c);
    add_decompr_cases(c);
    return c;
  }();
  return all;
}

}  // namespace irio::validation
