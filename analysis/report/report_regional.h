// SPDX-License-Identifier: MIT
// Sections of `irio report` for provincial research (docs/report.md, docs/regional.md): the
// disparity of NVC / GVC participation between and within the groups of each grouping (Theil T and
// L, methods.md §10.3), unified-market scenarios from a scenario file (§10.6) and a structural
// decomposition of the change from an earlier table (§10.4), as bar charts and tables.
#pragma once

#include <string>
#include <vector>

#include "irio/analysis/report/report_data.h"

namespace irio {

struct RegionalReportRequest {
  std::vector<std::string> groups;    ///< groupings (as ReportRequest::groups): disparity needs one
  std::string scenario_file;          ///< scenario CSV of `irio scenario` (empty: no scenario section)
  const Analysis* compare = nullptr;  ///< the earlier table T0 of the decomposition (null: none)
};

/// The sections, each only where it applies: disparity with at least one grouping and a table
/// where some flow is national; scenarios with a file; the decomposition with `compare` (its
/// labels must equal the table's: InputError otherwise). Uses the main job's decomposition in `d`
/// for the disparity; the scenarios and the decomposition are solved here.
std::vector<io::ReportSection> regional_report_sections(const Analysis& a, const ReportData& d,
                                                        const RegionalReportRequest& r);

}  // namespace irio
