// SPDX-License-Identifier: MIT
// GLORIA release 059 import (Lenzen et al. 2017, Econ. Syst. Res. 29(2); Lenzen et al. 2022, Nature
// Sustainability 5, 157-166; data: ielab.info): headerless supply-use CSVs labelled by the ReadMe
// workbook, converted to an input-output table by a named construct (docs/methods.md §8.3).
// Layout facts as documented by the provider's ReadMe and read by pymrio (parse_gloria_sut).
#include "irio/io/import_gloria.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "irio/io/world_reader_util2.h"
#include "irio/io/xlsx_reader.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {

namespace {

using world2::FileTree;
using RowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor, std::ptrdiff_t>;

tables::Vector row_sums(const tables::SparseMatrix& M) {
  tables::Vector s = tables::Vector::Zero(M.rows());
  for (Eigen::Index k = 0; k < M.outerSize(); ++k)
    for (tables::SparseMatrix::InnerIterator it(M, k); it; ++it) s(it.row()) += it.value();
  return s;
}

tables::Vector col_sums(const tables::SparseMatrix& M) {
  tables::Vector s = tables::Vector::Zero(M.cols());
  for (Eigen::Index k = 0; k < M.outerSize(); ++k)
    for (tables::SparseMatrix::InnerIterator it(M, k); it; ++it) s(it.col()) += it.value();
  return s;
}

}  // namespace

InputOutput supply_use_to_input_output(const SupplyUse& su, GloriaConstruct construct) {
  const tables::Vector g = row_sums(su.S);  // industry output
  const tables::Vector q = col_sums(su.S);  // product output
  InputOutput io;
  if (construct == GloriaConstruct::kIndustryTechnology) {
    // T = ĝ⁺ S: each industry's product mix; inputs follow the industry (Eurostat 2008, model B).
    const tables::SparseMatrix T = tables::safe_reciprocal(g).asDiagonal() * su.S;
    io.Z = (su.U * T).pruned();
    io.Y = su.Y;
    io.V = su.W * T;
    io.F = su.Q * T;
    io.x = q;
  } else {
    // D = S q̂⁺: each product's market shares; a product is sold as its industries sell (model D).
    const tables::SparseMatrix D = su.S * tables::safe_reciprocal(q).asDiagonal();
    io.Z = (D * su.U).pruned();
    io.Y = D * su.Y;
    io.V = su.W;
    io.F = su.Q;
    io.x = g;
  }
  return io;
}

namespace {

/// One release file: the tree it is in and its path there.
struct Located {
  std::size_t tree = 0;
  std::string rel;
};

struct Release {
  std::vector<std::unique_ptr<FileTree>> trees;                   // [0] the folder, then each zip in it
  std::map<std::string, std::map<std::string, Located>> by_year;  // year -> kind (T, Y, V, TQ, YQ) -> file
  std::string readme;
  std::string where(const Located& l) const { return trees[l.tree]->where(l.rel); }
};

Release locate(const std::string& path) {
  Release r;
  std::error_code ec;
  if (!fs::is_directory(path, ec))
    throw InputError(path +
                     ": GLORIA is read from a folder (holding GLORIA_MRIOs_59_<year>.zip or its CSVs, the "
                     "satellite accounts and GLORIA_ReadMe_059.xlsx); this is not a folder");
  r.trees.push_back(std::make_unique<FileTree>(path));
  static const std::regex file_re(R"((^|/)[^/]*_(T|Y|V|TQ|YQ)-Results_(\d{4})_0*(\d+)_Markup001\(full\)\.csv$)");
  static const std::regex readme_re(R"((^|/)GLORIA_ReadMe[^/]*\.xlsx$)", std::regex::icase);
  const std::vector<std::string> top = r.trees[0]->files();
  for (const auto& f : top) {
    if (std::regex_search(f, readme_re) && r.readme.empty()) r.readme = (fs::path(path) / f).string();
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".zip") == 0)
      r.trees.push_back(std::make_unique<FileTree>((fs::path(path) / f).string()));
  }
  for (std::size_t t = 0; t < r.trees.size(); ++t)
    for (const auto& f : r.trees[t]->files()) {
      std::smatch m;
      if (std::regex_search(f, m, file_re)) r.by_year[m[3]][m[2]] = Located{t, f};
    }
  return r;
}

