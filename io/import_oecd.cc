// SPDX-License-Identifier: MIT
// OECD ICIO import. Layout as published by the OECD (ReadMe of each ICIO release; the same facts
// are used by pymrio's parse_oecd and MARIO's parse_oecd): one square table per year, rows
// "CCC_IND" then the tax, value-added and output rows; columns "CCC_IND", then the final-demand
// columns "CCC_<code>" and the output (row-total) column. Value added stays as published (V);
// the models take the column residual x' - 1'Z (methods.md §0.2).
#include "irio/io/import_oecd.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <regex>
#include <unordered_map>

#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {
namespace {

// The final-demand codes of the releases: 2016 (DIRP), 2018 (P33), 2021/2023 (DPABR); NPS and
// INV appear in some re-distributions of the 2016 files.
const std::vector<std::string> kFdCodes = {"HFCE",  "NPISH", "NPS",   "GGFC", "GFCF",
                                           "INVNT", "INV",   "DPABR", "P33",  "DIRP"};

enum class Naming { kUnknown, kOld, kNew };  // TAXSUB/VALU/OUTPUT/TOTAL vs TLS/VA/OUT/OUT

const char* naming_text(Naming n) {
  return n == Naming::kOld ? "2016/2018 names (TAXSUB, VALU, OUTPUT rows, TOTAL column)"
                           : "2023 names (TLS, VA, OUT rows, OUT column)";
}

bool is_fd_code(const std::string& s) { return std::find(kFdCodes.begin(), kFdCodes.end(), s) != kFdCodes.end(); }

/// CN1, CN2 -> CHN; MX1, MX2 -> MEX (the extended files' splits); "" for any other region.
std::string split_parent(const std::string& region) {
  static const std::regex cn("CN[0-9]+"), mx("MX[0-9]+");
  if (std::regex_match(region, cn)) return "CHN";
  if (std::regex_match(region, mx)) return "MEX";
  return "";
}

struct Source {
  std::string label;  // file (or "zip:member") named in messages
  std::string file;   // the file on disk
  CsvFile csv;
};

Source load(const std::string& path, const std::string& year) {
  std::error_code ec;
  std::string file = path;
  if (fs::is_directory(path, ec)) file = wr_pick_year_file(path, year, {".csv", ".zip"}, "OECD ICIO");
  if (!fs::exists(file, ec)) throw InputError(file + ": no such file (OECD ICIO table, .csv or .zip)");
  Source s;
  s.file = file;
  if (!wr_is_zip(file)) {
    s.label = file;
    s.csv = read_csv(file);
    return s;
  }
  std::vector<std::string> csvs;
  for (const auto& m : wr_zip_members(file)) {
    std::string e = fs::path(m).extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (e == ".csv") csvs.push_back(m);
  }
  std::vector<std::string> pick = csvs;
  if (!year.empty() && csvs.size() > 1) {  // a multi-year archive: the member of the year
    pick.clear();
    for (const auto& m : csvs)
      if (fs::path(m).filename().string().find(year) != std::string::npos) pick.push_back(m);
  }
  if (pick.size() != 1)
    throw InputError(file + ": " +
                     (pick.empty() ? "holds no CSV table" + (year.empty() ? std::string() : " for year " + year)
                                   : "holds several CSV tables") +
                     " (its CSV members: " + wr_quote_list(csvs) + ")" +
                     (year.empty() && pick.size() > 1 ? "; give --year" : ""));
  s.label = file + ":" + pick[0];
  s.csv = wr_parse_csv_text(wr_zip_text(file, pick[0]), s.label);
  return s;
}

/// What a row of the file is.
enum class RowKind { kZ, kTax, kVa, kOut };

struct RowInfo {
  RowKind kind;
  std::string region, sector;  // kZ
};

}  // namespace

std::string OecdImportOptions::validate() const {
  static const std::vector<std::string> releases = {"auto", "2016", "2018", "2021", "2023"};
  if (std::find(releases.begin(), releases.end(), release) == releases.end())
    return "release must be one of auto, 2016, 2018, 2021, 2023; got '" + release + "'";
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)))
    return "year must be four digits, got '" + year + "'";
  return {};
}

