// SPDX-License-Identifier: MIT
// Region -> country maps (kappa, METHODS §0.1) supplied by the user, e.g. to group the EU
// members of a world table into one country or the provinces of an embedded IRIO table.
#pragma once

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "tables/labels.h"

namespace irio::solver::gvc {

/// Parse "region,country" lines (an optional header "region,country", '#' comments, blank lines
/// ignored). Throws InputError naming `source` and the line on malformed input.
std::vector<std::pair<std::string, std::string>> parse_country_map(std::istream& in, const std::string& source);

/// Set labels.countries / country_of_region from the map, countries in order of first
/// appearance. Every region of `labels` must be mapped exactly once; unknown regions in the map
/// are errors (InputError naming `source`).
void assign_countries(tables::Labels& labels, const std::vector<std::pair<std::string, std::string>>& map,
                      const std::string& source);

}  // namespace irio::solver::gvc
