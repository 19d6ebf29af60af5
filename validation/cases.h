// SPDX-License-Identifier: MIT
// The groups of validation cases (one file each), assembled by cases() in cases.cc.
#pragma once

#include <vector>

#include "irio/validation/validation.h"

namespace irio::validation {

void add_multiplier_cases(std::vector<Case>& cases);
void add_pymrio_cases(std::vector<Case>& cases);
void add_decompr_cases(std::vector<Case>& cases);

}  // namespace irio::validation