namespace {

WorldImport import_oecd_impl(const std::string& path, const OecdImportOptions& opt) {
  Source src = load(path, opt.year);
  const CsvFile& f = src.csv;
  const std::string& file = src.label;
  if (f.rows.size() < 4)
    throw InputError(file + ": " + std::to_string(f.rows.size()) + " lines; expected an ICIO table");
  const std::size_t width = f.rows[0].fields.size();
  f.require_width(width);

  // The release names the file is expected to use.
  Naming want = Naming::kUnknown;
  if (opt.release == "2016" || opt.release == "2018") want = Naming::kOld;
  if (opt.release == "2023") want = Naming::kNew;
  Naming seen = Naming::kUnknown;
  std::string seen_name;
  auto note_naming = [&](Naming n, const std::string& name, std::size_t r, std::size_t c) {
    if (want != Naming::kUnknown && n != want)
      throw InputError(f.where(r, c) + ": '" + name + "' is one of the " + naming_text(n) + ", but release " +
                       opt.release + " uses the " + naming_text(want));
    if (seen != Naming::kUnknown && n != seen)
      throw InputError(f.where(r, c) + ": '" + name + "' is one of the " + naming_text(n) + ", but '" + seen_name +
                       "' earlier in the file is one of the " + naming_text(seen) +
                       ": the file mixes two releases' layouts");
    if (seen == Naming::kUnknown) {
      seen = n;
      seen_name = name;
    }
  };

  // --- rows
  std::vector<RowInfo> rows(f.rows.size());
  std::vector<std::string> raw_regions, sectors;
  std::unordered_map<std::string, std::size_t> zrow_of;  // label -> file row
  std::vector<std::size_t> tax_rows;
  std::size_t va_row = 0, out_row = 0;
  std::vector<std::string> tax_names;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const std::string& lab = f.cell(r, 0);
    std::string a, b;
    RowInfo& ri = rows[r];
    if (lab == "TLS" || lab == "TAXSUB" || (wr_split_first(lab, '_', a, b) && b == "TAXSUB")) {
      note_naming(lab == "TLS" ? Naming::kNew : Naming::kOld, lab, r, 0);
      ri.kind = RowKind::kTax;
      tax_rows.push_back(r);
      tax_names.push_back(lab);
    } else if (lab == "VA" || lab == "VALU") {
      note_naming(lab == "VA" ? Naming::kNew : Naming::kOld, lab, r, 0);
      if (va_row) throw InputError(f.where(r, 0) + ": a second value-added row '" + lab + "'");
      ri.kind = RowKind::kVa;
      va_row = r;
    } else if (lab == "OUT" || lab == "OUTPUT") {
      note_naming(lab == "OUT" ? Naming::kNew : Naming::kOld, lab, r, 0);
      if (out_row) throw InputError(f.where(r, 0) + ": a second output row '" + lab + "'");
      ri.kind = RowKind::kOut;
      out_row = r;
    } else if (wr_split_first(lab, '_', a, b)) {
      if (tax_rows.size() || va_row || out_row)
        throw InputError(f.where(r, 0) + ": industry row '" + lab +
                         "' after the tax / value-added / output rows (expected those last)");
      ri = {RowKind::kZ, a, b};
      if (!zrow_of.emplace(lab, r).second) throw InputError(f.where(r, 0) + ": duplicate row label '" + lab + "'");
      wr_intern(raw_regions, a);
      wr_intern(sectors, b);
    } else {
      throw InputError(f.where(r, 0) + ": row label '" + lab +
                       "' is neither an industry row COUNTRY_INDUSTRY nor a tax, value-added or output row (expected "
                       "TLS, VA, OUT in the 2023 release; TAXSUB, VALU, OUTPUT in 2016/2018)");
    }
  }
  const Naming naming = seen;
  if (zrow_of.empty()) throw InputError(file + ": no industry rows COUNTRY_INDUSTRY");
  const char* tax_name = naming == Naming::kOld ? "TAXSUB" : "TLS";
  if (tax_rows.empty())
    throw InputError(file + ": no tax row: expected a row '" + tax_name +
                     "' (taxes less subsidies on products) after the industry rows");
  if (!va_row)
    throw InputError(file + ": no value-added row: expected a row '" +
                     std::string(naming == Naming::kOld ? "VALU" : "VA") + "' after the industry rows");
  if (!out_row)
    throw InputError(file + ": no output row: expected a row '" +
                     std::string(naming == Naming::kOld ? "OUTPUT" : "OUT") + "' after the industry rows");
  // Every economy has every industry.
  for (const auto& reg : raw_regions)
    for (const auto& sec : sectors)
      if (!zrow_of.count(reg + "_" + sec))
        throw InputError(file + ": no row '" + reg + "_" + sec + "': economy " + reg + " lacks industry '" + sec +
                         "' (every economy has the " + std::to_string(sectors.size()) + " industries " +
                         wr_quote_list(sectors, 4) + ")");

