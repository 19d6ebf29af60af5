// SPDX-License-Identifier: MIT
// Value chains through irio::Analysis: the three-level decomposition with groups of regions
// (methods.md §5.2, §6.1), position and length (§4.2-§4.4), and the main job of `irio analyse`.
#include "irio/analysis/analysis.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/multipliers.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

/// Group the decomposition by each grouping; returns the two tidy tables by group.
std::pair<tables::TidyTable, tables::TidyTable> group_chains(const solver::LeontiefModel& m,
                                                             const solver::gvc::ProductionDecomposition& d,
                                                             const std::vector<tables::Grouping>& groupings,
                                                             std::vector<solver::gvc::GroupedChains>& grouped) {
  tables::TidyTable terms = solver::gvc::chains_by_group_table();
  tables::TidyTable part = solver::gvc::participation_by_group_table();
  for (const auto& g : groupings) {
    grouped.push_back(solver::gvc::group_three_level(m, d, g));
    solver::gvc::append_grouped(grouped.back(), terms, part);
  }
  return {std::move(terms), std::move(part)};
}

}  // namespace

std::vector<std::string> ChainRequest::table_names() const {
  std::vector<std::string> names{"three_level_terms", "participation", "diagnostics"};
  if (!groups.empty()) names.insert(names.end(), {"chains_by_group", "participation_by_group"});
  return names;
}

solver::gvc::PositionOptions PositionRequest::options() const {
  solver::gvc::PositionOptions o;
  o.perimeter = perimeter;
  o.kpww_fv_excludes_fdc = kpww_fv == KpwwFv::kFvaKww;
  o.progress = progress;
  return o;
}

std::vector<std::string> AnalyseRequest::file_names() const {
  std::vector<std::string> names{"multipliers.csv", "multiplier_split.csv", "chains.csv", "participation.csv",
                                 "diagnostics.csv"};
  if (!groups.empty()) names.insert(names.end(), {"chains_by_group.csv", "participation_by_group.csv"});
  return names;
}

ChainResults Analysis::chains(const ChainRequest& r) const {
  require_valid("chains", r.validate());
  const auto groupings = this->groupings(r.groups, r.other_group);  // fail before anything is solved
  const auto& m = model();
  solver::gvc::ProductionOptions opt;
  opt.progress = r.progress;
  opt.split_complex_gvc = r.split_complex_gvc;
  ChainResults out;
  out.decomposition = solver::gvc::three_level_decomposition(m, opt);
  const auto& d = out.decomposition;
  out.tables = {d.terms, d.participation, d.diagnostics};
  if (!groupings.empty()) {
    auto [terms, part] = group_chains(m, d, groupings, out.grouped);
    out.tables.push_back(std::move(terms));
    out.tables.push_back(std::move(part));
  }
  return out;
}

PositionResults Analysis::position(const PositionRequest& r) const {
  require_valid("position", r.validate());
  PositionResults out;
  out.position = solver::gvc::position_and_length(model(), r.options());
  out.tables = {out.position.by_sector, out.position.by_unit, out.position.diagnostics};
  return out;
}

AnalyseResults Analysis::analyse(const AnalyseRequest& r) const {
  require_valid("analyse", r.validate());
  const auto groupings = this->groupings(r.groups, r.other_group);  // fail before anything is solved
  const auto& m = model();
  AnalyseResults out;
  const Vector ones = Vector::Ones(m.n());
  tables::TidyTable multipliers = solver::multipliers_table(m, solver::MultiplierOptions{});
  tables::TidyTable split = solver::multiplier_split_table(m, {{"output", ones}, {"value_added", m.v()}});
  out.output_split = solver::split_multipliers(m, ones);
  solver::gvc::ProductionOptions po;
  po.progress = r.progress;
  out.chains = solver::gvc::three_level_decomposition(m, po);
  out.tables = {std::move(multipliers), std::move(split), out.chains.terms, out.chains.participation,
                out.chains.diagnostics};
  if (!groupings.empty()) {
    auto [terms, part] = group_chains(m, out.chains, groupings, out.grouped);
    out.tables.push_back(std::move(terms));
    out.tables.push_back(std::move(part));
  }
  out.file_names = r.file_names();
  return out;
}

}  // namespace irio
