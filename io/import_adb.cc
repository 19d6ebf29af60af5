// SPDX-License-Identifier: MIT
// ADB MRIO import. Layout of the ADB MRIO workbooks (ADB, Multiregional Input-Output Database,
// https://kidb.adb.org/globalization; the workbooks' Legend sheet; the same layout is read by
// MARIO's parse_adb): the header and the row keys are located by their codes, not by fixed cells,
// because the releases move them.
#include "irio/io/import_adb.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <unordered_map>

#include "irio/io/internal/memory_guard.h"
#include "irio/io/xlsx_reader.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

const std::vector<std::string> kVaRows = {"r99", "r61", "r62", "r63", "r64", "trs"};
const std::vector<std::string> kVaNames = {
    "taxes less subsidies on products",     "cif/fob adjustments on exports",
    "direct purchases abroad by residents", "purchases on the domestic territory by non-residents",
    "value added at basic prices",          "international transport margins"};
constexpr std::size_t kHeaderRows = 12;

bool is_sector(const std::string& s) {
  static const std::regex re("c[0-9]+");
  return std::regex_match(s, re);
}
bool is_fd(const std::string& s) {
  static const std::regex re("F[0-9]+");
  return std::regex_match(s, re);
}
bool is_region(const std::string& s) {
  static const std::regex re("[A-Z][A-Za-z0-9]{1,5}");
  return std::regex_match(s, re);
}

}  // namespace

std::string AdbImportOptions::validate() const {
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)))
    return "year must be four digits, got '" + year + "'";
  return {};
}

