// SPDX-License-Identifier: MIT
// CEADs MRIO workbook reader: locates the blocks from the header rows, checks the labels, fills
// an IoTable (methods.md §5.5) and checks the sheet's own totals against the data.
#include "irio/io/ceads_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace irio::io {

const char* to_string(CeadsEdition e) { return enum_name(e); }

namespace {

using tables::Finding;
using tables::Severity;

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Codes are compared after trimming; all-digit codes without leading zeros ("01" == "1"),
/// because a code typed as a number loses them.
std::string code_key(const std::string& raw) {
  std::string s = upper(trim(raw));
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t p = s.find_first_not_of('0');
    return p == std::string::npos ? "0" : s.substr(p);
  }
  return s;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

enum class ColKind { kSkip, kZ, kTiu, kFd, kEx, kTfu, kErr, kGo };

ColKind classify_column(const std::string& code, const std::string& name) {
  const std::string c = upper(code), n = lower(name);
  if (c == "TIU" || n == "total intermediate use") return ColKind::kTiu;
  if (c == "EX" || n == "export" || n == "exports") return ColKind::kEx;
  if (c == "TFU" || n == "total final use") return ColKind::kTfu;
  if (c == "ERR" || n == "error" || n == "others") return ColKind::kErr;
  if (c == "GO" || n == "gross output" || n == "total output") return ColKind::kGo;
  if (starts_with(c, "FU")) return ColKind::kFd;
  if (c.empty()) return ColKind::kSkip;
  return ColKind::kZ;
}

enum class RowKind { kOther, kIm, kTii, kVa, kTva, kTi, kGi, kCo2 };

RowKind classify_row(const std::string& code, const std::string& name) {
  const std::string c = upper(trim(code)), n = lower(trim(name));
  if (c == "IM" || n == "import" || n == "imports") return RowKind::kIm;
  if (c == "TII" || n == "total intermediate input") return RowKind::kTii;
  if (starts_with(c, "VA0")) return RowKind::kVa;
  if (c == "TVA" || n == "total value added" || n == "total value-added") return RowKind::kTva;
  if (c == "TI" || n == "total input" || n == "total inputs") return RowKind::kTi;
  if (c == "GI" || n == "gross input" || n == "gross inputs") return RowKind::kGi;
  if (starts_with(c, "CO2") || starts_with(upper(trim(name)), "CO2")) return RowKind::kCo2;
  return RowKind::kOther;
}

/// The value of a data cell: numbers as stored, empty cells (and blank text) as 0; any other
/// text, a boolean, an error value or a formula without a cached value is an InputError naming
/// the cell.
double numeric(const XlsxSheet& s, std::size_t r, std::size_t c, const std::string& what) {
  switch (s.type(r, c)) {
    case XlsxSheet::CellType::kNumber: return s.number(r, c);
    case XlsxSheet::CellType::kEmpty: return 0.0;
    case XlsxSheet::CellType::kString:
      if (trim(s.text(r, c)).empty()) return 0.0;
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found text '" +
                       s.text(r, c) + "'");
    case XlsxSheet::CellType::kBoolean:
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found a boolean");
    case XlsxSheet::CellType::kError:
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found the error value " +
                       s.text(r, c));
    case XlsxSheet::CellType::kFormula:
      throw InputError(s.where(r, c) + " (" + what + "): the formula " + s.display(r, c) +
                       " has no cached value (the workbook was saved by a program that does not "
                       "calculate formulas; open it in Excel or LibreOffice and save it again)");
  }
  return 0.0;
}

struct TotalCheck {
  std::string name;
  std::size_t count = 0;
  double worst = 0, worst_sheet = 0, worst_sum = 0;
  std::string worst_where;
  std::vector<std::string> listed;
};

bool mismatch(double a, double b, double tol) {
  return std::abs(a - b) > tol * std::max({1.0, std::abs(a), std::abs(b)});
}

}  // namespace

std::string CeadsResult::report() const {
  std::ostringstream os;
  os << "CEADs sheet '" << sheet << "' (" << to_string(edition) << " layout): "
     << table.labels.num_regions() << " provinces x " << table.labels.num_sectors() << " sectors, "
     << table.labels.fd_categories.size() << " final-demand categories per province";
  if (!table.satellites.empty()) os << ", satellite " << table.satellites.front().name;
  os << "\n";
  os << "  TII row " << (tii_includes_imports ? "includes" : "excludes") << " the IM row\n";
  if (findings.empty()) os << "  all table totals agree with the data\n";
  for (const auto& f : findings)
    os << "  [" << tables::to_string(f.severity) << "] " << f.check << ": " << f.message << "\n";
  return os.str();
}

