// SPDX-License-Identifier: MIT
// What irio::Analysis answers: one request (options) struct and one results struct per indicator
// family. Every request validates itself (`validate()`: empty if valid, else the reason) and knows
// the names of the tables its result will hold before anything is computed (`table_names()`), so
// that a caller can refuse an existing output first. Results hold tidy tables in output order plus
// what a report prints (summaries, diagnostics).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "irio/solver/extraction.h"
#include "irio/solver/footprints.h"
#include "irio/solver/gvc/position.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/gvc/production_groups.h"
#include "irio/solver/gvc/trade.h"
#include "irio/solver/impact.h"
#include "irio/solver/linkages.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/multipliers.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio {

using tables::Matrix;
using tables::Vector;

// ---------------------------------------------------------------------------------------------
// Leontief indicators (methods.md §2)

/// Multipliers: simple, Type I, Type II (household closure), and optionally their spatial splits.
struct MultiplierRequest {
  std::string income;      ///< w: a value-added component or SATELLITE/STRESSOR (empty: none)
  std::string employment;  ///< epsilon: SATELLITE/STRESSOR (empty: none)
  /// Final-demand categories of household consumption; non-empty: Type II (needs `income`).
  std::vector<std::string> household_categories;
  bool type2 = false;  ///< the CLI's --type2: Type II asked for, so household_categories must be given
  solver::HouseholdMode households = solver::HouseholdMode::kNational;
  bool va_components = true;  ///< one value-added multiplier per row of V
  bool split = false;         ///< also intra/feedback/spillover and local/national/international
  bool round = false;         ///< also Round's multiplicative decomposition (dense, n <= dense_max_n)

  std::string validate() const;
  std::vector<std::string> table_names() const;  ///< multipliers[, multiplier_split][, multiplier_round]
  solver::MultiplierOptions options() const;
};

struct MultiplierResults {
  std::vector<tables::TidyTable> tables;
  Vector output;     ///< simple output multipliers 1'L, NaN at zero output
  Vector closure_k;  ///< diag(K) of the household closure (k for one household); empty for Type I
};

/// Footprint accounts of one satellite (pymrio-compatible).
struct FootprintRequest {
  std::string satellite;   ///< required: the satellite account's name
  bool downstream = true;  ///< M_down (k_F more solves)
  /// D_imp at sector detail as pymrio's (k_F G transposed solves instead of k_F); without it D_imp
  /// is by region only (methods.md §2.3, "Solves per account").
  bool imports_by_sector = false;
  /// Also the output and value-added multipliers (the `multipliers` table of `irio multipliers`)
  /// from the same model: one read and one set-up for everything pymrio's calc_all gives.
  bool with_multipliers = false;
  /// Only the accounts by region, for every stressor from one block of forward solves (no M, no
  /// account by sector; methods.md §2.3).
  bool regions_only = false;
  std::string population_file;  ///< CSV region,value (header line first); empty: none
  Vector population;            ///< or the G populations directly (not both)
  /// Characterisation factors (io/characterisation_reader.h, pymrio's long layout); empty: none.
  /// Adds the impacts' accounts, footprints_<satellite>_characterised (methods.md §2.9).
  std::string characterisation_file;

  std::string validate() const;
  /// footprints_<satellite>[, footprints_<satellite>_characterised][, multipliers], diagnostics
  std::vector<std::string> table_names() const;
};

struct FootprintResults {
  std::vector<tables::TidyTable> tables;         ///< the accounts, then the identity diagnostics
  tables::TidyTable diagnostics;                 ///< §6.2 (12), rest of the world included
  const tables::Satellite* satellite = nullptr;  ///< points into Analysis::table()
  solver::FootprintAccounts accounts;
  /// With a characterisation file: the impacts as a satellite (F_I = C F), their accounts, the
  /// impacts of the file left out (none of their stressors in the satellite), and how many more
  /// solves they took (0 unless the factors are regionalised).
  std::optional<tables::Satellite> impacts;
  solver::FootprintAccounts impact_accounts;
  std::vector<std::string> skipped_impacts;
  std::size_t impact_solves = 0;
};

/// Effects of final-demand shocks dx = L dy, dva, dF.
struct ImpactRequest {
  std::string shock_file;              ///< CSV region,sector,value[,scenario] (io/shock_reader.h)
  Matrix shocks;                       ///< or n x k shocks directly (not both)
  std::vector<std::string> scenarios;  ///< names of the columns of `shocks`

  std::string validate() const;
  std::vector<std::string> table_names() const;  ///< impact
};

struct ImpactResults {
  std::vector<tables::TidyTable> tables;
  Matrix shocks;  ///< n x k, as read or given
  solver::ImpactResult impact;
};

/// Backward / forward linkages, Rasmussen-Hirschman indices and key sectors.
struct LinkageRequest {
  solver::LinkageOptions options;  ///< forward index, weights, coefficient of variation (FULL cost)

