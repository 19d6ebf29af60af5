// SPDX-License-Identifier: MIT
// `footprints`: the footprint accounts of one satellite, pymrio-compatible (methods.md §2.3, §6.2 (12)).
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string FootprintRequest::validate() const { return decl::footprints().validate(*this); }
std::vector<std::string> FootprintRequest::table_names() const { return decl::footprints().table_names(*this); }

namespace {
using solver::Index;

/// One line per region and stressor of a region-level account (abroad, other final demand).
void print_by_province(std::ostream& out, const tables::Labels& labels, const tables::Satellite& sat,
                       const tables::Matrix& D) {
  for (Index q = 0; q < D.rows(); ++q)
    for (Index reg = 0; reg < D.cols(); ++reg)
      print_formatted(out, "  %-20s %-10s %14.6g\n", labels.regions[static_cast<std::size_t>(reg)].c_str(),
                      sat.stressors[static_cast<std::size_t>(q)].c_str(), D(q, reg));
}

void print_accounts(std::ostream& out, const Analysis& a, const solver::FootprintAccounts& acc,
                    const tables::Satellite& sat) {
  const auto& labels = a.table().labels;
  for (Index q = 0; q < acc.D_cba_reg.rows(); ++q) {
    out << "Stressor '" << sat.stressors[static_cast<std::size_t>(q)] << "' [" << sat.units[static_cast<std::size_t>(q)]
        << "]: consumption- vs production-based by region\n";
    for (Index reg = 0; reg < acc.D_cba_reg.cols(); ++reg) {
      const auto& code = labels.regions[static_cast<std::size_t>(reg)];
      print_formatted(out, "  %-20s D_cba %14.6g  D_pba %14.6g  imp %14.6g  exp %14.6g", code.c_str(),
                      acc.D_cba_reg(q, reg), acc.D_pba_reg(q, reg), acc.D_imp_reg(q, reg), acc.D_exp_reg(q, reg));
      out << name_suffix(region_display_name(labels, code)) << "\n";
    }
  }
  if (acc.D_abroad_reg.size() > 0) {
    out << "Embodied in exports abroad (the rest of the world's consumption-based account), by province:\n";
    print_by_province(out, labels, sat, acc.D_abroad_reg);
  }
  if (acc.D_other_fd_reg.size() > 0) {
    out << "Embodied in final demand that is neither domestic nor abroad (ERR; not in the account abroad), "
           "by province:\n";
    print_by_province(out, labels, sat, acc.D_other_fd_reg);
  }
}
/// What the accounts cost: the right-hand sides of each direction and what they were for.
std::string solves_line(const FootprintRequest& req, const solver::FootprintAccounts& acc) {
  std::string s = "Solves: " + std::to_string(acc.transposed_rhs) + " transposed right-hand side" +
                  (acc.transposed_rhs == 1 ? "" : "s");
  if (acc.transposed_rhs > 0)
    s += std::string(" (M") +
         (req.imports_by_sector && !acc.imports_by_products ? " by producing region, for D_imp by sector" : "") +
         (req.with_multipliers ? "; 1'L and v'L" : "") + ")";
  s += ", " + std::to_string(acc.forward_rhs) + " forward (X^d = L Y^d";
  if (req.regions_only) return s + ", for every stressor at once); accounts by region only (--regions-only)";
  s += std::string(req.downstream ? ", M_down" : "") +
       (acc.imports_by_products ? ", L Y_diag region by region for D_imp by sector" : "") + ")";
  return s + (req.imports_by_sector ? "" : "; D_imp by region only (--imports-by-sector for sector detail)");
}

/// The characterised accounts: what was left out, what it cost, then the accounts by impact.
void print_impacts(std::ostream& out, const Analysis& a, const FootprintResults& r) {
  out << "Characterised into " << r.impacts->stressors.size() << " impact"
      << (r.impacts->stressors.size() == 1 ? "" : "s") << " ("
      << (r.impact_solves == 0 ? std::string("factors the same in every region: no solve")
                               : "regionalised factors: " + std::to_string(r.impact_solves) + " more solves")
      << ")\n";
  if (!r.skipped_impacts.empty()) {
    out << "  not in satellite '" << r.satellite->name << "' (none of their stressors), left out:";
    for (const auto& s : r.skipped_impacts) out << " '" << s << "'";
    out << "\n";
  }
  print_accounts(out, a, r.impact_accounts, *r.impacts);
}
}  // namespace

