// SPDX-License-Identifier: MIT
// Display names in the report (report_data.h, name_report_codes): bars labelled "GD Guangdong" or
// "CHN Electrical and optical equipment", tables with a name column beside each code column.
#include <algorithm>
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "irio/analysis/report/report_data.h"

namespace irio {
namespace {

/// "GD Guangdong": the code and the region's name where the table's region names differ from
/// the codes; the code otherwise (and for a label that is not a region code).
std::string region_label(const tables::Labels& l, const std::string& code) {
  const int r = tables::Labels::find(l.regions, code);
  if (r < 0 || !l.region_names_differ()) return code;
  const std::string& name = l.region_name(static_cast<std::size_t>(r));
  return name == code ? code : code + " " + name;
}

/// Labels of a chart whose categories are all region codes, or all "REGION SECTOR" pairs
/// (the region's code and the sector's name); empty when neither applies or names add nothing.
std::vector<std::string> chart_labels(const tables::Labels& l, const std::vector<std::string>& categories) {
  std::vector<std::string> by_region, by_sector;
  bool regions = true, pairs = true;
  for (const auto& c : categories) {
    regions = regions && tables::Labels::find(l.regions, c) >= 0;
    const auto space = c.rfind(' ');  // region codes may have spaces ("Inner Mongolia"), sector codes rarely
    const int r = space == std::string::npos ? -1 : tables::Labels::find(l.regions, c.substr(0, space));
    const int s = space == std::string::npos ? -1 : tables::Labels::find(l.sectors, c.substr(space + 1));
    pairs = pairs && r >= 0 && s >= 0;
    if (regions) by_region.push_back(region_label(l, c));
    if (pairs) by_sector.push_back(c.substr(0, space) + " " + l.sector_name(static_cast<std::size_t>(s)));
  }
  if (regions && l.region_names_differ()) return by_region;
  if (!regions && pairs && l.has_sector_names()) return by_sector;
  return {};
}

/// Insert a column `header` after column `col` of `t` holding the name of each code in it.
void insert_names(io::ReportTable& t, std::size_t col, const std::string& header, const std::vector<std::string>& codes,
                  const std::vector<std::string>& names) {
  t.columns.insert(t.columns.begin() + static_cast<std::ptrdiff_t>(col + 1), header);
  for (auto& row : t.rows) {
    std::string name;
    if (col < row.size())
      if (const auto* code = std::get_if<std::string>(&row[col])) {
        const int k = tables::Labels::find(codes, *code);
        name = k >= 0 && !names[static_cast<std::size_t>(k)].empty() ? names[static_cast<std::size_t>(k)] : *code;
      }
    row.insert(row.begin() + static_cast<std::ptrdiff_t>(std::min(col + 1, row.size())), io::ReportCell(name));
  }
}

}  // namespace

void name_report_codes(io::ReportDocument& doc, const tables::Labels& labels) {
  for (auto& section : doc.sections) {
    for (auto& chart : section.charts)
      if (chart.category_labels.empty()) chart.category_labels = chart_labels(labels, chart.categories);
    for (auto& table : section.tables) {
      auto has = [&](const std::string& c) {
        for (const auto& x : table.columns)
          if (x == c) return true;
        return false;
      };
      // From the right, so that the positions found stay valid.
      for (std::size_t j = table.columns.size(); j-- > 0;) {
        if (table.columns[j] == "sector" && labels.has_sector_names() && !has("sector name"))
          insert_names(table, j, "sector name", labels.sectors, labels.sector_names);
        else if (table.columns[j] == "region" && labels.region_names_differ() && !has("region name"))
          insert_names(table, j, "region name", labels.regions, labels.region_names);
      }
    }
  }
}

}  // namespace irio
