// SPDX-License-Identifier: MIT
// Circulation and the coupling coordination degree through irio::Analysis (methods.md §10.1-§10.2).
#include <cmath>

#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/regional.h"
#include "irio/io/region_values.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

bool is_csv(const std::string& s) { return s.size() > 4 && s.compare(s.size() - 4, 4, ".csv") == 0; }

std::string check_index(const std::string& which, const std::string& v) {
  if (v.empty()) return {};  // the default
  if (!is_csv(v) && solver::gvc::circulation_indicator_index(v) < 0)
    return which + " '" + v + "' is neither a circulation indicator nor a .csv file (region,value)";
  return {};
}

/// The values of one index for the units of `c`: its column, or (regions only) the CSV file.
Vector index_values(const std::string& spec, const solver::gvc::Circulation& c, const tables::Labels& lab) {
  if (!is_csv(spec)) return c.indicators.col(solver::gvc::circulation_indicator_index(spec));
  Vector v = read_region_values(spec, lab, "coupling index");
  for (Index r = 0; r < v.size(); ++r)
    if (std::isnan(v(r)))
      throw InputError(spec + ": no value for region '" + lab.regions[static_cast<std::size_t>(r)] + "'");
  return v;
}

}  // namespace

Vector read_region_values(const std::string& path, const tables::Labels& lab, const std::string& what) {
  return io::read_region_values(path, lab, what);
}

std::string decl::circulation_problems(const CirculationRequest& r) {
  if (auto why = check_index("u1", r.u1); !why.empty()) return why;
  if (auto why = check_index("u2", r.u2); !why.empty()) return why;
  return r.coupling.validate();
}

CirculationResults circulation(const Analysis& a, const CirculationRequest& r) {
  require_valid("circulation", r.validate());
  const auto groupings = a.groupings(r.groups);  // fail before anything is solved
  const auto& lab = a.table().labels;
  // Read the user's index files before solving, so that a bad file fails fast.
  solver::gvc::Circulation probe;
  probe.indicators.resize(static_cast<Index>(lab.num_regions()), solver::gvc::kNumCirculationIndicators);
  if (is_csv(r.u1)) (void)index_values(r.u1, probe, lab);
  if (is_csv(r.u2)) (void)index_values(r.u2, probe, lab);
  const auto& m = a.model();
  solver::gvc::ProductionOptions po;
  po.progress = r.progress;
  const auto d = solver::gvc::three_level_decomposition(m, po);
  CirculationResults out;
  const bool exo = d.exogenous_rest_of_world;
  out.u1 = !r.u1.empty() ? r.u1 : exo ? "nvc_backward" : "nvc_forward";
  out.u2 = !r.u2.empty() ? r.u2 : exo ? "gvc_backward" : "gvc_forward";
  tables::TidyTable circ = solver::gvc::circulation_table(), coup = solver::gvc::coupling_table();
  out.regions = solver::gvc::circulation(m, d);
  solver::gvc::append_circulation(out.regions, circ);
  // methods.md §10.2: every scope is normalised with the regions' minimum and maximum, so that a
  // group's U lies where its regions lie (no group is 0 or 1 merely for being the extreme group).
  const Vector x1 = index_values(out.u1, out.regions, lab), x2 = index_values(out.u2, out.regions, lab);
  const auto range = solver::gvc::normalisation_range(x1, x2, "region");
  out.coupling = solver::gvc::coupling_coordination(x1, x2, out.regions.units, r.coupling, &range);
  solver::gvc::append_coupling("region", out.regions.units, out.coupling, coup);
  for (const auto& n : out.coupling.notes) out.notes.push_back("coupling by region: " + n);
  for (const auto& g : groupings) {
    out.groups.push_back(solver::gvc::circulation(m, d, &g));
    const auto& c = out.groups.back();
    solver::gvc::append_circulation(c, circ);
    if (is_csv(out.u1) || is_csv(out.u2)) continue;  // region values only
    out.group_coupling.push_back(solver::gvc::coupling_coordination(
        index_values(out.u1, c, lab), index_values(out.u2, c, lab), c.units, r.coupling, &range));
    solver::gvc::append_coupling(c.scope, c.units, out.group_coupling.back(), coup);
    for (const auto& n : out.group_coupling.back().notes)
      if (n.rfind("min-max normalisation over", 0) != 0)  // said once, for the regions
        out.notes.push_back("coupling by " + c.scope + ": " + n);
  }
  out.tables = {std::move(circ), std::move(coup)};
  return out;
}

}  // namespace irio
