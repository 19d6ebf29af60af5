// SPDX-License-Identifier: MIT
// What `irio report` shows, computed by the library: the main job (Analysis::analyse) condensed
// into small tidy tables (participation by region with the colour group of each region, the
// three levels local / national / global by region and by group, the highest output multipliers
// with their local / national / international split, the identity diagnostics) and laid out as an
// io::ReportDocument that io writes as HTML with inline SVG or as an Excel workbook.
//
//   irio::ReportRequest req;
//   req.groups = {"four_regions"};                        // optional; the first colours the bars
//   irio::ReportData d = irio::build_report(analysis, req);
//   irio::io::write_html_report(d.document, "report.html");
//
// docs/report.md describes each chart and how it is computed.
#pragma once

#include <string>
#include <vector>

#include "irio/analysis/analysis.h"
#include "irio/io/report_document.h"

namespace irio {

struct ReportRequest {
  /// Groupings of regions (as AnalyseRequest::groups): charts by group, and the first one gives
  /// the bars of the region charts their colour.
  std::vector<std::string> groups;
  int top_multipliers = 20;  ///< how many of the highest output multipliers to show (1..1000)
  std::string command;       ///< the command line, shown under the title (may be empty)
  ProgressFn progress;
  /// Provincial-research sections (analysis/report/report_regional.h): a scenario file of `irio
  /// scenario` (empty: none) and an earlier table to decompose the change from (null: none).
  std::string scenario_file;
  const Analysis* compare = nullptr;

  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// The three levels of the decomposition (methods.md §5.2, eq. 5.1) with the trade in final goods
/// apart from the value chains, so that the chain parts are the participation indices: local
/// (LOC); national: final goods to other regions of the country (NTF) and national value chains
/// (NVC_S + NVC_C); global: final goods abroad (RT) and global value chains (GVC_S + GVC_C). With
/// an exogenous rest of the world (§5.5) backward GVC is the identified total and forward RT and
/// GVC are identified only as their sum (kRtGvc; NaN on closed tables).
enum class ChainLevel { kLocal, kNationalFinal, kNationalChains, kInternationalFinal, kGlobalChains, kRtGvc };
inline constexpr EnumTable<ChainLevel, 6> kChainLevelNames{"chain level",
                                                           {{{ChainLevel::kLocal, "local"},
                                                             {ChainLevel::kNationalFinal, "national_final"},
                                                             {ChainLevel::kNationalChains, "national_chains"},
                                                             {ChainLevel::kInternationalFinal, "international_final"},
                                                             {ChainLevel::kGlobalChains, "global_chains"},
                                                             {ChainLevel::kRtGvc, "rt_gvc"}}}};
constexpr const auto& enum_table(ChainLevel) { return kChainLevelNames; }
/// All levels, in chart order.
inline constexpr ChainLevel kChainLevels[] = {ChainLevel::kLocal,          ChainLevel::kNationalFinal,
                                              ChainLevel::kNationalChains, ChainLevel::kInternationalFinal,
                                              ChainLevel::kGlobalChains,   ChainLevel::kRtGvc};

struct ReportData {
  AnalyseResults results;
  /// How the regions are coloured: the first grouping's name, "country", or "all regions".
  std::string colour_grouping;
  std::vector<std::string> region_colour_group;  ///< one per region
  /// region,group,direction,indicator -> share; direction forward | backward, indicator nvc | gvc;
  /// regions sorted by NVC + GVC participation (descending) within each direction.
  tables::TidyTable participation;
  /// unit,direction,level -> share of the unit's value added (forward) or final production
  /// (backward); unit is a region, level one of ChainLevel's names (NaN: not identified).
  tables::TidyTable levels_by_region;
  /// grouping,group,direction,level -> share (empty without groups).
  tables::TidyTable levels_by_group;
  /// rank,region,sector,part -> output multiplier part; part total | local | national | international.
  tables::TidyTable top_multipliers;
  /// region,group,direction -> NVC orientation NVC / (NVC + GVC) (methods.md §10.1), regions sorted
  /// by the forward orientation (descending; NaN last).
  tables::TidyTable orientation;
  /// region,group,indicator -> u1, u2, coupling C, development T, coordination D (methods.md
  /// §10.2) with the default indices (coupling_u1, coupling_u2), regions sorted by D.
  tables::TidyTable coupling;
  std::string coupling_u1, coupling_u2;
  /// The coupling's notes (methods.md §10.2): regions on a normalisation bound, undefined indices.
  std::vector<std::string> coupling_notes;
  /// Disparity, scenarios, decomposition of a change (report_regional.h), before the diagnostics.
  std::vector<io::ReportSection> regional_sections;
  io::ReportDocument document;
};

/// Run the main job on `a` (balance check first: BalanceError for a table with errors) and build
/// the report's tables and document. InputError for an invalid request or grouping.
ReportData build_report(const Analysis& a, const ReportRequest& r = {});

/// Sum of the terms of one level in one row of a decomposition matrix (rows x terms); NaN when
/// none of its terms is identified (finite) there.
double chain_level(const Matrix& terms, Eigen::Index row, ChainLevel level);

/// Display names in a laid-out report (the last step of report_document): a chart whose
/// categories are all region codes gets labels "GD Guangdong" where region names differ from the
/// codes; one whose categories are "REGION SECTOR" codes gets "REGION <sector name>" where the
/// table has sector names; each table column "region" / "sector" gets a "region name" / "sector
/// name" column after it (a cell that is not a code keeps its text). Charts that have labels and
/// tables that have the name column are left alone.
void name_report_codes(io::ReportDocument& doc, const tables::Labels& labels);

/// Lay out the report (used by build_report; exposed for tests).
io::ReportDocument report_document(const Analysis& a, const ReportData& d, const ReportRequest& r);

}  // namespace irio