/// A column of a ReadMe sheet below its header cell `header` (row 1), down to the first empty cell.
std::vector<std::string> readme_column(const XlsxWorkbook& book, const std::string& sheet, const std::string& header) {
  if (!book.has_sheet(sheet))
    throw InputError(book.file() + ": no sheet '" + sheet + "' (the GLORIA ReadMe has sheets Regions, Sectors, " +
                     "'Value added and final demand' and Satellites)");
  const XlsxSheet s = book.read_sheet(sheet);
  std::string headers;
  for (std::size_t c = 0; c < s.num_cols(); ++c) {
    if (s.display(0, c) != header) {
      headers += (headers.empty() ? "'" : ", '") + s.display(0, c) + "'";
      continue;
    }
    std::vector<std::string> out;
    for (std::size_t r = 1; r < s.num_rows() && !s.empty(r, c); ++r) out.push_back(s.display(r, c));
    if (out.empty()) throw InputError(s.where(1, c) + ": column '" + header + "' is empty");
    return out;
  }
  throw InputError(book.file() + ", sheet '" + sheet + "': no column '" + header + "' in row 1 (found " + headers +
                   ")");
}

struct Labels {
  std::vector<std::string> regions, sectors, va, fd, sat_names, sat_units;
  std::size_t N() const { return sectors.size(); }
  std::size_t width() const { return regions.size() * 2 * sectors.size(); }
  /// Label of column/row c of T: region/Industry|Product/sector.
  std::string t_label(std::size_t c) const {
    const std::size_t b = c % (2 * N());
    return regions[c / (2 * N())] + "/" + (b < N() ? "Industry" : "Product") + "/" + sectors[b % N()];
  }
};

/// A headerless CSV streamed row by row with its expected width.
class Csv {
 public:
  Csv(const Release& rel, const Located& l, std::size_t width, std::string what)
      : in_(rel.trees[l.tree]->open(l.rel)), file_(rel.where(l)), width_(width), what_(std::move(what)) {}
  bool next() {
    std::string_view line;
    if (!in_->next(line)) return false;
    world2::split_fields(line, ',', f_);
    if (f_.size() == 1 && world2::trim_field(f_[0]).empty()) return next();
    ++row_;
    if (f_.size() != width_)
      throw InputError(where() + ": " + what_ + " row " + std::to_string(row_) + " has " + std::to_string(f_.size()) +
                       " values; expected " + std::to_string(width_) + " (the ReadMe's labels)");
    return true;
  }
  /// Value c, or InputError naming the file, line, row and column label.
  template <typename Label>
  double value(std::size_t c, const std::string& row_label, Label col_label) const {
    double v = 0;
    if (!world2::parse_number(f_[c], v))
      throw InputError(where() + ": " + what_ + " row " + std::to_string(row_) + " (" + row_label + "), column " +
                       std::to_string(c + 1) + " (" + col_label(c) + "): " + world2::quote_field(f_[c]) +
                       " is not a finite number");
    return v;
  }
  /// True when field c is "0" / "0.0" etc. without parsing (most of T).
  bool zero(std::size_t c) const {
    const std::string_view s = f_[c];
    return s == "0" || s == "0.0";
  }
  std::size_t row() const { return row_; }
  std::string where() const { return file_ + ":" + std::to_string(in_->line_number()); }
  const std::string& file() const { return file_; }
  void expect_rows(std::size_t rows) const {
    if (row_ != rows)
      throw InputError(file_ + ": " + what_ + " has " + std::to_string(row_) + " rows; expected " +
                       std::to_string(rows) + " (the ReadMe's labels)");
  }

 private:
  std::unique_ptr<world2::LineReader> in_;
  std::string file_;
  std::size_t width_, row_ = 0;
  std::string what_;
  std::vector<std::string_view> f_;
};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

