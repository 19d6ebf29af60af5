// SPDX-License-Identifier: MIT
// C++ results -> Python objects (see convert.h).
#include "convert.h"

#include "irio/analysis/verb.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "irio/analysis/display_names.h"
#include "irio/solver/ghosh.h"
#include "irio/tables/error.h"

namespace irio::python {
namespace {

using solver::Index;
using tables::Matrix;

py::list strings(const std::vector<std::string>& v) {
  py::list out;
  for (const auto& s : v) out.append(py::str(s));
  return out;
}

py::list region_sector_names(const tables::Labels& l, const std::vector<std::size_t>& idx) {
  py::list out;
  for (auto i : idx) out.append(py::str(l.describe(i)));
  return out;
}

std::string human_bytes(double b) {
  const char* unit[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (b >= 1024 && u < 4) {
    b /= 1024;
    ++u;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f %s", b, unit[u]);
  return buf;
}

/// A Fortran-ordered float64 array (Eigen's column-major layout) of rows x cols.
py::array_t<double, py::array::f_style> new_matrix(Index rows, Index cols) {
  return py::array_t<double, py::array::f_style>({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(cols)});
}

Eigen::Map<Matrix> view(py::array_t<double, py::array::f_style>& a) {
  return {a.mutable_data(), static_cast<Index>(a.shape(0)), static_cast<Index>(a.shape(1))};
}

py::array from_matrix(const Matrix& m) {
  auto out = new_matrix(m.rows(), m.cols());
  view(out) = m;
  return std::move(out);
}

py::array from_vector(const tables::Vector& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.data(), v.data() + v.size(), out.mutable_data());
  return std::move(out);
}

}  // namespace

py::dict tidy_to_dict(const tables::TidyTable& t) {
  py::dict d;
  d["name"] = t.name();
  d["key_columns"] = strings(t.key_columns());
  d["value_column"] = t.value_column();
  py::list codes, levels;
  const auto rows = static_cast<py::ssize_t>(t.num_rows());
  for (std::size_t c = 0; c < t.num_keys(); ++c) {
    py::array_t<std::int32_t> a(rows);
    if (rows > 0) std::memcpy(a.mutable_data(), t.codes(c).data(), t.num_rows() * sizeof(std::int32_t));
    codes.append(a);
    levels.append(strings(t.levels(c)));
  }
  d["codes"] = codes;
  d["levels"] = levels;
  py::array_t<double> values(rows);
  if (rows > 0) std::memcpy(values.mutable_data(), t.values().data(), t.num_rows() * sizeof(double));
  d["values"] = values;
  return d;
}

py::list tidy_list(const std::vector<tables::TidyTable>& tables) {
  py::list out;
  for (const auto& t : tables) out.append(tidy_to_dict(t));
  return out;
}

py::list tidy_list(std::vector<tables::TidyTable> tables, const tables::IoTable& table) {
  finish_results(tables, table);  // the CLI's finishing step: display names, then exit class 4 for inf
  return tidy_list(tables);
}

py::dict balance_to_dict(const tables::BalanceReport& r, const tables::Labels& labels) {
  py::dict d;
  d["status"] = tables::to_string(r.status);
  d["brief"] = r.brief();
  d["report"] = r.full_report(labels);
  py::list findings;
  for (const auto& f : r.findings) findings.append(py::make_tuple(tables::to_string(f.severity), f.check, f.message));
  d["findings"] = findings;
  d["max_row_abs"] = r.max_row_abs;
  d["max_row_rel"] = r.max_row_rel;
  d["max_col_abs"] = r.max_col_abs;
  d["max_col_rel"] = r.max_col_rel;
  d["weighted_row_rel"] = r.weighted_row_rel;
  const bool any = labels.size() > 0;
  d["worst_row"] = any ? labels.describe(r.worst_row) : std::string();
  d["worst_col"] = any ? labels.describe(r.worst_col) : std::string();
  d["zero_output"] = region_sector_names(labels, r.zero_output);
  d["negative_value_added"] = region_sector_names(labels, r.negative_value_added);
  d["column_sum_ge_one"] = region_sector_names(labels, r.column_sum_ge_one);
  d["negative_final_demand"] = r.negative_final_demand;
  return d;
}

py::dict table_description(const tables::IoTable& t) {
  const auto& l = t.labels;
  py::dict d;
  d["regions"] = strings(l.regions);
  d["sectors"] = strings(l.sectors);
  d["countries"] = strings(l.countries);
  py::list country_of_region;
  for (int c : l.country_of_region) country_of_region.append(py::str(l.countries[static_cast<std::size_t>(c)]));
  d["country_of_region"] = country_of_region;
  d["fd_categories"] = strings(l.fd_categories);
  d["va_components"] = strings(t.va_components);
  d["export_labels"] = strings(t.export_labels);
  d["import_labels"] = strings(t.import_labels);
  d["region_names"] = strings(l.region_names);  // display names; empty lists when none
  d["sector_names"] = strings(l.sector_names);
  d["fd_category_names"] = strings(l.fd_category_names);
  py::dict sats;
  for (const auto& s : t.satellites) {
    py::dict e;
    e["stressors"] = strings(s.stressors);
    e["units"] = strings(s.units);
    sats[py::str(s.name)] = e;
  }
  d["satellites"] = sats;
  py::dict meta;
  meta["name"] = t.meta.name;
  meta["year"] = t.meta.year;
  meta["unit"] = t.meta.unit;
  meta["price_basis"] = t.meta.price_basis;
  meta["source"] = t.meta.source;
  meta["history"] = strings(t.meta.history);
  d["meta"] = meta;
  return d;
}

const std::vector<std::string>& matrix_names() {
  static const std::vector<std::string> names = {"Z", "Y", "V", "x", "A", "L", "B", "G"};
  return names;
}

std::size_t matrix_bytes(const Analysis& a, const std::string& name) {
  const auto& t = a.table();
  const auto n = t.n();
  std::size_t cells = 0;
  if (name == "x") cells = n;
  else if (name == "Y") cells = n * t.num_fd_columns();
  else if (name == "V") cells = t.va_components.size() * n;
  else if (std::find(matrix_names().begin(), matrix_names().end(), name) != matrix_names().end()) cells = n * n;
  else
    throw InputError("unknown matrix '" + name + "' (expected " + [] {
      std::string s;
      for (const auto& m : matrix_names()) s += (s.empty() ? "" : ", ") + m;
      return s;
    }() + ")");
  return cells * sizeof(double);
}

py::array matrix(const Analysis& a, const std::string& name, std::size_t max_bytes, long block) {
  const std::size_t bytes = matrix_bytes(a, name);
  const auto& t = a.table();
  const auto n = static_cast<Index>(t.n());
  if (bytes > max_bytes)
    throw InputError(a.source() + ": matrix " + name + " (" + std::to_string(t.n()) + " region-sectors) would take " +
                     human_bytes(static_cast<double>(bytes)) + " (" + std::to_string(bytes) +
                     " bytes), more than max_bytes = " + std::to_string(max_bytes) + " (" +
                     human_bytes(static_cast<double>(max_bytes)) +
                     "); pass a larger max_bytes to form it, or use the indicators, which never form it");
  if (name == "x") return from_vector(t.output());
  if (name == "Y") return from_matrix(t.Y);
  if (name == "V") return from_matrix(t.V);
  if (name == "Z") return from_matrix(Matrix(t.Z));
  const auto& model = a.model();  // balance check first: BalanceError on a table with errors
  if (name == "A") return from_matrix(Matrix(model.A()));
  if (name == "B") return from_matrix(Matrix(solver::ghosh_allocation(model)));
  // L = (I - A)^{-1} and G = x^+ L x (methods.md §1.1, §1.2) column block by column block: each
  // block is the solve of the identity's columns with the one factorization of I - A.
  auto out = new_matrix(n, n);
  auto M = view(out);
  const Index k = std::max<Index>(1, std::min<Index>(block, n));
  for (Index j0 = 0; j0 < n; j0 += k) {
    const Index w = std::min(k, n - j0);
    Matrix E = Matrix::Zero(n, w);
    for (Index c = 0; c < w; ++c) E(j0 + c, c) = 1.0;
    if (name == "L") {
      model.global_solver(true).solve(E);  // a factorization: n right-hand sides
      M.middleCols(j0, w) = E;
    } else {
      M.middleCols(j0, w) = solver::ghosh_solve(model, E);
    }
  }
  return std::move(out);
}

}  // namespace irio::python
