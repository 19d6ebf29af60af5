// SPDX-License-Identifier: MIT
// Labelled wide CSV import/export of a whole table, and the region->country map reader.
#include "irio/io/import_csv.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

#include "irio/io/csv_reader.h"
#include "irio/io/internal/csv_writer.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/internal/table_assembly.h"
#include "irio/io/internal/trade_csv.h"
#include "irio/io/internal/wide_matrix.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {

using namespace internal;
using tables::Matrix;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Layout of a satellite CSV: its leading index columns are those before the first column whose
/// first header cell is a region of the table; an index column headed "unit" (in any of the first
/// three rows) holds units, the others are joined by '/' into the stressor name.
struct SatelliteLayout {
  std::size_t index_cols = 1;
  std::vector<std::size_t> name_cols;
  std::optional<std::size_t> unit_col;
};

SatelliteLayout satellite_layout(const std::string& path, const tables::Labels& labels, const CsvOptions& csv) {
  const CsvFile f = read_csv(path, csv);
  if (f.rows.empty()) throw InputError(path + ": empty satellite file");
  SatelliteLayout s;
  const auto& head = f.rows[0].fields;
  std::size_t c = 0;
  while (c < head.size() && tables::Labels::find(labels.regions, head[c]) < 0) ++c;
  if (c == 0 || c == head.size())
    throw InputError(path + ":" + std::to_string(f.rows[0].line) +
                     ": expected index columns (stressor[, unit]) followed by columns headed by the regions of Z");
  s.index_cols = c;
  for (std::size_t k = 0; k < c; ++k) {
    bool unit = false;
    for (std::size_t r = 0; r < f.rows.size() && r < 3; ++r)
      unit = unit || (k < f.rows[r].fields.size() && lower(f.rows[r].fields[k]) == "unit");
    if (unit && !s.unit_col) s.unit_col = k;
    else s.name_cols.push_back(k);
  }
  if (s.name_cols.empty()) throw InputError(path + ": no stressor column before the data columns");
  return s;
}

void read_x(const std::string& path, tables::IoTable& t, const CsvOptions& csv) {
  const CsvFile f = read_csv(path, csv);
  if (f.rows.empty()) throw InputError(path + ": empty file, expected rows region,sector,x");
  std::size_t first = 0;  // optional header: a first row whose third cell is not a number
  try {
    (void)f.number(0, 2);
  } catch (const InputError&) {
    first = 1;
  }
  f.require_width(3, first);
  const std::size_t n = t.n();
  t.x = tables::Vector::Constant(static_cast<Eigen::Index>(n), std::numeric_limits<double>::quiet_NaN());
  std::vector<std::size_t> line_of(n, 0);
  for (std::size_t r = first; r < f.rows.size(); ++r) {
    const auto& reg = f.cell(r, 0);
    const auto& sec = f.cell(r, 1);
    const int ri = tables::Labels::find(t.labels.regions, reg);
    const int si = tables::Labels::find(t.labels.sectors, sec);
    if (ri < 0 || si < 0)
      throw InputError(f.where(r, ri < 0 ? 0 : 1) + ": " + (ri < 0 ? "region '" + reg : "sector '" + sec) +
                       "' of x is not a " + (ri < 0 ? "region" : "sector") + " of Z");
    const auto i = t.labels.index(static_cast<std::size_t>(ri), static_cast<std::size_t>(si));
    if (line_of[i] != 0)
      throw InputError(f.where(r, 0) + ": duplicate x entry for " + t.labels.describe(i) + " (also line " +
                       std::to_string(line_of[i]) + ")");
    line_of[i] = f.rows[r].line;
    const double v = f.number(r, 2, "x");
    if (v < 0)
      throw InputError(f.where(r, 2) + ": negative gross output " + f.cell(r, 2) + " in x for " + t.labels.describe(i));
    t.x(static_cast<Eigen::Index>(i)) = v;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (line_of[i] == 0) throw InputError(path + ": x has no entry for " + t.labels.describe(i));
}

}  // namespace

