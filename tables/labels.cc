// SPDX-License-Identifier: MIT
// Label helpers and their consistency checks.
#include "irio/tables/labels.h"

#include <algorithm>
#include <set>

#include "irio/tables/error.h"

namespace irio::tables {

std::string Labels::describe(std::size_t i) const {
  return "region '" + region_of(i) + "', sector '" + sector_of(i) + "'";
}

void Labels::set_each_region_own_country() {
  countries = regions;
  country_of_region.resize(regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) country_of_region[r] = static_cast<int>(r);
}

int Labels::find(const std::vector<std::string>& v, const std::string& s) {
  auto it = std::find(v.begin(), v.end(), s);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

namespace {
void check_unique(const std::vector<std::string>& v, const std::string& what,
                  const std::string& source) {
  std::set<std::string> seen;
  for (const auto& s : v) {
    if (s.empty()) throw InputError(source + ": empty " + what + " label");
    if (!seen.insert(s).second) throw InputError(source + ": duplicate " + what + " label '" + s + "'");
  }
}
}  // namespace

void Labels::check(const std::string& source) const {
  if (regions.empty()) throw InputError(source + ": no regions");
  if (sectors.empty()) throw InputError(source + ": no sectors");
  check_unique(regions, "region", source);
  check_unique(sectors, "sector", source);
  check_unique(countries, "country", source);
  check_unique(fd_categories, "final-demand category", source);
  if (country_of_region.size() != regions.size())
    throw InputError(source + ": region->country map has " + std::to_string(country_of_region.size()) +
                     " entries for " + std::to_string(regions.size()) + " regions");
  for (std::size_t r = 0; r < regions.size(); ++r) {
    int c = country_of_region[r];
    if (c < 0 || static_cast<std::size_t>(c) >= countries.size())
      throw InputError(source + ": region '" + regions[r] + "' maps to no known country");
  }
}

}  // namespace irio::tables
