// SPDX-License-Identifier: MIT
// XlsxWriter: libxlsxwriter behind a small C++ class, with atomic (temp file + rename) output.
#include "irio/io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "irio/tables/error.h"

namespace irio::io {

struct XlsxWriter::Impl {
  std::string path, tmp_path;
  lxw_workbook* book = nullptr;
  std::vector<lxw_worksheet*> sheets;
  std::vector<std::string> names;
  std::map<std::string, lxw_format*> number_formats;  ///< owned by the workbook
  bool closed = false;
};

namespace {
void check(lxw_error e, const std::string& path, const std::string& what) {
  if (e != LXW_NO_ERROR) throw OutputError(path + ": cannot " + what + ": " + lxw_strerror(e));
}
}  // namespace

XlsxWriter::XlsxWriter(const std::string& path, const XlsxWriterOptions& opt) : impl_(std::make_unique<Impl>()) {
  namespace fs = std::filesystem;
  impl_->path = path;
  std::error_code ec;
  if (!opt.overwrite && fs::exists(path, ec))
    throw OutputError(path + ": file exists (use --force / overwrite to replace it)");
  impl_->tmp_path = path + ".tmp-irio.xlsx";
  lxw_workbook_options o{};
  o.constant_memory = opt.constant_memory ? LXW_TRUE : LXW_FALSE;
  o.tmpdir = nullptr;
  o.use_zip64 = LXW_TRUE;
  impl_->book = workbook_new_opt(impl_->tmp_path.c_str(), &o);
  if (!impl_->book) throw OutputError(path + ": cannot create the workbook");
}

XlsxWriter::~XlsxWriter() {
  if (impl_ && impl_->book && !impl_->closed) {
    // libxlsxwriter has no "discard": write the temporary file, then remove it.
    workbook_close(impl_->book);
    std::remove(impl_->tmp_path.c_str());
  }
}

std::size_t XlsxWriter::add_sheet(const std::string& name) {
  lxw_error e = workbook_validate_sheet_name(impl_->book, name.c_str());
  check(e, impl_->path, "add sheet '" + name + "'");
  lxw_worksheet* ws = workbook_add_worksheet(impl_->book, name.c_str());
  if (!ws) throw OutputError(impl_->path + ": cannot add sheet '" + name + "'");
  impl_->sheets.push_back(ws);
  impl_->names.push_back(name);
  return impl_->sheets.size() - 1;
}

void XlsxWriter::write_number(std::size_t sheet, std::size_t row, std::size_t col, double value) {
  if (!std::isfinite(value)) return;
  check(worksheet_write_number(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                               nullptr),
        impl_->path, "write a number");
}

void XlsxWriter::write_number(std::size_t sheet, std::size_t row, std::size_t col, double value,
                              const std::string& number_format) {
  if (number_format.empty()) return write_number(sheet, row, col, value);
  if (!std::isfinite(value)) return;
  lxw_format*& f = impl_->number_formats[number_format];
  if (!f) {
    f = workbook_add_format(impl_->book);
    if (!f) throw OutputError(impl_->path + ": cannot add the number format '" + number_format + "'");
    format_set_num_format(f, number_format.c_str());
  }
  check(worksheet_write_number(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                               f),
        impl_->path, "write a number");
}

void XlsxWriter::write_string(std::size_t sheet, std::size_t row, std::size_t col, const std::string& text) {
  check(worksheet_write_string(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               text.c_str(), nullptr),
        impl_->path, "write a string");
}

void XlsxWriter::write_boolean(std::size_t sheet, std::size_t row, std::size_t col, bool value) {
  check(worksheet_write_boolean(impl_->sheets.at(sheet), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                value ? 1 : 0, nullptr),
        impl_->path, "write a boolean");
}

void XlsxWriter::insert_bar_chart(std::size_t data_sheet, std::size_t at_sheet, std::size_t row, std::size_t col,
                                  const XlsxBarChart& c) {
  if (c.value_cols.empty() || c.last_row < c.first_row)
    throw OutputError(impl_->path + ": chart '" + c.title + "' has no data");
  lxw_chart* chart = workbook_add_chart(impl_->book, c.stacked ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR);
  if (!chart) throw OutputError(impl_->path + ": cannot add chart '" + c.title + "'");
  const char* sheet = impl_->names.at(data_sheet).c_str();
  for (std::size_t k = 0; k < c.value_cols.size(); ++k) {
    const std::size_t vc = c.value_cols[k];
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    const std::string colour = k < c.colours.size() ? c.colours[k] : std::string();
    if (colour.size() == 7 && colour[0] == '#') {
      lxw_chart_fill fill{};
      fill.color = static_cast<lxw_color_t>(std::strtoul(colour.c_str() + 1, nullptr, 16));
      chart_series_set_fill(s, &fill);
    }
    chart_series_set_categories(s, sheet, static_cast<lxw_row_t>(c.first_row), static_cast<lxw_col_t>(c.category_col),
                                static_cast<lxw_row_t>(c.last_row), static_cast<lxw_col_t>(c.category_col));
    chart_series_set_values(s, sheet, static_cast<lxw_row_t>(c.first_row), static_cast<lxw_col_t>(vc),
                            static_cast<lxw_row_t>(c.last_row), static_cast<lxw_col_t>(vc));
    chart_series_set_name_range(s, sheet, static_cast<lxw_row_t>(c.header_row), static_cast<lxw_col_t>(vc));
  }
  if (!c.title.empty()) chart_title_set_name(chart, c.title.c_str());
  // In a libxlsxwriter bar chart x_axis is the (horizontal) value axis, y_axis the categories.
  if (!c.value_axis.empty()) chart_axis_set_name(chart->x_axis, c.value_axis.c_str());
  if (!c.category_axis.empty()) chart_axis_set_name(chart->y_axis, c.category_axis.c_str());
  if (c.percent) chart_axis_set_num_format(chart->x_axis, "0%");
  // First category at the top, as in the table; the value axis stays at the bottom.
  chart_axis_set_reverse(chart->y_axis);
  chart_axis_set_crossing_max(chart->y_axis);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options o{};
  o.x_scale = 1.6;
  // Excel's default chart is 288 px high; give each category about 15 px.
  const double rows = static_cast<double>(c.last_row - c.first_row + 1);
  o.y_scale = std::max(1.0, (60.0 + 15.0 * rows) / 288.0);
  check(worksheet_insert_chart_opt(impl_->sheets.at(at_sheet), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   chart, &o),
        impl_->path, "insert chart '" + c.title + "'");
}

void XlsxWriter::set_column_width(std::size_t sheet, std::size_t first, std::size_t last, double width) {
  check(worksheet_set_column(impl_->sheets.at(sheet), static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last),
                             width, nullptr),
        impl_->path, "set a column width");
}

void XlsxWriter::close() {
  impl_->closed = true;
  lxw_error e = workbook_close(impl_->book);
  impl_->book = nullptr;
  if (e != LXW_NO_ERROR) {
    std::remove(impl_->tmp_path.c_str());
    throw OutputError(impl_->path + ": cannot write the workbook: " + lxw_strerror(e));
  }
  std::error_code ec;
  std::filesystem::rename(impl_->tmp_path, impl_->path, ec);
  if (ec) {
    std::remove(impl_->tmp_path.c_str());
    throw OutputError(impl_->path + ": cannot move the workbook into place: " + ec.message());
  }
}

}  // namespace irio::io