namespace {
tables::IoTable import_csv_impl(const CsvImportOptions& opt);
}  // namespace

std::string CsvImportOptions::validate() const {
  if (Z.empty()) return "the Z file is required";
  if (Y.empty()) return "the Y file is required";
  for (const auto& [name, file] : satellites)
    if (name.empty() || file.empty()) return "a satellite needs a name and a file";
  if (decimal != '.' && decimal != ',') return "the decimal separator must be '.' or ','";
  return {};
}

tables::IoTable import_csv(const CsvImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("import csv: " + e);
  return guard_memory(opt.Z, [&] { return import_csv_impl(opt); });
}

namespace {

tables::IoTable import_csv_impl(const CsvImportOptions& opt) {
  if (opt.Z.empty()) throw InputError("import csv: the Z file is required");
  if (opt.Y.empty()) throw InputError("import csv: the Y file is required");
  CsvOptions csv;
  csv.decimal = opt.decimal;
  const WideMatrix Zw = read_wide(opt.Z, 2, 2, "Z", csv);
  const WideMatrix Yw = read_wide(opt.Y, 2, 2, "Y", csv);
  tables::IoTable t = assemble_core(Zw, Yw);
  t.meta = opt.meta;
  if (!opt.V.empty()) {
    const WideMatrix Vw = read_wide(opt.V, 1, 2, "V", csv);
    t.V = align_sector_columns(Vw, t, "V");
    t.va_components = row_labels(Vw, "value-added component");
  }
  if (!opt.x.empty()) read_x(opt.x, t, csv);
  if (!opt.exports.empty()) read_exports_csv(opt.exports, t, csv);
  if (!opt.imports.empty()) read_imports_csv(opt.imports, t, csv);
  for (const auto& [name, path] : opt.satellites) {
    if (t.satellite(name) != nullptr)
      throw InputError("--satellite: satellite '" + name + "' given twice (the second from '" + path +
                       "'): give each satellite once, as name=file.csv");
    const SatelliteLayout lay = satellite_layout(path, t.labels, csv);
    const WideMatrix Fw = read_wide(path, lay.index_cols, 2, "satellite '" + name + "'", csv);
    t.satellites.push_back(make_satellite(name, Fw, nullptr, lay.name_cols, lay.unit_col, t));
  }
  if (!opt.countries.empty()) {
    read_country_map(opt.countries, t.labels);
  } else if ((t.exports.size() > 0 || t.imports.size() > 0) && t.labels.num_regions() > 1) {
    // Exports and imports columns mean an exogenous rest of the world: the regions are the
    // provinces of one country (docs/formats.md), not countries of a world table.
    t.labels.countries = {kOneCountryName};
    t.labels.country_of_region.assign(t.labels.num_regions(), 0);
    t.meta.history.push_back("import csv: no country map and exports/imports given: the " +
                             std::to_string(t.labels.num_regions()) + " regions form one country '" + kOneCountryName +
                             "'");
  }
  if (!opt.sector_names.empty())
    t.labels.sector_names = read_display_names(opt.sector_names, t.labels.sectors, "sector");
  if (!opt.region_names.empty())
    t.labels.region_names = read_display_names(opt.region_names, t.labels.regions, "region");
  t.meta.history.push_back("import csv: Z=" + opt.Z + " Y=" + opt.Y + (opt.V.empty() ? "" : " V=" + opt.V) +
                           (opt.x.empty() ? "" : " x=" + opt.x) +
                           (opt.exports.empty() ? "" : " exports=" + opt.exports) +
                           (opt.imports.empty() ? "" : " imports=" + opt.imports));
  t.validate_shapes(opt.Z);
  return t;
}

}  // namespace

