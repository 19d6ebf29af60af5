// SPDX-License-Identifier: MIT
// The provincial-research questions (methods.md §10): domestic vs. international circulation and
// the coupling coordination degree per region and group, disparity of any region-level indicator
// with its between / within-group decomposition, structural decomposition of a change between two
// tables, and panels of results over several tables. Free functions over irio::Analysis; the
// `irio circulation`, `disparity`, `sda` and `panel` verbs are thin calls of these.
//
//   irio::Analysis a = irio::Analysis::open("tables/data/wiod2011.h5", opt);
//   irio::CirculationRequest c;  c.groups = {"my_groups.csv"};
//   auto r = irio::circulation(a, c);          // r.tables: circulation, coupling
//   irio::DisparityRequest d;  d.groups = {"my_groups.csv"};  d.indicator = "gvc_forward";
//   auto s = irio::disparity(a, d);            // rows total / between / within
#pragma once

#include <string>
#include <vector>

#include "irio/analysis/analysis.h"
#include "irio/solver/disparity.h"
#include "irio/solver/gvc/circulation.h"
#include "irio/solver/market_scenario.h"
#include "irio/solver/sda.h"

namespace irio {

// ---------------------------------------------------------------------------------------------
// Circulation (methods.md §10.1-§10.2)

struct CirculationRequest {
  std::vector<std::string> groups;  ///< as ChainRequest::groups
  /// The domestic (U1) and international (U2) indices of the coupling: a circulation indicator
  /// name (solver::gvc::circulation_indicator_names()) or a CSV file region,value (header first).
  /// Empty (default): nvc_forward and gvc_forward, or nvc_backward and gvc_backward on a table
  /// with an exogenous rest of the world, where forward GVC participation is not identified.
  std::string u1, u2;
  solver::gvc::CouplingOptions coupling;  ///< alpha, beta, min-max normalisation
  ProgressFn progress;

  std::string validate() const;                  ///< from its declaration (verbs/circulation.cc)
  std::vector<std::string> table_names() const;  ///< circulation, coupling
};

struct CirculationResults {
  std::vector<tables::TidyTable> tables;         ///< circulation, coupling
  solver::gvc::Circulation regions;              ///< by region
  std::vector<solver::gvc::Circulation> groups;  ///< one per grouping
  solver::gvc::Coupling coupling;                ///< by region
  /// By group (only where U1 and U2 are indicator names; a CSV gives region values only).
  std::vector<solver::gvc::Coupling> group_coupling;
  std::string u1, u2;  ///< the indices used (the defaults resolved)
  /// Notes to print: few units, units on a normalisation bound, undefined indices (methods.md §10.2).
  std::vector<std::string> notes;
};

CirculationResults circulation(const Analysis& a, const CirculationRequest& r);

// ---------------------------------------------------------------------------------------------
// Disparity (methods.md §10.3)

enum class DisparityWeights { kEqual, kOutput, kValueAdded, kPopulation };
inline constexpr EnumTable<DisparityWeights, 4> kDisparityWeightsNames{
    "disparity weights",
    {{{DisparityWeights::kEqual, "equal"},
      {DisparityWeights::kOutput, "output"},
      {DisparityWeights::kValueAdded, "value_added"},
      {DisparityWeights::kPopulation, "population"}}}};
constexpr const auto& enum_table(DisparityWeights) { return kDisparityWeightsNames; }

struct DisparityRequest {
  /// Groupings for the between / within decomposition (grouping CSV or shipped name); each must
  /// cover the regions analysed. None: the total only (one group "all").
  std::vector<std::string> groups;
  /// A circulation indicator name, or output, value_added, va_per_output, va_per_capita
  /// (needs a population file); ignored when indicator_file is given.
  std::string indicator = "gvc_forward";
  std::string indicator_file;  ///< CSV region,value (header first): any user indicator
  DisparityWeights weights = DisparityWeights::kEqual;
  std::string population_file;  ///< CSV region,value: population weights and per-capita values
  std::string country;          ///< only the regions of this country (empty: every region)

