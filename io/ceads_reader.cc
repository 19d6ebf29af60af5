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
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found text '" + s.text(r, c) + "'");
    case XlsxSheet::CellType::kBoolean:
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found a boolean");
    case XlsxSheet::CellType::kError:
      throw InputError(s.where(r, c) + " (" + what + "): expected a number, found the error value " + s.text(r, c));
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
  os << "CEADs sheet '" << sheet << "' (" << to_string(edition) << " layout): " << table.labels.num_regions()
     << " provinces x " << table.labels.num_sectors() << " sectors, " << table.labels.fd_categories.size()
     << " final-demand categories per province";
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
      if (starts_with(l, "table_") && l.size() > 10 && l.find("english version") != std::string::npos) return n;
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
                     "'2012MRIO'); the workbook has " +
                     list + "; name the sheet explicitly");
  }
  return parse_ceads_sheet(book.read_sheet(sheet), opt);
}

}  // namespace

std::string CeadsOptions::validate() const {
  if (country.empty()) return "country must not be empty";
  if (!(rel_tol >= 0)) return "rel_tol must be >= 0";
  if (max_elements == 0) return "max_elements must be positive";
  if (!(layout.province_row < layout.first_data_row && layout.name_row < layout.first_data_row &&
        layout.code_row < layout.first_data_row))
    return "layout: the header rows must come before first_data_row";
  if (!(layout.province_col < layout.first_data_col && layout.name_col < layout.first_data_col &&
        layout.code_col < layout.first_data_col))
    return "layout: the label columns must come before first_data_col";
  return {};
}

namespace {

void add_finding(CeadsResult& res, Severity sev, std::string check, std::string msg) {
  res.findings.push_back({sev, std::move(check), std::move(msg)});
  res.status = tables::worse(res.status, sev);
}

/// The column blocks of a CEADs sheet (methods.md §5.5): Z block, TIU, final demand per province,
/// EX, TFU, ERR, GO.
struct CeadsColumns {
  std::vector<std::string> provinces;                  // in Z-column order
  std::vector<std::string> sector_codes, sector_keys;  // of the first province
  std::vector<std::string> col_sector_names;
  std::vector<std::size_t> z_cols;  // sheet column of Z column j
  std::vector<std::string> fd_provinces;
  std::vector<std::vector<std::string>> fd_codes;  // per FD province
  std::vector<std::vector<std::size_t>> fd_cols;
  std::size_t tiu_col = SIZE_MAX, ex_col = SIZE_MAX, tfu_col = SIZE_MAX, err_col = SIZE_MAX, go_col = SIZE_MAX;
  bool z_done = false;
  std::size_t G() const { return provinces.size(); }
  std::size_t N() const { return sector_codes.size(); }
  std::size_t K() const { return fd_codes.front().size(); }
  /// "province/sector" of province-sector i.
  std::string describe(std::size_t i) const { return provinces[i / N()] + "/" + sector_codes[i % N()]; }
};

/// Reads the header rows column by column into CeadsColumns, checking that every province block
/// repeats the first one's sector codes and that the blocks come in the CEADs order (§5.5).
class ColumnScanner {
 public:
  ColumnScanner(const XlsxSheet& s, const CeadsLayout& layout, const std::string& src)
      : s_(s), layout_(layout), src_(src) {}

  CeadsColumns scan() {
    for (std::size_t c = layout_.first_data_col; c < s_.num_cols(); ++c) {
      const std::string prov_cell = trim(s_.display(layout_.province_row, c));
      const std::string code = trim(s_.display(layout_.code_row, c));
      const std::string name = trim(s_.display(layout_.name_row, c));
      ColKind kind = classify_column(code, name);
      if (kind == ColKind::kSkip) continue;
      const std::string ref = column_letters(c) + std::to_string(layout_.code_row + 1);
      if (kind == ColKind::kZ) {
        z_column(c, prov_cell, code, name, ref);
        continue;
      }
      if (!cols_.z_done) end_z_block();
      total_or_fd_column(c, kind, prov_cell, code, ref);
    }
    return std::move(cols_);
  }