  // --- regions after folding the splits
  std::vector<std::string> regions, folded;
  std::vector<std::size_t> region_of_raw(raw_regions.size());
  for (std::size_t k = 0; k < raw_regions.size(); ++k) {
    const std::string parent = split_parent(raw_regions[k]);
    if (!parent.empty() && !opt.keep_splits) {
      region_of_raw[k] = wr_intern(regions, parent);
      folded.push_back(raw_regions[k]);
    } else {
      region_of_raw[k] = wr_intern(regions, raw_regions[k]);
    }
  }
  std::unordered_map<std::string, std::size_t> raw_index;
  for (std::size_t k = 0; k < raw_regions.size(); ++k) raw_index[raw_regions[k]] = k;
  const std::size_t N = sectors.size(), G = regions.size(), n = G * N;
  std::unordered_map<std::string, std::size_t> sector_index;
  for (std::size_t s = 0; s < N; ++s) sector_index[sectors[s]] = s;
  auto target = [&](const std::string& reg, const std::string& sec) {
    return region_of_raw[raw_index.at(reg)] * N + sector_index.at(sec);
  };

  // --- columns
  enum class ColKind { kSkip, kZ, kFd, kOut, kDisc };
  std::vector<ColKind> ckind(width, ColKind::kSkip);
  std::vector<std::size_t> cto(width, 0), cfd_region(width, 0), cfd_k(width, 0);
  std::vector<std::string> fd_codes;
  std::vector<bool> zcol_seen(f.rows.size(), false);
  std::size_t out_col = 0, disc_col = 0;
  for (std::size_t c = 1; c < width; ++c) {
    const std::string& lab = f.cell(0, c);
    std::string a, b;
    if (lab == "OUT" || lab == "TOTAL") {
      note_naming(lab == "OUT" ? Naming::kNew : Naming::kOld, lab, 0, c);
      if (out_col) throw InputError(f.where(0, c) + ": a second output column '" + lab + "'");
      ckind[c] = ColKind::kOut;
      out_col = c;
    } else if (lab == "DISC") {
      ckind[c] = ColKind::kDisc;
      disc_col = c;
    } else if (auto it = zrow_of.find(lab); it != zrow_of.end()) {
      if (zcol_seen[it->second]) throw InputError(f.where(0, c) + ": duplicate column label '" + lab + "'");
      zcol_seen[it->second] = true;
      ckind[c] = ColKind::kZ;
      cto[c] = target(rows[it->second].region, rows[it->second].sector);
    } else if (wr_split_first(lab, '_', a, b) && (is_fd_code(b) || is_fd_code(a))) {
      std::string reg = is_fd_code(b) ? a : b, code = is_fd_code(b) ? b : a;  // 2016 files: HFCE_AUS
      if (!raw_index.count(reg))
        throw InputError(f.where(0, c) + ": final-demand column '" + lab + "' names economy '" + reg +
                         "', which has no industry rows (nearest: " + tables::Labels::nearest(raw_regions, reg, 2) +
                         ")");
      ckind[c] = ColKind::kFd;
      cfd_region[c] = region_of_raw[raw_index[reg]];
      cfd_k[c] = wr_intern(fd_codes, code);
    } else {
      throw InputError(
          f.where(0, c) + ": column label '" + lab +
          "' is neither an industry of the rows (COUNTRY_INDUSTRY), nor a final-demand column COUNTRY_CODE "
          "with CODE one of " +
          wr_quote_list(kFdCodes, 20) + ", nor the output column (OUT; TOTAL before 2021)");
    }
  }
  for (const auto& [lab, r] : zrow_of)
    if (!zcol_seen[r])
      throw InputError(file + ": no column '" + lab + "' (every industry row needs its column; row at line " +
                       std::to_string(f.rows[r].line) + ")");
  if (!out_col)
    throw InputError(file + ": no output column: expected a last column '" +
                     std::string(naming == Naming::kOld ? "TOTAL" : "OUT") + "'");
  if (fd_codes.empty()) throw InputError(file + ": no final-demand columns COUNTRY_HFCE, COUNTRY_GFCF, ...");

