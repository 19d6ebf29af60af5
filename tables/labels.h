// SPDX-License-Identifier: MIT
// Labels of an input-output table: regions, sectors, countries and the region->country map.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace irio::tables {

/// Row/column labels of a multi-regional table. Rows and columns of Z are region-major:
/// index(r, i) = r * N + i (methods.md §0.1). Every region belongs to exactly one country.
struct Labels {
  std::vector<std::string> regions;        ///< G region codes, e.g. "CHN" or "Beijing"
  std::vector<std::string> sectors;        ///< N sector codes, shared by every region
  std::vector<std::string> countries;      ///< C country codes
  std::vector<int> country_of_region;      ///< size G, values in [0, C): kappa(r)
  std::vector<std::string> fd_categories;  ///< K final-demand categories per destination region

  std::size_t num_regions() const { return regions.size(); }
  std::size_t num_sectors() const { return sectors.size(); }
  std::size_t num_countries() const { return countries.size(); }
  std::size_t size() const { return regions.size() * sectors.size(); }  ///< n = G N
  std::size_t index(std::size_t region, std::size_t sector) const {
    return region * sectors.size() + sector;
  }
  /// "REGION/SECTOR" for messages.
  std::string describe(std::size_t i) const;
  /// Region-sector label of row i as "REGION_SECTOR".
  std::string region_of(std::size_t i) const { return regions[i / sectors.size()]; }
  std::string sector_of(std::size_t i) const { return sectors[i % sectors.size()]; }

  /// Every region its own country (a world table). Sets countries = regions.
  void set_each_region_own_country();
  /// Position of a label, or -1.
  static int find(const std::vector<std::string>& v, const std::string& s);
  /// For error messages about an unknown name: up to `k` names of `v` nearest to `s` (a
  /// case-insensitive match first, then by edit distance), as "'A', 'B', 'C'".
  static std::string nearest(const std::vector<std::string>& v, const std::string& s, std::size_t k = 3);
  /// Throws InputError naming `what` and `source` if labels are empty or duplicated, or the
  /// country map is inconsistent.
  void check(const std::string& source) const;
};

}  // namespace irio::tables
