// SPDX-License-Identifier: MIT
// EXIOBASE 3 import (pxp and ixi; zip archive or folder). Layout: the pymrio text layout in which
// the EXIOBASE consortium publishes EXIOBASE 3 (Stadler et al. 2018, J. Ind. Ecol. 22(3); Zenodo
// records 3583070, 5589597): tab-separated matrices with (region, sector) labels, a
// file_parameters.json per system and per extension. docs/world-tables.md, "EXIOBASE 3".
#include "irio/io/import_exiobase.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

#include "irio/io/internal/json_reader.h"
#include "irio/io/world_reader_util2.h"
#include "irio/tables/error.h"

namespace irio::io {

namespace {

using internal::Json;
using world2::FileTree;
using world2::WideTextReader;

/// The factor-input rows of EXIOBASE 3 (the first nine rows of satellite/F.txt in 3.4-3.8,
/// factor_inputs/F.txt in 3.9), in M.EUR: what becomes V.
const std::vector<std::string> kFactorInputs = {
    "Taxes less subsidies on products purchased: Total",
    "Other net taxes on production",
    "Compensation of employees; wages, salaries, & employers' social contributions: Low-skilled",
    "Compensation of employees; wages, salaries, & employers' social contributions: Medium-skilled",
    "Compensation of employees; wages, salaries, & employers' social contributions: High-skilled",
    "Operating surplus: Consumption of fixed capital",
    "Operating surplus: Rents on land",
    "Operating surplus: Royalties on resources",
    "Operating surplus: Remaining net operating surplus"};

struct FileSpec {
  std::string rel;
  std::size_t index_cols = 2, header_rows = 2;
};

std::string dir_of(const std::string& rel) {
  const auto p = rel.rfind('/');
  return p == std::string::npos ? std::string() : rel.substr(0, p + 1);
}

Json read_params(const FileTree& tree, const std::string& rel) {
  return internal::parse_json(tree.read_small(rel), tree.where(rel));
}

/// files.<key> of a file_parameters.json: {"name": ..., "nr_index_col": ..., "nr_header": ...}.
std::optional<FileSpec> file_spec(const FileTree& tree, const Json& params, const std::string& dir,
                                  const std::string& key, std::size_t index_cols, std::size_t header_rows,
                                  const std::string& params_rel) {
  const Json* files = params.get("files");
  const Json* f = files != nullptr ? files->get(key) : nullptr;
  if (f == nullptr) return std::nullopt;
  const std::string name = f->kind == Json::Kind::kString ? f->text : f->str("name");
  if (name.empty()) return std::nullopt;
  FileSpec s{dir + name, index_cols, header_rows};
  const std::string where = tree.where(params_rel) + " (files." + key + ")";
  if (f->kind == Json::Kind::kObject) {
    s.index_cols = internal::count_member(*f, "nr_index_col", index_cols, where);
    s.header_rows = internal::count_member(*f, "nr_header", header_rows, where);
  }
  if (!tree.has(s.rel))
    throw InputError(where + " names '" + name + "', which is not in " + tree.path() + " (expected " +
                     tree.where(s.rel) + ")");
  return s;
}

/// EXIOBASE's two-letter region code of a three-letter code that some 3.4 ixi files carry (the
/// release's country-name mix-up, which pymrio's parse_exiobase3 also repairs); other codes as is.
std::string region_code(std::string_view r) {
  static const std::map<std::string, std::string, std::less<>> k3to2 = {
      {"AUS", "AU"}, {"AUT", "AT"}, {"BEL", "BE"}, {"BGR", "BG"}, {"BRA", "BR"}, {"CAN", "CA"}, {"CHE", "CH"},
      {"CHN", "CN"}, {"CYP", "CY"}, {"CZE", "CZ"}, {"DEU", "DE"}, {"DNK", "DK"}, {"ESP", "ES"}, {"EST", "EE"},
      {"FIN", "FI"}, {"FRA", "FR"}, {"GBR", "GB"}, {"GRC", "GR"}, {"HRV", "HR"}, {"HUN", "HU"}, {"IDN", "ID"},
      {"IND", "IN"}, {"IRL", "IE"}, {"ITA", "IT"}, {"JPN", "JP"}, {"KOR", "KR"}, {"LTU", "LT"}, {"LUX", "LU"},
      {"LVA", "LV"}, {"MEX", "MX"}, {"MLT", "MT"}, {"NLD", "NL"}, {"NOR", "NO"}, {"POL", "PL"}, {"PRT", "PT"},
      {"ROM", "RO"}, {"RUS", "RU"}, {"SVK", "SK"}, {"SVN", "SI"}, {"SWE", "SE"}, {"TUR", "TR"}, {"TWN", "TW"},
      {"USA", "US"}, {"ZAF", "ZA"}, {"WWA", "WA"}, {"WWE", "WE"}, {"WWF", "WF"}, {"WWL", "WL"}, {"WWM", "WM"}};
  const auto it = k3to2.find(r);
  return it == k3to2.end() ? std::string(r) : it->second;
}

/// The (region, sector) grid of the table, from the rows of Y. Region codes are compared after
/// region_code(), so files that mix EXIOBASE's two- and three-letter codes still match.
struct Grid {
  std::vector<std::string> regions, sectors;
  std::unordered_map<std::string, std::size_t> region_at, sector_at;
  bool renamed = false;  ///< Y's rows carried three-letter codes
  std::size_t size() const { return regions.size() * sectors.size(); }
  long find(std::string_view r, std::string_view s) const {
    const auto a = region_at.find(region_code(r));
    const auto b = sector_at.find(std::string(s));
    if (a == region_at.end() || b == sector_at.end()) return -1;
    return static_cast<long>(a->second * sectors.size() + b->second);
  }
  void add(std::vector<std::string>& v, std::unordered_map<std::string, std::size_t>& at, const std::string& s) {
    if (at.emplace(s, v.size()).second) v.push_back(s);
  }
};

/// A small matrix read whole: row labels, values (rows x columns), the reader for column labels.
struct DenseRead {
  std::vector<std::vector<std::string>> row_keys;
  std::vector<std::string> row_where;
  std::vector<std::vector<std::string>> col_keys;
  std::vector<std::string> col_names;
  tables::Matrix values;
  std::string file;
};

DenseRead read_dense(const FileTree& tree, const FileSpec& s, const std::string& what) {
  WideTextReader r(tree, s.rel, s.index_cols, s.header_rows, '\t', what);
  DenseRead d;
  d.file = r.file();
  for (std::size_t c = 0; c < r.num_cols(); ++c) {
    d.col_keys.push_back(r.col_key(c));
    d.col_names.push_back(r.col_name(c));
  }
  std::vector<double> vals;
  while (r.next()) {
    std::vector<std::string> key;
    for (std::size_t k = 0; k < s.index_cols; ++k) key.emplace_back(r.index(k));
    d.row_keys.push_back(std::move(key));
    d.row_where.push_back(r.where());
    for (std::size_t c = 0; c < r.num_cols(); ++c) vals.push_back(r.value(c));
  }
  if (d.row_keys.empty()) throw InputError(d.file + ": " + what + " has a header but no data rows");
  const auto rows = static_cast<Eigen::Index>(d.row_keys.size());
  const auto cols = static_cast<Eigen::Index>(r.num_cols());
  d.values =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(vals.data(), rows, cols);
  return d;
}

std::string nearest_label(const std::vector<std::string>& v, const std::string& s) {
  return " (nearest: " + tables::Labels::nearest(v, s, 2) + ")";
}

/// Canonical (region-major) index of each column whose labels are (region, sector); every
/// region-sector exactly once.
std::vector<std::size_t> sector_columns(const std::vector<std::vector<std::string>>& keys, const Grid& g,
                                        const std::string& file, const std::string& what) {
  std::vector<std::size_t> out(keys.size());
  std::vector<char> seen(g.size(), 0);
  if (!keys.empty() && keys[0].size() < 2)
    throw InputError(file + ": " + what + " has " + std::to_string(keys[0].size()) +
                     " header row(s); expected two (region, sector)");
  for (std::size_t c = 0; c < keys.size(); ++c) {
    const long i = g.find(keys[c][0], keys[c][1]);
    const std::string name = keys[c][0] + "/" + keys[c][1];
    if (i < 0) {
      const bool region_known = g.region_at.count(region_code(keys[c][0])) > 0;
      throw InputError(file + ": " + what + " column " + std::to_string(c + 1) + " '" + name + "' is not a region/" +
                       "sector of Y's rows" +
                       (region_known ? nearest_label(g.sectors, keys[c][1]) : nearest_label(g.regions, keys[c][0])));
    }
    if (seen[static_cast<std::size_t>(i)]++)
      throw InputError(file + ": " + what + " column '" + name + "' appears twice");
    out[c] = static_cast<std::size_t>(i);
  }
  if (keys.size() != g.size()) {
    for (std::size_t i = 0; i < g.size(); ++i)
      if (!seen[i])
        throw InputError(file + ": " + what + " has " + std::to_string(keys.size()) + " columns, the table has " +
                         std::to_string(g.size()) + " region-sectors; missing: '" + g.regions[i / g.sectors.size()] +
                         "/" + g.sectors[i % g.sectors.size()] + "'");
  }
  return out;
}

/// Column index (r K + k) of each (region, category) column of Y or F_Y.
std::vector<std::size_t> fd_columns(const std::vector<std::vector<std::string>>& keys, const Grid& g,
                                    const std::vector<std::string>& cats, const std::string& file,
                                    const std::string& what) {
  std::vector<std::size_t> out(keys.size());
  std::vector<char> seen(g.regions.size() * cats.size(), 0);
  for (std::size_t c = 0; c < keys.size(); ++c) {
    if (keys[c].size() < 2)
      throw InputError(file + ": " + what + " has one header row; expected two (region, category)");
    const auto r = g.region_at.find(region_code(keys[c][0]));
    const int k = tables::Labels::find(cats, keys[c][1]);
    if (r == g.region_at.end())
      throw InputError(file + ": " + what + " column " + std::to_string(c + 1) + " region '" + keys[c][0] +
                       "' is not a region of the table" + nearest_label(g.regions, keys[c][0]));
    if (k < 0)
      throw InputError(file + ": " + what + " column " + std::to_string(c + 1) + " category '" + keys[c][1] +
                       "' is not a final-demand category of Y" + nearest_label(cats, keys[c][1]));
    out[c] = r->second * cats.size() + static_cast<std::size_t>(k);
    if (seen[out[c]]++)
      throw InputError(file + ": " + what + " column '" + keys[c][0] + "/" + keys[c][1] + "' appears twice");
  }
  if (keys.size() != seen.size())
    throw InputError(file + ": " + what + " has " + std::to_string(keys.size()) + " columns; expected " +
                     std::to_string(seen.size()) + " (" + std::to_string(g.regions.size()) + " regions x " +
                     std::to_string(cats.size()) + " categories)");
  return out;
}

/// Y and the grid it defines (regions and sectors in order of first appearance, region-major).
void read_final_demand(const FileTree& tree, const FileSpec& s, Grid& g, tables::IoTable& t) {
  DenseRead y = read_dense(tree, s, "Y");
  if (s.index_cols < 2) throw InputError(y.file + ": Y needs two label columns (region, sector)");
  for (const auto& k : y.row_keys) {
    g.add(g.regions, g.region_at, region_code(k[0]));
    g.add(g.sectors, g.sector_at, k[1]);
  }
  for (const auto& k : y.row_keys)
    if (region_code(k[0]) != k[0]) {
      g.renamed = true;
      break;
    }
  std::vector<std::string> cats;
  for (const auto& k : y.col_keys) {
    if (k.size() < 2) throw InputError(y.file + ": Y has one header row; expected two (region, category)");
    if (tables::Labels::find(cats, k[1]) < 0) cats.push_back(k[1]);
  }
  std::vector<char> seen(g.size(), 0);
  std::vector<std::size_t> row_at(y.row_keys.size());
  for (std::size_t r = 0; r < y.row_keys.size(); ++r) {
    const auto i = static_cast<std::size_t>(g.find(y.row_keys[r][0], y.row_keys[r][1]));
    if (seen[i]++)
      throw InputError(y.row_where[r] + ": Y row '" + y.row_keys[r][0] + "/" + y.row_keys[r][1] + "' appears twice");
    row_at[r] = i;
  }
  if (y.row_keys.size() != g.size())
    for (std::size_t i = 0; i < g.size(); ++i)
      if (!seen[i])
        throw InputError(y.file + ": Y's rows are not every region x every sector: row '" +
                         g.regions[i / g.sectors.size()] + "/" + g.sectors[i % g.sectors.size()] + "' is missing (" +
                         std::to_string(y.row_keys.size()) + " rows for " + std::to_string(g.regions.size()) +
                         " regions x " + std::to_string(g.sectors.size()) + " sectors)");
  const auto col_at = fd_columns(y.col_keys, g, cats, y.file, "Y");
  t.labels.regions = g.regions;
  t.labels.sectors = g.sectors;
  t.labels.fd_categories = cats;
  t.labels.set_each_region_own_country();
  t.Y = tables::Matrix::Zero(static_cast<Eigen::Index>(g.size()), static_cast<Eigen::Index>(col_at.size()));
  for (std::size_t r = 0; r < row_at.size(); ++r)
    for (std::size_t c = 0; c < col_at.size(); ++c)
      t.Y(static_cast<Eigen::Index>(row_at[r]), static_cast<Eigen::Index>(col_at[c])) =
          y.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
}

/// Rows of a (region, sector)-labelled matrix matched to the grid: canonical index of each row.
std::vector<std::size_t> sector_rows(const DenseRead& d, const Grid& g, const std::string& what) {
  std::vector<std::size_t> out(d.row_keys.size());
  std::vector<char> seen(g.size(), 0);
  for (std::size_t r = 0; r < d.row_keys.size(); ++r) {
    const auto& k = d.row_keys[r];
    const long i = k.size() >= 2 ? g.find(k[0], k[1]) : -1;
    if (i < 0)
      throw InputError(d.row_where[r] + ": " + what + " row '" + k[0] + (k.size() > 1 ? "/" + k[1] : "") +
                       "' is not a region/sector of Y's rows");
    if (seen[static_cast<std::size_t>(i)]++)
      throw InputError(d.row_where[r] + ": " + what + " row '" + k[0] + "/" + k[1] + "' appears twice");
    out[r] = static_cast<std::size_t>(i);
  }
  if (out.size() != g.size())
    throw InputError(d.file + ": " + what + " has " + std::to_string(out.size()) + " rows; expected " +
                     std::to_string(g.size()) + " (one per region-sector of Y)");
  return out;
}

tables::Vector read_output(const FileTree& tree, const FileSpec& s, const Grid& g) {
  const DenseRead d = read_dense(tree, s, "x");
  if (d.values.cols() != 1)
    throw InputError(d.file + ": x has " + std::to_string(d.values.cols()) + " value columns; expected one (indout)");
  const auto rows = sector_rows(d, g, "x");
  tables::Vector x(static_cast<Eigen::Index>(g.size()));
  for (std::size_t r = 0; r < rows.size(); ++r)
    x(static_cast<Eigen::Index>(rows[r])) = d.values(static_cast<Eigen::Index>(r), 0);
  return x;
}

/// Z (or A scaled by x: Z = A x̂, methods.md §0.1) streamed row by row into a row-major sparse
/// matrix, then stored column-major. No dense n x n copy is made.
tables::SparseMatrix read_flows(const FileTree& tree, const FileSpec& s, const Grid& g, const tables::Vector* x,
                                const std::string& what) {
  WideTextReader r(tree, s.rel, s.index_cols, s.header_rows, '\t', what);
  std::vector<std::vector<std::string>> keys;
  for (std::size_t c = 0; c < r.num_cols(); ++c) keys.push_back(r.col_key(c));
  const auto col = sector_columns(keys, g, r.file(), what);
  keys.clear();
  bool sorted_cols = true;
  for (std::size_t c = 0; c < col.size(); ++c) sorted_cols = sorted_cols && col[c] == c;
  const std::size_t n = g.size();
  using RowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor, std::ptrdiff_t>;
  RowMajor R(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  std::vector<std::size_t> row_at;
  std::vector<char> seen(n, 0);
  std::vector<std::pair<std::size_t, double>> entries;
  while (r.next()) {
    if (s.index_cols < 2) throw InputError(r.where() + ": " + what + " needs two label columns (region, sector)");
    const long i = g.find(r.index(0), r.index(1));
    if (i < 0)
      throw InputError(r.where() + ": " + what + " row '" + r.row_name() + "' is not a region/sector of Y's rows" +
                       nearest_label(g.sectors, std::string(r.index(1))));
    if (seen[static_cast<std::size_t>(i)]++)
      throw InputError(r.where() + ": " + what + " row '" + r.row_name() + "' appears twice");
    const std::size_t k = row_at.size();
    row_at.push_back(static_cast<std::size_t>(i));
    entries.clear();
    for (std::size_t c = 0; c < col.size(); ++c) {
      double v = r.value(c);
      if (x != nullptr) v *= (*x)(static_cast<Eigen::Index>(col[c]));
      if (v != 0) entries.emplace_back(col[c], v);
    }
    if (!sorted_cols) std::sort(entries.begin(), entries.end());
    R.startVec(static_cast<Eigen::Index>(k));
    for (const auto& [j, v] : entries) R.insertBack(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) = v;
  }
  if (row_at.size() != n)
    for (std::size_t i = 0; i < n; ++i)
      if (!seen[i])
        throw InputError(r.file() + ": " + what + " has " + std::to_string(row_at.size()) + " rows; expected " +
                         std::to_string(n) + "; missing: '" + g.regions[i / g.sectors.size()] + "/" +
                         g.sectors[i % g.sectors.size()] + "'");
  R.finalize();
  bool sorted_rows = true;
  for (std::size_t k = 0; k < n; ++k) sorted_rows = sorted_rows && row_at[k] == k;
  if (sorted_rows) return tables::SparseMatrix(R);
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  trip.reserve(static_cast<std::size_t>(R.nonZeros()));
  for (Eigen::Index k = 0; k < R.outerSize(); ++k)
    for (RowMajor::InnerIterator it(R, k); it; ++it)
      trip.emplace_back(static_cast<std::ptrdiff_t>(row_at[static_cast<std::size_t>(k)]), it.col(), it.value());
  tables::SparseMatrix Z(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  Z.setFromTriplets(trip.begin(), trip.end());
  return Z;
}

std::string join_unique(const std::vector<std::string>& v, std::size_t max_items = 6) {
  std::vector<std::string> u;
  for (const auto& s : v)
    if (!s.empty() && std::find(u.begin(), u.end(), s) == u.end()) u.push_back(s);
  std::string out;
  for (std::size_t i = 0; i < u.size() && i < max_items; ++i) out += (i ? ", " : "") + u[i];
  if (u.size() > max_items) out += ", ... (" + std::to_string(u.size()) + " units)";
  return out;
}

/// Units by label: unit files have the label columns and one value column holding the unit,
/// which is text, so they are read as lines, not through the number parser.
std::map<std::string, std::string> read_unit_file(const FileTree& tree, const FileSpec& s) {
  auto in = tree.open(s.rel);
  std::string_view line;
  std::vector<std::string_view> f;
  std::map<std::string, std::string> out;
  for (std::size_t h = 0; h < s.header_rows && in->next(line); ++h) {
  }
  while (in->next(line)) {
    world2::split_fields(line, '\t', f);
    if (f.size() == 1 && world2::trim_field(f[0]).empty()) continue;
    if (f.size() < s.index_cols + 1)
      throw InputError(tree.where(s.rel) + ":" + std::to_string(in->line_number()) + ": " + std::to_string(f.size()) +
                       " cells; a unit row has " + std::to_string(s.index_cols) + " label(s) and the unit");
    std::string key;
    for (std::size_t k = 0; k < s.index_cols; ++k) key += (k ? "/" : "") + std::string(world2::trim_field(f[k]));
    out[key] = std::string(world2::trim_field(f[s.index_cols]));
  }
  return out;
}

struct Extension {
  tables::Satellite sat;
  bool from_S = false;
};

Extension read_extension(const FileTree& tree, const std::string& params_rel, const Json& ep, const Grid& g,
                         const tables::IoTable& t) {
  const std::string dir = dir_of(params_rel);
  Extension e;
  std::string folder = dir.substr(0, dir.size() - 1);
  folder = folder.substr(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
  e.sat.name = ep.str("name", folder);
  auto fs_ = file_spec(tree, ep, dir, "F", 1, 2, params_rel);
  if (!fs_) {
    fs_ = file_spec(tree, ep, dir, "S", 1, 2, params_rel);
    e.from_S = true;
  }
  if (!fs_) throw InputError(tree.where(params_rel) + ": extension '" + e.sat.name + "' lists neither F nor S");
  const DenseRead F = read_dense(tree, *fs_, "F of " + e.sat.name);
  const auto cols = sector_columns(F.col_keys, g, F.file, "F of " + e.sat.name);
  const auto k = F.values.rows();
  e.sat.F = tables::Matrix::Zero(k, static_cast<Eigen::Index>(g.size()));
  for (std::size_t c = 0; c < cols.size(); ++c) {
    e.sat.F.col(static_cast<Eigen::Index>(cols[c])) = F.values.col(static_cast<Eigen::Index>(c));
    if (e.from_S) e.sat.F.col(static_cast<Eigen::Index>(cols[c])) *= t.x(static_cast<Eigen::Index>(cols[c]));
  }
  std::set<std::string> names;
  for (std::size_t r = 0; r < F.row_keys.size(); ++r) {
    std::string name;
    for (std::size_t j = 0; j < F.row_keys[r].size(); ++j) name += (j ? "/" : "") + F.row_keys[r][j];
    if (!names.insert(name).second)
      throw InputError(F.row_where[r] + ": stressor '" + name + "' of extension '" + e.sat.name + "' appears twice");
    e.sat.stressors.push_back(name);
  }
  e.sat.units.assign(e.sat.stressors.size(), "");
  // F_Y: pymrio's name; EXIOBASE 3.4-3.7 shipped it as F_hh (pymrio renames it).
  auto fys = file_spec(tree, ep, dir, "F_Y", fs_->index_cols, fs_->header_rows, params_rel);
  if (!fys) fys = file_spec(tree, ep, dir, "F_hh", fs_->index_cols, fs_->header_rows, params_rel);
  if (fys) {
    const DenseRead FY = read_dense(tree, *fys, "F_Y of " + e.sat.name);
    if (FY.row_keys.size() != F.row_keys.size())
      throw InputError(FY.file + ": F_Y of '" + e.sat.name + "' has " + std::to_string(FY.row_keys.size()) +
                       " rows, F has " + std::to_string(F.row_keys.size()) + " (one per stressor)");
    for (std::size_t r = 0; r < FY.row_keys.size(); ++r)
      if (FY.row_keys[r] != F.row_keys[r])
        throw InputError(FY.row_where[r] + ": F_Y row '" + FY.row_keys[r][0] + "' differs from F row " +
                         std::to_string(r + 1) + " '" + F.row_keys[r][0] + "' (F and F_Y list the same stressors)");
    const auto fcols = fd_columns(FY.col_keys, g, t.labels.fd_categories, FY.file, "F_Y of " + e.sat.name);
    e.sat.F_Y = tables::Matrix::Zero(k, static_cast<Eigen::Index>(fcols.size()));
    for (std::size_t c = 0; c < fcols.size(); ++c)
      e.sat.F_Y.col(static_cast<Eigen::Index>(fcols[c])) = FY.values.col(static_cast<Eigen::Index>(c));
  }
  if (const auto us = file_spec(tree, ep, dir, "unit", fs_->index_cols, 1, params_rel)) {
    const auto units = read_unit_file(tree, *us);
    for (std::size_t i = 0; i < e.sat.stressors.size(); ++i) {
      const auto it = units.find(e.sat.stressors[i]);
      if (it != units.end()) e.sat.units[i] = it->second;
    }
  }
  return e;
}

/// "IOT_2022_pxp" in a path: the year and the system.
void year_and_system_from_path(const std::string& path, std::string& year, std::string& system) {
  std::smatch m;
  static const std::regex re("IOT_(\\d{4})_(pxp|ixi)");
  if (std::regex_search(path, m, re)) {
    if (year.empty()) year = m[1];
    if (system.empty()) system = m[2];
  }
}

}  // namespace

ExiobaseImport import_exiobase(const std::string& path, const std::string& year) {
  const FileTree tree(path);
  // The system's parameters: the shallowest file_parameters.json with systemtype IOSystem.
  std::string core;
  std::vector<std::string> extensions;
  for (const auto& f : tree.files()) {
    if (f != "file_parameters.json" && (f.size() < 21 || f.compare(f.size() - 21, 21, "/file_parameters.json") != 0))
      continue;
    const Json p = read_params(tree, f);
    const std::string type = p.str("systemtype");
    if (type == "IOSystem") {
      if (core.empty() || std::count(f.begin(), f.end(), '/') < std::count(core.begin(), core.end(), '/')) core = f;
    } else if (type == "Extension") {
      extensions.push_back(f);
    }
  }
  if (core.empty())
    throw InputError(path + ": not an EXIOBASE 3 release: no file_parameters.json with \"systemtype\": \"IOSystem\" " +
                     "(expected IOT_<year>_<pxp|ixi>.zip or its extracted folder, as published on Zenodo)");
  const std::string dir = dir_of(core);
  const Json params = read_params(tree, core);
  ExiobaseImport out;
  tables::IoTable& t = out.table;
  auto& notes = out.notes;

  const auto ys = file_spec(tree, params, dir, "Y", 2, 2, core);
  if (!ys) throw InputError(tree.where(core) + ": no Y (final demand) listed under \"files\"");
  Grid g;
  read_final_demand(tree, *ys, g, t);

  const auto xs = file_spec(tree, params, dir, "x", 2, 1, core);
  if (xs) t.x = read_output(tree, *xs, g);
  const auto zs = file_spec(tree, params, dir, "Z", 2, 2, core);
  const auto as = file_spec(tree, params, dir, "A", 2, 2, core);
  std::string z_note;
  if (zs) {
    t.Z = read_flows(tree, *zs, g, nullptr, "Z");
    z_note = "Z as read from " + tree.where(zs->rel);
  } else if (as && xs) {
    t.Z = read_flows(tree, *as, g, &t.x, "A");
    z_note = "Z = A x̂ (methods.md §0.1) from " + tree.where(as->rel) + " and " + tree.where(xs->rel) +
             ": the release ships coefficients, not flows";
  } else {
    throw InputError(tree.where(core) + ": lists neither Z nor A with x under \"files\"; an EXIOBASE 3 system needs " +
                     "Z.txt, or A.txt and x.txt, beside Y.txt");
  }
  if (t.x.size() == 0) z_note += "; no x.txt: gross output is Z 1 + Y 1";

  std::string unit;
  if (const auto us = file_spec(tree, params, dir, "unit", 2, 1, core)) {
    std::vector<std::string> units;
    for (const auto& [k, u] : read_unit_file(tree, *us)) units.push_back(u);
    unit = join_unique(units);
    t.meta.unit = unit;
  }

  // Extensions below the system's folder, in path order.
  std::sort(extensions.begin(), extensions.end());
  std::vector<std::string> sat_notes;
  for (const auto& e : extensions) {
    if (e.compare(0, dir.size(), dir) != 0) continue;
    Extension ex = read_extension(tree, e, read_params(tree, e), g, t);
    std::string s = "satellite '" + ex.sat.name + "': " + std::to_string(ex.sat.stressors.size()) +
                    (ex.sat.stressors.size() == 1 ? " stressor (" : " stressors (") + join_unique(ex.sat.units, 4) +
                    ")" + (ex.sat.F_Y.cols() > 0 ? ", with F_Y" : ", no F_Y") + (ex.from_S ? ", F = S x̂ from S" : "");
    sat_notes.push_back(s);
    t.satellites.push_back(std::move(ex.sat));
  }

  // V: the factor-input rows of the first extension that holds them.
  std::string v_note = "no factor-input rows found in any extension: V is empty (value added = x' - 1'Z)";
  for (const auto& s : t.satellites) {
    std::vector<Eigen::Index> rows;
    for (const auto& name : kFactorInputs) {
      const int k = tables::Labels::find(s.stressors, name);
      if (k >= 0) {
        rows.push_back(k);
        t.va_components.push_back(name);
      }
    }
    if (rows.empty()) continue;
    t.V.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(t.n()));
    for (std::size_t i = 0; i < rows.size(); ++i) t.V.row(static_cast<Eigen::Index>(i)) = s.F.row(rows[i]);
    std::vector<std::string> vu;
    for (auto r : rows) vu.push_back(s.units[static_cast<std::size_t>(r)]);
    v_note = "V = the " + std::to_string(rows.size()) + " factor-input rows of satellite '" + s.name + "' (" +
             join_unique(vu) + "): ";
    for (std::size_t i = 0; i < t.va_components.size(); ++i) v_note += (i ? "; " : "") + t.va_components[i];
    v_note += ". The satellite keeps them too; what final users pay (its F_Y) is not in V";
    break;
  }
  if (t.V.rows() == 0) t.V.resize(0, static_cast<Eigen::Index>(t.n()));

  std::string system, y = year;
  const Json meta = tree.has(dir + "metadata.json") ? read_params(tree, dir + "metadata.json") : Json{};
  system = meta.str("system");
  year_and_system_from_path(path, y, system);
  if (system.empty()) system = g.sectors.size() == 200 ? "pxp" : g.sectors.size() == 163 ? "ixi" : "";
  const std::string version = meta.str("version", params.str("version"));
  t.meta.name = "EXIOBASE 3" + (system.empty() ? "" : " " + system);
  t.meta.year = y;
  t.meta.price_basis = "basic prices";
  t.meta.source = "EXIOBASE 3" + (version.empty() ? "" : " (version " + version + ")") +
                  ", Stadler et al. (2018), J. Ind. Ecol. 22(3), 502-515; read from " + path;
  t.meta.history.push_back("import exiobase: " + path);

  const std::string kind = system == "ixi" ? "industries" : system == "pxp" ? "products" : "sectors";
  notes.push_back("EXIOBASE 3" + (system.empty() ? "" : " " + system) + (version.empty() ? "" : " " + version) + ": " +
                  std::to_string(g.regions.size()) + " regions x " + std::to_string(g.sectors.size()) + " " + kind +
                  " (n = " + std::to_string(g.size()) + "), each region its own country");
  if (g.renamed)
    notes.push_back(
        "three-letter region codes (AUS, AUT, ..., WWM: a mix-up of some 3.4 ixi files) read as "
        "EXIOBASE's two-letter codes (AU, AT, ..., WM)");
  notes.push_back(z_note);
  notes.push_back(v_note);
  std::string fd = "final demand: " + std::to_string(t.labels.fd_categories.size()) + " categories per region: ";
  for (std::size_t k = 0; k < t.labels.fd_categories.size(); ++k) fd += (k ? "; " : "") + t.labels.fd_categories[k];
  notes.push_back(fd);
  notes.push_back("monetary unit: " + (unit.empty() ? std::string("not given (no unit.txt)") : unit));
  if (sat_notes.empty()) notes.push_back("no extension folders: no satellites");
  for (auto& s : sat_notes) notes.push_back(std::move(s));
  t.validate_shapes(path);
  return out;
}

}  // namespace irio::io