const Verb<FootprintRequest>& decl::footprints() {
  using namespace tables::rules;
  static const std::vector<IndicatorRuleSpec> accounts = {
      {"S", by_output()},
      {"M", by_final_demand()},
      {"M_down", by_value_added()},  // S (G - I)': per unit of primary input (methods.md §2.3)
      {"*_cap", refused("a per-capita account: aggregate the region totals (the same account with _reg for _cap, "
                        "summed) and divide by the group's population")},
      {"D_*", sum()}};
  static const Verb<FootprintRequest> v = std::move(
      Verb<FootprintRequest>("footprints", "Footprint accounts of a satellite (pymrio-compatible)")
          .option(
              [] {
                auto s = option_spec("satellite", "", "Satellite account name");
                s.required = true;
                return s;
              }(),
              &FootprintRequest::satellite)
          .option(
              option_spec("population", "", "CSV region,population for per-capita accounts", OptionKind::kRegionValues),
              &FootprintRequest::population_file)
          .option(option_spec("downstream", "!--no-downstream", "Skip M_down (saves k_F solves)"),
                  &FootprintRequest::downstream)
          .option(option_spec("imports_by_sector", "--imports-by-sector",
                              "D_imp at sector detail, as pymrio's (k_F x regions transposed solves instead of "
                              "k_F); without it D_imp is by region only"),
                  &FootprintRequest::imports_by_sector)
          .option(option_spec("with_multipliers", "--with-multipliers",
                              "Also the output and value-added multipliers (irio multipliers' table) from the "
                              "same read"),
                  &FootprintRequest::with_multipliers)
          .option(option_spec("regions_only", "--regions-only",
                              "Only the accounts by region (D_*_reg, per capita, abroad) for every stressor from one "
                              "block of forward solves: no S, M, M_down or account by sector"),
                  &FootprintRequest::regions_only)
          .option(option_spec("characterisation", "",
                              "Characterisation factors (CSV impact,stressor,factor[,compartment,impact_unit,"
                              "stressor_unit,region], pymrio's layout): adds the impacts' accounts",
                              OptionKind::kFile),
                  &FootprintRequest::characterisation_file)
          .check([](const FootprintRequest& r) -> std::string {
            if (r.satellite.empty()) return "no satellite given";
            if (r.regions_only && r.imports_by_sector)
              return "--regions-only gives D_imp by region only: drop --imports-by-sector, or --regions-only";
            if (!r.population_file.empty() && r.population.size() > 0)
              return "give a population file or populations, not both";
            return {};
          })
          .output({"footprints_*",
                   "the accounts S, M, M_down and D_* by stressor (footprints_<satellite>), and by impact "
                   "(footprints_<satellite>_characterised)",
                   kUnitStressor, accounts})
          .output({"footprints", "the same accounts, as a table named for the verb", kUnitStressor, accounts},
                  [](const FootprintRequest&) { return false; })
          .output({"multipliers",
                   "output and value-added multipliers 1'L and v'L (--with-multipliers)",
                   kUnitRatio,
                   {{"*", by_final_demand()}}},
                  [](const FootprintRequest& r) { return r.with_multipliers; })
          .output({"diagnostics", "the §6.2 (12) identity checks, rest of the world included", kUnitMixed, {}})
          .table_names([](const FootprintRequest& r) {
            std::vector<std::string> names{"footprints_" + r.satellite};
            if (!r.characterisation_file.empty()) names.push_back("footprints_" + r.satellite + "_characterised");
            if (r.with_multipliers) names.emplace_back("multipliers");
            names.emplace_back("diagnostics");
            return names;
          })
          .runs([](const Analysis& a, const FootprintRequest& req, std::ostream& out) {
            auto r = a.footprints(req);
            out << a.model().summary().brief_report() << "\n";
            out << solves_line(req, r.accounts) << "\n";
            print_accounts(out, a, r.accounts, *r.satellite);
            if (r.impacts) print_impacts(out, a, r);
            print_diagnostics(out, r.diagnostics);
            return VerbResult{std::move(r.tables), {}, "footprints", {r.diagnostics}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(footprints, irio::decl::footprints)
