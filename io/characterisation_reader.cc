// SPDX-License-Identifier: MIT
// Characterisation factors in pymrio's long layout (characterisation_reader.h).
#include "irio/io/characterisation_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {

struct Columns {
  long impact = -1, stressor = -1, factor = -1, compartment = -1, impact_unit = -1, stressor_unit = -1, region = -1;
};

Columns find_columns(const CsvFile& f) {
  if (f.rows.empty())
    throw InputError(f.path + ": empty characterisation file, expected a header with impact, stressor, factor");
  Columns c;
  const auto& head = f.rows[0].fields;
  for (std::size_t k = 0; k < head.size(); ++k) {
    std::string h = head[k];
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    long* slot = h == "impact"          ? &c.impact
                 : h == "stressor"      ? &c.stressor
                 : h == "factor"        ? &c.factor
                 : h == "compartment"   ? &c.compartment
                 : h == "impact_unit"   ? &c.impact_unit
                 : h == "stressor_unit" ? &c.stressor_unit
                 : h == "region"        ? &c.region
                                        : nullptr;
    if (slot == nullptr) continue;
    if (*slot >= 0) throw InputError(f.where(0, k) + ": column '" + head[k] + "' appears twice");
    *slot = static_cast<long>(k);
  }
  for (auto [col, name] : {std::pair{c.impact, "impact"}, {c.stressor, "stressor"}, {c.factor, "factor"}})
    if (col < 0)
      throw InputError(f.path + ":" + std::to_string(f.rows[0].line) + ": the header has no '" + name +
                       "' column (characterisation factors need impact, stressor, factor; optional compartment, "
                       "impact_unit, stressor_unit, region)");
  f.require_width(head.size(), 1);
  return c;
}

std::string field(const CsvFile& f, std::size_t r, long c) {
  return c < 0 ? std::string() : f.cell(r, static_cast<std::size_t>(c));
}

/// The satellite stressor a row names: "stressor/compartment" first, then the stressor alone.
int match_stressor(const tables::Satellite& sat, const std::string& stressor, const std::string& compartment) {
  if (!compartment.empty()) {
    const int i = tables::Labels::find(sat.stressors, stressor + "/" + compartment);
    if (i >= 0) return i;
  }
  return tables::Labels::find(sat.stressors, stressor);
}

std::string first_names(const std::vector<std::string>& v, std::size_t k) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < k; ++i) s += (i ? ", '" : "'") + v[i] + "'";
  return v.size() > k ? s + ", ..." : s;
}

struct Factor {
  std::size_t impact, stressor, line;
  std::optional<std::size_t> region;  ///< empty: every region
  double value;
};

}  // namespace