GloriaImport import_gloria(const std::string& path, const GloriaOptions& opt) {
  const Release rel = locate(path);
  std::string years;
  for (const auto& [y, files] : rel.by_year)
    if (files.count("T")) years += (years.empty() ? "" : ", ") + y;
  if (years.empty())
    throw InputError(path + ": no GLORIA transaction matrix (*_T-Results_<year>_059_Markup001(full).csv) in the " +
                     "folder or in a zip archive in it");
  std::string year = opt.year;
  if (year.empty()) {
    if (years.find(',') != std::string::npos)
      throw InputError(path + ": GLORIA files of several years (" + years + "); choose one with --year");
    year = years;
  }
  const auto yi = rel.by_year.find(year);
  if (yi == rel.by_year.end() || !yi->second.count("T"))
    throw InputError(path + ": no GLORIA transaction matrix for " + year + " (years present: " + years + ")");
  const auto& files = yi->second;
  for (const char* k : {"Y", "V"})
    if (!files.count(k))
      throw InputError(path + ": the " + year + " release has T but no " + k + "-Results file (" +
                       (std::string(k) == "Y" ? "final demand" : "value added") + ")");
  if (rel.readme.empty())
    throw InputError(path + ": no GLORIA_ReadMe_059.xlsx (the labels of the headerless CSVs come from it)");

  // Labels from the ReadMe.
  Labels L;
  {
    const XlsxWorkbook book(rel.readme);
    L.regions = readme_column(book, "Regions", "Region_acronyms");
    L.sectors = readme_column(book, "Sectors", "Sector_names");
    L.va = readme_column(book, "Value added and final demand", "Value_added_names");
    L.fd = readme_column(book, "Value added and final demand", "Final_demand_names");
    if (files.count("TQ")) {
      const auto heads = readme_column(book, "Satellites", "Sat_head_indicator");
      const auto inds = readme_column(book, "Satellites", "Sat_indicator");
      L.sat_units = readme_column(book, "Satellites", "Sat_unit");
      if (heads.size() != inds.size() || inds.size() != L.sat_units.size())
        throw InputError(rel.readme + ", sheet 'Satellites': columns Sat_head_indicator, Sat_indicator and Sat_unit " +
                         "have different lengths");
      for (std::size_t k = 0; k < inds.size(); ++k) L.sat_names.push_back(heads[k] + " | " + inds[k]);
    }
  }
  const std::size_t G = L.regions.size(), N = L.N(), W = L.width(), K = L.fd.size(), kV = L.va.size();
  auto t_label = [&](std::size_t c) { return L.t_label(c); };

  // T: supply (Industry rows x Product columns) and use (Product rows x Industry columns).
  SupplyUse su;
  double dropped = 0;
  std::size_t dropped_cells = 0;
  {
    Csv csv(rel, files.at("T"), W, "T");
    RowMajor S(static_cast<Eigen::Index>(G * N), static_cast<Eigen::Index>(G * N));
    RowMajor U(static_cast<Eigen::Index>(G * N), static_cast<Eigen::Index>(G * N));
    while (csv.next()) {
      const std::size_t r = csv.row() - 1;
      if (r >= W) csv.expect_rows(W);
      const bool product_row = (r % (2 * N)) >= N;
      const std::size_t out_row = (r / (2 * N)) * N + r % N;
      RowMajor& M = product_row ? U : S;
      M.startVec(static_cast<Eigen::Index>(out_row));
      const std::string rl = L.t_label(r);
      for (std::size_t c = 0; c < W; ++c) {
        if (csv.zero(c)) continue;
        const double v = csv.value(c, rl, t_label);
        if (v == 0) continue;
        const bool product_col = (c % (2 * N)) >= N;
        if (product_row == product_col) {  // industry x industry, product x product: not part of supply-use
          dropped += v;
          ++dropped_cells;
          continue;
        }
        M.insertBack(static_cast<Eigen::Index>(out_row), static_cast<Eigen::Index>((c / (2 * N)) * N + c % N)) = v;
      }
    }
    csv.expect_rows(W);
    S.finalize();
    U.finalize();
    su.S = S;
    su.U = U;
  }
  // Y: product rows only.
  su.Y = tables::Matrix::Zero(static_cast<Eigen::Index>(G * N), static_cast<Eigen::Index>(G * K));
  double y_industry = 0;
  {
    Csv csv(rel, files.at("Y"), G * K, "Y");
    auto fd_label = [&](std::size_t c) { return L.regions[c / K] + "/" + L.fd[c % K]; };
    while (csv.next()) {
      const std::size_t r = csv.row() - 1;
      if (r >= W) csv.expect_rows(W);
      const bool product_row = (r % (2 * N)) >= N;
      const std::string rl = L.t_label(r);
      for (std::size_t c = 0; c < G * K; ++c) {
        if (csv.zero(c)) continue;
        const double v = csv.value(c, rl, fd_label);
        if (product_row) su.Y(static_cast<Eigen::Index>((r / (2 * N)) * N + r % N), static_cast<Eigen::Index>(c)) = v;
        else y_industry += v;
      }
    }
    csv.expect_rows(W);
  }
  // V: rows (region, component), industry columns; summed over the row regions.
  su.W = tables::Matrix::Zero(static_cast<Eigen::Index>(kV), static_cast<Eigen::Index>(G * N));
  double va_foreign = 0, va_total = 0;
  {
    Csv csv(rel, files.at("V"), W, "V");
    while (csv.next()) {
      const std::size_t r = csv.row() - 1;
      if (r >= G * kV) csv.expect_rows(G * kV);
      const std::string rl = L.regions[r / kV] + "/" + L.va[r % kV];
      for (std::size_t c = 0; c < W; ++c) {
        if (csv.zero(c)) continue;
        const double v = csv.value(c, rl, t_label);
        if ((c % (2 * N)) >= N) continue;  // product columns carry no value added
        su.W(static_cast<Eigen::Index>(r % kV), static_cast<Eigen::Index>((c / (2 * N)) * N + c % N)) += v;
        va_total += v;
        if (r / kV != c / (2 * N)) va_foreign += v;
      }
    }
    csv.expect_rows(G * kV);
  }
  // Satellites (optional): TQ industry columns, YQ final-demand columns.
  const std::size_t kQ = L.sat_names.size();
  su.Q = tables::Matrix::Zero(static_cast<Eigen::Index>(kQ), static_cast<Eigen::Index>(G * N));
  tables::Matrix QY;
  if (files.count("TQ")) {
    Csv csv(rel, files.at("TQ"), W, "TQ");
    while (csv.next()) {
      const std::size_t r = csv.row() - 1;
      if (r >= kQ) csv.expect_rows(kQ);
      for (std::size_t c = 0; c < W; ++c) {
        if (csv.zero(c) || (c % (2 * N)) >= N) continue;
        su.Q(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>((c / (2 * N)) * N + c % N)) =
            csv.value(c, L.sat_names[r], t_label);
      }
    }
    csv.expect_rows(kQ);
    if (files.count("YQ")) {
      QY = tables::Matrix::Zero(static_cast<Eigen::Index>(kQ), static_cast<Eigen::Index>(G * K));
      Csv yq(rel, files.at("YQ"), G * K, "YQ");
      auto fd_label = [&](std::size_t c) { return L.regions[c / K] + "/" + L.fd[c % K]; };
      while (yq.next()) {
        const std::size_t r = yq.row() - 1;
        if (r >= kQ) yq.expect_rows(kQ);
        for (std::size_t c = 0; c < G * K; ++c)
          if (!yq.zero(c))
            QY(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = yq.value(c, L.sat_names[r], fd_label);
      }
      yq.expect_rows(kQ);
    }
  }

  InputOutput io = supply_use_to_input_output(su, opt.construct);
  GloriaImport out;
  tables::IoTable& t = out.table;
  t.labels.regions = L.regions;
  t.labels.sectors = L.sectors;
  t.labels.fd_categories = L.fd;
  t.labels.set_each_region_own_country();
  t.Z.swap(io.Z);  // Eigen's SparseMatrix has no move assignment
  t.Y = std::move(io.Y);
  t.V = std::move(io.V);
  t.va_components = L.va;
  t.x = std::move(io.x);
  if (kQ > 0) {
    tables::Satellite s;
    s.name = "GLORIA satellites";
    s.stressors = L.sat_names;
    s.units = L.sat_units;
    s.F = std::move(io.F);
    s.F_Y = QY.size() > 0 ? QY : tables::Matrix(kQ, 0);
    if (s.F_Y.cols() == 0) s.F_Y.resize(static_cast<Eigen::Index>(kQ), 0);
    t.satellites.push_back(std::move(s));
  }
  const bool ita = opt.construct == GloriaConstruct::kIndustryTechnology;
  t.meta.name = "GLORIA " + year;
  t.meta.year = year;
  t.meta.unit = "USD thousand";
  t.meta.price_basis = "basic prices";
  t.meta.source = "GLORIA release 059 (Lenzen et al. 2022, Nature Sustainability 5, 157-166), read from " + path;
  t.meta.history.push_back("import gloria: " + path + " (" + std::string(enum_name(opt.construct)) + ")");

  auto& notes = out.notes;
  notes.push_back("GLORIA " + year + ": " + std::to_string(G) + " regions x " + std::to_string(N) +
                  " sectors (supply-use: " + std::to_string(N) + " industries and " + std::to_string(N) +
                  " products per region), basic prices (Markup001), each region its own country");
  notes.push_back(
      ita ? "construct: industry-technology assumption, product x product (Eurostat model B, pymrio's "
            "default): Z = U ĝ⁻¹ S, V = W ĝ⁻¹ S, F = Q ĝ⁻¹ S, x = S' 1 (docs/methods.md §8.3)"
          : "construct: fixed product sales structure, industry x industry (Eurostat model D): Z = S q̂⁻¹ U, "
            "Y = S q̂⁻¹ Y, V = W, x = S 1 (docs/methods.md §8.3)");
  if (dropped_cells > 0)
    notes.push_back(std::to_string(dropped_cells) + " non-zero cells of T outside the supply and use blocks " +
                    "(industry x industry, product x product; sum " + fmt(dropped) + ") were dropped");
  if (y_industry != 0) notes.push_back("final demand on industry rows (sum " + fmt(y_industry) + ") was dropped");
  std::string v = "V = the " + std::to_string(kV) + " value-added rows of V-Results, summed over their row regions: ";
  for (std::size_t k = 0; k < kV; ++k) v += (k ? "; " : "") + L.va[k];
  if (va_foreign != 0)
    v += " (" + fmt(va_total == 0 ? 0 : 100 * va_foreign / va_total) +
         "% of it sits in rows of another region than its column's)";
  notes.push_back(v);
  std::string fd = "final demand: " + std::to_string(K) + " categories per region: ";
  for (std::size_t k = 0; k < K; ++k) fd += (k ? "; " : "") + L.fd[k];
  notes.push_back(fd);
  notes.push_back("monetary unit: USD thousand (GLORIA's '000 US$)");
  std::size_t empty_regions = 0;
  for (std::size_t a = 0; a < G; ++a)
    if (t.x.segment(static_cast<Eigen::Index>(a * N), static_cast<Eigen::Index>(N)).cwiseAbs().sum() == 0)
      ++empty_regions;
  if (empty_regions > 0)
    notes.push_back(std::to_string(empty_regions) +
                    " region(s) with no output (kept; irio compresses zero-output sectors)");
  notes.push_back(kQ > 0 ? "satellite 'GLORIA satellites': " + std::to_string(kQ) +
                               " stressors (Sat_head_indicator | " + "Sat_indicator, units from Sat_unit)" +
                               (QY.size() > 0 ? ", with F_Y" : ", no YQ file") + (ita ? "; F = Q ĝ⁻¹ S" : "")
                         : "no TQ-Results file: no satellites");
  t.validate_shapes(path);
  return out;
}

}  // namespace irio::io
