// SPDX-License-Identifier: MIT
// The report as an Excel workbook with native charts (xlsx_report.h).
#include "irio/io/xlsx_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "irio/io/internal/atomic_output.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/error.h"

namespace irio::io {
namespace {

void write_text_sheet(XlsxWriter& w, const ReportDocument& doc) {
  const std::size_t s = w.add_sheet("Report");
  w.set_column_width(s, 0, 0, 110);
  std::size_t row = 0;
  w.write_string(s, row++, 0, doc.title);
  if (!doc.subtitle.empty()) w.write_string(s, row++, 0, doc.subtitle);
  for (const auto& sec : doc.sections) {
    ++row;
    w.write_string(s, row++, 0, sec.title);
    for (const auto& p : sec.paragraphs) w.write_string(s, row++, 0, p);
    std::istringstream pre(sec.preformatted);
    for (std::string line; std::getline(pre, line);) w.write_string(s, row++, 0, line);
    for (const auto& c : sec.charts)
      w.write_string(s, row++, 0, "Chart and data: sheet '" + c.id + "' (" + c.title + ")");
    for (const auto& t : sec.tables) w.write_string(s, row++, 0, "Table: sheet '" + t.id + "' (" + t.title + ")");
  }
}

void write_chart_sheet(XlsxWriter& w, const BarChart& c) {
  if (const auto why = c.validate(); !why.empty()) throw InputError("report: " + why);
  const std::size_t s = w.add_sheet(c.id);
  // Columns: category (the code), label (names; the chart's axis) when given, group, the series.
  const bool labelled = !c.category_labels.empty();
  const bool grouped = !c.category_groups.empty();
  const std::size_t label_col = labelled ? 1 : 0;
  const std::size_t group_col = label_col + 1;
  const std::size_t first_value_col = group_col + (grouped ? 1 : 0);
  w.write_string(s, 0, 0, "category");
  if (labelled) w.write_string(s, 0, label_col, "label");
  if (grouped) w.write_string(s, 0, group_col, "group");
  XlsxBarChart xc;
  xc.title = c.title;
  xc.value_axis = c.axis_label;
  xc.category_axis = c.category_axis;
  xc.percent = c.percent;
  xc.stacked = c.stacked && !c.dumbbell;  // a dumbbell's two values as bars side by side
  xc.header_row = 0;
  xc.first_row = 1;
  xc.last_row = c.categories.size();
  xc.category_col = label_col;
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    w.write_string(s, 0, first_value_col + k, c.series[k].name);
    xc.value_cols.push_back(first_value_col + k);
    if (!grouped) xc.colours.push_back(c.series[k].colour);
  }
  // Number format of the data: shares in %, amounts of a thousand or more without decimals.
  double largest = 0;
  for (const auto& series : c.series)
    for (double v : series.values)
      if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
  const std::string number_format = c.percent ? "0.0%" : largest >= 1000 ? "#,##0" : "0.0000";
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    w.write_string(s, i + 1, 0, c.categories[i]);
    if (labelled) w.write_string(s, i + 1, label_col, c.label(i));
    if (grouped) w.write_string(s, i + 1, group_col, c.category_groups[i]);
    for (std::size_t k = 0; k < c.series.size(); ++k)
      w.write_number(s, i + 1, first_value_col + k, c.series[k].values[i], number_format);
  }
  w.set_column_width(s, 0, 0, 18);  // ranges that do not overlap
  if (labelled) w.set_column_width(s, label_col, label_col, 40);
  if (grouped) w.set_column_width(s, group_col, group_col, 18);
  w.insert_bar_chart(s, s, 1, first_value_col + c.series.size() + 1, xc);
}

void write_table_sheet(XlsxWriter& w, const ReportTable& t) {
  const std::size_t s = w.add_sheet(t.id);
  for (std::size_t j = 0; j < t.columns.size(); ++j) w.write_string(s, 0, j, t.columns[j]);
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    for (std::size_t j = 0; j < t.rows[i].size(); ++j) {
      if (const auto* text = std::get_if<std::string>(&t.rows[i][j])) w.write_string(s, i + 1, j, *text);
      else  // NaN: an empty cell; the column's number format, else the table's decimals
        w.write_number(s, i + 1, j, std::get<double>(t.rows[i][j]),
                       !t.number_format(j).empty() ? t.number_format(j)
                       : t.decimals > 0 ? "0." + std::string(static_cast<std::size_t>(std::min(t.decimals, 12)), '0')
                                        : "0");
    }
  if (!t.columns.empty()) w.set_column_width(s, 0, t.columns.size() - 1, 16);
}

}  // namespace

void write_xlsx_report(const ReportDocument& doc, const std::string& path, bool overwrite,
                       const std::vector<std::string>& inputs) {
  internal::AtomicOutput out(path, overwrite, inputs);  // refuses an existing file or an input
  {
    XlsxWriterOptions o;
    o.overwrite = true;  // the temporary name is ours
    XlsxWriter w(out.temp_path(), o);
    write_text_sheet(w, doc);
    for (const auto& sec : doc.sections) {
      for (const auto& c : sec.charts) write_chart_sheet(w, c);
      for (const auto& t : sec.tables) write_table_sheet(w, t);
    }
    w.close();
  }
  out.commit();
}

}  // namespace irio::io