CharacterisationFile read_characterisation(const std::string& path, const tables::Satellite& sat,
                                           const tables::Labels& labels) {
  const CsvFile f = read_csv(path);
  const Columns col = find_columns(f);
  CharacterisationFile out;
  auto& c = out.factors;
  std::vector<Factor> factors;
  // Per impact (by name, every impact of the file): first line needing a stressor the satellite
  // lacks, and whether any of its stressors matched.
  std::vector<std::string> all_impacts;
  std::map<std::string, std::pair<std::string, std::size_t>> missing;  // impact -> (stressor, line)
  std::map<std::string, bool> matched;
  std::map<std::string, std::size_t> unit_line;
  std::map<std::tuple<std::size_t, std::size_t, long>, std::size_t> seen;  // (impact, stressor, region) -> line
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const std::size_t line = f.rows[r].line;
    const std::string impact = field(f, r, col.impact), stressor = field(f, r, col.stressor);
    if (impact.empty()) throw InputError(f.where(r, static_cast<std::size_t>(col.impact)) + ": empty impact name");
    if (stressor.empty())
      throw InputError(f.where(r, static_cast<std::size_t>(col.stressor)) + ": empty stressor name");
    if (std::find(all_impacts.begin(), all_impacts.end(), impact) == all_impacts.end()) all_impacts.push_back(impact);
    const std::string compartment = field(f, r, col.compartment);
    const int q = match_stressor(sat, stressor, compartment);
    const std::string shown = compartment.empty() ? stressor : stressor + "/" + compartment;
    if (q < 0) {
      missing.emplace(impact, std::make_pair(shown, line));
      matched.emplace(impact, false);
      continue;
    }
    matched[impact] = true;
    const std::string s_unit = field(f, r, col.stressor_unit);
    const std::string& sat_unit = sat.units.at(static_cast<std::size_t>(q));
    if (!s_unit.empty() && !sat_unit.empty() && s_unit != sat_unit)
      throw InputError(f.where(r, static_cast<std::size_t>(col.stressor_unit)) + ": stressor '" + shown + "' is in '" +
                       s_unit + "' here but in '" + sat_unit + "' in satellite '" + sat.name +
                       "': convert the factor to the satellite's unit");
    int p = tables::Labels::find(c.impacts, impact);
    const std::string i_unit = field(f, r, col.impact_unit);
    if (p < 0) {
      c.impacts.push_back(impact);
      c.impact_units.push_back(i_unit);
      unit_line[impact] = line;
      p = static_cast<int>(c.impacts.size()) - 1;
    } else if (c.impact_units[static_cast<std::size_t>(p)] != i_unit) {
      throw InputError(f.where(r, static_cast<std::size_t>(std::max(col.impact_unit, col.impact))) + ": impact '" +
                       impact + "' is in '" + i_unit + "' here but in '" + c.impact_units[static_cast<std::size_t>(p)] +
                       "' on line " + std::to_string(unit_line[impact]) + ": one unit per impact");
    }
    Factor fac{static_cast<std::size_t>(p), static_cast<std::size_t>(q), line, std::nullopt, 0.0};
    const std::string region = field(f, r, col.region);
    if (!region.empty()) {
      const int g = tables::Labels::find(labels.regions, region);
      if (g < 0)
        throw InputError(f.where(r, static_cast<std::size_t>(col.region)) + ": unknown region '" + region +
                         "' (nearest: " + tables::Labels::nearest(labels.regions, region) + ")");
      fac.region = static_cast<std::size_t>(g);
    }
    fac.value = f.number(r, static_cast<std::size_t>(col.factor), "characterisation factor");
    const long key_region = fac.region ? static_cast<long>(*fac.region) : -1;
    const auto [it, fresh] = seen.emplace(std::make_tuple(fac.impact, fac.stressor, key_region), line);
    if (!fresh)
      throw InputError(path + ":" + std::to_string(line) + ": a second factor for impact '" + impact +
                       "' and stressor '" + shown + "'" + (region.empty() ? "" : " in region '" + region + "'") +
                       " (the first is on line " + std::to_string(it->second) + ")");
    factors.push_back(fac);
  }
  out.rows = f.rows.size() - 1;
  for (const auto& impact : all_impacts) {
    const auto m = missing.find(impact);
    if (m == missing.end()) continue;
    if (!matched[impact]) {
      out.skipped_impacts.push_back(impact);
      continue;
    }
    throw InputError(path + ":" + std::to_string(m->second.second) + ": impact '" + impact + "' needs stressor '" +
                     m->second.first + "', which satellite '" + sat.name +
                     "' does not have, while it has the impact's other stressors: its value would be understated "
                     "(remove the row, or characterise a satellite that has the stressor; nearest: " +
                     tables::Labels::nearest(sat.stressors, m->second.first) + ")");
  }
  if (c.impacts.empty())
    throw InputError(path + ": none of the file's " + std::to_string(all_impacts.size()) +
                     " impacts uses a stressor of satellite '" + sat.name +
                     "' (its stressors: " + first_names(sat.stressors, 5) + ")");

  const auto kI = static_cast<Eigen::Index>(c.impacts.size());
  const auto kF = static_cast<Eigen::Index>(sat.stressors.size());
  const bool regional =
      std::any_of(factors.begin(), factors.end(), [](const Factor& x) { return x.region.has_value(); });
  const std::size_t G = labels.num_regions();
  if (!regional) {
    c.factors = tables::Matrix::Zero(kI, kF);
    for (const auto& x : factors)
      c.factors(static_cast<Eigen::Index>(x.impact), static_cast<Eigen::Index>(x.stressor)) = x.value;
    return out;
  }
  // Regionalised: a region's own factor, else the factor for every region (empty region); a pair
  // (impact, stressor) with any factor needs one in every region.
  c.by_region.assign(G, tables::Matrix::Zero(kI, kF));
  std::map<std::pair<std::size_t, std::size_t>, std::vector<char>> covered;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> first_line;
  for (const auto& x : factors) {
    auto& cov = covered[{x.impact, x.stressor}];
    cov.resize(G, 0);
    first_line.emplace(std::make_pair(x.impact, x.stressor), x.line);
    if (x.region) continue;
    for (std::size_t g = 0; g < G; ++g) {
      c.by_region[g](static_cast<Eigen::Index>(x.impact), static_cast<Eigen::Index>(x.stressor)) = x.value;
      cov[g] = 1;
    }
  }
  for (const auto& x : factors)
    if (x.region) {
      c.by_region[*x.region](static_cast<Eigen::Index>(x.impact), static_cast<Eigen::Index>(x.stressor)) = x.value;
      covered[{x.impact, x.stressor}][*x.region] = 1;
    }
  for (const auto& [key, cov] : covered)
    for (std::size_t g = 0; g < G; ++g)
      if (!cov[g])
        throw InputError(path + ":" + std::to_string(first_line[key]) + ": impact '" + c.impacts[key.first] +
                         "' has regional factors for stressor '" + sat.stressors[key.second] +
                         "' but none for region '" + labels.regions[g] +
                         "': give one (or a row with an empty region for every region)");
  return out;
}

}  // namespace irio::io