  std::string validate() const;                  ///< from its declaration (verbs/linkages.cc)
  std::vector<std::string> table_names() const;  ///< linkages
};

struct LinkageResults {
  std::vector<tables::TidyTable> tables;
  solver::Linkages linkages;
  std::size_t class_counts[4] = {0, 0, 0, 0};  ///< active sectors per solver::SectorClass
};

/// Ghosh (supply-side) indicators.
struct GhoshResults {
  std::vector<tables::TidyTable> tables;
  double max_output_difference = 0;  ///< max |va'G - x| (0 on a consistent table, methods.md §1.2)
};

/// Block extractions (methods.md §2.6): all inter-regional blocks, or only those within a country.
enum class ExtractionBlock { kInterRegional, kNational };
inline constexpr EnumTable<ExtractionBlock, 2> kExtractionBlockNames{
    "extraction block",
    {{{ExtractionBlock::kInterRegional, "inter-regional"}, {ExtractionBlock::kNational, "national"}}}};
constexpr const auto& enum_table(ExtractionBlock) { return kExtractionBlockNames; }

/// Which sector extractions to run: all three, or one of them.
enum class ExtractionVariant { kAll, kTotal, kBackward, kForward };
inline constexpr EnumTable<ExtractionVariant, 4> kExtractionVariantNames{"extraction variant",
                                                                         {{{ExtractionVariant::kAll, "all"},
                                                                           {ExtractionVariant::kTotal, "total"},
                                                                           {ExtractionVariant::kBackward, "backward"},
                                                                           {ExtractionVariant::kForward, "forward"}}}};
constexpr const auto& enum_table(ExtractionVariant) { return kExtractionVariantNames; }

/// Hypothetical extraction of sectors (REGION/SECTOR or SECTOR specs) or of a block.
struct ExtractionRequest {
  std::vector<std::string> sectors;  ///< sector extraction (exclusive with `block`)
  bool block_extraction = false;     ///< extract `block` instead of sectors
  ExtractionBlock block = ExtractionBlock::kInterRegional;
  ExtractionVariant variant = ExtractionVariant::kAll;
  solver::ExtractionOptions options;

  std::string validate() const;
  std::vector<std::string> table_names() const { return {"extraction"}; }
};

struct ExtractionResults {
  std::vector<tables::TidyTable> tables;
  std::vector<solver::ExtractionResult> extractions;
  std::vector<std::string> names;  ///< one per extraction: the block name or "S1+S2"
};

// ---------------------------------------------------------------------------------------------
// Value chains (methods.md §3-§5)

/// Three-level decomposition (local / national / international value chains) and participation.
struct ChainRequest {
  /// Also by groups of regions: grouping CSV files or shipped names (io::load_grouping); each must
  /// cover every region (checked before anything is solved), or have a catch-all:
  std::vector<std::string> groups;
  std::string other_group;         ///< `--other`: the group of every region a grouping does not list
  bool split_complex_gvc = false;  ///< GVC_C_home / GVC_C_abroad (one global solve per country)
  /// `--export-split`: CSV sector,final_share (or region,sector,final_share): the share of each
  /// sector's exports that are final goods, for a table with an exogenous rest of the world
  /// (methods.md §5.5): forward RT and GVC are then reported (status export_split).
  std::string export_split;
  ProgressFn progress;

  std::string validate() const { return {}; }
  std::vector<std::string> table_names() const;  ///< from its declaration (verbs/chains.cc)
};

struct ChainResults {
  std::vector<tables::TidyTable> tables;  ///< three_level_terms, participation, diagnostics[, by group]
  solver::gvc::ProductionDecomposition decomposition;
  std::vector<solver::gvc::GroupedChains> grouped;  ///< one per requested grouping
};

/// The value-added-in-trade methods of `irio trade` (methods.md §3).
enum class TradeMethod { kWwz, kKww, kBm, kBmt, kMy, kVax, kLtdv, kLeontief, kGvc, kTiva };
inline constexpr EnumTable<TradeMethod, 10> kTradeMethodNames{"trade method",
                                                              {{{TradeMethod::kWwz, "wwz"},
                                                                {TradeMethod::kKww, "kww"},
                                                                {TradeMethod::kBm, "bm"},
                                                                {TradeMethod::kBmt, "bmt"},
                                                                {TradeMethod::kMy, "my"},
                                                                {TradeMethod::kVax, "vax"},
                                                                {TradeMethod::kLtdv, "ltdv"},
                                                                {TradeMethod::kLeontief, "leontief"},
                                                                {TradeMethod::kGvc, "gvc"},
                                                                {TradeMethod::kTiva, "tiva"}}}};
constexpr const auto& enum_table(TradeMethod) { return kTradeMethodNames; }

/// Borin-Mancini approach (methods.md §3.4).
enum class BmApproach { kSource, kSink };
inline constexpr EnumTable<BmApproach, 2> kBmApproachNames{
    "Borin-Mancini approach", {{{BmApproach::kSource, "source"}, {BmApproach::kSink, "sink"}}}};
