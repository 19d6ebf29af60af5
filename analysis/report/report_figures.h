// SPDX-License-Identifier: MIT
// Figures of `irio report` fit for a paper (docs/report.md, "Figures"): the last step of the
// layout. One fixed colour per group in every chart (the grouping file's order), the table's unit
// on the value axes, the category axis named, repeated one-series charts (one per scenario) drawn
// as one chart with a bar per scenario, a footprint section where the table has satellites, and,
// with an earlier table (`--compare`), participation by region in both years as dumbbell charts.
#pragma once

#include <string>
#include <vector>

#include "irio/analysis/report/report_data.h"

namespace irio {

/// The colour groups of the report in their fixed order: the first grouping's groups in its
/// file's order, else the groups of ReportData::region_colour_group in the table's region order.
std::vector<std::string> report_group_order(const Analysis& a, const ReportData& d, const ReportRequest& r);

/// Charts of one section whose ids differ only by a trailing "_<number>" and that each have one
/// series over the same categories, axis and scale become one chart (id without the number,
/// bars side by side, one series per former chart, named by the part of its title before ": ",
/// without a leading "Scenario "), at the place of the first.
void merge_repeated_charts(io::ReportSection& s);

/// Footprints by region of every satellite's stressors (at most 6 charts): production-based
/// D_pba and consumption-based D_cba side by side, in the stressor's unit (methods.md §2.3).
/// Empty (no section) without satellites.
std::vector<io::ReportSection> footprint_sections(const Analysis& a, const ReportData& d);

/// NVC and GVC participation by region in the earlier table and in this one, as dumbbell charts
/// (forward, or backward where the table has an exogenous rest of the world: forward GVC is not
/// identified then), regions sorted by this year's value.
io::ReportSection comparison_section(const Analysis& a, const Analysis& earlier, const ReportData& d);

/// The finishing pass over a laid-out report: group order and category axes on every chart,
/// "(table units)" replaced by the table's unit, repeated charts merged, and the footprint and
/// comparison sections inserted before the identity diagnostics (the last section).
void finish_report_figures(io::ReportDocument& doc, const Analysis& a, const ReportData& d, const ReportRequest& r);

}  // namespace irio