 private:
  /// A column of the intermediate-use block: a new province block starts at a new province name.
  void z_column(std::size_t c, const std::string& prov_cell, const std::string& code, const std::string& name,
                const std::string& ref) {
    auto& provinces = cols_.provinces;
    auto& sector_codes = cols_.sector_codes;
    const std::string& src = src_;
    if (cols_.z_done)
      throw InputError(src + ", column " + column_letters(c) + ": sector code '" + code +
                       "' after the intermediate-use block has ended (shifted block?)");
    if (!prov_cell.empty() && prov_cell != cur_province_) {
      // a new province block starts
      if (!provinces.empty() && cur_sector_ != sector_codes.size())
        throw InputError(src + ": province '" + cur_province_ + "' has " + std::to_string(cur_sector_) +
                         " sector columns but '" + provinces.front() + "' has " + std::to_string(sector_codes.size()) +
                         " (block ends before column " + column_letters(c) + ")");
      if (province_first_col_.count(prov_cell))
        throw InputError(src + ", cell " + column_letters(c) + std::to_string(layout_.province_row + 1) +
                         ": duplicated province '" + prov_cell + "' (its block already starts at column " +
                         column_letters(province_first_col_[prov_cell]) + ")");
      province_first_col_[prov_cell] = c;
      provinces.push_back(prov_cell);
      cur_province_ = prov_cell;
      cur_sector_ = 0;
    }
    if (provinces.empty())
      throw InputError(src + ", cell " + column_letters(c) + std::to_string(layout_.province_row + 1) +
                       ": no province name above the first intermediate-use column");
    if (provinces.size() == 1) first_province_sector(code, name, ref);
    else repeated_sector(code, ref);
    ++cur_sector_;
    cols_.z_cols.push_back(c);
  }

  /// A sector column of the first province: defines the sector codes and names.
  void first_province_sector(const std::string& code, const std::string& name, const std::string& ref) {
    auto& sector_keys = cols_.sector_keys;
    if (std::find(sector_keys.begin(), sector_keys.end(), code_key(code)) != sector_keys.end())
      throw InputError(src_ + ", cell " + ref + ": sector code '" + code + "' appears twice in province '" +
                       cur_province_ + "' (a province name missing in row " + std::to_string(layout_.province_row + 1) +
                       "?)");
    cols_.sector_codes.push_back(code);
    sector_keys.push_back(code_key(code));
    cols_.col_sector_names.push_back(name);
  }

  /// A sector column of a later province: must repeat the first province's code at its position.
  void repeated_sector(const std::string& code, const std::string& ref) {
    const auto& sector_codes = cols_.sector_codes;
    const auto& provinces = cols_.provinces;
    if (cur_sector_ >= sector_codes.size())
      throw InputError(src_ + ", cell " + ref + ": province '" + cur_province_ + "' has more than the " +
                       std::to_string(sector_codes.size()) + " sector columns of '" + provinces.front() +
                       "' (the next block repeats the name '" + cur_province_ + "' or has no name in row " +
                       std::to_string(layout_.province_row + 1) + ")");
    if (code_key(code) != cols_.sector_keys[cur_sector_])
      throw InputError(src_ + ", cell " + ref + ": province '" + cur_province_ + "' has sector code '" + code +
                       "' where '" + provinces.front() + "' has '" + sector_codes[cur_sector_] + "'");
  }

  /// The first column after the intermediate-use block: the last province block must be complete.
  void end_z_block() {
    cols_.z_done = true;
    if (cols_.provinces.empty())
      throw InputError(src_ + ": no intermediate-use columns found (row " + std::to_string(layout_.code_row + 1) +
                       " must hold the sector codes from column " + column_letters(layout_.first_data_col) + ")");
    if (cur_sector_ != cols_.sector_codes.size())
      throw InputError(src_ + ": province '" + cur_province_ + "' has " + std::to_string(cur_sector_) +
                       " sector columns but '" + cols_.provinces.front() + "' has " +
                       std::to_string(cols_.sector_codes.size()));
    cur_province_.clear();
  }

