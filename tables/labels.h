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
  /// Optional display names beside the codes (e.g. "Guangdong" for "GD"). Each is either empty
  /// (no names) or the same size as its codes; names may repeat.
  std::vector<std::string> region_names;
  std::vector<std::string> sector_names;
  std::vector<std::string> fd_category_names;

  std::size_t num_regions() const { return regions.size(); }
  std::size_t num_sectors() const { return sectors.size(); }
  std::size_t num_countries() const { return countries.size(); }
  std::size_t size() const { return regions.size() * sectors.size(); }  ///< n = G N
  std::size_t index(std::size_t region, std::size_t sector) const { return region * sectors.size() + sector; }
  /// "REGION/SECTOR" for messages.
  std::string describe(std::size_t i) const;
  /// Region-sector label of row i as "REGION_SECTOR".
  std::string region_of(std::size_t i) const { return regions[i / sectors.size()]; }
  std::string sector_of(std::size_t i) const { return sectors[i % sectors.size()]; }

  bool has_region_names() const { return !region_names.empty(); }
  bool has_sector_names() const { return !sector_names.empty(); }
  bool has_fd_category_names() const { return !fd_category_names.empty(); }
  /// Display name of region/sector/final-demand category k; the code when there are no names
  /// or the name is empty.
  const std::string& region_name(std::size_t r) const { return pick(region_names, regions, r); }
  const std::string& sector_name(std::size_t i) const { return pick(sector_names, sectors, i); }
  const std::string& fd_category_name(std::size_t k) const { return pick(fd_category_names, fd_categories, k); }
  /// True when some region name differs from its code.
  bool region_names_differ() const;

  /// Every region its own country (a world table). Sets countries = regions.
  void set_each_region_own_country();
  /// Position of a label, or -1.
  static int find(const std::vector<std::string>& v, const std::string& s);
  /// For error messages about an unknown name: up to `k` names of `v` nearest to `s` (a
  /// case-insensitive match first, then by edit distance), as "'A', 'B', 'C'".
  static std::string nearest(const std::vector<std::string>& v, const std::string& s, std::size_t k = 3);
  /// Throws InputError naming `what` and `source` if labels are empty or duplicated, or the
  /// country map is inconsistent.
  /// Display names, where present, must match their codes in number.
  void check(const std::string& source) const;

 private:
  static const std::string& pick(const std::vector<std::string>& names, const std::vector<std::string>& codes,
                                 std::size_t k) {
    return k < names.size() && !names[k].empty() ? names[k] : codes[k];
  }
};

}  // namespace irio::tables
