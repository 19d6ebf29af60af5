// SPDX-License-Identifier: MIT
// Test workbooks in the CEADs layout, generated with libxlsxwriter (through io::XlsxWriter):
// a small hand-checkable table, a seeded full-size one, and the malformed variants.
#pragma once

#include <zip.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "irio/io/xlsx_reader.h"
#include "irio/io/xlsx_writer.h"
#include "irio/tables/io_table.h"

namespace irio::testing {

/// A path in a per-process scratch folder under the temp directory; the folder is removed at
/// exit unless IRIO_KEEP_SCRATCH is set (e.g. to collect fuzzing seeds, docs/provincial.md).
inline std::string scratch(const std::string& name) {
  namespace fs = std::filesystem;
  struct Dir {
    fs::path path;
    Dir() : path(fs::temp_directory_path() / ("irio_provincial_" + std::to_string(::getpid()))) {
      fs::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      if (!std::getenv("IRIO_KEEP_SCRATCH")) fs::remove_all(path, ec);
    }
  };
  static const Dir dir;
  fs::path p = dir.path / name;
  fs::remove(p);
  return p.string();
}

/// Raw CEADs content as the sheet shows it (values and totals exactly as written).
struct CeadsFixture {
  std::vector<std::string> provinces, sector_codes, sector_names, fd_codes;
  tables::Matrix Z;        ///< n x n
  tables::Matrix Y;        ///< n x G K
  tables::Vector ex, err;  ///< n (err empty: no ERR column)
  tables::Vector im;       ///< n
  tables::Matrix V;        ///< 4 x n (VA001..VA004)
  tables::Vector co2;      ///< n (empty: no CO2 row)
  std::string sheet = "Table_2017_English Version";
  std::size_t n() const { return provinces.size() * sector_codes.size(); }
  tables::Vector x() const {
    tables::Vector x = Z.rowwise().sum() + Y.rowwise().sum() + ex;
    if (err.size()) x += err;
    return x;
  }
};

/// VA001..VA003 = 10, 2, 3 and VA004 closing each column, so that TI = 1'Z + IM + TVA = GO.
inline void close_columns(CeadsFixture& f) {
  const tables::Vector x = f.x();
  const auto n = static_cast<Eigen::Index>(f.n());
  f.V.resize(4, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    f.V(0, j) = 10;
    f.V(1, j) = 2;
    f.V(2, j) = 3;
    f.V(3, j) = x(j) - f.Z.col(j).sum() - f.im(j) - 15;
  }
}

/// 3 provinces x 4 sectors, K = 5, integer values: Z(i,j) = 1 + (i + 2j) % 5, Y(i,c) = 2 + (i + c) % 3,
/// EX(i) = i + 1, ERR(i) = 0.5 (i even) / -0.5 (i odd), IM(j) = 3 + j % 2. VA001..VA003 are
/// 10, 2, 3 and VA004 closes the column (x_j - 1'Z_j - IM_j - 15), so TI = GO.
inline CeadsFixture small_fixture() {
  CeadsFixture f;
  f.provinces = {"Beijing", "Tianjin", "Hebei"};
  f.sector_codes = {"01", "02", "03", "04"};
  f.sector_names = {"Agriculture", "Mining", "Manufacturing", "Services"};
  f.fd_codes = {"FU101", "FU102", "FU103", "FU201", "FU202"};
  const Eigen::Index n = 12, GK = 15;
  f.Z.resize(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) f.Z(i, j) = static_cast<double>(1 + (i + 2 * j) % 5);
  f.Y.resize(n, GK);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index c = 0; c < GK; ++c) f.Y(i, c) = static_cast<double>(2 + (i + c) % 3);
  f.ex.resize(n);
  f.err.resize(n);
  f.im.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    f.ex(i) = static_cast<double>(i + 1);
    f.err(i) = i % 2 == 0 ? 0.5 : -0.5;
    f.im(i) = static_cast<double>(3 + i % 2);
  }
  close_columns(f);
  f.co2.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) f.co2(j) = 0.25 * static_cast<double>(j + 1);
  return f;
}

/// The 31 provinces as CEADs' English sheets name them.
inline const std::vector<std::string>& ceads_provinces() {
  static const std::vector<std::string> p = {
      "Beijing",  "Tianjin", "Hebei",     "Shanxi",  "Inner Mongolia", "Liaoning",  "Jilin",    "Heilongjiang",
      "Shanghai", "Jiangsu", "Zhejiang",  "Anhui",   "Fujian",         "Jiangxi",   "Shandong", "Henan",
      "Hubei",    "Hunan",   "Guangdong", "Guangxi", "Hainan",         "Chongqing", "Sichuan",  "Guizhou",
      "Yunnan",   "Tibet",   "Shaanxi",   "Gansu",   "Qinghai",        "Ningxia",   "Xinjiang"};
  return p;
}

