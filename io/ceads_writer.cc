// SPDX-License-Identifier: MIT
// CEADs-layout workbook writer (the inverse of read_ceads), streaming rows through XlsxWriter.
#include "irio/io/ceads_writer.h"

#include "irio/io/xlsx_writer.h"
#include "irio/tables/error.h"

namespace irio::io {

std::string CeadsWriteOptions::validate() const {
  if (sheet.size() > 31) return "sheet name '" + sheet + "' is longer than 31 characters";
  if (sheet.find_first_of("[]:*?/\\") != std::string::npos)
    return "sheet name '" + sheet + "' contains one of []:*?/\\";
  return {};
}

void write_ceads(const tables::IoTable& t, const std::string& path, const CeadsWriteOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError(path + ": " + e);
  t.validate_shapes(path);
  const auto& lb = t.labels;
  if (lb.num_countries() != 1)
    throw InputError(path + ": the CEADs layout holds the provinces of one country; the table has " +
                     std::to_string(lb.num_countries()) + " countries (aggregate or select first)");
  const std::size_t G = lb.num_regions(), N = lb.num_sectors(), K = lb.fd_categories.size(), n = G * N;
  if (!opt.sector_names.empty() && opt.sector_names.size() != N)
    throw InputError(path + ": " + std::to_string(opt.sector_names.size()) + " sector names for " + std::to_string(N) +
                     " sectors");
  const auto& names = opt.sector_names.empty() ? lb.sectors : opt.sector_names;
  for (const auto& c : lb.fd_categories)
    if (c.size() < 2 || c.compare(0, 2, "FU") != 0)
      throw InputError(path + ": final-demand category '" + c +
                       "' does not start with 'FU', so read_ceads would not find it; rename the "
                       "categories (e.g. FU101) first");
  const auto N_ = static_cast<Eigen::Index>(n);
  tables::Vector ex = tables::Vector::Zero(N_), err = tables::Vector::Zero(N_);
  bool has_err = false;
  for (std::size_t k = 0; k < t.export_labels.size(); ++k) {
    if (t.export_labels[k] == "ERR") {
      err += t.exports.col(static_cast<Eigen::Index>(k));
      has_err = true;
    } else {
      ex += t.exports.col(static_cast<Eigen::Index>(k));
    }
  }
  const tables::Vector x = t.output();
  const tables::Vector im = t.import_total();
  const tables::Matrix Zd(t.Z);
  const tables::Vector tiu = Zd.rowwise().sum();
  const tables::Vector fu = (t.Y.cols() ? tables::Vector(t.Y.rowwise().sum()) : tables::Vector::Zero(N_)) + ex;
  const tables::Vector tii = Zd.colwise().sum().transpose();
  const tables::Vector tva = t.value_added_supplied().size() ? t.value_added_supplied() : t.value_added_residual();
  const tables::Satellite* co2 = nullptr;
  for (const auto& sat : t.satellites)
    if (sat.name == "CO2" && sat.F.rows() == 1) co2 = &sat;

  std::string sheet = opt.sheet;
  if (sheet.empty())
    sheet = t.meta.year.empty() ? "Table_English Version" : "Table_" + t.meta.year + "_English Version";
  XlsxWriterOptions wo;
  wo.constant_memory = true;
  wo.overwrite = opt.overwrite;
  XlsxWriter w(path, wo);
  const std::size_t s = w.add_sheet(sheet);
  const std::size_t c0 = 3, c_tiu = c0 + n, c_fd = c_tiu + 1, c_ex = c_fd + G * K, c_tfu = c_ex + 1, c_err = c_tfu + 1,
                    c_go = c_tfu + (has_err ? 2 : 1);
  // Row 1: title.
  w.write_string(s, 0, 0,
                 opt.title.empty() ? (t.meta.name.empty() ? std::string("Input-output table") : t.meta.name) +
                                         " (unit: " + (t.meta.unit.empty() ? "10000 CNY" : t.meta.unit) + ")"
                                   : opt.title);
  // Row 2: provinces.
  for (std::size_t r = 0; r < G; ++r)
    for (std::size_t i = 0; i < N; ++i)
      if (opt.repeat_province_labels || i == 0) w.write_string(s, 1, c0 + r * N + i, lb.regions[r]);
  for (std::size_t r = 0; r < G; ++r)
    for (std::size_t k = 0; k < K; ++k)
      if (opt.repeat_province_labels || k == 0) w.write_string(s, 1, c_fd + r * K + k, lb.regions[r]);
  // Rows 3 and 4: names and codes (each row written whole: streaming needs row order).
  w.write_string(s, 2, 0, "Province");
  w.write_string(s, 2, 1, "Sector");
  w.write_string(s, 2, 2, "Code");
  for (std::size_t j = 0; j < n; ++j) w.write_string(s, 2, c0 + j, names[j % N]);
  w.write_string(s, 2, c_tiu, "Total intermediate use");
  for (std::size_t c = 0; c < G * K; ++c) w.write_string(s, 2, c_fd + c, lb.fd_categories[c % K]);
  w.write_string(s, 2, c_ex, "Export");
  w.write_string(s, 2, c_tfu, "Total final use");
  if (has_err) w.write_string(s, 2, c_err, "Error");
  w.write_string(s, 2, c_go, "Gross output");
  for (std::size_t j = 0; j < n; ++j) w.write_string(s, 3, c0 + j, lb.sectors[j % N]);
  w.write_string(s, 3, c_tiu, "TIU");
  for (std::size_t c = 0; c < G * K; ++c) w.write_string(s, 3, c_fd + c, lb.fd_categories[c % K]);
  w.write_string(s, 3, c_ex, "EX");
  w.write_string(s, 3, c_tfu, "TFU");
  if (has_err) w.write_string(s, 3, c_err, "ERR");
  w.write_string(s, 3, c_go, "GO");
  // Province-sector rows.
  std::size_t row = 4;
  for (std::size_t i = 0; i < n; ++i, ++row) {
    const auto ii = static_cast<Eigen::Index>(i);
    if (opt.repeat_province_labels || i % N == 0) w.write_string(s, row, 0, lb.regions[i / N]);
    w.write_string(s, row, 1, names[i % N]);
    w.write_string(s, row, 2, lb.sectors[i % N]);
    for (std::size_t j = 0; j < n; ++j) {
      const double v = Zd(ii, static_cast<Eigen::Index>(j));
      if (v != 0.0) w.write_number(s, row, c0 + j, v);
    }
    w.write_number(s, row, c_tiu, tiu(ii));
    for (std::size_t c = 0; c < G * K; ++c) w.write_number(s, row, c_fd + c, t.Y(ii, static_cast<Eigen::Index>(c)));
    w.write_number(s, row, c_ex, ex(ii));
    w.write_number(s, row, c_tfu, fu(ii));
    if (has_err) w.write_number(s, row, c_err, err(ii));
    w.write_number(s, row, c_go, x(ii));
  }
  auto bottom = [&](const std::string& name, const std::string& code, const tables::Vector& v) {
    w.write_string(s, row, 1, name);
    w.write_string(s, row, 2, code);
    for (std::size_t j = 0; j < n; ++j) w.write_number(s, row, c0 + j, v(static_cast<Eigen::Index>(j)));
    ++row;
  };
  if (t.imports.rows() > 0) bottom("Import", "IM", im);
  bottom("Total intermediate input", "TII", tii);
  for (std::size_t k = 0; k < t.va_components.size(); ++k) {
    // read_ceads recognises value-added rows by a code starting with "VA0".
    const std::string& c = t.va_components[k];
    const std::string code = c.compare(0, 3, "VA0") == 0 ? c : "VA00" + std::to_string(k + 1);
    bottom(c, code, t.V.row(static_cast<Eigen::Index>(k)).transpose());
  }
  bottom("Total value added", "TVA", tva);
  bottom("Total input", "TI", tii + im + tva);
  if (co2)
    bottom("CO2 (" + (co2->units.empty() ? std::string("Mt") : co2->units.front()) + ")", "CO2",
           co2->F.row(0).transpose());
  w.close();
}

}  // namespace irio::io
