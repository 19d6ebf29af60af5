// SPDX-License-Identifier: MIT
// Impact analysis of final-demand shocks (methods.md §1.1).
#include "irio/solver/impact.h"

#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"

namespace irio::solver {

ImpactResult compute_impact(const LeontiefModel& model, const Matrix& dY, std::vector<std::string> scenario_names) {
  const Index n = model.n();
  if (dY.rows() != n)
    throw InputError("shock matrix has " + std::to_string(dY.rows()) + " rows, expected " + std::to_string(n));
  if (scenario_names.empty())
    for (Index c = 0; c < dY.cols(); ++c) scenario_names.push_back("scenario" + std::to_string(c + 1));
  if (static_cast<Index>(scenario_names.size()) != dY.cols())
    throw InputError("shock matrix has " + std::to_string(dY.cols()) + " scenarios but " +
                     std::to_string(scenario_names.size()) + " names");
  for (Index j : model.zero_output())
    for (Index c = 0; c < dY.cols(); ++c)
      if (dY(j, c) != 0.0)
        throw InputError("shock on zero-output " + model.labels().describe(static_cast<std::size_t>(j)) +
                         " in scenario '" + scenario_names[static_cast<std::size_t>(c)] +
                         "': the sector is compressed out of the model (methods.md §1.3)");
  ImpactResult r;
  r.scenarios = std::move(scenario_names);
  r.dx = dY.cols() > 0 ? model.solve(dY) : Matrix(n, 0);  // Delta x = L Delta y
  r.dva = model.v().asDiagonal() * r.dx;                  // Delta va = v^ Delta x
  std::vector<Vector> rows;
  for (const auto& s : model.table().satellites)
    for (Index q = 0; q < s.F.rows(); ++q) {
      r.stressor_names.push_back(s.name + "/" + s.stressors[static_cast<std::size_t>(q)]);
      rows.push_back(per_unit_output(model, s.F.row(q).transpose()));
    }
  Matrix S(static_cast<Index>(rows.size()), n);
  for (std::size_t q = 0; q < rows.size(); ++q) S.row(static_cast<Index>(q)) = rows[q].transpose();
  r.dF = S * r.dx;  // Delta F = S Delta x
  return r;
}

Matrix shock_matrix(const LeontiefModel& model, const std::vector<ShockEntry>& entries,
                    std::vector<std::string>& scenario_names) {
  const auto& lab = model.labels();
  scenario_names.clear();
  for (const auto& e : entries)
    if (tables::Labels::find(scenario_names, e.scenario) < 0) scenario_names.push_back(e.scenario);
  Matrix dY = Matrix::Zero(model.n(), static_cast<Index>(scenario_names.size()));
  for (const auto& e : entries) {
    const int r = tables::Labels::find(lab.regions, e.region);
    if (r < 0)
      throw InputError("shock (--shock): unknown region '" + e.region +
                       "' (nearest: " + tables::Labels::nearest(lab.regions, e.region, 2) + ")");
    const int i = tables::Labels::find(lab.sectors, e.sector);
    if (i < 0)
      throw InputError("shock (--shock): unknown sector '" + e.sector + "' of region '" + e.region +
                       "' (nearest: " + tables::Labels::nearest(lab.sectors, e.sector, 2) + ")");
    dY(static_cast<Index>(lab.index(static_cast<std::size_t>(r), static_cast<std::size_t>(i))),
       tables::Labels::find(scenario_names, e.scenario)) += e.value;
  }
  return dY;
}

tables::TidyTable impact_table(const LeontiefModel& model, const ImpactResult& r) {
  auto t = make_region_sector_table(model, "impact", {"scenario"});
  // key order: region, sector, indicator, scenario
  for (std::size_t c = 0; c < r.scenarios.size(); ++c) {
    const auto cc = static_cast<Index>(c);
    add_region_sector_rows(t, model, "output", r.dx.col(cc), {r.scenarios[c]});
    add_region_sector_rows(t, model, "value_added", r.dva.col(cc), {r.scenarios[c]});
    std::size_t q = 0;
    for (const auto& s : model.table().satellites)
      for (Index k = 0; k < s.F.rows(); ++k, ++q) {
        const Vector contrib = per_unit_output(model, s.F.row(k).transpose()).cwiseProduct(r.dx.col(cc));
        add_region_sector_rows(t, model, r.stressor_names[q], contrib, {r.scenarios[c]});
      }
  }
  return t;
}

}  // namespace irio::solver