  std::string validate() const;                  ///< from its declaration (verbs/disparity.cc)
  std::vector<std::string> table_names() const;  ///< disparity
  /// The indicator's name in the output (the file's stem for a file).
  std::string indicator_name() const;
};

struct DisparityResults {
  std::vector<tables::TidyTable> tables;  ///< disparity
  std::vector<std::string> regions;       ///< the regions analysed
  Vector values, weights;                 ///< the indicator and the weights by region
  std::vector<solver::Disparity> by_grouping;
  std::string note;  ///< why a measure is NaN, if one is
};

DisparityResults disparity(const Analysis& a, const DisparityRequest& r);

/// CSV "region,value" with a header line: the value of each region of `lab`, every one needed
/// (InputError naming the file, line and region otherwise). `what` names the file in messages.
Vector read_region_values(const std::string& path, const tables::Labels& lab, const std::string& what);

// ---------------------------------------------------------------------------------------------
// Change over time (methods.md §10.4-§10.5)

/// How the final-demand effect of a structural decomposition is split (methods.md §10.4).
enum class SdaFinalDemandSplit {
  kLevelMix,     ///< fd_level (total final demand) and fd_mix (its composition): four factors
  kCategory,     ///< one factor per final-demand category (summed over destinations) and export column
  kDestination,  ///< fd_domestic (final demand of the table's regions) and fd_exports (exogenous exports)
};
inline constexpr EnumTable<SdaFinalDemandSplit, 3> kSdaFinalDemandSplitNames{
    "final-demand split",
    {{{SdaFinalDemandSplit::kLevelMix, "level_mix"},
      {SdaFinalDemandSplit::kCategory, "category"},
      {SdaFinalDemandSplit::kDestination, "destination"}}}};
constexpr const auto& enum_table(SdaFinalDemandSplit) { return kSdaFinalDemandSplitNames; }

/// Structural decomposition of the change of a quantity between two tables (same labels).
struct SdaRequest {
  /// output | value_added | footprint:SATELLITE (each stressor) | footprint:SATELLITE/STRESSOR |
  /// participation (the numerators of the participation indices: forward NVC and GVC value added
  /// by origin, quantities nvc_value_added and gvc_value_added, and backward by final producer,
  /// nvc_value_added_backward and gvc_value_added_backward; on a table with an exogenous rest of
  /// the world all but gvc_value_added, which is not identified there)
  /// footprint_cba:SATELLITE[/STRESSOR]: the consumption-based account e'L y_d by destination d
  /// (each region's final demand, then exports), quantity "cba:SATELLITE/STRESSOR".
  std::string quantity = "value_added";
  std::vector<std::string> groups;  ///< also sums by these groupings (grouping CSV or shipped name)
  /// The final-demand effect as level and mix (default), or one factor per category or destination
  /// (output, value_added and footprint: only).
  SdaFinalDemandSplit fd_split = SdaFinalDemandSplit::kLevelMix;

  std::string validate() const;
  std::vector<std::string> table_names() const { return {"sda"}; }
};

struct SdaResults {
  /// sda: quantity,scope,region,sector,factor -> value (scope region_sector with its region and
  /// sector; region, a grouping's name (its group in `region`), abroad (consumption-based:
  /// region "exports") or total (region "all"), each with sector "(all)"); factors technology,
  /// fd_level, fd_mix (or fd_<category> / fd_domestic, fd_exports)[, intensity], then change
  /// (= their sum), q0 and q1.
  std::vector<tables::TidyTable> tables;
  std::vector<std::string> quantities;  ///< one per decomposition
  std::vector<solver::StructuralDecomposition> decompositions;
};

/// Decompose the change from `a0` to `a1` (the models are built, once each).
SdaResults sda(const Analysis& a0, const Analysis& a1, const SdaRequest& r);

/// The verbs whose results a panel stacks.
enum class PanelVerb { kChains, kCirculation, kMultipliers };
inline constexpr EnumTable<PanelVerb, 3> kPanelVerbNames{"panel verb",
                                                         {{{PanelVerb::kChains, "chains"},
                                                           {PanelVerb::kCirculation, "circulation"},
                                                           {PanelVerb::kMultipliers, "multipliers"}}}};
constexpr const auto& enum_table(PanelVerb) { return kPanelVerbNames; }

struct PanelRequest {
  PanelVerb verb = PanelVerb::kChains;
  /// One label per table for the `year` column; empty: each table's meta year, else 1, 2, ...
  std::vector<std::string> years;
  std::vector<std::string> groups;  ///< chains / circulation: as ChainRequest::groups

