// SPDX-License-Identifier: MIT
// Template part of wide_matrix.h: building the region-major label grid.
#pragma once

#include <set>

#include "irio/tables/error.h"
#include "irio/tables/labels.h"

namespace irio::io::internal {

template <typename Where>
LabelGrid make_grid(const std::vector<std::pair<std::string, std::string>>& keys, const std::string& what,
                    const std::string& second, Where where) {
  LabelGrid g;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto& [r, s] = keys[i];
    if (r.empty() || s.empty()) throw InputError(where(i) + ": empty region or sector label in " + what);
    auto [it, fresh] = seen.emplace(keys[i], i);
    if (!fresh)
      throw InputError(where(i) + ": duplicate label '" + r + "/" + s + "' (also at " + where(it->second) + ")");
    if (tables::Labels::find(g.regions, r) < 0) g.regions.push_back(r);
    if (tables::Labels::find(g.sectors, s) < 0) g.sectors.push_back(s);
  }
  const std::size_t N = g.sectors.size();
  for (std::size_t r = 0; r < g.regions.size(); ++r)
    for (std::size_t s = 0; s < N; ++s) {
      const auto key = std::make_pair(g.regions[r], g.sectors[s]);
      if (!seen.count(key))
        throw InputError(what + ": no entry for region '" + g.regions[r] + "', " + second + " '" + g.sectors[s] +
                         "' (every region must list every " + second + ": " + std::to_string(g.regions.size()) +
                         " regions x " + std::to_string(N) + " expected)");
      g.index.emplace(key, r * N + s);
    }
  return g;
}

inline long LabelGrid::find(const std::string& region, const std::string& sector) const {
  auto it = index.find({region, sector});
  return it == index.end() ? -1 : static_cast<long>(it->second);
}

}  // namespace irio::io::internal
