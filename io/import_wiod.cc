// SPDX-License-Identifier: MIT
// WIOD 2013-release import (Timmer et al. 2015), value added as the column residual.
#include "irio/io/import_wiod.h"

#include <algorithm>
#include <filesystem>

#include "irio/io/csv_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/tables/error.h"

namespace fs = std::filesystem;

namespace irio::io {

namespace {

/// First column of a code list with a header row (countries.csv, sectors.csv, final_demand.csv);
/// the `name` column, where there is one, into `names` (display names, empty if none).
std::vector<std::string> read_codes(const std::string& path, std::vector<std::string>& names,
                                    std::vector<std::string>* group = nullptr) {
  const CsvFile f = read_csv(path);
  if (f.rows.size() < 2) throw InputError(path + ": expected a header row and at least one code");
  const auto& head = f.rows[0].fields;
  std::size_t gcol = head.size();
  for (std::size_t c = 0; c < head.size(); ++c)
    if (head[c] == "group") gcol = c;
  std::size_t ncol = head.size();
  for (std::size_t c = 1; c < head.size(); ++c)
    if (head[c] == "name") ncol = c;
  names.clear();
  std::vector<std::string> codes;
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const std::string& code = f.cell(r, 0);
    if (code.empty()) throw InputError(f.where(r, 0) + ": empty code");
    if (tables::Labels::find(codes, code) >= 0) throw InputError(f.where(r, 0) + ": duplicate code '" + code + "'");
    codes.push_back(code);
    if (group != nullptr) group->push_back(gcol < f.rows[r].fields.size() ? f.rows[r].fields[gcol] : "");
    if (ncol < head.size()) names.push_back(ncol < f.rows[r].fields.size() ? f.rows[r].fields[ncol] : "");
  }
  return codes;
}

/// Split "CCC_code" at the last '_'.
bool split_label(const std::string& s, std::string& region, std::string& code) {
  const auto p = s.rfind('_');
  if (p == std::string::npos || p == 0 || p + 1 == s.size()) return false;
  region = s.substr(0, p);
  code = s.substr(p + 1);
  return true;
}

/// Index of a "REGION_CODE" label in a region-major (region, code) list, or throw naming `where`.
std::size_t locate(const std::string& label, const std::vector<std::string>& regions,
                   const std::vector<std::string>& codes, const std::string& where, const std::string& what) {
  std::string r, c;
  if (!split_label(label, r, c)) throw InputError(where + ": label '" + label + "' is not of the form REGION_" + what);
  const int ri = tables::Labels::find(regions, r);
  if (ri < 0) throw InputError(where + ": region '" + r + "' of label '" + label + "' is not in countries.csv");
  const int ci = tables::Labels::find(codes, c);
  if (ci < 0) throw InputError(where + ": " + what + " '" + c + "' of label '" + label + "' is unknown");
  return static_cast<std::size_t>(ri) * codes.size() + static_cast<std::size_t>(ci);
}

/// A square-or-rectangular labelled matrix: first row = column labels, first column = row labels.
tables::Matrix read_labelled(const std::string& path, const std::vector<std::string>& regions,
                             const std::vector<std::string>& row_codes, const std::vector<std::string>& col_codes,
                             const std::string& col_what) {
  const CsvFile f = read_csv(path);
  if (f.rows.empty()) throw InputError(path + ": empty file");
  const std::size_t width = f.rows[0].fields.size();
  f.require_width(width);
  const std::size_t n = regions.size() * row_codes.size(), m = regions.size() * col_codes.size();
  if (f.rows.size() - 1 != n || width - 1 != m)
    throw InputError(path + ": " + std::to_string(f.rows.size() - 1) + " x " + std::to_string(width - 1) +
                     " data cells, expected " + std::to_string(n) + " x " + std::to_string(m));
  std::vector<std::size_t> col_to(m);
  std::vector<bool> seen_c(m, false), seen_r(n, false);
  for (std::size_t c = 1; c < width; ++c) {
    const std::size_t j = locate(f.cell(0, c), regions, col_codes, f.where(0, c), col_what);
    if (seen_c[j]) throw InputError(f.where(0, c) + ": duplicate column label '" + f.cell(0, c) + "'");
    seen_c[j] = true;
    col_to[c - 1] = j;
  }
  tables::Matrix M(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(m));
  for (std::size_t r = 1; r < f.rows.size(); ++r) {
    const std::size_t i = locate(f.cell(r, 0), regions, row_codes, f.where(r, 0), "sector");
    if (seen_r[i]) throw InputError(f.where(r, 0) + ": duplicate row label '" + f.cell(r, 0) + "'");
    seen_r[i] = true;
    for (std::size_t c = 1; c < width; ++c)
      M(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(col_to[c - 1])) = f.number(r, c);
  }
  return M;
}

}  // namespace

namespace {
tables::IoTable import_wiod_impl(const std::string& dir_name, const WiodImportOptions& opt);
}  // namespace

std::string WiodImportOptions::validate() const {
  const bool four_digits = year.size() == 4 &&
                           std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
  return four_digits ? "" : "year must be four digits, got '" + year + "'";
}

