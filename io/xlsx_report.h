// SPDX-License-Identifier: MIT
// A ReportDocument as an Excel workbook for users who work in Excel: a "Report" sheet with the
// text (title, paragraphs, the balance report), then one sheet per chart (its data as a table and
// a native Excel bar chart over it, libxlsxwriter) and one sheet per table. Sheet names are the
// chart and table ids.
#pragma once

#include <string>
#include <vector>

#include "irio/io/report_document.h"

namespace irio::io {

/// Write the workbook atomically. OutputError if `path` exists and !overwrite, names one of
/// `inputs`, or cannot be written; InputError for an inconsistent chart.
void write_xlsx_report(const ReportDocument& doc, const std::string& path, bool overwrite = false,
                       const std::vector<std::string>& inputs = {});

}  // namespace irio::io