constexpr const auto& enum_table(BmApproach) { return kBmApproachNames; }

/// Borin-Mancini perspective (methods.md §3.4): the border against which double counting is
/// judged. `bilateral` (the flow s -> r), `sector` and `sectoral_bilateral` (an exporter row's
/// exports, to all or to one importer) and `importer` (the decomposition of imports) go with the
/// source approach.
enum class BmPerspective { kExporter, kWorld, kBilateral, kSector, kSectoralBilateral, kImporter };
inline constexpr EnumTable<BmPerspective, 6> kBmPerspectiveNames{
    "Borin-Mancini perspective",
    {{{BmPerspective::kExporter, "exporter"},
      {BmPerspective::kWorld, "world"},
      {BmPerspective::kBilateral, "bilateral"},
      {BmPerspective::kSector, "sector"},
      {BmPerspective::kSectoralBilateral, "sectoral_bilateral"},
      {BmPerspective::kImporter, "importer"}}}};
constexpr const auto& enum_table(BmPerspective) { return kBmPerspectiveNames; }

/// The default border of `trade` and `position` (the same for both, so that their exports and
/// GVC agree): every region is a unit; `--perimeter country` uses national borders instead.
inline constexpr solver::Perimeter kDefaultPerimeter = solver::Perimeter::kRegion;

/// One trade decomposition at the region or country perimeter.
struct TradeRequest {
  TradeMethod method = TradeMethod::kWwz;
  solver::Perimeter perimeter = kDefaultPerimeter;
  BmApproach approach = BmApproach::kSource;                             ///< method bm
  BmPerspective perspective = BmPerspective::kExporter;                  ///< method bm
  solver::gvc::LeontiefPost post = solver::gvc::LeontiefPost::kExports;  ///< method leontief
  bool bilateral = false;      ///< method ltdv: also the bilateral extractions s->r (n transposed solves)
  bool third_country = false;  ///< method wwz: also wwz_intrex, DVA_INTrex by third unit (U^2 solves)
  /// Method leontief writes an n x n matrix: refused above this n.
  Eigen::Index leontief_max_n = 10000;
  ProgressFn progress;

  std::string validate() const;
  /// The tables the method writes, known before computing (e.g. wwz, wwz2kww, dvix_fsr, diagnostics).
  std::vector<std::string> table_names() const;
  /// The run name under which the results are stored ("trade_wwz").
  std::string run() const;
};

struct TradeResults {
  std::vector<tables::TidyTable> tables;  ///< in table_names() order; diagnostics last
  tables::TidyTable diagnostics;          ///< §6.2 identities (no key columns when none apply)
  Eigen::Index units = 0;                 ///< regions or countries at the perimeter
  double gross_exports = 0;               ///< sum of e^{s*}
};

/// KPWW foreign value added (methods.md §4.2): foreign content (KWW 7-9) or KWW 7+8.
enum class KpwwFv { kForeignContent, kFvaKww };
inline constexpr EnumTable<KpwwFv, 2> kKpwwFvNames{
    "KPWW FV", {{{KpwwFv::kForeignContent, "foreign_content"}, {KpwwFv::kFvaKww, "fva_kww"}}}};
constexpr const auto& enum_table(KpwwFv) { return kKpwwFvNames; }

/// Upstreamness, downstreamness, GVC lengths and position, KPWW.
struct PositionRequest {
  solver::Perimeter perimeter = kDefaultPerimeter;
  KpwwFv kpww_fv = KpwwFv::kForeignContent;
  ProgressFn progress;

  std::string validate() const;                  ///< from its declaration (verbs/position.cc)
  std::vector<std::string> table_names() const;  ///< position, kpww, diagnostics
  solver::gvc::PositionOptions options() const;
};

struct PositionResults {
  std::vector<tables::TidyTable> tables;  ///< position (by sector), kpww (by unit), diagnostics
  solver::gvc::PositionResult position;
};

// ---------------------------------------------------------------------------------------------
// The main job (`irio analyse`)

/// Multipliers with their local / national / international split and the three-level value-chain
/// decomposition with participation, optionally by groups of regions.
struct AnalyseRequest {
  std::vector<std::string> groups;  ///< as ChainRequest::groups
  std::string other_group;          ///< as ChainRequest::other_group
  ProgressFn progress;

  std::string validate() const { return {}; }
  /// Output files in a results folder: multipliers.csv, multiplier_split.csv, chains.csv,
  /// participation.csv, diagnostics.csv [, chains_by_group.csv, participation_by_group.csv].
  std::vector<std::string> file_names() const;
};

struct AnalyseResults {
  /// The tables in file_names() order (same length).
  std::vector<tables::TidyTable> tables;
  std::vector<std::string> file_names;
  solver::MultiplierSplit output_split;  ///< split of the output multiplier 1'L (n each)
  solver::gvc::ProductionDecomposition chains;
  std::vector<solver::gvc::GroupedChains> grouped;
};

}  // namespace irio