std::string find_ceads_sheet(const XlsxWorkbook& book, CeadsEdition edition) {
  const auto& names = book.sheet_names();
  if (edition != CeadsEdition::k2012) {
    for (const auto& n : names) {
      const std::string l = lower(n);
      if (starts_with(l, "table_") && l.size() > 10 &&
          l.find("english version") != std::string::npos)
        return n;
    }
  }
  if (edition != CeadsEdition::k2017) {
    for (const auto& n : names)
      if (lower(n) == "2012mrio") return n;
  }
  return "";
}

namespace {
CeadsResult read_ceads_impl(const XlsxWorkbook& book, const CeadsOptions& opt);
}  // namespace

CeadsResult read_ceads(const std::string& path, const CeadsOptions& opt) {
  XlsxWorkbook book(path, opt.limits);
  return read_ceads(book, opt);
}

CeadsResult read_ceads(const XlsxWorkbook& book, const CeadsOptions& opt) {
  return internal::guard_memory(book.file(), [&] { return read_ceads_impl(book, opt); });
}

namespace {

CeadsResult read_ceads_impl(const XlsxWorkbook& book, const CeadsOptions& opt) {
  std::string sheet = opt.sheet.empty() ? find_ceads_sheet(book, opt.edition) : opt.sheet;
  if (sheet.empty()) {
    std::string list;
    for (const auto& n : book.sheet_names()) list += (list.empty() ? "'" : ", '") + n + "'";
    throw InputError(book.file() +
                     ": no CEADs table sheet found (expected 'Table_YYYY_English Version' or "
                     "'2012MRIO'); the workbook has " + list + "; name the sheet explicitly");
  }
  return parse_ceads_sheet(book.read_sheet(sheet), opt);
}

}  // namespace

std::string CeadsOptions::validate() const {
  if (country.empty()) return "country must not be empty";
  if (!(rel_tol >= 0)) return "rel_tol must be >= 0";
  if (max_elements == 0) return "max_elements must be positive";
  const CeadsLayout& L = layout;
  if (!(L.province_row < L.first_data_row && L.name_row < L.first_data_row && L.code_row < L.first_data_row))
    return "layout: the header rows must come before first_data_row";
  if (!(L.province_col < L.first_data_col && L.name_col < L.first_data_col && L.code_col < L.first_data_col))
    return "layout: the label columns must come before first_data_col";
  return {};
}

