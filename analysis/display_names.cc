// SPDX-License-Identifier: MIT
// add_display_names: name columns beside the sector and region codes of tidy results.
#include "irio/analysis/display_names.h"

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

}  // namespace

void add_display_names(tables::TidyTable& result, const tables::IoTable& table) {
  const auto& L = table.labels;
  if (L.has_sector_names()) add_column(result, "sector", "sector_name", L.sectors, L.sector_names);
  if (L.region_names_differ()) add_column(result, "region", "region_name", L.regions, L.region_names);
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

bool is_display_name_column(const std::string& column) {
  return column == "sector_name" || column == "region_name";
}

}  // namespace irio
