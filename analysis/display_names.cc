// SPDX-License-Identifier: MIT
// add_display_names: name columns beside the sector and region codes of tidy results.
#include "irio/analysis/display_names.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace irio {

namespace {

int column_of(const tables::TidyTable& t, const std::string& name) {
  for (std::size_t c = 0; c < t.num_keys(); ++c)
    if (t.key_columns()[c] == name) return static_cast<int>(c);
  return -1;
}

/// Append `name_column` naming the levels of `code_column` through codes -> names.
void add_column(tables::TidyTable& t, const std::string& code_column, const std::string& name_column,
                const std::vector<std::string>& codes, const std::vector<std::string>& names) {
  const int c = column_of(t, code_column);
  if (c < 0 || column_of(t, name_column) >= 0) return;
  const auto col = static_cast<std::size_t>(c);
  std::vector<std::string> level_names;
  for (const auto& lv : t.levels(col)) {
    const int k = tables::Labels::find(codes, lv);
    const bool named = k >= 0 && !names[static_cast<std::size_t>(k)].empty();
    level_names.push_back(named ? names[static_cast<std::size_t>(k)] : lv);
  }
  t.add_key_column(name_column, std::move(level_names), t.codes(col));
}

/// `stressor_unit` beside a `stressor` key column: each stressor's unit in the satellite the
/// result's name ends with (footprints_<satellite>), else in the first satellite that has every
/// stressor of the result; nothing when no satellite has them or none has a unit.
void add_table_stressor_units(tables::TidyTable& t, const tables::IoTable& table) {
  const int c = column_of(t, "stressor");
  if (c < 0 || column_of(t, "stressor_unit") >= 0) return;
  const auto col = static_cast<std::size_t>(c);
  auto has_all = [&](const tables::Satellite& s) {
    for (const auto& lv : t.levels(col))
      if (tables::Labels::find(s.stressors, lv) < 0) return false;
    return true;
  };
  const tables::Satellite* sat = nullptr;
  for (const auto& s : table.satellites) {
    const std::string suffix = "_" + s.name;
    const bool named = t.name().size() > suffix.size() &&
                       t.name().compare(t.name().size() - suffix.size(), suffix.size(), suffix) == 0;
    if (has_all(s) && (named || !sat)) sat = &s;
    if (sat == &s && named) break;
  }
  if (sat) irio::add_stressor_units(t, *sat);
}

/// `indicator_unit` on the result of an impact (`impact`: absolute changes): output and value
/// added in the table's unit, SATELLITE/STRESSOR in the stressor's unit; nothing when no unit is
/// known at all.
void add_impact_units(tables::TidyTable& t, const tables::IoTable& table) {
  const int c = column_of(t, "indicator");
  if (t.name() != "impact" || c < 0 || column_of(t, "indicator_unit") >= 0) return;
  const auto col = static_cast<std::size_t>(c);
  std::vector<std::string> units;
  bool any = false;
  for (const auto& lv : t.levels(col)) {
    std::string u;
    if (lv == "output" || lv == "value_added") u = table.meta.unit;
    for (const auto& sat : table.satellites)
      for (std::size_t k = 0; k < sat.stressors.size(); ++k)
        if (lv == sat.name + "/" + sat.stressors[k] && k < sat.units.size()) u = sat.units[k];
    any = any || !u.empty();
    units.push_back(u);
  }
  if (any) t.add_key_column("indicator_unit", std::move(units), t.codes(col));
}

}  // namespace

void add_stressor_units(tables::TidyTable& t, const tables::Satellite& sat) {
  const int c = column_of(t, "stressor");
  if (c < 0 || column_of(t, "stressor_unit") >= 0) return;
  const auto col = static_cast<std::size_t>(c);
  std::vector<std::string> units;
  bool any = false;
  for (const auto& lv : t.levels(col)) {
    const int k = tables::Labels::find(sat.stressors, lv);
    units.push_back(k >= 0 && static_cast<std::size_t>(k) < sat.units.size() ? sat.units[static_cast<std::size_t>(k)]
                                                                             : std::string());
    any = any || !units.back().empty();
  }
  if (any) t.add_key_column("stressor_unit", std::move(units), t.codes(col));
}

void add_display_names(tables::TidyTable& result, const tables::IoTable& table) {
  const auto& labels = table.labels;
  // Sector names first, then region names, each in the order of their code columns.
  const auto keys = result.key_columns();
  if (labels.has_sector_names())
    for (const auto& col : keys)
      if (is_sector_column(col)) add_column(result, col, col + "_name", labels.sectors, labels.sector_names);
  if (labels.region_names_differ())
    for (const auto& col : keys)
      if (is_region_column(col)) add_column(result, col, col + "_name", labels.regions, labels.region_names);
  add_table_stressor_units(result, table);
  add_impact_units(result, table);
}

void add_display_names(std::vector<tables::TidyTable>& results, const tables::IoTable& table) {
  for (auto& r : results) add_display_names(r, table);
}

std::string display_names_of(const tables::Labels& labels, std::size_t i) {
  std::string out;
  if (labels.region_names_differ()) out = labels.region_name(i / labels.num_sectors());
  if (labels.has_sector_names()) out += (out.empty() ? "" : ", ") + labels.sector_name(i % labels.num_sectors());
  return out;
}

std::string region_display_name(const tables::Labels& labels, const std::string& code) {
  const int r = tables::Labels::find(labels.regions, code);
  if (r < 0 || !labels.region_names_differ()) return {};
  const std::string& name = labels.region_name(static_cast<std::size_t>(r));
  return name == code ? std::string() : name;
}

std::string sector_display_name(const tables::Labels& labels, const std::string& code) {
  const int i = tables::Labels::find(labels.sectors, code);
  if (i < 0 || !labels.has_sector_names()) return {};
  const std::string& name = labels.sector_name(static_cast<std::size_t>(i));
  return name == code ? std::string() : name;
}

namespace {
const char* const kRegionColumns[] = {"region",        "exporter",     "importer", "absorber",
                                      "source_region", "using_region", "unit"};
const char* const kSectorColumns[] = {"sector", "source_sector", "using_sector"};

bool one_of(const std::string& s, const char* const* first, const char* const* last) {
  return std::find(first, last, s) != last;
}
}  // namespace

bool is_region_column(const std::string& column) {
  return one_of(column, std::begin(kRegionColumns), std::end(kRegionColumns));
}

bool is_sector_column(const std::string& column) {
  return one_of(column, std::begin(kSectorColumns), std::end(kSectorColumns));
}

bool is_display_name_column(const std::string& column) {
  if (column == "stressor_unit" || column == "indicator_unit") return true;
  const auto n = column.size();
  if (n <= 5 || column.compare(n - 5, 5, "_name") != 0) return false;
  const std::string code = column.substr(0, n - 5);
  return is_region_column(code) || is_sector_column(code);
}

}  // namespace irio