  std::string validate() const;
  /// The result tables of the verb (each gains a leading `year` column).
  std::vector<std::string> table_names() const;
};

struct PanelResults {
  std::vector<tables::TidyTable> tables;  ///< the verb's tables, rows of every year stacked
  std::vector<std::string> years;
};

/// Run the verb on every table and stack the results with a `year` column. Refuses (InputError
/// naming the table and the first differing label) tables whose regions, sectors or countries
/// differ from the first table's: aggregate them to one classification first (`irio aggregate`).
PanelResults panel(const std::vector<const Analysis*>& tables, const PanelRequest& r);

/// The verb's result tables for one table (what panel() stacks; `irio batch` runs it per item).
std::vector<tables::TidyTable> panel_verb_results(const Analysis& a, const PanelRequest& r);

/// `t` with a new first key column `column` whose every row is `value` (the panel's `year`,
/// the batch's `table` or `draw`).
tables::TidyTable with_leading_key(const tables::TidyTable& t, const std::string& column, const std::string& value);

/// Bring tables of different classifications to one (methods.md §10.5): each concordance
/// (grouping CSV from,to / member,group, or a shipped name; empty: none) aggregates a table whose
/// labels are all its members (tables::aggregate, §6.1) and keeps a table whose labels are all
/// already its groups; InputError naming the table and a label that is neither. The returned
/// analyses own their (aggregated) tables; pass them to panel() or sda().
std::vector<Analysis> harmonise(const std::vector<const Analysis*>& tables, const std::string& region_concordance,
                                const std::string& sector_concordance);

// ---------------------------------------------------------------------------------------------
// Unified-market scenarios (methods.md §10.6)

struct MarketScenarioRequest {
  /// CSV with a header: scenario,factor,origin,destination[,closure][,fd_factor]. origin /
  /// destination: "all", or regions and group labels of `groups` separated by ';'. closure:
  /// own_region (default), imports or proportional. fd_factor: also scale the inter-regional final-demand
  /// shares (empty: unchanged). Many rows = many scenarios, answered in one run.
  std::string scenario_file;
  std::vector<solver::MarketScenario> scenarios;  ///< or given directly (not both)
  std::vector<std::string> groups;                ///< groupings: names for origin/destination, and sums
  solver::ScenarioOptions options;

  std::string validate() const;                  ///< from its declaration (verbs/scenario.cc)
  std::vector<std::string> table_names() const;  ///< scenario
};

struct MarketScenarioResults {
  /// scenario: scenario,scope,unit,indicator -> value; scope region, a grouping's name, or total;
  /// indicators output_base, output, output_change, value_added_base, value_added,
  /// value_added_change (value added = v o x), output_multiplier_base, output_multiplier (the
  /// final-demand-weighted mean of 1'L), nvc_forward, gvc_forward, nvc_backward, gvc_backward
  /// (each also _base and _change; with options.participation), iterations (total) and
  /// closure_to_imports (x0'(1'dA)': the change that the closure leaves to imports, at base
  /// output; 0 under own_region), all with status "ok"; a refused scenario is one row
  /// (scenario, total, all, refused, "refused: REASON") with value NA.
  std::vector<tables::TidyTable> tables;
  std::vector<solver::MarketScenario> scenarios;  ///< the scenarios solved, in the file's order
  solver::ScenarioResults solved;                 ///< columns: `scenarios`
  std::vector<double> shortfall;                  ///< per solved scenario: closure_to_imports
  struct Refused {
    solver::MarketScenario scenario;
    std::string reason;
  };
  std::vector<Refused> refused;  ///< scenarios refused (the others ran), with the reason
};

MarketScenarioResults market_scenarios(const Analysis& a, const MarketScenarioRequest& r);

}  // namespace irio