/// G provinces x N sectors with seeded values (std::mt19937, default seed), K = 5, no ERR.
inline CeadsFixture seeded_fixture(std::size_t G, std::size_t N) {
  CeadsFixture f;
  for (std::size_t r = 0; r < G; ++r)
    f.provinces.push_back(r < 31 ? ceads_provinces()[r] : "P" + std::to_string(r + 1));
  for (std::size_t i = 0; i < N; ++i) {
    char code[24];
    std::snprintf(code, sizeof code, "%02zu", i + 1);
    f.sector_codes.push_back(code);
    f.sector_names.push_back("Sector " + std::to_string(i + 1));
  }
  f.fd_codes = {"FU101", "FU102", "FU103", "FU201", "FU202"};
  const auto n = static_cast<Eigen::Index>(G * N), GK = static_cast<Eigen::Index>(G * 5);
  std::mt19937 rng;
  std::uniform_real_distribution<double> u(0.0, 1000.0);
  f.Z.resize(n, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) f.Z(i, j) = (rng() % 3 == 0) ? 0.0 : u(rng);
  f.Y.resize(n, GK);
  for (Eigen::Index j = 0; j < GK; ++j)
    for (Eigen::Index i = 0; i < n; ++i) f.Y(i, j) = u(rng);
  f.ex.resize(n);
  f.im.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    f.ex(i) = u(rng);
    f.im(i) = u(rng);
  }
  const tables::Vector x = f.x();
  f.V.resize(4, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const double va = x(j) - f.Z.col(j).sum() - f.im(j);
    f.V(0, j) = 0.5 * va;
    f.V(1, j) = 0.1 * va;
    f.V(2, j) = 0.15 * va;
    f.V(3, j) = va - f.V(0, j) - f.V(1, j) - f.V(2, j);
  }
  return f;
}

/// Ways to spoil the layout when writing a fixture.
struct Spoil {
  bool repeat_province_labels = false;  ///< write the province on every column/row (merged vs not)
  bool tii_includes_im = false;         ///< TII = 1'Z + IM instead of 1'Z
  std::string extra_sheet;              ///< add another sheet first (e.g. "Note")
  std::function<bool(std::size_t row, std::size_t col, std::string* text, double* value)> cell;
  ///< called for every cell written; may change it (set *text for a string cell) or return false
  ///< to drop it
  /// called with the position of every cell; may move it, or return false to drop it
  std::function<bool(std::size_t* row, std::size_t* col)> move;
  bool constant_memory = false;  ///< inline strings instead of shared strings
};

