// SPDX-License-Identifier: MIT
// A ReportDocument as one self-contained HTML page: inline CSS, charts as inline SVG drawn here,
// no fetch of anything (a Content-Security-Policy forbids it), and one tiny inline script that
// only records script errors for the browser test. All text is escaped (html_escape).
//
//   io::ReportDocument doc = ...;             // analysis/report/report_data.h builds one
//   io::write_html_report(doc, "report.html");
#pragma once

#include <string>
#include <vector>

#include "irio/io/report_document.h"

namespace irio::io {

/// Escape text for HTML and SVG (XML) content and attribute values: & < > " '.
/// Bytes that XML forbids (control characters other than tab, newline, carriage return) are
/// dropped; other bytes pass unchanged (the page is UTF-8).
std::string html_escape(const std::string& text);

/// One chart as an <svg> element. Every bar segment is a <rect class="mark ..."> (one per
/// positive finite value: BarChart::num_marks()), with data-group="<group>" when the bars are
/// coloured by group; the <svg> carries id="chart-<id>" and data-marks="<count>". Throws InputError if the chart is inconsistent (BarChart::validate).
std::string render_bar_chart_svg(const BarChart& chart);

/// One chart as a stand-alone SVG file's text (XML declaration, the page's chart styles inside),
/// for a figure of a paper.
std::string render_chart_svg_file(const BarChart& chart);

/// The file name of a chart's SVG: its id (characters other than letters, digits, _ and -
/// replaced by _) + ".svg".
std::string chart_file_name(const BarChart& chart);

/// Each chart of `doc` as its own SVG file in folder `dir` (created if missing; its parent must
/// exist), named by chart_file_name; returns the paths written, in the report's order. Every
/// file is checked (OutputError if one exists and !overwrite, or two charts share a name) before
/// the first is written, and each is written atomically.
std::vector<std::string> write_chart_svgs(const ReportDocument& doc, const std::string& dir, bool overwrite = false,
                                          const std::vector<std::string>& inputs = {});

/// A table as an HTML <table> (numbers right-aligned, NaN shown as NA).
std::string render_table_html(const ReportTable& table);

/// The whole page.
std::string render_html_report(const ReportDocument& doc);

/// Write the page atomically (nothing at `path` until it is complete). OutputError if `path`
/// exists and !overwrite, or names one of `inputs`, or cannot be written.
void write_html_report(const ReportDocument& doc, const std::string& path, bool overwrite = false,
                       const std::vector<std::string>& inputs = {});

}  // namespace irio::io
