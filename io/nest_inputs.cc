// SPDX-License-Identifier: MIT
// Readers of the sector concordance and allocation key files of `irio nest`.
#include "irio/io/nest_inputs.h"

#include <cmath>
#include <limits>
#include <set>

#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

namespace irio::io {
namespace {

/// Index of the first header field named one of `names`, or -1.
int column(const CsvFile& f, std::initializer_list<const char*> names) {
  const auto& h = f.rows.front().fields;
  for (const char* nm : names)
    for (std::size_t i = 0; i < h.size(); ++i)
      if (h[i] == nm) return static_cast<int>(i);
  return -1;
}

bool comment(const CsvRow& r) { return r.fields.empty() || (!r.fields[0].empty() && r.fields[0][0] == '#'); }

std::size_t first_data_row(const CsvFile& f) {
  std::size_t i = 0;
  while (i < f.rows.size() && comment(f.rows[i])) ++i;
  return i;
}

}  // namespace

tables::SectorConcordance read_sector_concordance(const std::string& path) {
  CsvFile f = read_csv(path);
  const std::size_t h = first_data_row(f);
  if (h >= f.rows.size())
    throw InputError(path + ": the sector concordance is empty (expected a header provincial,world[,weight])");
  f.rows.erase(f.rows.begin(), f.rows.begin() + static_cast<std::ptrdiff_t>(h));
  const int cp = column(f, {"provincial", "from"}), cw = column(f, {"world", "to"}), cwt = column(f, {"weight"});
  if (cp < 0 || cw < 0)
    throw InputError(path + ":" + std::to_string(f.rows.front().line) +
                     ": the sector concordance needs the columns 'provincial' and 'world' (or 'from' and 'to')");
  tables::SectorConcordance c;
  c.source = path;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    if (comment(f.rows[r])) continue;
    tables::SectorLink l;
    l.line = f.rows[r].line;
    l.provincial = f.cell(r, static_cast<std::size_t>(cp));
    l.world = f.cell(r, static_cast<std::size_t>(cw));
    if (l.provincial.empty() || l.world.empty())
      throw InputError(f.where(r, static_cast<std::size_t>(l.provincial.empty() ? cp : cw)) + ": empty sector code");
    l.weight = std::numeric_limits<double>::quiet_NaN();
    if (cwt >= 0 && static_cast<std::size_t>(cwt) < f.rows[r].fields.size() &&
        !f.rows[r].fields[static_cast<std::size_t>(cwt)].empty()) {
      l.weight = f.number(r, static_cast<std::size_t>(cwt), "weight");
      if (!(l.weight >= 0 && l.weight <= 1))
        throw InputError(f.where(r, static_cast<std::size_t>(cwt)) + ": weight " +
                         f.rows[r].fields[static_cast<std::size_t>(cwt)] + " is not in [0, 1]");
    }
    if (!seen.insert({l.provincial, l.world}).second)
      throw InputError(path + ":" + std::to_string(l.line) + ": the pair " + l.provincial + " -> " + l.world +
                       " is given twice");
    c.links.push_back(l);
  }
  if (c.links.empty()) throw InputError(path + ": the sector concordance has no lines");
  return c;
}

std::vector<tables::AllocationWeight> read_allocation_weights(const std::string& path) {
  CsvFile f = read_csv(path);
  const std::size_t h = first_data_row(f);
  if (h >= f.rows.size())
    throw InputError(path + ": the allocation key is empty (expected a header region,sector,weight)");
  f.rows.erase(f.rows.begin(), f.rows.begin() + static_cast<std::ptrdiff_t>(h));
  const int cr = column(f, {"region"}), cs = column(f, {"sector"}), cw = column(f, {"weight", "share", "value"});
  if (cr < 0 || cs < 0 || cw < 0)
    throw InputError(path + ":" + std::to_string(f.rows.front().line) +
                     ": the allocation key needs the columns 'region', 'sector' and 'weight'");
  std::vector<tables::AllocationWeight> out;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    if (comment(f.rows[r])) continue;
    tables::AllocationWeight a;
    a.line = f.rows[r].line;
    a.region = f.cell(r, static_cast<std::size_t>(cr));
    a.sector = f.cell(r, static_cast<std::size_t>(cs));
    a.weight = f.number(r, static_cast<std::size_t>(cw), "weight");
    out.push_back(a);
  }
  if (out.empty()) throw InputError(path + ": the allocation key has no lines");
  return out;
}

}  // namespace irio::io