void read_country_map(const std::string& path, tables::Labels& labels) {
  const CsvFile f = read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": empty country map, expected rows region,country");
  const std::size_t first = lower(f.cell(0, 0)) == "region" && lower(f.cell(0, 1)) == "country" ? 1 : 0;
  f.require_width(2, first);
  std::vector<std::string> countries;
  std::vector<int> kappa(labels.num_regions(), -1);
  std::vector<std::size_t> line_of(labels.num_regions(), 0);
  for (std::size_t r = first; r < f.rows.size(); ++r) {
    const auto& reg = f.cell(r, 0);
    const auto& cty = f.cell(r, 1);
    const int ri = tables::Labels::find(labels.regions, reg);
    if (ri < 0)
      throw InputError(f.where(r, 0) + ": region '" + reg + "' of the country map is not a region of the table");
    if (cty.empty()) throw InputError(f.where(r, 1) + ": empty country for region '" + reg + "'");
    const auto ru = static_cast<std::size_t>(ri);
    if (line_of[ru] != 0)
      throw InputError(f.where(r, 0) + ": region '" + reg + "' is mapped twice (also line " +
                       std::to_string(line_of[ru]) + ")");
    line_of[ru] = f.rows[r].line;
    int c = tables::Labels::find(countries, cty);
    if (c < 0) {
      countries.push_back(cty);
      c = static_cast<int>(countries.size()) - 1;
    }
    kappa[ru] = c;
  }
  for (std::size_t r = 0; r < kappa.size(); ++r)
    if (kappa[r] < 0) throw InputError(path + ": region '" + labels.regions[r] + "' has no country in the map");
  labels.countries = std::move(countries);
  labels.country_of_region = std::move(kappa);
}

std::vector<std::string> read_display_names(const std::string& path, const std::vector<std::string>& codes,
                                            const std::string& what) {
  const CsvFile f = read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": no " + what + " names, expected rows code,name");
  const std::size_t first = lower(f.cell(0, 0)) == "code" && lower(f.cell(0, 1)) == "name" ? 1 : 0;
  f.require_width(2, first);
  std::vector<std::string> names(codes.size());
  std::vector<std::size_t> line_of(codes.size(), 0);
  for (std::size_t r = first; r < f.rows.size(); ++r) {
    const auto& code = f.cell(r, 0);
    const int k = tables::Labels::find(codes, code);
    if (k < 0)
      throw InputError(f.where(r, 0) + ": " + what + " '" + code + "' is not a " + what +
                       " of the table (nearest: " + tables::Labels::nearest(codes, code) + ")");
    const auto ku = static_cast<std::size_t>(k);
    if (line_of[ku] != 0)
      throw InputError(f.where(r, 0) + ": " + what + " '" + code + "' is named twice (also line " +
                       std::to_string(line_of[ku]) + ")");
    line_of[ku] = f.rows[r].line;
    names[ku] = f.cell(r, 1);
  }
  return names;
}

