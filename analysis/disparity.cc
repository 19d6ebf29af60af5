// SPDX-License-Identifier: MIT
// Disparity of a region-level indicator through irio::Analysis (methods.md §10.3).
#include <cmath>

#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/regional.h"
#include "irio/io/concordance_reader.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

const std::vector<std::string>& table_indicators() {
  static const std::vector<std::string> names{"output", "value_added", "va_per_output", "va_per_capita"};
  return names;
}

bool known_indicator(const std::string& s) {
  for (const auto& n : table_indicators())
    if (n == s) return true;
  return solver::gvc::circulation_indicator_index(s) >= 0;
}

}  // namespace

std::string decl::disparity_problems(const DisparityRequest& r) {
  if (r.indicator_file.empty() && !known_indicator(r.indicator))
    return "unknown indicator '" + r.indicator +
           "' (a circulation indicator such as gvc_forward, or output, value_added, va_per_output, va_per_capita; "
           "or give an indicator file)";
  if (r.weights == DisparityWeights::kPopulation && r.population_file.empty())
    return "--weights population needs --population FILE (a CSV region,value with every region), or choose "
           "--weights equal, output or value_added";
  if (r.indicator_file.empty() && r.indicator == "va_per_capita" && r.population_file.empty())
    return "--indicator va_per_capita needs --population FILE (a CSV region,value with every region), or choose "
           "another --indicator";
  return {};
}

std::string DisparityRequest::indicator_name() const {
  if (indicator_file.empty()) return indicator;
  auto name = indicator_file.substr(indicator_file.find_last_of('/') + 1);
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) name.resize(name.size() - 4);
  return name;
}

DisparityResults disparity(const Analysis& a, const DisparityRequest& r) {
  require_valid("disparity", r.validate());
  const auto& lab = a.table().labels;
  // The regions analysed: all, or those of one country.
  std::vector<Index> sel;
  int country = -1;
  if (!r.country.empty()) {
    country = tables::Labels::find(lab.countries, r.country);
    if (country < 0)
      throw InputError("disparity: unknown country '" + r.country +
                       "' (nearest: " + tables::Labels::nearest(lab.countries, r.country, 2) + ")");
  }
  DisparityResults out;
  for (std::size_t g = 0; g < lab.num_regions(); ++g)
    if (country < 0 || lab.country_of_region[g] == country) {
      sel.push_back(static_cast<Index>(g));
      out.regions.push_back(lab.regions[g]);
    }
  // Groupings over the selected regions (read and checked before anything is solved).
  std::vector<tables::Grouping> groupings;
  std::vector<std::vector<int>> group_of;
  for (const auto& spec : r.groups) {
    groupings.push_back(io::load_grouping(spec));
    groupings.back().require_members_in(lab.regions, "region of the table", spec, true);
    group_of.push_back(groupings.back().map(out.regions, "region", spec));
  }
  Vector pop;
  if (!r.population_file.empty()) pop = read_region_values(r.population_file, lab, "population");
  Vector user;
  if (!r.indicator_file.empty()) user = read_region_values(r.indicator_file, lab, "indicator");
  for (Index g : sel) {
    const auto& reg = lab.regions[static_cast<std::size_t>(g)];
    if (pop.size() && std::isnan(pop(g)))
      throw InputError(r.population_file + ": no population for region '" + reg +
                       "': give a row region,value for every region analysed, or restrict them with --country");
    if (user.size() && std::isnan(user(g)))
      throw InputError(r.indicator_file + ": no value for region '" + reg +
                       "': give a row region,value for every region analysed, or restrict them with --country");
  }
  const auto& m = a.model();
  const Index N = m.num_sectors(), G = static_cast<Index>(lab.num_regions());
  // methods.md §1.3, one output vector per model: x = L y and va = v o L y, as chains and
  // circulation use them (the table's own x and va differ where its rows do not balance).
  const Vector& xm = m.model_output();
  Vector x = Vector::Zero(G), va = Vector::Zero(G);
  for (Index i = 0; i < m.n(); ++i) {
    if (!m.is_active(i)) continue;
    x(i / N) += xm(i);
    va(i / N) += m.v()(i) * xm(i);
  }
  Vector values(G);
  std::string defined_here = "output, value_added, va_per_output";
  if (user.size()) {
    values = user;
  } else if (r.indicator == "output") {
    values = x;
  } else if (r.indicator == "value_added") {
    values = va;
  } else if (r.indicator == "va_per_output") {
    values = va.cwiseQuotient(x);
  } else if (r.indicator == "va_per_capita") {
    values = va.cwiseQuotient(pop);
  } else {
    const auto d = solver::gvc::three_level_decomposition(m);
    const tables::Matrix all = solver::gvc::circulation(m, d).indicators;
    values = all.col(solver::gvc::circulation_indicator_index(r.indicator));
    // The indicators defined for every selected region, named when the chosen one is not (issue 22).
    const auto& names = solver::gvc::circulation_indicator_names();
    for (std::size_t k = 0; k < names.size(); ++k) {
      bool ok = true;
      for (Index g : sel) ok = ok && std::isfinite(all(g, static_cast<Index>(k)));
      if (ok) defined_here += (defined_here.empty() ? "" : ", ") + names[k];
    }
  }
  Vector w(G);
  switch (r.weights) {
    case DisparityWeights::kEqual: w.setOnes(); break;
    case DisparityWeights::kOutput: w = x; break;
    case DisparityWeights::kValueAdded: w = va; break;
    case DisparityWeights::kPopulation: w = pop; break;
  }
  // An indicator that is undefined for a region (NVC of a country of one region, methods.md §10.1)
  // is refused naming it, rather than counted as 0.
  for (Index g : sel)
    if (!user.size() && !std::isfinite(values(g)))
      throw InputError("disparity: " + r.indicator + " is not defined for region '" +
                       lab.regions[static_cast<std::size_t>(g)] +
                       "' (NVC, NTF and the orientation need another region in the same country; a ratio needs "
                       "a nonzero denominator; forward GVC needs a table whose rest of the world is endogenous, e.g. a "
                       "nested one, `irio nest`); restrict the analysis with --country, or choose an indicator defined "
                       "for every region here with --indicator: " +
                       defined_here);
  const auto S = static_cast<Index>(sel.size());
  out.values.resize(S);
  out.weights.resize(S);
  for (Index k = 0; k < S; ++k) {
    out.values(k) = values(sel[static_cast<std::size_t>(k)]);
    out.weights(k) = w(sel[static_cast<std::size_t>(k)]);
  }
  tables::TidyTable t = solver::disparity_table();
  const std::string ind = r.indicator_name(), wn = enum_name(r.weights);
  if (groupings.empty()) {
    out.by_grouping.push_back(
        solver::disparity(out.values, out.weights, std::vector<int>(sel.size(), 0), {"all"}, out.regions, &out.note));
    solver::append_disparity(out.by_grouping.back(), "none", ind, wn, t);
  }
  for (std::size_t k = 0; k < groupings.size(); ++k) {
    out.by_grouping.push_back(
        solver::disparity(out.values, out.weights, group_of[k], groupings[k].groups(), out.regions, &out.note));
    solver::append_disparity(out.by_grouping.back(), groupings[k].name(), ind, wn, t);
  }
  out.tables = {std::move(t)};
  return out;
}

}  // namespace irio