CeadsResult parse_ceads_sheet(const XlsxSheet& s, const CeadsOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError(s.file() + ": CEADs options: " + e);
  const CeadsLayout& L = opt.layout;
  CeadsResult res;
  res.sheet = s.name();
  res.edition = opt.edition;
  if (res.edition == CeadsEdition::kAuto)
    res.edition = lower(s.name()) == "2012mrio" ? CeadsEdition::k2012 : CeadsEdition::k2017;
  const std::string src = s.file() + ", sheet '" + s.name() + "'";
  auto add = [&](Severity sev, std::string check, std::string msg) {
    res.findings.push_back({sev, std::move(check), std::move(msg)});
    res.status = tables::worse(res.status, sev);
  };
  if (s.num_rows() <= L.first_data_row || s.num_cols() <= L.first_data_col)
    throw InputError(src + ": the sheet is too small for a CEADs table (" +
                     std::to_string(s.num_rows()) + " rows x " + std::to_string(s.num_cols()) +
                     " columns)");

  // ---- columns: Z block, TIU, final demand per province, EX, TFU, ERR, GO ------------------
  std::vector<std::string> provinces;                   // in Z-column order
  std::vector<std::string> sector_codes, sector_keys;   // of the first province
  std::vector<std::string> col_sector_names;
  std::vector<std::size_t> z_cols;                      // sheet column of Z column j
  std::vector<std::string> fd_provinces;
  std::vector<std::vector<std::string>> fd_codes;       // per FD province
  std::vector<std::vector<std::size_t>> fd_cols;
  std::size_t tiu_col = SIZE_MAX, ex_col = SIZE_MAX, tfu_col = SIZE_MAX, err_col = SIZE_MAX,
              go_col = SIZE_MAX;
  std::string cur_province;
  std::size_t cur_sector = 0;
  bool z_done = false;
  std::map<std::string, std::size_t> province_first_col;
  for (std::size_t c = L.first_data_col; c < s.num_cols(); ++c) {
    const std::string prov_cell = trim(s.display(L.province_row, c));
    const std::string code = trim(s.display(L.code_row, c));
    const std::string name = trim(s.display(L.name_row, c));
    ColKind kind = classify_column(code, name);
    if (kind == ColKind::kSkip) continue;
    const std::string ref = column_letters(c) + std::to_string(L.code_row + 1);
    if (kind == ColKind::kZ) {
      if (z_done)
        throw InputError(src + ", column " + column_letters(c) + ": sector code '" + code +
                         "' after the intermediate-use block has ended (shifted block?)");
      if (!prov_cell.empty() && prov_cell != cur_province) {
        // a new province block starts
        if (!provinces.empty() && cur_sector != sector_codes.size())
          throw InputError(src + ": province '" + cur_province + "' has " +
                           std::to_string(cur_sector) + " sector columns but '" + provinces.front() +
                           "' has " + std::to_string(sector_codes.size()) + " (block ends before column " +
                           column_letters(c) + ")");
        if (province_first_col.count(prov_cell))
          throw InputError(src + ", cell " + column_letters(c) + std::to_string(L.province_row + 1) +
                           ": duplicated province '" + prov_cell + "' (its block already starts at column " +
                           column_letters(province_first_col[prov_cell]) + ")");
        province_first_col[prov_cell] = c;
        provinces.push_back(prov_cell);
        cur_province = prov_cell;
        cur_sector = 0;
      }
      if (provinces.empty())
        throw InputError(src + ", cell " + column_letters(c) + std::to_string(L.province_row + 1) +
                         ": no province name above the first intermediate-use column");
      if (provinces.size() == 1) {
        if (std::find(sector_keys.begin(), sector_keys.end(), code_key(code)) != sector_keys.end())
          throw InputError(src + ", cell " + ref + ": sector code '" + code + "' appears twice in province '" +
                           cur_province + "' (a province name missing in row " +
                           std::to_string(L.province_row + 1) + "?)");
        sector_codes.push_back(code);
        sector_keys.push_back(code_key(code));
        col_sector_names.push_back(name);
      } else {
        if (cur_sector >= sector_codes.size())
          throw InputError(src + ", cell " + ref + ": province '" + cur_province + "' has more than the " +
                           std::to_string(sector_codes.size()) + " sector columns of '" +
                           provinces.front() + "' (the next block repeats the name '" + cur_province +
                           "' or has no name in row " + std::to_string(L.province_row + 1) + ")");
        if (code_key(code) != sector_keys[cur_sector])
          throw InputError(src + ", cell " + ref + ": province '" + cur_province + "' has sector code '" +
                           code + "' where '" + provinces.front() + "' has '" +
                           sector_codes[cur_sector] + "'");
      }
      ++cur_sector;
      z_cols.push_back(c);
      continue;
    }
    if (!z_done) {
      z_done = true;
      if (provinces.empty())
        throw InputError(src + ": no intermediate-use columns found (row " + std::to_string(L.code_row + 1) +
                         " must hold the sector codes from column " + column_letters(L.first_data_col) + ")");
      if (cur_sector != sector_codes.size())
        throw InputError(src + ": province '" + cur_province + "' has " + std::to_string(cur_sector) +
                         " sector columns but '" + provinces.front() + "' has " +
                         std::to_string(sector_codes.size()));
      cur_province.clear();
    }
    auto once = [&](std::size_t* slot, const char* what) {
      if (*slot != SIZE_MAX)
        throw InputError(src + ", cell " + ref + ": a second '" + what + "' column (first at column " +
                         column_letters(*slot) + ")");
      *slot = c;
    };
    switch (kind) {
      case ColKind::kTiu: once(&tiu_col, "TIU"); break;
      case ColKind::kEx: once(&ex_col, "EX"); break;
      case ColKind::kTfu: once(&tfu_col, "TFU"); break;
      case ColKind::kErr: once(&err_col, "ERR"); break;
      case ColKind::kGo: once(&go_col, "GO"); break;
      case ColKind::kFd: {
        if (ex_col != SIZE_MAX || tfu_col != SIZE_MAX || go_col != SIZE_MAX)
          throw InputError(src + ", cell " + ref + ": final-demand column '" + code +
                           "' after the export/total columns (shifted block?)");
        if (!prov_cell.empty() && prov_cell != cur_province) {
          if (std::find(fd_provinces.begin(), fd_provinces.end(), prov_cell) != fd_provinces.end())
            throw InputError(src + ", cell " + column_letters(c) + std::to_string(L.province_row + 1) +
                             ": duplicated province '" + prov_cell + "' in the final-demand block");
          fd_provinces.push_back(prov_cell);
          fd_codes.emplace_back();
          fd_cols.emplace_back();
          cur_province = prov_cell;
        }
        if (fd_provinces.empty())
          throw InputError(src + ", cell " + column_letters(c) + std::to_string(L.province_row + 1) +
                           ": no province name above the first final-demand column");
        fd_codes.back().push_back(code);
        fd_cols.back().push_back(c);
        break;
      }
      default: break;
    }
  }
  if (!z_done)
    throw InputError(src + ": the intermediate-use block has no end: no TIU, final-demand or GO columns");
  const std::size_t G = provinces.size(), N = sector_codes.size();
  if (fd_provinces.size() != G)
    throw InputError(src + ": the final-demand block has " + std::to_string(fd_provinces.size()) +
                     " provinces but the intermediate block has " + std::to_string(G));
  for (std::size_t r = 0; r < G; ++r) {
    if (fd_provinces[r] != provinces[r])
      throw InputError(src + ", column " + column_letters(fd_cols[r].front()) + ": final-demand province " +
                       std::to_string(r + 1) + " is '" + fd_provinces[r] + "' but intermediate province " +
                       std::to_string(r + 1) + " is '" + provinces[r] + "'");
    if (fd_codes[r] != fd_codes.front())
      throw InputError(src + ", column " + column_letters(fd_cols[r].front()) + ": province '" +
                       provinces[r] + "' has " + std::to_string(fd_codes[r].size()) +
                       " final-demand columns (" + [&] {
                         std::string l;
                         for (const auto& x : fd_codes[r]) l += (l.empty() ? "" : " ") + x;
                         return l;
                       }() + ") unlike '" + provinces.front() + "'");
  }
  const std::size_t K = fd_codes.front().size();
  {
    const double elements = static_cast<double>(G * N) * static_cast<double>(G * N + G * K);
    if (elements > static_cast<double>(opt.max_elements))
      throw InputError(src + ": " + std::to_string(G) + " provinces x " + std::to_string(N) + " sectors x " +
                       std::to_string(K) + " final-demand categories need " + std::to_string(elements) +
                       " matrix entries, above the limit of " + std::to_string(opt.max_elements));
  }
  if (go_col == SIZE_MAX)
    throw InputError(src + ": no gross-output column (code 'GO' in row " + std::to_string(L.code_row + 1) + ")");
  const std::size_t expected_k = res.edition == CeadsEdition::k2012 ? 4 : 5;
  if (K != expected_k)
    add(Severity::kWarning, "layout",
        std::to_string(K) + " final-demand categories per province; the " + to_string(res.edition) +
            " layout has " + std::to_string(expected_k));

  // ---- rows: G N sector rows, then IM, TII, VA001-VA004, TVA, TI (gross input), CO2 ---------
  const std::size_t n = G * N;
  std::vector<std::size_t> z_rows;
  std::size_t im_row = SIZE_MAX, tii_row = SIZE_MAX, tva_row = SIZE_MAX, ti_row = SIZE_MAX,
              gi_row = SIZE_MAX, co2_row = SIZE_MAX;
  std::vector<std::size_t> va_rows;
  std::vector<std::string> va_codes;
  std::string row_province;
  for (std::size_t r = L.first_data_row; r < s.num_rows(); ++r) {
    const std::string p = trim(s.display(r, L.province_col));
    const std::string name = trim(s.display(r, L.name_col));
    const std::string code = trim(s.display(r, L.code_col));
    if (!p.empty()) row_province = p;
    const std::string cref = cell_ref(r, L.code_col);
    if (z_rows.size() < n) {
      if (code.empty() && name.empty() && p.empty()) {
        // A blank separator row is skipped; data without labels is an error.
        for (std::size_t c : z_cols)
          if (!s.empty(r, c))
            throw InputError(src + ", cell " + cref + ": row " + std::to_string(r + 1) +
                             " has data (cell " + cell_ref(r, c) + ") but no province or sector label");
        continue;
      }
      const std::size_t k = z_rows.size(), pr = k / N, sc = k % N;
      RowKind rk = classify_row(code, name);
      if (rk != RowKind::kOther)
        throw InputError(src + ", cell " + cref + ": row '" + (code.empty() ? name : code) + "' after only " +
                         std::to_string(k) + " of the " + std::to_string(n) +
                         " province-sector rows the columns announce");
      if (row_province != provinces[pr])
        throw InputError(src + ", cell " + cell_ref(r, L.province_col) + ": row province '" + row_province +
                         "' where the columns have '" + provinces[pr] + "' (row " +
                         std::to_string(k + 1) + " of the intermediate block, sector " +
                         sector_codes[sc] + ")");
      if (code_key(code) != sector_keys[sc])
        throw InputError(src + ", cell " + cref + ": sector code '" + code + "' in province '" +
                         provinces[pr] + "' where the columns have '" + sector_codes[sc] + "'");
      z_rows.push_back(r);
      continue;
    }
    if (code.empty() && name.empty()) continue;
    RowKind rk = classify_row(code, name);
    auto once = [&](std::size_t* slot, const std::string& what) {
      if (*slot != SIZE_MAX)
        throw InputError(src + ", cell " + cref + ": a second '" + what + "' row (first at row " +
                         std::to_string(*slot + 1) + ")");
      *slot = r;
    };
    switch (rk) {
      case RowKind::kIm: once(&im_row, "IM"); break;
      case RowKind::kTii: once(&tii_row, "TII"); break;
      case RowKind::kTva: once(&tva_row, "TVA"); break;
      case RowKind::kTi: once(&ti_row, "TI"); break;
      case RowKind::kGi: once(&gi_row, "gross input"); break;
      case RowKind::kCo2: once(&co2_row, "CO2"); break;
      case RowKind::kVa:
        if (std::find(va_codes.begin(), va_codes.end(), upper(code)) != va_codes.end())
          throw InputError(src + ", cell " + cref + ": a second '" + code + "' row");
        va_rows.push_back(r);
        va_codes.push_back(upper(code));
        break;
      case RowKind::kOther:
        if (sector_keys.end() != std::find(sector_keys.begin(), sector_keys.end(), code_key(code)))
          throw InputError(src + ", cell " + cref + ": more province-sector rows than the " +
                           std::to_string(n) + " the columns announce (row province '" + row_province +
                           "', sector '" + code + "')");
        add(Severity::kWarning, "layout",
            "row " + std::to_string(r + 1) + " ('" + (code.empty() ? name : code) + "') is not part of the "
            "CEADs layout and was ignored");
        break;
    }
  }
  if (z_rows.size() < n)
    throw InputError(src + ": only " + std::to_string(z_rows.size()) + " province-sector rows; the columns announce " +
                     std::to_string(G) + " provinces x " + std::to_string(N) + " sectors = " +
                     std::to_string(n));

  // ---- values --------------------------------------------------------------------------------
  tables::IoTable& t = res.table;
  t.labels.regions = provinces;
  t.labels.sectors = sector_codes;
  t.labels.countries = {opt.country};
  t.labels.country_of_region.assign(G, 0);
  t.labels.fd_categories = fd_codes.front();
  res.sector_names = col_sector_names;
  // Display names where the workbook has them (empty ones fall back to the code).
  if (std::any_of(col_sector_names.begin(), col_sector_names.end(), [](const std::string& nm) { return !nm.empty(); }))
    t.labels.sector_names = col_sector_names;
  auto describe = [&](std::size_t i) { return provinces[i / N] + "/" + sector_codes[i % N]; };

  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  trip.reserve(n * n / 2);
  tables::Matrix Y(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(G * K));
  tables::Vector x(static_cast<Eigen::Index>(n)), ex = tables::Vector::Zero(static_cast<Eigen::Index>(n)),
      err = tables::Vector::Zero(static_cast<Eigen::Index>(n)), tiu, tfu;
  if (tiu_col != SIZE_MAX) tiu.resize(static_cast<Eigen::Index>(n));
  if (tfu_col != SIZE_MAX) tfu.resize(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = z_rows[i];
    const auto ii = static_cast<Eigen::Index>(i);
    for (std::size_t j = 0; j < n; ++j) {
      double v = numeric(s, r, z_cols[j], "Z " + describe(i) + " -> " + describe(j));
      if (v != 0.0) trip.emplace_back(ii, static_cast<Eigen::Index>(j), v);
    }
    for (std::size_t p = 0; p < G; ++p)
      for (std::size_t k = 0; k < K; ++k)
        Y(ii, static_cast<Eigen::Index>(p * K + k)) =
            numeric(s, r, fd_cols[p][k], "final demand " + describe(i) + " -> " + provinces[p] + "/" + fd_codes[p][k]);
    if (ex_col != SIZE_MAX) ex(ii) = numeric(s, r, ex_col, "EX of " + describe(i));
    if (err_col != SIZE_MAX) err(ii) = numeric(s, r, err_col, "ERR of " + describe(i));
    x(ii) = numeric(s, r, go_col, "GO of " + describe(i));
    if (tiu_col != SIZE_MAX) tiu(ii) = numeric(s, r, tiu_col, "TIU of " + describe(i));
    if (tfu_col != SIZE_MAX) tfu(ii) = numeric(s, r, tfu_col, "TFU of " + describe(i));
  }
  t.Z.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  t.Z.setFromTriplets(trip.begin(), trip.end());
  trip.clear();
  trip.shrink_to_fit();
  t.Y = std::move(Y);
  t.x = x;
  if (ex_col != SIZE_MAX || err_col != SIZE_MAX) {
    std::vector<tables::Vector> cols;
    if (ex_col != SIZE_MAX) {
      t.export_labels.push_back("EX");
      cols.push_back(ex);
    }
    if (err_col != SIZE_MAX) {
      t.export_labels.push_back("ERR");
      cols.push_back(err);
    }
    t.exports.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(cols.size()));
    for (std::size_t k = 0; k < cols.size(); ++k) t.exports.col(static_cast<Eigen::Index>(k)) = cols[k];
  }
  auto read_row = [&](std::size_t r, const std::string& what) {
    tables::Vector v(static_cast<Eigen::Index>(n));
    for (std::size_t j = 0; j < n; ++j)
      v(static_cast<Eigen::Index>(j)) = numeric(s, r, z_cols[j], what + " of " + describe(j));
    return v;
  };
  tables::Vector im, tii, tva, ti, gi;
  if (im_row != SIZE_MAX) {
    im = read_row(im_row, "IM");
    t.import_labels = {"IM"};
    t.imports = im.transpose();
  }
  t.va_components = va_codes;
  t.V.resize(static_cast<Eigen::Index>(va_rows.size()), static_cast<Eigen::Index>(n));
  for (std::size_t k = 0; k < va_rows.size(); ++k)
    t.V.row(static_cast<Eigen::Index>(k)) = read_row(va_rows[k], va_codes[k]).transpose();
  if (tii_row != SIZE_MAX) tii = read_row(tii_row, "TII");
  if (tva_row != SIZE_MAX) tva = read_row(tva_row, "TVA");
  if (ti_row != SIZE_MAX) ti = read_row(ti_row, "TI");
  if (gi_row != SIZE_MAX) gi = read_row(gi_row, "gross input");
  if (co2_row != SIZE_MAX) {
    tables::Satellite sat;
    sat.name = "CO2";
    sat.stressors = {"CO2"};
    std::string label = trim(s.display(co2_row, L.name_col)) + " " + trim(s.display(co2_row, L.code_col));
    std::string unit = "Mt";
    auto open = label.find('('), close = label.find(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1)
      unit = label.substr(open + 1, close - open - 1);
    sat.units = {unit};
    sat.F = read_row(co2_row, "CO2").transpose();
    sat.F_Y.resize(1, 0);
    t.satellites.push_back(std::move(sat));
  }
  t.meta.name = s.name();
  for (std::size_t i = 0; i + 4 <= s.name().size(); ++i)
    if (std::all_of(s.name().begin() + static_cast<std::ptrdiff_t>(i),
                    s.name().begin() + static_cast<std::ptrdiff_t>(i + 4),
                    [](char ch) { return ch >= '0' && ch <= '9'; })) {
      t.meta.year = s.name().substr(i, 4);
      break;
    }
  t.meta.unit = "10000 CNY";
  t.meta.price_basis = "producers' prices";
  t.meta.source = s.file() + " (CEADs China MRIO, sheet '" + s.name() + "')";
  t.meta.history.push_back("read_ceads " + s.file() + " sheet '" + s.name() + "'");
  t.validate_shapes(src);

  // ---- the sheet's own totals ----------------------------------------------------------------
  auto check = [&](const std::string& name, const tables::Vector& sheet_total,
                   const tables::Vector& sum, bool by_row, std::size_t line) {
    TotalCheck tc;
    for (std::size_t i = 0; i < n; ++i) {
      const double a = sheet_total(static_cast<Eigen::Index>(i)), b = sum(static_cast<Eigen::Index>(i));
      if (!mismatch(a, b, opt.rel_tol)) continue;
      ++tc.count;
      const std::string where = by_row ? cell_ref(z_rows[i], line) : cell_ref(line, z_cols[i]);
      const std::string item = describe(i) + " (cell " + where + "): sheet " + std::to_string(a) +
                               ", sum " + std::to_string(b);
      if (tc.listed.size() < 5) tc.listed.push_back(item);
      if (std::abs(a - b) > tc.worst) {
        tc.worst = std::abs(a - b);
        tc.worst_where = item;
      }
    }
    if (tc.count == 0) return;
    std::string msg = std::to_string(tc.count) + (by_row ? " row" : " column") + (tc.count > 1 ? "s" : "") +
                      " disagree; worst " + tc.worst_where + "; first:";
    for (const auto& l : tc.listed) msg += " " + l + ";";
    add(opt.strict ? Severity::kError : Severity::kWarning, name, msg);
  };
  const tables::Vector zrow = t.Z * tables::Vector::Ones(static_cast<Eigen::Index>(n));
  const tables::Vector zcol = (tables::Vector::Ones(static_cast<Eigen::Index>(n)).transpose() * t.Z).transpose();
  const tables::Vector fd = t.Y.rowwise().sum() + ex;
  if (tiu.size()) check("TIU column (total intermediate use)", tiu, zrow, true, tiu_col);
  if (tfu.size()) check("TFU column (total final use)", tfu, fd, true, tfu_col);
  check("GO column (gross output = Z 1 + Y 1 + EX + ERR)", x, zrow + fd + err, true, go_col);
  const tables::Vector imv = im.size() ? im : tables::Vector::Zero(static_cast<Eigen::Index>(n));
  if (tii.size()) {
    const double diff_without = (tii - zcol).cwiseAbs().maxCoeff();
    const double diff_with = (tii - zcol - imv).cwiseAbs().maxCoeff();
    res.tii_includes_imports = im.size() > 0 && diff_with < diff_without;
    check(std::string("TII row (total intermediate input = 1'Z") + (res.tii_includes_imports ? " + IM)" : ")"),
          tii, res.tii_includes_imports ? tables::Vector(zcol + imv) : zcol, false, tii_row);
  }
  const tables::Vector va = t.value_added_supplied();
  if (tva.size() && va.size()) check("TVA row (total value added = VA001 + ... )", tva, va, false, tva_row);
  const tables::Vector total_input =
      zcol + imv + (va.size() ? va : tables::Vector::Zero(static_cast<Eigen::Index>(n)));
  if (ti.size()) {
    check("TI row (total input = 1'Z + IM + VA)", ti, total_input, false, ti_row);
    check("TI row vs GO column (total input = gross output)", ti, x, false, ti_row);
  }
  if (gi.size()) check("gross-input row vs GO column", gi, x, false, gi_row);
  if (opt.strict && res.status == Severity::kError) {
    std::string msg = src + ": table totals disagree with the data:";
    for (const auto& f : res.findings)
      if (f.severity == Severity::kError) msg += "\n  " + f.check + ": " + f.message;
    throw BalanceError(msg);
  }
  return res;
}

}  // namespace irio::io
