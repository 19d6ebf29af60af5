// SPDX-License-Identifier: MIT
// The Leontief indicator families of irio::Analysis (methods.md §2): multipliers and their splits,
// footprints, impact, linkages, Ghosh, hypothetical extraction. Each is the composition the `irio`
// verb of the same name ran, now in the library.
#include <cmath>
#include <fstream>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/regional.h"
#include "irio/io/characterisation_reader.h"
#include "irio/io/region_values.h"
#include "irio/io/shock_reader.h"
#include "irio/solver/ghosh.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/round_split.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

/// Population CSV: a header line, then "region,value" lines; every region of the table needed.
Vector read_population(const std::string& path, const tables::Labels& lab) {
  return io::read_region_values(path, lab, "population", true);
}

}  // namespace

// --- requests ------------------------------------------------------------------------------------

solver::MultiplierOptions MultiplierRequest::options() const {
  solver::MultiplierOptions o;
  o.va_components = va_components;
  o.income = income;
  o.employment = employment;
  o.household_categories = household_categories;
  o.households = households;
  return o;
}

// --- results -------------------------------------------------------------------------------------

MultiplierResults Analysis::multipliers(const MultiplierRequest& r) const {
  require_valid("multipliers", r.validate());
  const auto& m = model();
  MultiplierResults out;
  out.tables.push_back(solver::multipliers_table(m, r.options(), &out.closure_k, &out.output));
  if (r.split || r.round) {
    std::vector<std::pair<std::string, Vector>> rows{{"output", Vector::Ones(m.n())}, {"value_added", m.v()}};
    if (!r.income.empty()) rows.emplace_back("income", solver::per_unit_output(m, solver::flow_row(m, r.income)));
    if (!r.employment.empty())
      rows.emplace_back("employment", solver::per_unit_output(m, solver::flow_row(m, r.employment)));
    if (r.split) out.tables.push_back(solver::multiplier_split_table(m, rows));
    if (r.round) out.tables.push_back(solver::round_split_table(m, rows));
  }
  return out;
}

FootprintResults Analysis::footprints(const FootprintRequest& r) const {
  require_valid("footprints", r.validate());
  const auto* sat = table().satellite(r.satellite);
  if (!sat) {
    std::string names;
    for (const auto& s : table().satellites) names += (names.empty() ? "" : ", ") + s.name;
    throw InputError(source_ + ": no satellite '" + r.satellite + "' (table has: " + (names.empty() ? "none" : names) +
                     ")");
  }
  solver::FootprintOptions fo;
  fo.downstream = r.downstream;
  fo.imports_by_sector = r.imports_by_sector;
  // The multipliers' rows 1 and v join M's block of transposed solves (one block, not two).
  fo.regions_only = r.regions_only;
  if (r.with_multipliers && !r.regions_only) fo.also_transposed = solver::multiplier_coefficients(model(), {});
  fo.population = r.population_file.empty() ? r.population : read_population(r.population_file, table().labels);
  const auto& m = model();
  FootprintResults out;
  out.satellite = sat;
  // The factors first: a bad file is refused before any solve.
  std::optional<io::CharacterisationFile> file;
  if (!r.characterisation_file.empty()) file = io::read_characterisation(r.characterisation_file, *sat, table().labels);
  out.accounts = solver::compute_footprints(m, *sat, fo);
  out.tables.push_back(solver::footprints_table(m, *sat, out.accounts));
  out.diagnostics = solver::footprint_diagnostics(m, *sat, out.accounts);
  if (file) {
    out.skipped_impacts = std::move(file->skipped_impacts);
    out.impacts = tables::characterise(*sat, file->factors, table().labels, sat->name + "_characterised");
    if (file->factors.regionalised()) {
      // C_r differs by producing region: C S L is not C (S L); the impacts' own solves (§2.9).
      out.impact_accounts = solver::compute_footprints(m, *out.impacts, fo);
      out.impact_solves =
          static_cast<std::size_t>(out.impact_accounts.transposed_rhs + out.impact_accounts.forward_rhs);
    } else {
      out.impact_accounts = solver::characterise_accounts(out.accounts, file->factors);
    }
    out.tables.push_back(solver::footprints_table(m, *out.impacts, out.impact_accounts));
    add_stressor_units(out.tables.back(), *out.impacts);  // units of the impacts, not of the table
    out.diagnostics.append(solver::footprint_diagnostics(m, *out.impacts, out.impact_accounts));
  }
  if (r.with_multipliers)
    out.tables.push_back(solver::multipliers_table(
        m, {}, nullptr, nullptr, out.accounts.also_solved.size() > 0 ? &out.accounts.also_solved : nullptr));
  out.tables.push_back(out.diagnostics);
  return out;
}

ImpactResults Analysis::impact(const ImpactRequest& r) const {
  require_valid("impact", r.validate());
  ImpactResults out;
  std::vector<std::string> names = r.scenarios;
  if (!r.shock_file.empty()) {
    auto shocks = io::read_shocks(r.shock_file, table().labels);
    out.shocks = std::move(shocks.values);
    names = std::move(shocks.scenarios);
  } else {
    out.shocks = r.shocks;
  }
  const auto& m = model();
  out.impact = solver::compute_impact(m, out.shocks, names);
  out.tables.push_back(solver::impact_table(m, out.impact));
  return out;
}

LinkageResults Analysis::linkages(const LinkageRequest& r) const {
  require_valid("linkages", r.validate());
  const auto& m = model();
  LinkageResults out;
  out.linkages = solver::compute_linkages(m, r.options);
  for (Index j = 0; j < m.n(); ++j)
    if (m.is_active(j)) ++out.class_counts[static_cast<int>(out.linkages.classes[static_cast<std::size_t>(j)])];
  out.tables.push_back(solver::linkages_table(m, out.linkages));
  return out;
}

GhoshResults Analysis::ghosh() const {
  const auto& m = model();
  GhoshResults out;
  out.tables.push_back(solver::ghosh_table(m));
  const Vector xg = solver::ghosh_output(m, m.va());
  out.max_output_difference = m.n() > 0 ? (xg - m.x()).cwiseAbs().maxCoeff() : 0.0;
  return out;
}

ExtractionResults Analysis::extraction(const ExtractionRequest& r) const {
  require_valid("extraction", r.validate());
  const auto& m = model();
  ExtractionResults out;
  if (r.block_extraction) {
    const auto kind = r.block == ExtractionBlock::kInterRegional ? solver::ExtractionKind::kInterRegional
                                                                 : solver::ExtractionKind::kNational;
    out.extractions.push_back(solver::extract(m, kind, {}, r.options));
    out.names.emplace_back(enum_name(r.block));
  } else {
    const auto J = solver::sector_indices(m, r.sectors);
    std::string label;
    for (const auto& s : r.sectors) label += (label.empty() ? "" : "+") + s;
    const bool all = r.variant == ExtractionVariant::kAll;
    std::vector<solver::ExtractionKind> kinds;
    if (all || r.variant == ExtractionVariant::kTotal) kinds.push_back(solver::ExtractionKind::kTotal);
    if (all || r.variant == ExtractionVariant::kBackward) kinds.push_back(solver::ExtractionKind::kBackward);
    if (all || r.variant == ExtractionVariant::kForward) kinds.push_back(solver::ExtractionKind::kForward);
    for (auto k : kinds) {
      out.extractions.push_back(solver::extract(m, k, J, r.options));
      out.names.push_back(label);
    }
  }
  out.tables.push_back(solver::extraction_table(out.extractions, out.names));
  return out;
}

}  // namespace irio