  /// A column after the intermediate-use block: TIU, EX, TFU, ERR, GO (once each) or final demand.
  void total_or_fd_column(std::size_t c, ColKind kind, const std::string& prov_cell, const std::string& code,
                          const std::string& ref) {
    auto once = [&](std::size_t* slot, const char* what) {
      if (*slot != SIZE_MAX)
        throw InputError(src_ + ", cell " + ref + ": a second '" + what + "' column (first at column " +
                         column_letters(*slot) + ")");
      *slot = c;
    };
    switch (kind) {
      case ColKind::kTiu: once(&cols_.tiu_col, "TIU"); break;
      case ColKind::kEx: once(&cols_.ex_col, "EX"); break;
      case ColKind::kTfu: once(&cols_.tfu_col, "TFU"); break;
      case ColKind::kErr: once(&cols_.err_col, "ERR"); break;
      case ColKind::kGo: once(&cols_.go_col, "GO"); break;
      case ColKind::kFd: fd_column(c, prov_cell, code, ref); break;
      default: break;
    }
  }

  /// A final-demand column: a new province block starts at a new province name.
  void fd_column(std::size_t c, const std::string& prov_cell, const std::string& code, const std::string& ref) {
    auto& fd_provinces = cols_.fd_provinces;
    const std::string& src = src_;
    if (cols_.ex_col != SIZE_MAX || cols_.tfu_col != SIZE_MAX || cols_.go_col != SIZE_MAX)
      throw InputError(src + ", cell " + ref + ": final-demand column '" + code +
                       "' after the export/total columns (shifted block?)");
    if (!prov_cell.empty() && prov_cell != cur_province_) {
      if (std::find(fd_provinces.begin(), fd_provinces.end(), prov_cell) != fd_provinces.end())
        throw InputError(src + ", cell " + column_letters(c) + std::to_string(layout_.province_row + 1) +
                         ": duplicated province '" + prov_cell + "' in the final-demand block");
      fd_provinces.push_back(prov_cell);
      cols_.fd_codes.emplace_back();
      cols_.fd_cols.emplace_back();
      cur_province_ = prov_cell;
    }
    if (fd_provinces.empty())
      throw InputError(src + ", cell " + column_letters(c) + std::to_string(layout_.province_row + 1) +
                       ": no province name above the first final-demand column");
    cols_.fd_codes.back().push_back(code);
    cols_.fd_cols.back().push_back(c);
  }