std::vector<std::string> export_csv(const tables::IoTable& t, const std::string& dir, const WriteOptions& opt) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (fs::exists(dir, ec)) throw OutputError("export csv: '" + dir + "' exists and is not a folder");
    fs::create_directories(dir, ec);
    if (ec) throw OutputError("export csv: cannot create the folder '" + dir + "': " + ec.message());
  }
  const auto& labels = t.labels;
  const std::size_t n = labels.size();
  std::vector<std::string> written;
  auto path = [&](const std::string& f) { return (fs::path(dir) / f).string(); };
  const Matrix Zd(t.Z);
  {
    CsvOut o(path("Z.csv"), opt);
    write_sector_headers(o, labels, 2, false, {"region", "sector"}, "sector");
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::string> row{labels.region_of(i), labels.sector_of(i)};
      for (std::size_t j = 0; j < n; ++j)
        row.push_back(format_exact(Zd(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))));
      o.row(row);
    }
    o.commit();
    written.push_back(path("Z.csv"));
  }
  {
    CsvOut o(path("Y.csv"), opt);
    std::vector<std::string> r1{"region", ""}, r2{"category", ""}, r3{"region", "sector"};
    for (const auto& r : labels.regions)
      for (const auto& k : labels.fd_categories) {
        r1.push_back(r);
        r2.push_back(k);
        r3.emplace_back();
      }
    o.row(r1);
    o.row(r2);
    o.row(r3);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::string> row{labels.region_of(i), labels.sector_of(i)};
      for (Eigen::Index j = 0; j < t.Y.cols(); ++j) row.push_back(format_exact(t.Y(static_cast<Eigen::Index>(i), j)));
      o.row(row);
    }
    o.commit();
    written.push_back(path("Y.csv"));
  }
  if (t.V.rows() > 0) {
    CsvOut o(path("V.csv"), opt);
    write_sector_headers(o, labels, 1, false, {"component"}, "sector");
    for (Eigen::Index k = 0; k < t.V.rows(); ++k) {
      std::vector<std::string> row{t.va_components[static_cast<std::size_t>(k)]};
      for (Eigen::Index j = 0; j < t.V.cols(); ++j) row.push_back(format_exact(t.V(k, j)));
      o.row(row);
    }
    o.commit();
    written.push_back(path("V.csv"));
  }
  if (t.x.size() > 0) {
    CsvOut o(path("x.csv"), opt);
    o.row({"region", "sector", "x"});
    for (std::size_t i = 0; i < n; ++i)
      o.row({labels.region_of(i), labels.sector_of(i), format_exact(t.x(static_cast<Eigen::Index>(i)))});
    o.commit();
    written.push_back(path("x.csv"));
  }
  if (t.exports.cols() > 0) {
    write_exports_csv(t, path("exports.csv"), opt);
    written.push_back(path("exports.csv"));
  }
  if (t.imports.rows() > 0) {
    write_imports_csv(t, path("imports.csv"), opt);
    written.push_back(path("imports.csv"));
  }
  {
    CsvOut o(path("countries.csv"), opt);
    o.row({"region", "country"});
    for (std::size_t r = 0; r < labels.num_regions(); ++r)
      o.row({labels.regions[r], labels.countries[static_cast<std::size_t>(labels.country_of_region[r])]});
    o.commit();
    written.push_back(path("countries.csv"));
  }
  // Display names as code,name files: `irio import csv --sector-names/--region-names` reads them.
  const std::pair<const char*, const std::vector<std::string>*> name_files[] = {{"sector_names.csv", &labels.sectors},
                                                                                {"region_names.csv", &labels.regions}};
  for (const auto& [file, codes] : name_files) {
    const bool sectors = codes == &labels.sectors;
    if (sectors ? !labels.has_sector_names() : !labels.has_region_names()) continue;
    CsvOut o(path(file), opt);
    o.row({"code", "name"});
    for (std::size_t k = 0; k < codes->size(); ++k)
      o.row({(*codes)[k], sectors ? labels.sector_name(k) : labels.region_name(k)});
    o.commit();
    written.push_back(path(file));
  }
  for (const auto& s : t.satellites) {
    const std::string f = path("satellite_" + s.name + ".csv");
    CsvOut o(f, opt);
    write_sector_headers(o, labels, 2, s.F_Y.cols() > 0, {"stressor", "unit"}, "sector");
    for (Eigen::Index k = 0; k < s.F.rows(); ++k) {
      const auto ku = static_cast<std::size_t>(k);
      std::vector<std::string> row{s.stressors[ku], s.units[ku]};
      for (Eigen::Index j = 0; j < s.F.cols(); ++j) row.push_back(format_exact(s.F(k, j)));
      for (Eigen::Index j = 0; j < s.F_Y.cols(); ++j) row.push_back(format_exact(s.F_Y(k, j)));
      o.row(row);
    }
    o.commit();
    written.push_back(f);
  }
  return written;
}

}  // namespace irio::io
