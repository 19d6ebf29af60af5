// SPDX-License-Identifier: MIT
// WIOD 2016 import. Layout of the release's WIOT<year>_Nov16_ROW workbooks (Timmer, Los, Stehrer
// and de Vries 2016, "An anatomy of the global trade slowdown based on the WIOD 2016 release",
// GGDC research memorandum 162; the same layout is read by MARIO's parse_wiod): sheet named by the
// year; 0-based rows 2, 3, 4 hold the column code, description and country; data rows from row 6
// with code, description, country in columns 0-2 and values from column 4.
#include "irio/io/import_wiod2016.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "irio/io/internal/memory_guard.h"
#include "irio/io/xlsx_reader.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

const std::vector<std::string> kFd = {"CONS_h", "CONS_np", "CONS_g", "GFCF", "INVEN"};
/// Rows of the country "TOT" below the industry rows; those kept as V, in the published order.
const std::vector<std::string> kVaRows = {"TXSP", "EXP_adj", "PURR", "PURNR", "VA", "IntTTM"};
const char* const kTot = "TOT";
constexpr std::size_t kCodeRow = 2, kRegionRow = 4, kFirstRow = 6, kFirstCol = 4;

bool in(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

std::string Wiod2016ImportOptions::validate() const {
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)))
    return "year must be four digits, got '" + year + "'";
  return {};
}