/// Write `f` in the CEADs 2017 layout with libxlsxwriter, independently of io::write_ceads.
inline void write_fixture(const CeadsFixture& f, const std::string& path, const Spoil& sp = {}) {
  io::XlsxWriterOptions wo;
  wo.overwrite = true;
  wo.constant_memory = sp.constant_memory;
  io::XlsxWriter w(path, wo);
  if (!sp.extra_sheet.empty()) {
    std::size_t e = w.add_sheet(sp.extra_sheet);
    w.write_string(e, 0, 0, "notes");
  }
  const std::size_t s = w.add_sheet(f.sheet);
  const std::size_t G = f.provinces.size(), N = f.sector_codes.size(), K = f.fd_codes.size(), n = G * N;
  const bool has_err = f.err.size() > 0;
  const std::size_t c0 = 3, c_tiu = c0 + n, c_fd = c_tiu + 1, c_ex = c_fd + G * K, c_tfu = c_ex + 1, c_err = c_tfu + 1,
                    c_go = c_tfu + (has_err ? 2 : 1);
  auto put_s = [&](std::size_t r, std::size_t c, std::string text) {
    double v = 0;
    if (sp.cell && !sp.cell(r, c, &text, &v)) return;
    std::size_t rr = r, cc = c;
    if (sp.move && !sp.move(&rr, &cc)) return;
    w.write_string(s, rr, cc, text);
  };
  auto put_n = [&](std::size_t r, std::size_t c, double v) {
    std::string text;
    if (sp.cell && !sp.cell(r, c, &text, &v)) return;
    std::size_t rr = r, cc = c;
    if (sp.move && !sp.move(&rr, &cc)) return;
    if (!text.empty()) w.write_string(s, rr, cc, text);
    else w.write_number(s, rr, cc, v);
  };
  put_s(0, 0, "China multi-regional input-output table 2017 (unit: 10000 CNY)");
  for (std::size_t r = 0; r < G; ++r) {
    for (std::size_t i = 0; i < N; ++i)
      if (sp.repeat_province_labels || i == 0) put_s(1, c0 + r * N + i, f.provinces[r]);
    for (std::size_t k = 0; k < K; ++k)
      if (sp.repeat_province_labels || k == 0) put_s(1, c_fd + r * K + k, f.provinces[r]);
  }
  // Rows 3 and 4 (names, codes), each written whole: constant-memory mode needs row order.
  for (std::size_t j = 0; j < n; ++j) put_s(2, c0 + j, f.sector_names[j % N]);
  put_s(2, c_tiu, "Total intermediate use");
  for (std::size_t c = 0; c < G * K; ++c) put_s(2, c_fd + c, f.fd_codes[c % K]);
  put_s(2, c_ex, "Export");
  put_s(2, c_tfu, "Total final use");
  if (has_err) put_s(2, c_err, "Error");
  put_s(2, c_go, "Gross output");
  for (std::size_t j = 0; j < n; ++j) put_s(3, c0 + j, f.sector_codes[j % N]);
  put_s(3, c_tiu, "TIU");
  for (std::size_t c = 0; c < G * K; ++c) put_s(3, c_fd + c, f.fd_codes[c % K]);
  put_s(3, c_ex, "EX");
  put_s(3, c_tfu, "TFU");
  if (has_err) put_s(3, c_err, "ERR");
  put_s(3, c_go, "GO");
  const tables::Vector x = f.x();
  std::size_t row = 4;
  for (std::size_t i = 0; i < n; ++i, ++row) {
    const auto ii = static_cast<Eigen::Index>(i);
    if (sp.repeat_province_labels || i % N == 0) put_s(row, 0, f.provinces[i / N]);
    put_s(row, 1, f.sector_names[i % N]);
    put_s(row, 2, f.sector_codes[i % N]);
    for (std::size_t j = 0; j < n; ++j) {
      const double v = f.Z(ii, static_cast<Eigen::Index>(j));
      if (v != 0.0) put_n(row, c0 + j, v);
    }
    put_n(row, c_tiu, f.Z.row(ii).sum());
    for (std::size_t c = 0; c < G * K; ++c) put_n(row, c_fd + c, f.Y(ii, static_cast<Eigen::Index>(c)));
    put_n(row, c_ex, f.ex(ii));
    put_n(row, c_tfu, f.Y.row(ii).sum() + f.ex(ii));
    if (has_err) put_n(row, c_err, f.err(ii));
    put_n(row, c_go, x(ii));
  }
  auto bottom = [&](const std::string& name, const std::string& code, const tables::Vector& v) {
    put_s(row, 1, name);
    put_s(row, 2, code);
    for (std::size_t j = 0; j < n; ++j) put_n(row, c0 + j, v(static_cast<Eigen::Index>(j)));
    ++row;
  };
  const tables::Vector zcol = f.Z.colwise().sum().transpose();
  const tables::Vector tva = f.V.colwise().sum().transpose();
  bottom("Import", "IM", f.im);
  bottom("Total intermediate input", "TII", sp.tii_includes_im ? tables::Vector(zcol + f.im) : zcol);
  const char* va_names[] = {"Compensation of employees", "Net taxes on production", "Depreciation of fixed assets",
                            "Operating surplus"};
  for (Eigen::Index k = 0; k < f.V.rows(); ++k)
    bottom(va_names[k], "VA00" + std::to_string(k + 1), f.V.row(k).transpose());
  bottom("Total value added", "TVA", tva);
  bottom("Total input", "TI", zcol + f.im + tva);
  if (f.co2.size()) bottom("CO2 (Mt)", "", f.co2);
  w.close();
}

/// Rewrite one part of a zip archive (e.g. "xl/worksheets/sheet1.xml") through `edit`.
inline void edit_part(const std::string& path, const std::string& part, const std::function<void(std::string&)>& edit) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), 0, &err);
  if (!z) throw std::runtime_error("edit_part: cannot open " + path);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, part.c_str(), 0, &st) != 0) {
    zip_discard(z);
    throw std::runtime_error("edit_part: no part " + part);
  }
  std::string text(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* zf = zip_fopen(z, part.c_str(), 0);
  zip_fread(zf, text.data(), st.size);
  zip_fclose(zf);
  edit(text);
  // libzip keeps a pointer to the buffer until zip_close: give it its own heap copy to free.
  void* buf = std::malloc(text.size() ? text.size() : 1);
  std::memcpy(buf, text.data(), text.size());
  zip_source_t* src = zip_source_buffer(z, buf, text.size(), 1);
  zip_file_add(z, part.c_str(), src, ZIP_FL_OVERWRITE);
  if (zip_close(z) != 0) throw std::runtime_error("edit_part: cannot write " + path);
}

/// Replace the first occurrence of `from` by `to` (test helper for XML edits).
inline void replace_first(std::string& s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  if (p == std::string::npos) throw std::runtime_error("replace_first: '" + from + "' not found");
  s.replace(p, from.size(), to);
}

}  // namespace irio::testing
