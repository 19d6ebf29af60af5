// SPDX-License-Identifier: MIT
// A report as data: sections of text, tables and horizontal (stacked) bar charts, with nothing
// about how they are drawn. analysis/report/report_data.h fills one from irio::Analysis; io writes it as
// one self-contained HTML page with inline SVG (html_report.h) or as an Excel workbook with
// native charts (xlsx_report.h). docs/report.md describes the report.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace irio::io {

/// A cell: text, or a number (NaN: not available, shown as "NA" / an empty cell).
using ReportCell = std::variant<std::string, double>;

struct ReportTable {
  std::string id;  ///< short identifier: HTML id, xlsx sheet name (<= 31 chars, unique)
  std::string title;
  std::string note;  ///< one line under the title (may be empty)
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;  ///< each as long as `columns`
  int decimals = 4;                           ///< digits shown for numbers in HTML (columns without a number format)
  /// Excel-style number formats of the numbers of a column, by column name: "0" (integers such as
  /// a rank), "0.0000" (fixed decimals), "0.00E+00" (scientific, e.g. a residual), "0.0%"
  /// (shares). The xlsx cell gets the format; HTML shows the number the same way (format_number).
  /// A column without one: `decimals` digits.
  std::map<std::string, std::string> number_formats;
  /// The number format of column j ("" if none).
  std::string number_format(std::size_t j) const;
};

/// `v` as the Excel number format `format` shows it ("0", "0.000", "0.00E+00", "0.0%"; empty:
/// 4 decimals); "NA" for NaN. Thousands are not grouped.
std::string format_number(double v, const std::string& format);

/// One stacked segment of every bar: a name and one value per category (NaN: no segment).
struct BarSeries {
  std::string name;
  std::vector<double> values;
  std::string colour;  ///< "#rrggbb" when the bars are not coloured by group; empty: the palette's
};

/// Horizontal bars, one per category, top to bottom in the given order; with several series the
/// segments are stacked left to right (or, `stacked = false`, drawn side by side; or, `dumbbell`,
/// as two dots joined by a line, e.g. two years). Colours: with `category_groups` each bar takes
/// its group's colour (the colour of the group's place in `group_order`, the same in every chart
/// of a report) and the series are told apart by shade; without, each series has its own colour.
struct BarChart {
  std::string id;  ///< short identifier (HTML id, CSS class of the marks, xlsx sheet name)
  std::string title;
  std::string note;                     ///< what the chart shows, one or two sentences
  std::string axis_label;               ///< the value axis: what and in which unit
  std::string category_axis;            ///< what the bars are ("region", "four_regions", ...; may be empty)
  bool percent = false;                 ///< values are shares: axis in %, the only axis with "%" ticks
  bool stacked = true;                  ///< false: the series of a category side by side, each from 0
  bool dumbbell = false;                ///< two series drawn as dots joined by a line (a change between them)
  std::vector<std::string> categories;  ///< codes (e.g. "GD", "CHN c14"): the data's keys
  /// Empty, or one label per category as the reader sees it (e.g. "GD Guangdong", "CHN Electrical and
  /// optical equipment"): HTML writes it beside the bar (shortened, in full in the tooltip), xlsx
  /// in a "label" column that names the chart's bars.
  std::vector<std::string> category_labels;
  std::vector<std::string> category_groups;  ///< empty, or one group name per category
  /// The report's colour groups in their fixed order (a grouping file's order): group g takes
  /// colour g of the group palette in every chart, whichever groups a chart shows. Groups not
  /// listed follow, in first-seen order.
  std::vector<std::string> group_order;
  std::vector<BarSeries> series;

  /// The label of category i: category_labels[i] when given and not empty, else the category.
  const std::string& label(std::size_t i) const;
  /// Empty if consistent, else the reason (series, group and label lengths, no categories).
  std::string validate() const;
  /// Number of bar segments drawn: finite, non-zero values over all series.
  std::size_t num_marks() const;
  /// Distinct group names of the categories: those of group_order first, in its order, then the
  /// others in first-seen order (empty without category_groups).
  std::vector<std::string> groups() const;
  /// The colour slot of a group: its index in group_order, else group_order.size() + its index
  /// among the groups group_order lacks (first-seen order).
  std::size_t colour_slot(const std::string& group) const;
};

struct ReportSection {
  std::string id;
  std::string title;
  std::vector<std::string> paragraphs;
  std::string preformatted;  ///< e.g. the balance report, shown as is
  std::vector<BarChart> charts;
  std::vector<ReportTable> tables;
};

struct ReportDocument {
  std::string title;
  std::string subtitle;  ///< e.g. the command and the irio version
  std::vector<ReportSection> sections;
};

}  // namespace irio::io
