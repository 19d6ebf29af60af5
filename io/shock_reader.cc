// SPDX-License-Identifier: MIT
// Shock CSV reader: long (region, sector, value, scenario) rows into an n x k matrix.
#include "irio/io/shock_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <utility>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::io {

Shocks read_shocks(const std::string& path, const tables::Labels& labels) {
  const CsvFile f = read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": empty shock file, expected a header region,sector,value[,scenario]");
  const auto& head = f.rows[0].fields;
  long c_region = -1, c_sector = -1, c_value = -1, c_scen = -1;
  for (std::size_t c = 0; c < head.size(); ++c) {
    std::string h = head[c];
    std::transform(h.begin(), h.end(), h.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    long* slot = h == "region"     ? &c_region
                 : h == "sector"   ? &c_sector
                 : h == "value"    ? &c_value
                 : h == "scenario" ? &c_scen
                                   : nullptr;
    if (slot == nullptr) continue;
    if (*slot >= 0) throw InputError(f.where(0, c) + ": column '" + head[c] + "' appears twice");
    *slot = static_cast<long>(c);
  }
  for (auto [col, name] : {std::pair{c_region, "region"}, {c_sector, "sector"}, {c_value, "value"}})
    if (col < 0)
      throw InputError(path + ":" + std::to_string(f.rows[0].line) + ": the header has no '" + name +
                       "' column (expected region,sector,value[,scenario])");
  f.require_width(head.size(), 1);
  Shocks s;
  std::vector<std::tuple<std::size_t, std::size_t, double>> cells;  // (row, scenario, value)
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> line_of;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const auto cr = static_cast<std::size_t>(c_region), cs = static_cast<std::size_t>(c_sector);
    const int ri = tables::Labels::find(labels.regions, f.cell(r, cr));
    if (ri < 0)
      throw InputError(f.where(r, cr) + ": unknown region '" + f.cell(r, cr) + "' in the shock file (nearest: " +
                       tables::Labels::nearest(labels.regions, f.cell(r, cr), 2) + ")");
    const int si = tables::Labels::find(labels.sectors, f.cell(r, cs));
    if (si < 0)
      throw InputError(f.where(r, cs) + ": unknown sector '" + f.cell(r, cs) + "' in the shock file (nearest: " +
                       tables::Labels::nearest(labels.sectors, f.cell(r, cs), 2) + ")");
    const std::string scen = c_scen >= 0 ? f.cell(r, static_cast<std::size_t>(c_scen)) : "shock";
    if (scen.empty())
      throw InputError(f.where(r, static_cast<std::size_t>(c_scen)) +
                       ": empty scenario name (name the scenario of every row, or drop the scenario column)");
    int k = tables::Labels::find(s.scenarios, scen);
    if (k < 0) {
      s.scenarios.push_back(scen);
      k = static_cast<int>(s.scenarios.size()) - 1;
    }
    const std::size_t i = labels.index(static_cast<std::size_t>(ri), static_cast<std::size_t>(si));
    auto [it, fresh] = line_of.emplace(std::make_pair(i, static_cast<std::size_t>(k)), f.rows[r].line);
    if (!fresh)
      throw InputError(f.where(r, cr) + ": repeated shock for " + labels.describe(i) + " in scenario '" + scen +
                       "' (also line " + std::to_string(it->second) + ")");
    cells.emplace_back(i, static_cast<std::size_t>(k), f.number(r, static_cast<std::size_t>(c_value), "shock value"));
  }
  if (s.scenarios.empty()) throw InputError(path + ": the shock file has no rows");
  s.values =
      tables::Matrix::Zero(static_cast<Eigen::Index>(labels.size()), static_cast<Eigen::Index>(s.scenarios.size()));
  for (const auto& [i, k, v] : cells) s.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = v;
  return s;
}

}  // namespace irio::io