  const XlsxSheet& s_;
  const CeadsLayout& layout_;
  const std::string& src_;
  CeadsColumns cols_;
  std::string cur_province_;
  std::size_t cur_sector_ = 0;
  std::map<std::string, std::size_t> province_first_col_;
};

/// After the column scan: the blocks are complete, the final-demand provinces and categories match
/// the intermediate ones, the table fits the size limit and has a GO column (§5.5).
void check_columns(const CeadsColumns& cols, const std::string& src, const CeadsOptions& opt, CeadsResult& res) {
  const auto& provinces = cols.provinces;
  const auto& fd_provinces = cols.fd_provinces;
  const auto& fd_codes = cols.fd_codes;
  const auto& fd_cols = cols.fd_cols;
  if (!cols.z_done)
    throw InputError(src + ": the intermediate-use block has no end: no TIU, final-demand or GO columns");
  const std::size_t G = cols.G(), N = cols.N();
  if (fd_provinces.size() != G)
    throw InputError(src + ": the final-demand block has " + std::to_string(fd_provinces.size()) +
                     " provinces but the intermediate block has " + std::to_string(G));
  for (std::size_t r = 0; r < G; ++r) {
    if (fd_provinces[r] != provinces[r])
      throw InputError(src + ", column " + column_letters(fd_cols[r].front()) + ": final-demand province " +
                       std::to_string(r + 1) + " is '" + fd_provinces[r] + "' but intermediate province " +
                       std::to_string(r + 1) + " is '" + provinces[r] + "'");
    if (fd_codes[r] != fd_codes.front())
      throw InputError(src + ", column " + column_letters(fd_cols[r].front()) + ": province '" + provinces[r] +
                       "' has " + std::to_string(fd_codes[r].size()) + " final-demand columns (" +
                       [&] {
                         std::string l;
                         for (const auto& x : fd_codes[r]) l += (l.empty() ? "" : " ") + x;
                         return l;
                       }() +
                       ") unlike '" + provinces.front() + "'");
  }
  const std::size_t K = cols.K();
  {
    const double elements = static_cast<double>(G * N) * static_cast<double>(G * N + G * K);
    if (elements > static_cast<double>(opt.max_elements))
      throw InputError(src + ": " + std::to_string(G) + " provinces x " + std::to_string(N) + " sectors x " +
                       std::to_string(K) + " final-demand categories need " + std::to_string(elements) +
                       " matrix entries, above the limit of " + std::to_string(opt.max_elements));
  }
  if (cols.go_col == SIZE_MAX)
    throw InputError(src + ": no gross-output column (code 'GO' in row " + std::to_string(opt.layout.code_row + 1) +
                     ")");
  const std::size_t expected_k = res.edition == CeadsEdition::k2012 ? 4 : 5;
  if (K != expected_k)
    add_finding(res, Severity::kWarning, "layout",
                std::to_string(K) + " final-demand categories per province; the " + to_string(res.edition) +
                    " layout has " + std::to_string(expected_k));
}

/// The row blocks of a CEADs sheet (§5.5): G N province-sector rows, then IM, TII, VA001-VA004,
/// TVA, TI (gross input), CO2.
struct CeadsRows {
  std::vector<std::size_t> z_rows;
  std::size_t im_row = SIZE_MAX, tii_row = SIZE_MAX, tva_row = SIZE_MAX, ti_row = SIZE_MAX, gi_row = SIZE_MAX,
              co2_row = SIZE_MAX;
  std::vector<std::size_t> va_rows;
  std::vector<std::string> va_codes;
};

/// A province-sector row: its province and sector code must be those of the columns at its
/// position. Returns false for a blank separator row (skipped).
bool read_z_row(const XlsxSheet& s, std::size_t r, const std::string& p, const std::string& name,
                const std::string& code, const std::string& row_province, const CeadsColumns& cols,
                const CeadsLayout& layout, const std::string& src, CeadsRows& rows) {
  const std::size_t n = cols.G() * cols.N(), N = cols.N();
  const std::string cref = cell_ref(r, layout.code_col);
  if (code.empty() && name.empty() && p.empty()) {
    // A blank separator row is skipped; data without labels is an error.
    for (std::size_t c : cols.z_cols)
      if (!s.empty(r, c))
        throw InputError(src + ", cell " + cref + ": row " + std::to_string(r + 1) + " has data (cell " +
                         cell_ref(r, c) + ") but no province or sector label");
    return false;
  }
  const std::size_t k = rows.z_rows.size(), pr = k / N, sc = k % N;
  RowKind rk = classify_row(code, name);
  if (rk != RowKind::kOther)
    throw InputError(src + ", cell " + cref + ": row '" + (code.empty() ? name : code) + "' after only " +
                     std::to_string(k) + " of the " + std::to_string(n) + " province-sector rows the columns announce");
  if (row_province != cols.provinces[pr])
    throw InputError(src + ", cell " + cell_ref(r, layout.province_col) + ": row province '" + row_province +
                     "' where the columns have '" + cols.provinces[pr] + "' (row " + std::to_string(k + 1) +
                     " of the intermediate block, sector " + cols.sector_codes[sc] + ")");
  if (code_key(code) != cols.sector_keys[sc])
    throw InputError(src + ", cell " + cref + ": sector code '" + code + "' in province '" + cols.provinces[pr] +
                     "' where the columns have '" + cols.sector_codes[sc] + "'");
  rows.z_rows.push_back(r);
  return true;
}

/// A row after the province-sector rows: IM, TII, TVA, TI, gross input, CO2 (once each) or a VA
/// component; anything else is a warning (or an error if it looks like one more sector row).
void read_total_row(std::size_t r, const std::string& name, const std::string& code, const std::string& row_province,
                    const CeadsColumns& cols, const CeadsLayout& layout, const std::string& src, CeadsRows& rows,
                    CeadsResult& res) {
  const std::size_t n = cols.G() * cols.N();
  const auto& sector_keys = cols.sector_keys;
  const std::string cref = cell_ref(r, layout.code_col);
  RowKind rk = classify_row(code, name);
  auto once = [&](std::size_t* slot, const std::string& what) {
    if (*slot != SIZE_MAX)
      throw InputError(src + ", cell " + cref + ": a second '" + what + "' row (first at row " +
                       std::to_string(*slot + 1) + ")");
    *slot = r;
  };
  switch (rk) {
    case RowKind::kIm: once(&rows.im_row, "IM"); break;
    case RowKind::kTii: once(&rows.tii_row, "TII"); break;
    case RowKind::kTva: once(&rows.tva_row, "TVA"); break;
    case RowKind::kTi: once(&rows.ti_row, "TI"); break;
    case RowKind::kGi: once(&rows.gi_row, "gross input"); break;
    case RowKind::kCo2: once(&rows.co2_row, "CO2"); break;
    case RowKind::kVa:
      if (std::find(rows.va_codes.begin(), rows.va_codes.end(), upper(code)) != rows.va_codes.end())
        throw InputError(src + ", cell " + cref + ": a second '" + code + "' row");
      rows.va_rows.push_back(r);
      rows.va_codes.push_back(upper(code));
      break;
    case RowKind::kOther:
      if (sector_keys.end() != std::find(sector_keys.begin(), sector_keys.end(), code_key(code)))
        throw InputError(src + ", cell " + cref + ": more province-sector rows than the " + std::to_string(n) +
                         " the columns announce (row province '" + row_province + "', sector '" + code + "')");
      add_finding(res, Severity::kWarning, "layout",
                  "row " + std::to_string(r + 1) + " ('" + (code.empty() ? name : code) +
                      "') is not part of the "
                      "CEADs layout and was ignored");
      break;
  }
}

/// Reads the label columns row by row into CeadsRows and checks that all announced
/// province-sector rows are there (§5.5).
CeadsRows scan_rows(const XlsxSheet& s, const CeadsColumns& cols, const CeadsLayout& layout, const std::string& src,
                    CeadsResult& res) {
  const std::size_t n = cols.G() * cols.N();
  CeadsRows rows;
  std::string row_province;
  for (std::size_t r = layout.first_data_row; r < s.num_rows(); ++r) {
    const std::string p = trim(s.display(r, layout.province_col));
    const std::string name = trim(s.display(r, layout.name_col));
    const std::string code = trim(s.display(r, layout.code_col));
    if (!p.empty()) row_province = p;
    if (rows.z_rows.size() < n) {
      read_z_row(s, r, p, name, code, row_province, cols, layout, src, rows);
      continue;
    }
    if (code.empty() && name.empty()) continue;
    read_total_row(r, name, code, row_province, cols, layout, src, rows, res);
  }
  if (rows.z_rows.size() < n)
    throw InputError(src + ": only " + std::to_string(rows.z_rows.size()) +
                     " province-sector rows; the columns announce " + std::to_string(cols.G()) + " provinces x " +
                     std::to_string(cols.N()) + " sectors = " + std::to_string(n));
  return rows;
}

/// Labels of the table: provinces as regions of one country, the first province's sector codes,
/// final-demand categories; display names where the workbook has them (§5.5).
void set_labels(const CeadsColumns& cols, const CeadsOptions& opt, CeadsResult& res) {
  tables::Labels& labels = res.table.labels;
  labels.regions = cols.provinces;
  labels.sectors = cols.sector_codes;
  labels.countries = {opt.country};
  labels.country_of_region.assign(cols.G(), 0);
  labels.fd_categories = cols.fd_codes.front();
  res.sector_names = cols.col_sector_names;
  // Display names where the workbook has them (empty ones fall back to the code).
  if (std::any_of(cols.col_sector_names.begin(), cols.col_sector_names.end(),
                  [](const std::string& nm) { return !nm.empty(); }))
    labels.sector_names = cols.col_sector_names;
}

/// The columns read on the province-sector rows besides Z and Y: exports, other final demand
/// (ERR) and the sheet's own totals TIU and TFU (empty when the sheet has no such column).
struct ColumnTotals {
  tables::Vector ex, err, tiu, tfu;
};

/// Z, Y, x and the total columns on the province-sector rows (§5.5).
ColumnTotals read_flows(const XlsxSheet& s, const CeadsColumns& cols, const CeadsRows& rows, tables::IoTable& t) {
  const std::size_t G = cols.G(), K = cols.K(), n = G * cols.N();
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  trip.reserve(n * n / 2);
  tables::Matrix Y(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(G * K));
  tables::Vector x(static_cast<Eigen::Index>(n));
  ColumnTotals tot;
  tot.ex = tables::Vector::Zero(static_cast<Eigen::Index>(n));
  tot.err = tables::Vector::Zero(static_cast<Eigen::Index>(n));
  if (cols.tiu_col != SIZE_MAX) tot.tiu.resize(static_cast<Eigen::Index>(n));
  if (cols.tfu_col != SIZE_MAX) tot.tfu.resize(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = rows.z_rows[i];
    const auto ii = static_cast<Eigen::Index>(i);
    for (std::size_t j = 0; j < n; ++j) {
      double v = numeric(s, r, cols.z_cols[j], "Z " + cols.describe(i) + " -> " + cols.describe(j));
      if (v != 0.0) trip.emplace_back(ii, static_cast<Eigen::Index>(j), v);
    }
    for (std::size_t p = 0; p < G; ++p)
      for (std::size_t k = 0; k < K; ++k)
        Y(ii, static_cast<Eigen::Index>(p * K + k)) =
            numeric(s, r, cols.fd_cols[p][k],
                    "final demand " + cols.describe(i) + " -> " + cols.provinces[p] + "/" + cols.fd_codes[p][k]);
    if (cols.ex_col != SIZE_MAX) tot.ex(ii) = numeric(s, r, cols.ex_col, "EX of " + cols.describe(i));
    if (cols.err_col != SIZE_MAX) tot.err(ii) = numeric(s, r, cols.err_col, "ERR of " + cols.describe(i));
    x(ii) = numeric(s, r, cols.go_col, "GO of " + cols.describe(i));
    if (cols.tiu_col != SIZE_MAX) tot.tiu(ii) = numeric(s, r, cols.tiu_col, "TIU of " + cols.describe(i));
    if (cols.tfu_col != SIZE_MAX) tot.tfu(ii) = numeric(s, r, cols.tfu_col, "TFU of " + cols.describe(i));
  }
  t.Z.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  t.Z.setFromTriplets(trip.begin(), trip.end());
  trip.clear();
  trip.shrink_to_fit();
  t.Y = std::move(Y);
  t.x = x;
  return tot;
}

/// EX and ERR as export columns (§5.5: exports abroad and other final demand y_O).
void set_exports(const CeadsColumns& cols, const ColumnTotals& tot, tables::IoTable& t) {
  if (cols.ex_col == SIZE_MAX && cols.err_col == SIZE_MAX) return;
  std::vector<tables::Vector> ecols;
  if (cols.ex_col != SIZE_MAX) {
    t.export_labels.push_back("EX");
    ecols.push_back(tot.ex);
  }
  if (cols.err_col != SIZE_MAX) {
    t.export_labels.push_back("ERR");
    ecols.push_back(tot.err);
  }
  const auto n = static_cast<Eigen::Index>(cols.G() * cols.N());
  t.exports.resize(n, static_cast<Eigen::Index>(ecols.size()));
  for (std::size_t k = 0; k < ecols.size(); ++k) t.exports.col(static_cast<Eigen::Index>(k)) = ecols[k];
}

/// One row of the sheet over the Z columns.
tables::Vector read_row(const XlsxSheet& s, const CeadsColumns& cols, std::size_t r, const std::string& what) {
  const std::size_t n = cols.G() * cols.N();
  tables::Vector v(static_cast<Eigen::Index>(n));
  for (std::size_t j = 0; j < n; ++j)
    v(static_cast<Eigen::Index>(j)) = numeric(s, r, cols.z_cols[j], what + " of " + cols.describe(j));
  return v;
}

/// The sheet's own total rows (empty when the sheet has no such row).
struct RowTotals {
  tables::Vector im, tii, tva, ti, gi;
};

/// The rows below the province-sector rows: IM as the import row, VA components as V, the total
/// rows TII, TVA, TI and gross input for the checks (§5.5).
RowTotals read_row_blocks(const XlsxSheet& s, const CeadsColumns& cols, const CeadsRows& rows, tables::IoTable& t) {
  RowTotals tot;
  if (rows.im_row != SIZE_MAX) {
    tot.im = read_row(s, cols, rows.im_row, "IM");
    t.import_labels = {"IM"};
    t.imports = tot.im.transpose();
  }
  t.va_components = rows.va_codes;
  t.V.resize(static_cast<Eigen::Index>(rows.va_rows.size()), static_cast<Eigen::Index>(cols.G() * cols.N()));
  for (std::size_t k = 0; k < rows.va_rows.size(); ++k)
    t.V.row(static_cast<Eigen::Index>(k)) = read_row(s, cols, rows.va_rows[k], rows.va_codes[k]).transpose();
  if (rows.tii_row != SIZE_MAX) tot.tii = read_row(s, cols, rows.tii_row, "TII");
  if (rows.tva_row != SIZE_MAX) tot.tva = read_row(s, cols, rows.tva_row, "TVA");
  if (rows.ti_row != SIZE_MAX) tot.ti = read_row(s, cols, rows.ti_row, "TI");
  if (rows.gi_row != SIZE_MAX) tot.gi = read_row(s, cols, rows.gi_row, "gross input");
  return tot;
}

/// The CO2 row as a satellite account, its unit from the label's parentheses (Mt by default).
void read_co2(const XlsxSheet& s, const CeadsColumns& cols, std::size_t co2_row, const CeadsLayout& layout,
              tables::IoTable& t) {
  tables::Satellite sat;
  sat.name = "CO2";
  sat.stressors = {"CO2"};
  std::string label = trim(s.display(co2_row, layout.name_col)) + " " + trim(s.display(co2_row, layout.code_col));
  std::string unit = "Mt";
  auto open = label.find('('), close = label.find(')');
  if (open != std::string::npos && close != std::string::npos && close > open + 1)
    unit = label.substr(open + 1, close - open - 1);
  sat.units = {unit};
  sat.F = read_row(s, cols, co2_row, "CO2").transpose();
  sat.F_Y.resize(1, 0);
  t.satellites.push_back(std::move(sat));
}

/// Metadata: the year from the sheet name, unit, price basis, source and history.
void set_meta(const XlsxSheet& s, tables::IoTable& t) {
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
}

/// Compares one of the sheet's total lines with the sum of the data, entry by entry; a
/// disagreement is a finding naming the worst entry and the first five.
void check_total(const std::string& name, const tables::Vector& sheet_total, const tables::Vector& sum, bool by_row,
                 std::size_t line, const CeadsColumns& cols, const CeadsRows& rows, const CeadsOptions& opt,
                 CeadsResult& res) {
  const std::size_t n = cols.G() * cols.N();
  TotalCheck tc;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = sheet_total(static_cast<Eigen::Index>(i)), b = sum(static_cast<Eigen::Index>(i));
    if (!mismatch(a, b, opt.rel_tol)) continue;
    ++tc.count;
    const std::string where = by_row ? cell_ref(rows.z_rows[i], line) : cell_ref(line, cols.z_cols[i]);
    const std::string item = cols.describe(i) + " (cell " + where + "): sheet " + std::to_string(a) + ", sum " +
                             std::to_string(b);
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
  add_finding(res, opt.strict ? Severity::kError : Severity::kWarning, name, msg);
}

/// The sheet's own totals against the data: TIU, TFU, GO columns; TII (with or without IM), TVA,
/// TI and gross-input rows (§5.5).
void check_sheet_totals(const CeadsColumns& cols, const CeadsRows& rows, const ColumnTotals& ct, const RowTotals& rt,
                        const CeadsOptions& opt, CeadsResult& res) {
  const tables::IoTable& t = res.table;
  const auto n = static_cast<Eigen::Index>(cols.G() * cols.N());
  auto check = [&](const std::string& name, const tables::Vector& sheet_total, const tables::Vector& sum, bool by_row,
                   std::size_t line) { check_total(name, sheet_total, sum, by_row, line, cols, rows, opt, res); };
  const tables::Vector zrow = t.Z * tables::Vector::Ones(n);
  const tables::Vector zcol = (tables::Vector::Ones(n).transpose() * t.Z).transpose();
  const tables::Vector fd = t.Y.rowwise().sum() + ct.ex;
  if (ct.tiu.size()) check("TIU column (total intermediate use)", ct.tiu, zrow, true, cols.tiu_col);
  if (ct.tfu.size()) check("TFU column (total final use)", ct.tfu, fd, true, cols.tfu_col);
  check("GO column (gross output = Z 1 + Y 1 + EX + ERR)", t.x, zrow + fd + ct.err, true, cols.go_col);
  const tables::Vector imv = rt.im.size() ? rt.im : tables::Vector::Zero(n);
  if (rt.tii.size()) {
    const double diff_without = (rt.tii - zcol).cwiseAbs().maxCoeff();
    const double diff_with = (rt.tii - zcol - imv).cwiseAbs().maxCoeff();
    res.tii_includes_imports = rt.im.size() > 0 && diff_with < diff_without;
    check(std::string("TII row (total intermediate input = 1'Z") + (res.tii_includes_imports ? " + IM)" : ")"), rt.tii,
          res.tii_includes_imports ? tables::Vector(zcol + imv) : zcol, false, rows.tii_row);
  }
  const tables::Vector va = t.value_added_supplied();
  if (rt.tva.size() && va.size()) check("TVA row (total value added = VA001 + ... )", rt.tva, va, false, rows.tva_row);
  const tables::Vector total_input = zcol + imv + (va.size() ? va : tables::Vector::Zero(n));
  if (rt.ti.size()) {
    check("TI row (total input = 1'Z + IM + VA)", rt.ti, total_input, false, rows.ti_row);
    check("TI row vs GO column (total input = gross output)", rt.ti, t.x, false, rows.ti_row);
  }
  if (rt.gi.size()) check("gross-input row vs GO column", rt.gi, t.x, false, rows.gi_row);
}

}  // namespace