namespace {

WorldImport import_wiod2016_impl(const std::string& path, const Wiod2016ImportOptions& opt) {
  std::error_code ec;
  std::string file = path;
  if (fs::is_directory(path, ec)) file = wr_pick_year_file(path, opt.year, {".xlsx"}, "WIOD 2016");
  {
    std::string e = fs::path(file).extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (e == ".xlsb")
      throw InputError(file + ": a binary workbook (.xlsb); save it as .xlsx (the release also has .xlsx files)");
  }
  XlsxWorkbook book(file);
  std::string sheet = opt.sheet;
  if (sheet.empty()) {
    std::string year = opt.year;
    if (year.empty()) {
      const std::string base = fs::path(file).filename().string();
      if (base.rfind("WIOT", 0) == 0 && base.size() >= 8) year = base.substr(4, 4);
    }
    if (!year.empty() && book.has_sheet(year)) sheet = year;
    else if (book.sheet_names().size() == 1) sheet = book.sheet_names()[0];
    else
      throw InputError(file + ": no sheet named by the year" + (year.empty() ? "" : " '" + year + "'") +
                       "; its sheets: " + wr_quote_list(book.sheet_names()) + " (give --sheet)");
  }
  const XlsxSheet s = book.read_sheet(sheet);
  if (s.num_rows() <= kFirstRow || s.num_cols() <= kFirstCol)
    throw InputError(s.where(0, 0) + ": the sheet is " + std::to_string(s.num_rows()) + " x " +
                     std::to_string(s.num_cols()) + " cells, smaller than a WIOD table");
  auto text = [&](std::size_t r, std::size_t c) { return s.display(r, c); };
  auto value = [&](std::size_t r, std::size_t c) {
    const auto t = s.type(r, c);
    if (t == XlsxSheet::CellType::kEmpty) return 0.0;
    if (t != XlsxSheet::CellType::kNumber)
      throw InputError(s.where(r, c) + ": '" + s.display(r, c) + "' is not a number");
    return s.number(r, c);
  };

  // --- rows: industries (country, code), then the TOT rows
  std::vector<std::string> regions, sectors;
  std::unordered_map<std::string, std::size_t> row_at;  // "CCC/code" -> sheet row
  std::unordered_map<std::string, std::size_t> tot_row;
  for (std::size_t r = kFirstRow; r < s.num_rows(); ++r) {
    const std::string code = text(r, 0), region = text(r, 2);
    if (code.empty() && region.empty()) continue;
    if (region == kTot) {
      if (!tot_row.emplace(code, r).second) throw InputError(s.where(r, 0) + ": a second row '" + code + "'");
      if (code != "II_fob" && code != "GO" && !in(kVaRows, code))
        throw InputError(s.where(r, 0) + ": row '" + code + "' of TOT is not one of II_fob, " + wr_quote_list(kVaRows) +
                         ", GO");
      continue;
    }
    if (code.empty() || region.empty())
      throw InputError(s.where(r, code.empty() ? 0 : 2) +
                       ": a data row needs its industry code (column A) and country (column C)");
    if (!tot_row.empty())
      throw InputError(s.where(r, 0) + ": industry row '" + region + " " + code + "' after the TOT rows");
    if (!row_at.emplace(region + "/" + code, r).second)
      throw InputError(s.where(r, 0) + ": duplicate row " + region + " " + code);
    wr_intern(regions, region);
    wr_intern(sectors, code);
  }
  if (regions.empty()) throw InputError(s.where(kFirstRow, 0) + ": no industry rows");
  if (!tot_row.count("GO"))
    throw InputError(s.where(s.num_rows() - 1, 0) + ": no row 'GO' (gross output) of country TOT");
  for (const auto& need : kVaRows)
    if (!tot_row.count(need))
      throw InputError(file + ", sheet '" + sheet + "': no row '" + need + "' of country TOT (expected rows II_fob, " +
                       wr_quote_list(kVaRows) + ", GO below the industries)");
  for (const auto& reg : regions)
    for (const auto& sec : sectors)
      if (!row_at.count(reg + "/" + sec))
        throw InputError(file + ", sheet '" + sheet + "': no row for industry '" + sec + "' of " + reg +
                         " (every country has the " + std::to_string(sectors.size()) + " industries " +
                         wr_quote_list(sectors, 4) + ")");
  const std::size_t G = regions.size(), N = sectors.size(), K = kFd.size(), n = G * N;
  std::unordered_map<std::string, std::size_t> ri, si;
  for (std::size_t k = 0; k < G; ++k) ri[regions[k]] = k;
  for (std::size_t k = 0; k < N; ++k) si[sectors[k]] = k;

  // --- columns
  enum class Kind { kSkip, kZ, kFinal, kOut };
  std::vector<Kind> kind(s.num_cols(), Kind::kSkip);
  std::vector<std::size_t> to(s.num_cols(), 0);
  std::vector<bool> zcol(n, false), fdcol(G * K, false);
  std::size_t out_col = 0;
  for (std::size_t c = kFirstCol; c < s.num_cols(); ++c) {
    const std::string code = text(kCodeRow, c), region = text(kRegionRow, c);
    if (code.empty() && region.empty()) continue;
    if (code == "GO" && region == kTot) {
      kind[c] = Kind::kOut;
      out_col = c;
      continue;
    }
    const auto r = ri.find(region);
    if (r == ri.end())
      throw InputError(s.where(kRegionRow, c) + ": column country '" + region + "' (of column '" + code +
                       "') has no industry rows (nearest: " + tables::Labels::nearest(regions, region, 2) + ")");
    if (const auto k = std::find(kFd.begin(), kFd.end(), code); k != kFd.end()) {
      kind[c] = Kind::kFinal;
      to[c] = r->second * K + static_cast<std::size_t>(k - kFd.begin());
      fdcol[to[c]] = true;
    } else if (const auto i = si.find(code); i != si.end()) {
      kind[c] = Kind::kZ;
      to[c] = r->second * N + i->second;
      if (zcol[to[c]]) throw InputError(s.where(kCodeRow, c) + ": duplicate column " + region + " " + code);
      zcol[to[c]] = true;
    } else {
      throw InputError(s.where(kCodeRow, c) + ": column code '" + code +
                       "' is neither an industry of the rows nor a final-demand code (" + wr_quote_list(kFd) + ")");
    }
  }
  for (std::size_t j = 0; j < n; ++j)
    if (!zcol[j])
      throw InputError(file + ", sheet '" + sheet + "': no column for industry '" + sectors[j % N] + "' of " +
                       regions[j / N]);
  for (std::size_t j = 0; j < G * K; ++j)
    if (!fdcol[j])
      throw InputError(file + ", sheet '" + sheet + "': no final-demand column '" + kFd[j % K] + "' of " +
                       regions[j / K]);
  if (!out_col) throw InputError(file + ", sheet '" + sheet + "': no column 'GO' of country TOT (gross output)");

  // --- values
  const auto ni = static_cast<Eigen::Index>(n);
  tables::Matrix Z = tables::Matrix::Zero(ni, ni);
  WorldImport w;
  tables::IoTable& t = w.table;
  t.Y = tables::Matrix::Zero(ni, static_cast<Eigen::Index>(G * K));
  t.V = tables::Matrix::Zero(static_cast<Eigen::Index>(kVaRows.size()), ni);
  t.x = tables::Vector::Zero(ni);
  tables::Vector go_col = tables::Vector::Zero(ni), ii = tables::Vector::Zero(ni);
  double va_fd = 0;
  for (const auto& [key, r] : row_at) {
    const auto slash = key.find('/');
    const auto i = static_cast<Eigen::Index>(ri.at(key.substr(0, slash)) * N + si.at(key.substr(slash + 1)));
    for (std::size_t c = kFirstCol; c < s.num_cols(); ++c) {
      if (kind[c] == Kind::kSkip) continue;
      const double v = value(r, c);
      const auto j = static_cast<Eigen::Index>(to[c]);
      if (kind[c] == Kind::kZ) Z(i, j) = v;
      else if (kind[c] == Kind::kFinal) t.Y(i, j) = v;
      else go_col(i) = v;
    }
  }
  for (const auto& [code, r] : tot_row)
    for (std::size_t c = kFirstCol; c < s.num_cols(); ++c) {
      if (kind[c] == Kind::kSkip || kind[c] == Kind::kOut) continue;
      const double v = value(r, c);
      const auto j = static_cast<Eigen::Index>(to[c]);
      if (kind[c] == Kind::kFinal) {
        if (code != "II_fob" && code != "GO") va_fd += v;
        continue;
      }
      if (code == "GO") t.x(j) = v;
      else if (code == "II_fob") ii(j) = v;
      else t.V(static_cast<Eigen::Index>(std::find(kVaRows.begin(), kVaRows.end(), code) - kVaRows.begin()), j) = v;
    }
  t.Z = Z.sparseView(0.0, 0.0);
  Z.resize(0, 0);
  t.va_components = kVaRows;
  auto& labels = t.labels;
  labels.regions = regions;
  labels.sectors = sectors;
  labels.fd_categories = kFd;
  labels.set_each_region_own_country();
  std::string year = opt.year;
  if (year.empty() && sheet.size() == 4 && std::all_of(sheet.begin(), sheet.end(), ::isdigit)) year = sheet;
  t.meta.name = "WIOD world input-output table " + year + " (2016 release)";
  t.meta.year = year;
  t.meta.unit = "USD million";
  t.meta.price_basis = "basic prices, current prices";
  t.meta.source =
      "Timmer, Los, Stehrer and de Vries (2016), An anatomy of the global trade slowdown based on the WIOD 2016 "
      "release, GGDC research memorandum 162; www.wiod.org (CC BY 4.0)";
  t.meta.history.push_back("import wiod2016: " + file + ", sheet '" + sheet + "'");

  const tables::Vector colsum = (tables::Vector::Ones(ni).transpose() * t.Z).transpose();
  const double ii_gap = (ii - colsum).cwiseAbs().maxCoeff(), go_gap = (go_col - t.x).cwiseAbs().maxCoeff();
  w.notes.push_back(file + ", sheet '" + sheet + "': WIOD 2016 release, " + std::to_string(G) + " countries x " +
                    std::to_string(N) + " industries, final demand " + wr_quote_list(kFd) + " per country");
  w.notes.push_back("V: rows " + wr_quote_list(kVaRows) +
                    " (taxes less subsidies on products, cif/fob adjustments, direct purchases abroad by residents "
                    "and by non-residents, value added at basic prices, international transport margins); x: row GO");
  w.notes.push_back("row II_fob (total intermediate consumption) agrees with the column sums of Z to " +
                    wr_num(ii_gap) + "; the column GO with the row GO to " + wr_num(go_gap));
  if (va_fd != 0)
    w.notes.push_back("the TOT rows under the final-demand columns (taxes, adjustments and purchases on final use, " +
                      wr_num(va_fd) + ") are not part of the table");
  w.notes.push_back("units: USD million, current prices; no satellite accounts in the workbook");
  t.validate_shapes(file);
  return w;
}

}  // namespace

WorldImport import_wiod2016(const std::string& path, const Wiod2016ImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("WIOD 2016 '" + path + "': " + e);
  return internal::guard_memory(path, [&] { return import_wiod2016_impl(path, opt); });
}

}  // namespace irio::io