namespace {

WorldImport import_adb_impl(const std::string& path, const AdbImportOptions& opt) {
  std::error_code ec;
  std::string file = path;
  if (fs::is_directory(path, ec)) file = wr_pick_year_file(path, opt.year, {".xlsx"}, "ADB MRIO");
  XlsxWorkbook book(file);
  std::string sheet = opt.sheet;
  if (sheet.empty()) {
    for (const auto& name : book.sheet_names()) {
      std::string low = name;
      for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (low != "legend") {
        sheet = name;
        break;
      }
    }
    if (sheet.empty())
      throw InputError(file + ": no data sheet besides the legend (sheets: " + wr_quote_list(book.sheet_names()) + ")");
  }
  const XlsxSheet s = book.read_sheet(sheet);
  auto text = [&](std::size_t r, std::size_t c) { return s.display(r, c); };
  const std::string at = file + ", sheet '" + sheet + "'";

  // --- header: the row of codes c1 ... then F1 ...
  std::size_t code_row = 0, c0 = 0, c1 = 0, f1 = 0;
  bool found = false;
  for (std::size_t r = 0; r < std::min(kHeaderRows, s.num_rows()) && !found; ++r) {
    std::size_t hits = 0, first = 0;
    for (std::size_t c = 0; c < s.num_cols(); ++c)
      if (is_sector(text(r, c)) && hits++ == 0) first = c;
    if (hits < 4) continue;
    found = true;
    code_row = r;
    c0 = first;
    c1 = c0;
    while (c1 < s.num_cols() && is_sector(text(r, c1))) ++c1;
    f1 = c1;
    while (f1 < s.num_cols() && is_fd(text(r, f1))) ++f1;
  }
  if (!found)
    throw InputError(at + ": no header row of industry codes c1, c2, ... in the first " + std::to_string(kHeaderRows) +
                     " rows");
  if (c0 < 3)
    throw InputError(s.where(code_row, c0) +
                     ": the first industry column leaves no room for the row description, economy and code columns");
  if (f1 == c1)
    throw InputError(s.where(code_row, c1) + ": '" + text(code_row, c1) +
                     "' follows the industry columns; expected the final-demand codes F1 ... F5");
  std::size_t region_row = code_row;
  for (std::size_t r = code_row; r-- > 0;)
    if (is_region(text(r, c0))) {
      region_row = r;
      break;
    }
  if (region_row == code_row)
    throw InputError(s.where(code_row, c0) + ": no row of economy codes above the industry codes");
  const std::size_t code_col = c0 - 1, region_col = c0 - 2;  // c0 - 3: the description
  const std::size_t label_row = region_row > 0 ? region_row - 1 : region_row;

  // --- columns
  std::vector<std::string> regions, sectors, sector_names, fd;
  for (std::size_t c = c0; c < c1; ++c) {
    const std::string reg = text(region_row, c);
    if (!is_region(reg))
      throw InputError(s.where(region_row, c) + ": '" + reg + "' is not an economy code (column " + text(code_row, c) +
                       ")");
    wr_intern(regions, reg);
    if (wr_intern(sectors, text(code_row, c)) == sector_names.size()) sector_names.push_back(text(label_row, c));
  }
  const std::size_t G = regions.size(), N = sectors.size();
  if ((c1 - c0) != G * N)
    throw InputError(at + ": " + std::to_string(c1 - c0) + " industry columns, expected " + std::to_string(G) +
                     " economies x " + std::to_string(N) + " industries");
  for (std::size_t c = c1; c < f1; ++c)  // the final-demand codes of the first economy
    if (text(region_row, c) == text(region_row, c1)) wr_intern(fd, text(code_row, c));
  const std::size_t K = fd.size();
  std::unordered_map<std::string, std::size_t> ri, si, ki;
  for (std::size_t k = 0; k < G; ++k) ri[regions[k]] = k;
  for (std::size_t k = 0; k < N; ++k) si[sectors[k]] = k;
  for (std::size_t k = 0; k < K; ++k) ki[fd[k]] = k;
  std::vector<std::size_t> zto(s.num_cols(), 0), fdto(s.num_cols(), 0);
  std::vector<bool> zseen(G * N, false), fdseen(G * K, false);
  for (std::size_t c = c0; c < f1; ++c) {
    const std::string reg = text(region_row, c), code = text(code_row, c);
    const auto r = ri.find(reg);
    if (r == ri.end())
      throw InputError(s.where(region_row, c) + ": economy '" + reg + "' of final-demand column '" + code +
                       "' has no industry columns (nearest: " + tables::Labels::nearest(regions, reg, 2) + ")");
    if (c < c1) {
      zto[c] = r->second * N + si.at(code);
      if (zseen[zto[c]]) throw InputError(s.where(code_row, c) + ": duplicate column " + reg + " " + code);
      zseen[zto[c]] = true;
    } else {
      const auto k = ki.find(code);
      if (k == ki.end())
        throw InputError(s.where(code_row, c) + ": final-demand column '" + code + "' of " + reg + " is not one of " +
                         text(region_row, c1) + "'s codes " + wr_quote_list(fd));
      fdto[c] = r->second * K + k->second;
      fdseen[fdto[c]] = true;
    }
  }
  for (std::size_t j = 0; j < G * K; ++j)
    if (!fdseen[j]) throw InputError(at + ": no final-demand column " + fd[j % K] + " of " + regions[j / K]);

  // --- rows
  auto value = [&](std::size_t r, std::size_t c) {
    const auto t = s.type(r, c);
    if (t == XlsxSheet::CellType::kEmpty) return 0.0;
    if (t != XlsxSheet::CellType::kNumber)
      throw InputError(s.where(r, c) + ": '" + s.display(r, c) + "' is not a number");
    return s.number(r, c);
  };
  const auto ni = static_cast<Eigen::Index>(G * N);
  tables::Matrix Z = tables::Matrix::Zero(ni, ni);
  WorldImport w;
  tables::IoTable& t = w.table;
  t.Y = tables::Matrix::Zero(ni, static_cast<Eigen::Index>(G * K));
  t.V = tables::Matrix::Zero(static_cast<Eigen::Index>(kVaRows.size()), ni);
  std::vector<bool> rseen(G * N, false), vseen(kVaRows.size(), false);
  std::vector<std::string> ignored;
  bool has_x = false;
  tables::Vector x = tables::Vector::Zero(ni);
  double va_fd = 0;
  for (std::size_t r = code_row + 1; r < s.num_rows(); ++r) {
    const std::string code = text(r, code_col), reg = text(r, region_col);
    if (code.empty()) continue;
    if (is_sector(code)) {
      const auto a = ri.find(reg);
      const auto b = si.find(code);
      if (a == ri.end() || b == si.end())
        throw InputError(s.where(r, a == ri.end() ? region_col : code_col) + ": row '" + reg + " " + code +
                         "' is not an economy's industry of the columns");
      const std::size_t i = a->second * N + b->second;
      if (rseen[i]) throw InputError(s.where(r, code_col) + ": duplicate row " + reg + " " + code);
      rseen[i] = true;
      for (std::size_t c = c0; c < f1; ++c) {
        const double v = value(r, c);
        if (c < c1) Z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(zto[c])) = v;
        else t.Y(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(fdto[c])) = v;
      }
      continue;
    }
    const auto k = std::find(kVaRows.begin(), kVaRows.end(), code);
    if (k != kVaRows.end()) {
      const auto kk = static_cast<std::size_t>(k - kVaRows.begin());
      if (vseen[kk]) throw InputError(s.where(r, code_col) + ": a second row '" + code + "'");
      vseen[kk] = true;
      for (std::size_t c = c0; c < f1; ++c) {
        const double v = value(r, c);
        if (c < c1) t.V(static_cast<Eigen::Index>(kk), static_cast<Eigen::Index>(zto[c])) = v;
        else va_fd += v;
      }
    } else if (code == "r69") {
      has_x = true;
      for (std::size_t c = c0; c < c1; ++c) x(static_cast<Eigen::Index>(zto[c])) = value(r, c);
    } else {
      wr_intern(ignored, code);
    }
  }
  for (std::size_t i = 0; i < G * N; ++i)
    if (!rseen[i])
      throw InputError(at + ": no row for industry " + sectors[i % N] + " of " + regions[i / N] +
                       " (every economy has rows " + wr_quote_list(sectors, 3) + ")");
  for (std::size_t k = 0; k < kVaRows.size(); ++k)
    if (!vseen[k])
      throw InputError(at + ": no row '" + kVaRows[k] + "' (" + kVaNames[k] +
                       ") below the industry rows (expected rows " + wr_quote_list(kVaRows) + ")");
  t.Z = Z.sparseView(0.0, 0.0);
  Z.resize(0, 0);
  t.x = has_x ? x : t.row_total();
  t.va_components = kVaRows;
  auto& labels = t.labels;
  labels.regions = regions;
  labels.sectors = sectors;
  labels.sector_names = sector_names;
  labels.fd_categories = fd;
  labels.set_each_region_own_country();
  std::string year = opt.year;
  if (year.empty()) {
    static const std::regex y("(19|20)[0-9][0-9]");
    std::smatch m;
    const std::string base = fs::path(file).filename().string();
    if (std::regex_search(base, m, y)) year = m.str();
  }
  t.meta.name = "ADB multiregional input-output table" + (year.empty() ? std::string() : " " + year) + " (" +
                std::to_string(G) + " regions)";
  t.meta.year = year;
  t.meta.unit = "USD million";
  t.meta.price_basis = "basic prices, current prices";
  t.meta.source = "Asian Development Bank, Multiregional Input-Output Database, https://kidb.adb.org/globalization";
  t.meta.history.push_back("import adb: " + at);

  w.notes.push_back(at + ": ADB MRIO, " + std::to_string(G) + " economies (incl. the rest of the world) x " +
                    std::to_string(N) + " industries, final demand " + wr_quote_list(fd) + " per economy");
  std::string vdesc;
  for (std::size_t k = 0; k < kVaRows.size(); ++k) vdesc += (k ? ", " : "") + kVaRows[k] + " " + kVaNames[k];
  w.notes.push_back("V: rows " + vdesc +
                    "; x: " + (has_x ? "row r69 (total output)" : "row totals Z 1 + Y 1 (no row r69)"));
  if (va_fd != 0)
    w.notes.push_back("the V rows under the final-demand columns (" + wr_num(va_fd) + ") are not part of the table");
  if (!ignored.empty()) w.notes.push_back("rows not read (totals): " + wr_quote_list(ignored));
  w.notes.push_back("units: USD million, current prices; no satellite accounts in the workbook");
  t.validate_shapes(file);
  return w;
}

}  // namespace

WorldImport import_adb(const std::string& path, const AdbImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("ADB MRIO '" + path + "': " + e);
  return internal::guard_memory(path, [&] { return import_adb_impl(path, opt); });
}

}  // namespace irio::io
