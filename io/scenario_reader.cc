// SPDX-License-Identifier: MIT
#include "irio/io/scenario_reader.h"

#include <cmath>
#include <sstream>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::io {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::stringstream ss(s);
  while (std::getline(ss, cell, sep)) {
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) cell.pop_back();
    while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
    out.push_back(cell);
  }
  return out;
}

/// Regions chosen by "all" or "A;B;group": a flag per region (empty: every region).
std::vector<bool> choose(const std::string& spec, const tables::Labels& lab, const std::vector<tables::Grouping>& gs,
                         const std::string& where, const char* column) {
  if (spec == "all" || spec.empty()) return {};
  std::vector<bool> sel(lab.num_regions(), false);
  for (const auto& name : split(spec, ';')) {
    bool found = false;
    if (const int r = tables::Labels::find(lab.regions, name); r >= 0) {
      sel[static_cast<std::size_t>(r)] = true;
      found = true;
    }
    for (const auto& g : gs)
      for (std::size_t r = 0; r < lab.num_regions(); ++r)
        if (const int k = g.group_index(lab.regions[r]); k >= 0 && g.groups()[static_cast<std::size_t>(k)] == name) {
          sel[r] = true;
          found = true;
        }
    if (!found)
      throw InputError(where + ": " + column + " '" + name +
                       "' is neither a region nor a group of the given groupings (nearest region: " +
                       tables::Labels::nearest(lab.regions, name, 2) +
                       "; write 'all', regions or groups separated by ';')");
  }
  return sel;
}

}  // namespace

std::vector<ScenarioRow> read_scenario_file(const std::string& path, const tables::Labels& lab,
                                            const std::vector<tables::Grouping>& gs) {
  // The one CSV tokenizer (docs/formats.md, "Delimited text in general"): `,`, `;` or tab
  // separated, quoted fields (a region list "A;B" in a `;`-separated file is quoted), UTF-8 or
  // Chinese GB18030 text; lines whose first field starts with '#' are comments.
  const CsvFile f = read_csv(path);
  if (f.rows.empty())
    throw InputError(path + ": empty scenario file (expected a header scenario,factor,origin,destination and rows)");
  const auto& head = f.rows.front().fields;
  auto col = [&](const std::string& name, bool required) {
    for (std::size_t c = 0; c < head.size(); ++c)
      if (head[c] == name) return static_cast<int>(c);
    if (required)
      throw InputError(path + ":" + std::to_string(f.rows.front().line) + ": the header has no column '" + name +
                       "'; it needs the columns scenario,factor,origin,destination[,closure][,fd_factor]");
    return -1;
  };
  const int c_name = col("scenario", true), c_factor = col("factor", true), c_origin = col("origin", true),
            c_dest = col("destination", true), c_closure = col("closure", false), c_fd = col("fd_factor", false);
  std::vector<ScenarioRow> out;
  for (std::size_t row = 1; row < f.rows.size(); ++row) {
    const auto& fields = f.rows[row].fields;
    if (fields.empty() || (!fields[0].empty() && fields[0][0] == '#')) continue;
    const std::string where = path + ":" + std::to_string(f.rows[row].line);
    auto cell = [&](int c) {
      return c >= 0 && static_cast<std::size_t>(c) < fields.size() ? fields[static_cast<std::size_t>(c)]
                                                                   : std::string();
    };
    auto number = [&](int c, const char* what) {
      double v = 0;
      if (!parse_double(cell(c), v) || !std::isfinite(v))
        throw InputError(where + ": the " + what + " '" + cell(c) + "' of scenario '" + cell(c_name) +
                         "' is not a finite number");
      if (!(v >= 0))
        throw InputError(where + ": the " + what + " of scenario '" + cell(c_name) + "' must be >= 0 (it is " +
                         cell(c) + ")");
      return v;
    };
    ScenarioRow s;
    s.where = where;
    s.name = cell(c_name);
    if (s.name.empty()) throw InputError(where + ": empty scenario name (column 'scenario')");
    for (const auto& o : out)
      if (o.name == s.name)
        throw InputError(where + ": scenario '" + s.name + "' given twice (first at " + o.where + ")");
    s.factor = number(c_factor, "factor");
    if (!cell(c_fd).empty()) s.final_demand_factor = number(c_fd, "fd_factor");
    s.origin = choose(cell(c_origin), lab, gs, where, "origin");
    s.destination = choose(cell(c_dest), lab, gs, where, "destination");
    s.closure = cell(c_closure);
    out.push_back(std::move(s));
  }
  if (out.empty()) throw InputError(path + ": no scenario (the header is followed by no row)");
  return out;
}

}  // namespace irio::io