  // --- values
  const std::size_t K = fd_codes.size();
  const auto ni = static_cast<Eigen::Index>(n);
  tables::Matrix Z = tables::Matrix::Zero(ni, ni), Y = tables::Matrix::Zero(ni, static_cast<Eigen::Index>(G * K));
  tables::Matrix V = tables::Matrix::Zero(2, ni);
  tables::Vector x = tables::Vector::Zero(ni), rowtotal = tables::Vector::Zero(ni);
  double fd_taxes = 0, fd_va = 0, disc = 0;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const RowInfo& ri = rows[r];
    const Eigen::Index i = ri.kind == RowKind::kZ ? static_cast<Eigen::Index>(target(ri.region, ri.sector)) : 0;
    for (std::size_t c = 1; c < width; ++c) {
      if (ckind[c] == ColKind::kSkip) continue;
      const double v = f.number(r, c, "OECD ICIO");
      const auto j = static_cast<Eigen::Index>(cto[c]);
      switch (ri.kind) {
        case RowKind::kZ:
          if (ckind[c] == ColKind::kZ) Z(i, j) += v;
          else if (ckind[c] == ColKind::kFd) Y(i, static_cast<Eigen::Index>(cfd_region[c] * K + cfd_k[c])) += v;
          else if (ckind[c] == ColKind::kOut) rowtotal(i) += v;
          else disc += v;
          break;
        case RowKind::kTax:
          if (ckind[c] == ColKind::kZ) V(0, j) += v;
          else if (ckind[c] == ColKind::kFd) fd_taxes += v;
          break;
        case RowKind::kVa:
          if (ckind[c] == ColKind::kZ) V(1, j) += v;
          else if (ckind[c] == ColKind::kFd) fd_va += v;
          break;
        case RowKind::kOut:
          if (ckind[c] == ColKind::kZ) x(j) += v;
          break;
      }
    }
  }

  WorldImport w;
  tables::IoTable& t = w.table;
  t.labels.regions = regions;
  t.labels.sectors = sectors;
  t.labels.fd_categories = fd_codes;
  t.labels.set_each_region_own_country();
  if (opt.keep_splits) {
    // CN1, CN2 are regions of the country CHN; MX1, MX2 of MEX.
    t.labels.countries.clear();
    t.labels.country_of_region.clear();
    for (const auto& reg : regions) {
      const std::string p = split_parent(reg);
      t.labels.country_of_region.push_back(static_cast<int>(wr_intern(t.labels.countries, p.empty() ? reg : p)));
    }
  }
  t.Z = Z.sparseView(0.0, 0.0);
  Z.resize(0, 0);
  t.Y = std::move(Y);
  t.V = std::move(V);
  t.va_components = {"taxes_less_subsidies", "value_added"};
  t.x = std::move(x);

  // Year and release from the file name (ICIO2023_2020.csv, 2020_SML.csv, ...).
  const std::string base =
      fs::path(src.label.substr(src.label.rfind(':') == std::string::npos ? 0 : src.label.rfind(':') + 1))
          .filename()
          .string();
  std::string year = opt.year, release = opt.release == "auto" ? "" : opt.release;
  {
    static const std::regex four("(19|20)[0-9][0-9]");
    std::vector<std::string> found;
    for (std::sregex_iterator it(base.begin(), base.end(), four), end; it != end; ++it) found.push_back(it->str());
    if (base.rfind("ICIO", 0) == 0 && found.size() >= 2) {
      if (release.empty()) release = found[0];
      if (year.empty()) year = found[1];
    } else if (!found.empty() && year.empty()) {
      year = found.back();
    }
  }
  t.meta.name = "OECD Inter-Country Input-Output table" + (year.empty() ? std::string() : " " + year) +
                (release.empty() ? std::string() : " (ICIO release " + release + ")");
  t.meta.year = year;
  t.meta.unit = "USD million";
  t.meta.price_basis = "basic prices, current prices";
  t.meta.source = "OECD Inter-Country Input-Output (ICIO) tables, https://oe.cd/icio (CC BY 4.0)";
  t.meta.history.push_back("import oecd: " + src.label +
                           (folded.empty() ? std::string() : "; splits folded into CHN and MEX"));

  // --- notes
  const std::string tax_label = tax_rows.size() == 1 ? tax_names[0]
                                                     : std::to_string(tax_rows.size()) + " rows COUNTRY_TAXSUB";
  w.notes.push_back(src.label + ": OECD ICIO" + (release.empty() ? "" : " release " + release) + ", " +
                    naming_text(naming) + "; " + std::to_string(G) + " economies x " + std::to_string(N) +
                    " industries, final demand " + wr_quote_list(fd_codes, 10) + " per economy");
  if (!folded.empty())
    w.notes.push_back("extended table: rows and columns of " + wr_quote_list(folded) +
                      " folded into CHN and MEX (--keep-splits keeps them as regions of the countries CHN and MEX)");
  else if (opt.keep_splits)
    w.notes.push_back("splits kept as regions of their countries (CN* of CHN, MX* of MEX) where the file has them");
  w.notes.push_back("V: '" + tax_label +
                    "' (taxes less subsidies on intermediate products) as taxes_less_subsidies, '" + f.cell(va_row, 0) +
                    "' as value_added; x: row '" + f.cell(out_row, 0) +
                    "'; the models take value added as the column residual x' - 1'Z, which includes the taxes");
  if (fd_taxes != 0 || fd_va != 0)
    w.notes.push_back("taxes less subsidies on final products (row '" + tax_label +
                      "' under the final-demand columns, " + wr_num(fd_taxes) + ")" +
                      (fd_va != 0 ? " and value added under them (" + wr_num(fd_va) + ")" : "") +
                      " are not part of the table");
  if (disc_col) w.notes.push_back("statistical-discrepancy column 'DISC' dropped (total " + wr_num(disc) + ")");
  double worst = 0;
  Eigen::Index at = 0;
  for (Eigen::Index i = 0; i < t.x.size(); ++i)
    if (std::abs(t.x(i) - rowtotal(i)) > worst) worst = std::abs(t.x(i) - rowtotal(i)), at = i;
  w.notes.push_back(
      "output column '" + f.cell(0, out_col) + "' and output row '" + f.cell(out_row, 0) + "' agree" +
      (worst == 0 ? " exactly"
                  : " to " + wr_num(worst) + " (largest at " + t.labels.describe(static_cast<std::size_t>(at)) + ")"));
  w.notes.push_back("units: USD million, current prices; no satellite accounts in the file");
  t.validate_shapes(file);
  return w;
}

}  // namespace

WorldImport import_oecd(const std::string& path, const OecdImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("OECD ICIO '" + path + "': " + e);
  return internal::guard_memory(path, [&] { return import_oecd_impl(path, opt); });
}

}  // namespace irio::io
