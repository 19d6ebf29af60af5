// SPDX-License-Identifier: MIT
// FIGARO import. Layout from Eurostat's FIGARO release notes and the files' own headers (as also
// read by MARIO): the matrix file has a first column "rowLabels" and columns "CC_CODE"; rows of
// industries (ixi, e.g. "AT_A01") or products (pxp, "AT_CPA_A01"), then the value-added rows
// (the country part is the "W2" code of the value-added block, e.g. "W2_D1"); columns of the
// same industries or products, then the five final-demand codes per country. The flat file has
// one value per line under the columns refArea, rowPi, counterpartArea, colPi, obsValue.
#include "irio/io/import_figaro.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <unordered_map>

#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

const std::vector<std::string> kFd = {"P3_S13", "P3_S14", "P3_S15", "P51G", "P5M"};
/// Value-added rows: compensation of employees, taxes less subsidies on products, other net
/// taxes on production, operating surplus and mixed income; purchases abroad by residents and
/// purchases of non-residents (the rows that move direct purchases abroad, where present).
const std::vector<std::string> kVa = {"D1", "D21X31", "D29X39", "B2A3G", "OP_RES", "OP_NRES"};

bool in(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

/// One cell of the table: row (area, code), column (area, code), where it came from.
struct Cell {
  std::string ra, rc, ca, cc;
  double v;
  std::size_t src_row, src_col;
};

/// A label "AREA_CODE" split at the first '_'; FD and VA codes keep their own underscores. A bare
/// value-added code ("D1") is a value-added row of no area.
bool split(const std::string& label, std::string& area, std::string& code) {
  if (in(kVa, label)) {
    area.clear();
    code = label;
    return true;
  }
  return wr_split_first(label, '_', area, code);
}

}  // namespace

std::string FigaroImportOptions::validate() const {
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)))
    return "year must be four digits, got '" + year + "'";
  return {};
}