tables::IoTable import_wiod(const std::string& dir_name, const WiodImportOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("WIOD folder '" + dir_name + "': " + e);
  return internal::guard_memory(dir_name, [&] { return import_wiod_impl(dir_name, opt); });
}

namespace {

tables::IoTable import_wiod_impl(const std::string& dir_name, const WiodImportOptions& opt) {
  const fs::path dir(dir_name);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError("WIOD folder '" + dir_name + "' does not exist");
  auto file = [&](const std::string& f) { return (dir / f).string(); };
  const std::string zf = file("wiot_" + opt.year + "_Z.csv.gz");
  if (!fs::exists(zf)) {
    // List the years that are there (files wiot_YYYY_Z.csv.gz), so that a typo is obvious.
    std::vector<std::string> years;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string f = e.path().filename().string();
      const std::string head = "wiot_", tail = "_Z.csv.gz";
      if (f.size() > head.size() + tail.size() && f.compare(0, head.size(), head) == 0 &&
          f.compare(f.size() - tail.size(), tail.size(), tail) == 0)
        years.push_back(f.substr(head.size(), f.size() - head.size() - tail.size()));
    }
    std::sort(years.begin(), years.end());
    std::string list;
    for (const auto& y : years) list += (list.empty() ? "" : ", ") + y;
    throw InputError(
        "WIOD folder '" + dir_name + "' has no table for year '" + opt.year + "' (" + zf + "); " +
        (years.empty() ? std::string("it holds no wiot_YYYY_Z.csv.gz file at all") : "years available: " + list));
  }

  tables::IoTable t;
  std::vector<std::string> group;
  auto& labels = t.labels;
  labels.regions = read_codes(file("countries.csv"), labels.region_names, &group);
  labels.sectors = read_codes(file("sectors.csv"), labels.sector_names);
  labels.fd_categories = read_codes(file("final_demand.csv"), labels.fd_category_names);
  labels.set_each_region_own_country();

  // methods.md §0.1: build the index map from the labels, never assume the file order.
  t.Z = read_labelled(zf, labels.regions, labels.sectors, labels.sectors, "sector").sparseView(0.0, 0.0);
  t.Y = read_labelled(file("wiot_" + opt.year + "_F.csv.gz"), labels.regions, labels.sectors, labels.fd_categories,
                      "final-demand category");

  const std::string xf = file("wiot_" + opt.year + "_x.csv");
  const CsvFile xs = read_csv(xf);
  xs.require_width(2, 1);
  const std::size_t n = labels.size();
  if (xs.rows.size() - 1 != n)
    throw InputError(xf + ": " + std::to_string(xs.rows.size() - 1) + " rows, expected " + std::to_string(n));
  t.x.resize(static_cast<Eigen::Index>(n));
  std::vector<bool> seen(n, false);
  for (std::size_t r = 1; r < xs.rows.size(); ++r) {
    const std::size_t i = locate(xs.cell(r, 0), labels.regions, labels.sectors, xs.where(r, 0), "sector");
    if (seen[i]) throw InputError(xs.where(r, 0) + ": duplicate label '" + xs.cell(r, 0) + "'");
    seen[i] = true;
    t.x(static_cast<Eigen::Index>(i)) = xs.number(r, 1, "x");
  }

  // Value added = column residual x' - 1'Z (methods.md §0.2): WIOD 2013 data here carry no VA rows.
  t.va_components = {"value_added_residual"};
  t.V = (t.x - (tables::Vector::Ones(static_cast<Eigen::Index>(n)).transpose() * t.Z).transpose()).transpose();

  if (!opt.countries.empty()) {
    read_country_map(opt.countries, labels);
  } else if (opt.group_eu) {
    labels.countries.clear();
    labels.country_of_region.clear();
    for (std::size_t r = 0; r < labels.num_regions(); ++r) {
      const std::string c = group[r] == "EU27" ? "EU27" : labels.regions[r];
      int k = tables::Labels::find(labels.countries, c);
      if (k < 0) {
        labels.countries.push_back(c);
        k = static_cast<int>(labels.countries.size()) - 1;
      }
      labels.country_of_region.push_back(k);
    }
  }

  t.meta.name = "WIOD world input-output table " + opt.year + " (2013 release)";
  t.meta.year = opt.year;
  t.meta.unit = "USD million";
  t.meta.price_basis = "basic prices, current prices";
  t.meta.source =
      "Timmer, Dietzenbacher, Los, Stehrer and de Vries (2015), An illustrated user guide to the World "
      "Input-Output Database: the case of global automotive production, Review of International Economics "
      "23(3): 575-605; data via the R package wiod (GPL-3)";
  t.meta.history.push_back("import wiod: " + dir_name + " year " + opt.year +
                           (opt.group_eu ? " (EU members grouped as country EU27)" : "") +
                           "; value added = column residual x' - 1'Z");
  t.validate_shapes(zf);
  return t;
}

}  // namespace

}  // namespace irio::io
