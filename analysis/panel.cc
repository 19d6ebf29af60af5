// SPDX-License-Identifier: MIT
// Panels: one verb's results over several tables of one classification, stacked with a `year`
// column (methods.md §10.5).
#include <algorithm>

#include "irio/analysis/regional.h"
#include "irio/io/concordance_reader.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

/// "" when the labels agree, else the first difference.
std::string label_difference(const tables::Labels& a, const tables::Labels& b) {
  auto diff = [](const char* what, const std::vector<std::string>& x,
                 const std::vector<std::string>& y) -> std::string {
    if (x.size() != y.size()) return std::to_string(y.size()) + " " + what + " instead of " + std::to_string(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] != y[i])
        return std::string(what) + " " + std::to_string(i + 1) + " is '" + y[i] + "', not '" + x[i] + "'";
    return {};
  };
  if (auto d = diff("regions", a.regions, b.regions); !d.empty()) return d;
  if (auto d = diff("sectors", a.sectors, b.sectors); !d.empty()) return d;
  if (auto d = diff("countries", a.countries, b.countries); !d.empty()) return d;
  if (a.country_of_region != b.country_of_region) return "the region -> country map differs";
  return {};
}

}  // namespace

tables::TidyTable with_leading_key(const tables::TidyTable& t, const std::string& column, const std::string& year) {
  std::vector<std::string> keys{column};
  keys.insert(keys.end(), t.key_columns().begin(), t.key_columns().end());
  tables::TidyTable out(t.name(), keys, t.value_column());
  out.reserve(t.num_rows());
  const std::int32_t y = out.level(0, year);
  for (std::size_t c = 0; c < t.num_keys(); ++c) out.set_levels(c + 1, t.levels(c));
  std::vector<std::int32_t> codes(keys.size());
  for (std::size_t r = 0; r < t.num_rows(); ++r) {
    codes[0] = y;
    for (std::size_t c = 0; c < t.num_keys(); ++c) codes[c + 1] = t.code(c, r);
    out.add_row_codes(codes, t.value(r));
  }
  return out;
}

std::vector<tables::TidyTable> panel_verb_results(const Analysis& a, const PanelRequest& r) {
  switch (r.verb) {
    case PanelVerb::kChains: {
      ChainRequest c;
      c.groups = r.groups;
      return a.chains(c).tables;
    }
    case PanelVerb::kCirculation: {
      CirculationRequest c;
      c.groups = r.groups;
      return circulation(a, c).tables;
    }
    case PanelVerb::kMultipliers: return a.multipliers({}).tables;
  }
  return {};
}

std::string PanelRequest::validate() const {
  if (verb == PanelVerb::kMultipliers && !groups.empty())
    return "--verb multipliers takes no --groups (groups apply to chains and circulation): drop --groups";
  return {};
}

std::vector<std::string> PanelRequest::table_names() const {
  switch (verb) {
    case PanelVerb::kChains: {
      ChainRequest c;
      c.groups = groups;
      return c.table_names();
    }
    case PanelVerb::kCirculation: return CirculationRequest{}.table_names();
    case PanelVerb::kMultipliers: return MultiplierRequest{}.table_names();
  }
  return {};
}

PanelResults panel(const std::vector<const Analysis*>& tabs, const PanelRequest& r) {
  require_valid("panel", r.validate());
  if (tabs.size() < 2) throw InputError("panel: give at least two tables");
  if (!r.years.empty() && r.years.size() != tabs.size())
    throw InputError("panel: " + std::to_string(r.years.size()) + " years for " + std::to_string(tabs.size()) +
                     " tables");
  PanelResults out;
  for (std::size_t k = 0; k < tabs.size(); ++k) {
    const auto& t = tabs[k]->table();
    std::string year = !r.years.empty() ? r.years[k] : t.meta.year;
    if (year.empty()) year = std::to_string(k + 1);
    for (const auto& y : out.years)
      if (y == year) throw InputError("panel: year '" + year + "' given twice (name the years)");
    out.years.push_back(year);
    if (k > 0)
      if (auto d = label_difference(tabs[0]->table().labels, t.labels); !d.empty())
        throw InputError("panel: " + tabs[k]->source() + " has a different classification from " + tabs[0]->source() +
                         ": " + d + " (aggregate both to one classification first)");
  }
  for (const auto* a : tabs) (void)a->groupings(r.groups);  // fail before anything is solved
  for (std::size_t k = 0; k < tabs.size(); ++k) {
    auto res = panel_verb_results(*tabs[k], r);
    for (std::size_t i = 0; i < res.size(); ++i) {
      auto t = with_leading_key(res[i], "year", out.years[k]);
      if (k == 0) out.tables.push_back(std::move(t));
      else out.tables[i].append(t);
    }
  }
  return out;
}

std::vector<Analysis> harmonise(const std::vector<const Analysis*>& tabs, const std::string& region_concordance,
                                const std::string& sector_concordance) {
  const tables::Grouping rc = region_concordance.empty() ? tables::Grouping() : io::load_grouping(region_concordance);
  const tables::Grouping sc = sector_concordance.empty() ? tables::Grouping() : io::load_grouping(sector_concordance);
  // The grouping to apply to `labels`: the concordance, or none when they are its groups already.
  auto pick = [](const tables::Grouping& g, const std::vector<std::string>& labels, const std::string& what,
                 const std::string& spec, const std::string& source) {
    if (g.members().empty()) return tables::Grouping();
    bool all_members = true, all_groups = true;
    std::string odd;
    for (const auto& l : labels) {
      const bool member = g.group_index(l) >= 0;
      const bool group = std::find(g.groups().begin(), g.groups().end(), l) != g.groups().end();
      all_members = all_members && member;
      all_groups = all_groups && group;
      if (!member && !group && odd.empty()) odd = l;
    }
    if (all_members) return g;
    if (all_groups) return tables::Grouping();
    throw InputError(source + ": " + what + " '" + (odd.empty() ? labels.front() : odd) +
                     "' is neither a member nor a group of the concordance " + spec);
  };
  std::vector<Analysis> out;
  for (const auto* a : tabs) {
    const auto& t = a->table();
    const tables::Grouping r = pick(rc, t.labels.regions, "region", region_concordance, a->source());
    const tables::Grouping s = pick(sc, t.labels.sectors, "sector", sector_concordance, a->source());
    OpenOptions opt = a->options();
    opt.countries.clear();  // already applied to the table
    if (r.members().empty() && s.members().empty()) out.emplace_back(t, opt, a->source());
    else out.emplace_back(tables::aggregate(t, r, s), opt, a->source());
  }
  return out;
}

}  // namespace irio