CeadsResult parse_ceads_sheet(const XlsxSheet& s, const CeadsOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError(s.file() + ": CEADs options: " + e);
  const CeadsLayout& layout = opt.layout;
  CeadsResult res;
  res.sheet = s.name();
  res.edition = opt.edition;
  if (res.edition == CeadsEdition::kAuto)
    res.edition = lower(s.name()) == "2012mrio" ? CeadsEdition::k2012 : CeadsEdition::k2017;
  const std::string src = s.file() + ", sheet '" + s.name() + "'";
  if (s.num_rows() <= layout.first_data_row || s.num_cols() <= layout.first_data_col)
    throw InputError(src + ": the sheet is too small for a CEADs table (" + std::to_string(s.num_rows()) + " rows x " +
                     std::to_string(s.num_cols()) + " columns)");

  // ---- columns: Z block, TIU, final demand per province, EX, TFU, ERR, GO ------------------
  const CeadsColumns cols = ColumnScanner(s, layout, src).scan();
  check_columns(cols, src, opt, res);
  // ---- rows: G N sector rows, then IM, TII, VA001-VA004, TVA, TI (gross input), CO2 ---------
  const CeadsRows rows = scan_rows(s, cols, layout, src, res);

  // ---- values --------------------------------------------------------------------------------
  tables::IoTable& t = res.table;
  set_labels(cols, opt, res);
  const ColumnTotals column_totals = read_flows(s, cols, rows, t);
  set_exports(cols, column_totals, t);
  const RowTotals row_totals = read_row_blocks(s, cols, rows, t);
  if (rows.co2_row != SIZE_MAX) read_co2(s, cols, rows.co2_row, layout, t);
  set_meta(s, t);
  t.validate_shapes(src);

  // ---- the sheet's own totals ----------------------------------------------------------------
  check_sheet_totals(cols, rows, column_totals, row_totals, opt, res);
  if (opt.strict && res.status == Severity::kError) {
    std::string msg = src + ": table totals disagree with the data:";
    for (const auto& f : res.findings)
      if (f.severity == Severity::kError) msg += "\n  " + f.check + ": " + f.message;
    throw BalanceError(msg);
  }
  return res;
}

}  // namespace irio::io