namespace {

WorldImport import_figaro_impl(const std::string& path, const FigaroImportOptions& opt) {
  std::error_code ec;
  std::string file = path;
  if (fs::is_directory(path, ec)) file = wr_pick_year_file(path, opt.year, {".csv"}, "FIGARO");
  const CsvFile f = read_csv(file);
  if (f.rows.size() < 2)
    throw InputError(file + ": " + std::to_string(f.rows.size()) + " lines; expected a FIGARO table");
  const auto& head = f.rows[0].fields;

  // Collect the cells, keyed by labels, from either layout.
  std::vector<Cell> cells;
  bool flat = false;
  std::vector<std::string> row_order, col_order;  // "AREA_CODE" in file order
  if (!head.empty() && head[0] == "rowLabels") {
    const std::size_t width = head.size();
    f.require_width(width);
    std::vector<std::pair<std::string, std::string>> cols(width);
    for (std::size_t c = 1; c < width; ++c) {
      if (!split(head[c], cols[c].first, cols[c].second))
        throw InputError(f.where(0, c) + ": column label '" + head[c] + "' is not AREA_CODE (e.g. AT_A01, AT_P3_S14)");
      col_order.push_back(head[c]);
    }
    cells.reserve((f.rows.size() - 1) * (width - 1) / 4);
    for (std::size_t r = 1; r < f.rows.size(); ++r) {
      std::string ra, rc;
      if (!split(f.cell(r, 0), ra, rc))
        throw InputError(f.where(r, 0) + ": row label '" + f.cell(r, 0) + "' is not AREA_CODE (e.g. AT_A01, W2_D1)");
      row_order.push_back(f.cell(r, 0));
      for (std::size_t c = 1; c < width; ++c) {
        const double v = f.number(r, c, "FIGARO");
        if (v != 0) cells.push_back({ra, rc, cols[c].first, cols[c].second, v, r, c});
      }
    }
  } else {
    flat = true;
    const char* need[] = {"refArea", "rowPi", "counterpartArea", "colPi", "obsValue"};
    std::size_t at[5];
    for (int k = 0; k < 5; ++k) {
      const auto it = std::find(head.begin(), head.end(), need[k]);
      if (it == head.end())
        throw InputError(
            file + ":1: no column '" + need[k] +
            "': expected the matrix layout (first column 'rowLabels') or the flat layout (columns refArea, "
            "rowPi, counterpartArea, colPi, obsValue); the header has " +
            wr_quote_list(head));
      at[k] = static_cast<std::size_t>(it - head.begin());
    }
    cells.reserve(f.rows.size());
    for (std::size_t r = 1; r < f.rows.size(); ++r) {
      Cell c{f.cell(r, at[0]), f.cell(r, at[1]), f.cell(r, at[2]), f.cell(r, at[3]), 0, r, at[4]};
      c.v = f.cell(r, at[4]).empty() ? 0.0 : f.number(r, at[4], "obsValue");
      row_order.push_back(c.ra + "_" + c.rc);
      col_order.push_back(c.ca + "_" + c.cc);
      cells.push_back(std::move(c));
    }
  }

  // Regions and codes: rows whose code is not a value-added code are the table's rows.
  std::vector<std::string> regions, codes, va_codes, fd_codes;
  auto area_code = [](const std::string& l, std::string& a, std::string& c) { return split(l, a, c); };
  for (const auto& l : row_order) {
    std::string a, c;
    area_code(l, a, c);
    if (in(kVa, c)) {
      wr_intern(va_codes, c);
      continue;
    }
    if (in(kFd, c)) continue;  // reported when its row is read
    wr_intern(regions, a);
    wr_intern(codes, c);
  }
  if (regions.empty()) throw InputError(file + ": no industry or product rows");
  for (const auto& l : col_order) {
    std::string a, c;
    area_code(l, a, c);
    if (in(kFd, c)) wr_intern(fd_codes, c);
  }
  // Final-demand categories in the published order.
  // The flat file may leave zero cells out: it has the five categories of the layout.
  std::vector<std::string> fd_sorted;
  for (const auto& k : kFd)
    if (flat || in(fd_codes, k)) fd_sorted.push_back(k);
  if (fd_sorted.empty())
    throw InputError(file +
                     ": no final-demand columns (expected AREA_P3_S13, AREA_P3_S14, AREA_P3_S15, AREA_P51G, AREA_P5M)");

  const std::size_t G = regions.size(), N = codes.size(), K = fd_sorted.size(), n = G * N;
  std::unordered_map<std::string, std::size_t> ri, ci, ki, vi;
  for (std::size_t k = 0; k < G; ++k) ri[regions[k]] = k;
  for (std::size_t k = 0; k < N; ++k) ci[codes[k]] = k;
  for (std::size_t k = 0; k < K; ++k) ki[fd_sorted[k]] = k;
  for (std::size_t k = 0; k < va_codes.size(); ++k) vi[va_codes[k]] = k;

  // In the matrix layout every column is an area's industry/product or final-demand code, and
  // every region has every code, as a row and as a column.
  if (!flat) {
    for (std::size_t c = 0; c < col_order.size(); ++c) {
      std::string a, code;
      split(col_order[c], a, code);
      if (!ci.count(code) && !ki.count(code))
        throw InputError(f.where(0, c + 1) + ": column '" + col_order[c] +
                         "' is neither an industry/product of the rows nor a final-demand code (" + wr_quote_list(kFd) +
                         ")");
      if (!ri.count(a))
        throw InputError(f.where(0, c + 1) + ": column '" + col_order[c] + "' names area '" + a +
                         "', which has no rows (nearest: " + tables::Labels::nearest(regions, a, 2) + ")");
    }
    std::unordered_map<std::string, bool> rows_seen, cols_seen;
    for (const auto& l : row_order) rows_seen[l] = true;
    for (const auto& l : col_order) cols_seen[l] = true;
    for (const auto& a : regions)
      for (const auto& c : codes) {
        const std::string l = a + "_" + c;
        if (!rows_seen.count(l))
          throw InputError(file + ": no row '" + l + "': every area has the " + std::to_string(N) + " codes " +
                           wr_quote_list(codes, 4));
        if (!cols_seen.count(l))
          throw InputError(file + ":1: no column '" + l + "': every row of the table needs its column");
      }
    for (const auto& a : regions)
      for (const auto& k : fd_sorted)
        if (!cols_seen.count(a + "_" + k))
          throw InputError(file + ":1: no final-demand column '" + a + "_" + k + "' (every area has " +
                           wr_quote_list(fd_sorted) + ")");
  }

  const auto ni = static_cast<Eigen::Index>(n);
  tables::Matrix Z = tables::Matrix::Zero(ni, ni);
  WorldImport w;
  tables::IoTable& t = w.table;
  t.Y = tables::Matrix::Zero(ni, static_cast<Eigen::Index>(G * K));
  t.V = tables::Matrix::Zero(static_cast<Eigen::Index>(va_codes.size()), ni);
  double va_fd = 0;
  auto where = [&](const Cell& c) { return flat ? f.where(c.src_row, 0) : f.where(c.src_row, c.src_col); };
  for (const auto& c : cells) {
    if (c.v == 0) continue;
    const bool row_va = in(kVa, c.rc);
    Eigen::Index i = 0;
    if (!row_va) {
      const auto a = ri.find(c.ra);
      const auto b = ci.find(c.rc);
      if (a == ri.end() || b == ci.end())
        throw InputError(where(c) + ": row '" + c.ra + "_" + c.rc +
                         "' is neither an area's industry/product nor a value-added row (" + wr_quote_list(kVa) + ")");
      i = static_cast<Eigen::Index>(a->second * N + b->second);
    }
    const auto ca = ri.find(c.ca);
    if (ca == ri.end())
      throw InputError(where(c) + ": column area '" + c.ca + "' (of '" + c.ca + "_" + c.cc +
                       "') has no rows (nearest: " + tables::Labels::nearest(regions, c.ca, 2) + ")");
    if (auto cc = ci.find(c.cc); cc != ci.end()) {
      const auto j = static_cast<Eigen::Index>(ca->second * N + cc->second);
      if (row_va) t.V(static_cast<Eigen::Index>(vi.at(c.rc)), j) += c.v;
      else Z(i, j) += c.v;
    } else if (auto kk = ki.find(c.cc); kk != ki.end()) {
      if (row_va) va_fd += c.v;
      else t.Y(i, static_cast<Eigen::Index>(ca->second * K + kk->second)) += c.v;
    } else {
      throw InputError(where(c) + ": column '" + c.ca + "_" + c.cc +
                       "' is neither an industry/product of the rows nor a final-demand code (" + wr_quote_list(kFd) +
                       ")");
    }
  }
  t.Z = Z.sparseView(0.0, 0.0);
  Z.resize(0, 0);
  t.x = t.row_total();
  t.va_components = va_codes;
  auto& labels = t.labels;
  labels.regions = regions;
  labels.sectors = codes;
  labels.fd_categories = fd_sorted;
  labels.set_each_region_own_country();

  const bool pxp = !codes.empty() && codes[0].rfind("CPA_", 0) == 0;
  std::string year = opt.year;
  if (year.empty()) {
    static const std::regex y("(19|20)[0-9][0-9]");
    const std::string base = fs::path(file).filename().string();
    for (std::sregex_iterator it(base.begin(), base.end(), y), end; it != end; ++it) year = it->str();
  }
  t.meta.name = std::string("FIGARO ") + (pxp ? "product-by-product" : "industry-by-industry") + " table" +
                (year.empty() ? "" : " " + year);
  t.meta.year = year;
  t.meta.unit = "EUR million";
  t.meta.price_basis = "basic prices, current prices";
  t.meta.source =
      "Eurostat, FIGARO (Full International and Global Accounts for Research in input-Output analysis), "
      "https://ec.europa.eu/eurostat/web/esa-supply-use-input-tables (CC BY 4.0)";
  t.meta.history.push_back("import figaro: " + file + (flat ? " (flat file)" : " (matrix file)"));

  w.notes.push_back(file + ": FIGARO " + (pxp ? "product-by-product" : "industry-by-industry") +
                    (flat ? " flat file" : " matrix file") + ", " + std::to_string(G) + " areas x " +
                    std::to_string(N) + (pxp ? " products" : " industries") + ", final demand " +
                    wr_quote_list(fd_sorted) + " per area");
  w.notes.push_back("V: rows " + wr_quote_list(va_codes) +
                    " (D1 compensation of employees, D21X31 taxes less subsidies on products, D29X39 other net taxes "
                    "on production, B2A3G operating surplus and mixed income); x: row totals Z 1 + Y 1");
  if (va_fd != 0)
    w.notes.push_back("value-added rows under the final-demand columns (taxes on final products, " + wr_num(va_fd) +
                      ") are not part of the table");
  w.notes.push_back("units: EUR million, current prices; no satellite accounts in the file");
  t.validate_shapes(file);
  return w;
}

}  // namespace

WorldImport import_figaro(const std::string& path, const FigaroImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("FIGARO '" + path + "': " + e);
  return internal::guard_memory(path, [&] { return import_figaro_impl(path, opt); });
}

}  // namespace irio::io
