// SPDX-License-Identifier: MIT
// Value chains through irio::Analysis: the three-level decomposition with groups of regions
// (methods.md §5.2, §6.1), position and length (§4.2-§4.4), and the main job of `irio analyse`.
#include <cmath>

#include "irio/analysis/analysis.h"
#include "irio/io/csv_reader.h"
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

/// `--export-split` (methods.md §5.5): the share of final goods in each region-sector's exports,
/// read from CSV `sector,final_share` (every region) or `region,sector,final_share` (a region's
/// line wins over a line for every region). InputError naming the file and line for an unknown
/// region or sector, a share outside [0, 1], a table without exogenous exports, or an exporting
/// sector the file does not cover.
Vector read_export_split(const std::string& path, const tables::IoTable& t) {
  if (t.exports.cols() == 0)
    throw InputError(path +
                     ": --export-split applies to a table with an exogenous rest of the world (export "
                     "columns); this table has none: its RT and GVC are identified without it");
  const io::CsvFile f = io::read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": empty export split (expected sector,final_share)");
  const auto& h = f.rows.front().fields;
  auto col = [&](const char* name) {
    for (std::size_t i = 0; i < h.size(); ++i)
      if (h[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int cr = col("region"), cs = col("sector"), cf = col("final_share");
  if (cs < 0 || cf < 0)
    throw InputError(path + ":" + std::to_string(f.rows.front().line) +
                     ": the export split needs the columns 'sector' and 'final_share'");
  const auto& lab = t.labels;
  const std::size_t N = lab.num_sectors();
  Vector share = Vector::Constant(static_cast<Eigen::Index>(t.n()), std::nan(""));
  std::vector<bool> by_region(t.n(), false);
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const std::string& sec = f.cell(r, static_cast<std::size_t>(cs));
    const int s = tables::Labels::find(lab.sectors, sec);
    if (s < 0)
      throw InputError(f.where(r, static_cast<std::size_t>(cs)) + ": unknown sector '" + sec +
                       "' (nearest: " + tables::Labels::nearest(lab.sectors, sec) + ")");
    const double v = f.number(r, static_cast<std::size_t>(cf), "final_share");
    if (!(v >= 0 && v <= 1))
      throw InputError(f.where(r, static_cast<std::size_t>(cf)) + ": final_share must be in [0, 1]");
    std::string reg = cr >= 0 ? f.cell(r, static_cast<std::size_t>(cr)) : std::string();
    if (reg.empty() || reg == "*") {
      for (std::size_t g = 0; g < lab.num_regions(); ++g) {
        const std::size_t i = g * N + static_cast<std::size_t>(s);
        if (!by_region[i]) share(static_cast<Eigen::Index>(i)) = v;
      }
      continue;
    }
    const int g = tables::Labels::find(lab.regions, reg);
    if (g < 0)
      throw InputError(f.where(r, static_cast<std::size_t>(cr)) + ": unknown region '" + reg +
                       "' (nearest: " + tables::Labels::nearest(lab.regions, reg) + ")");
    const std::size_t i = static_cast<std::size_t>(g) * N + static_cast<std::size_t>(s);
    share(static_cast<Eigen::Index>(i)) = v;
    by_region[i] = true;
  }
  for (std::size_t i = 0; i < t.n(); ++i)
    if (std::isnan(share(static_cast<Eigen::Index>(i)))) {
      if (t.exports.row(static_cast<Eigen::Index>(i)).sum() != 0)
        throw InputError(path + ": no final_share for " + lab.describe(i) + ", which exports");
      share(static_cast<Eigen::Index>(i)) = 0;
    }
  return share;
}

}  // namespace

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
  if (!r.export_split.empty()) opt.export_final_share = read_export_split(r.export_split, table());
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
