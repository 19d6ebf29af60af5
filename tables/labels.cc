// SPDX-License-Identifier: MIT
// Label helpers and their consistency checks.
#include "irio/tables/labels.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

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

std::string Labels::nearest(const std::vector<std::string>& v, const std::string& s, std::size_t k) {
  auto lower = [](std::string t) {
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  const std::string ls = lower(s);
  // Edit distance on the lower-cased names (two rows; names are short).
  auto distance = [&](const std::string& a) {
    const std::string la = lower(a);
    std::vector<std::size_t> prev(ls.size() + 1), cur(ls.size() + 1);
    for (std::size_t j = 0; j <= ls.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= la.size(); ++i) {
      cur[0] = i;
      for (std::size_t j = 1; j <= ls.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (la[i - 1] == ls[j - 1] ? 0 : 1)});
      std::swap(prev, cur);
    }
    // A name that contains the query (or is contained in it) ranks right after an exact match.
    const bool part = !ls.empty() && (la.find(ls) != std::string::npos || ls.find(la) != std::string::npos);
    return la == ls ? 0 : part ? 1 : 2 + prev[ls.size()];
  };
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (distance, index)
  for (std::size_t i = 0; i < v.size(); ++i) ranked.emplace_back(distance(v[i]), i);
  std::sort(ranked.begin(), ranked.end());
  std::string out;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) out += (i ? ", '" : "'") + v[ranked[i].second] + "'";
  return out;
}

namespace {
void check_unique(const std::vector<std::string>& v, const std::string& what, const std::string& source) {
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
  auto check_names = [&](const std::vector<std::string>& names, const std::vector<std::string>& codes,
                         const std::string& what) {
    if (!names.empty() && names.size() != codes.size())
      throw InputError(source + ": " + std::to_string(names.size()) + " " + what + " names for " +
                       std::to_string(codes.size()) + " " + what + " codes");
  };
  check_names(region_names, regions, "region");
  check_names(sector_names, sectors, "sector");
  check_names(fd_category_names, fd_categories, "final-demand category");
  if (country_of_region.size() != regions.size())
    throw InputError(source + ": region->country map has " + std::to_string(country_of_region.size()) +
                     " entries for " + std::to_string(regions.size()) + " regions");
  for (std::size_t r = 0; r < regions.size(); ++r) {
    int c = country_of_region[r];
    if (c < 0 || static_cast<std::size_t>(c) >= countries.size())
      throw InputError(source + ": region '" + regions[r] + "' maps to no known country");
  }
}

bool Labels::region_names_differ() const {
  for (std::size_t r = 0; r < region_names.size() && r < regions.size(); ++r)
    if (!region_names[r].empty() && region_names[r] != regions[r]) return true;
  return false;
}

}  // namespace irio::tables
