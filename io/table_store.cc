// SPDX-License-Identifier: MIT
// read_table / write_table: the irio HDF5 schema, version 2 (reads 1) (docs/hdf5-schema.md).
#include "irio/io/table_store.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "irio/io/internal/atomic_output.h"
#include "irio/io/internal/csc_reader.h"
#include "irio/io/internal/h5.h"
#include "irio/io/internal/h5_schema.h"
#include "irio/io/internal/memory_guard.h"
#include "irio/io/internal/text_encoding.h"
#include "irio/tables/error.h"
#include "irio/version.h"

namespace irio::io {

using namespace internal;
using tables::Matrix;

namespace {

std::string shape(std::size_t r, std::size_t c) { return std::to_string(r) + " x " + std::to_string(c); }

/// Label datasets are declared UTF-8: a label that is not (from a reader that did not check) is
/// refused here rather than stored as mojibake.
void check_utf8_labels(const std::vector<std::string>& v, const std::string& dataset, const H5Writer& w) {
  for (std::size_t i = 0; i < v.size(); ++i)
    require_utf8(v[i], "table to write to '" + w.file + "'", "label " + std::to_string(i) + " of '" + dataset + "'");
}

void write_labels(hid_t file, const tables::IoTable& t, const H5Writer& w) {
  const auto& labels = t.labels;
  const std::pair<const std::vector<std::string>*, const char*> lists[] = {
      {&labels.regions, "regions"},           {&labels.sectors, "sectors"},
      {&labels.countries, "countries"},       {&labels.fd_categories, "fd_categories"},
      {&t.va_components, "va_components"},    {&t.export_labels, "export_labels"},
      {&t.import_labels, "import_labels"},    {&labels.region_names, "region_names"},
      {&labels.sector_names, "sector_names"}, {&labels.fd_category_names, "fd_category_names"}};
  for (const auto& [v, name] : lists) check_utf8_labels(*v, std::string("/labels/") + name, w);
  for (const auto& s : t.satellites) check_utf8_labels(s.stressors, "/satellites/" + s.name + "/stressors", w);
  H5Id g = h5_create_group(file, "labels", w);
  h5_write_strings(g.get(), "regions", labels.regions, w);
  h5_write_strings(g.get(), "sectors", labels.sectors, w);
  h5_write_strings(g.get(), "countries", labels.countries, w);
  std::vector<std::int32_t> kappa(labels.country_of_region.begin(), labels.country_of_region.end());
  h5_write_ints(g.get(), "country_of_region", kappa, w);
  if (!labels.fd_categories.empty()) h5_write_strings(g.get(), "fd_categories", labels.fd_categories, w);
  if (!t.va_components.empty()) h5_write_strings(g.get(), "va_components", t.va_components, w);
  if (!t.export_labels.empty()) h5_write_strings(g.get(), "export_labels", t.export_labels, w);
  if (!t.import_labels.empty()) h5_write_strings(g.get(), "import_labels", t.import_labels, w);
  // Schema v2: optional display names beside the codes (may repeat, may be empty).
  if (!labels.region_names.empty()) h5_write_strings(g.get(), "region_names", labels.region_names, w);
  if (!labels.sector_names.empty()) h5_write_strings(g.get(), "sector_names", labels.sector_names, w);
  if (!labels.fd_category_names.empty()) h5_write_strings(g.get(), "fd_category_names", labels.fd_category_names, w);
}

void write_z(hid_t core, const tables::SparseMatrix& Z, const WriteOptions& opt, const H5Writer& w) {
  const double n2 = static_cast<double>(Z.rows()) * static_cast<double>(Z.cols());
  std::int64_t nnz = 0;
  for (Eigen::Index j = 0; j < Z.outerSize(); ++j)
    for (tables::SparseMatrix::InnerIterator it(Z, j); it; ++it)
      if (it.value() != 0.0) ++nnz;
  const bool sparse = n2 > 0 && static_cast<double>(nnz) / n2 < opt.sparse_density_threshold;
  if (!sparse) {
    h5_write_matrix(core, "Z", Matrix(Z), w);
    return;
  }
  // CSC: column j holds data[indptr[j]:indptr[j+1]] at rows indices[...] (scipy.sparse.csc_matrix).
  std::vector<double> data;
  if (Z.rows() > std::numeric_limits<std::int32_t>::max())
    throw OutputError("Z has " + std::to_string(Z.rows()) + " rows: the table schema stores row indices as int32");
  std::vector<std::int32_t> indices;  // scipy's dtype for fewer than 2^31 rows
  std::vector<std::int64_t> indptr{0};
  data.reserve(static_cast<std::size_t>(nnz));
  indices.reserve(static_cast<std::size_t>(nnz));
  for (Eigen::Index j = 0; j < Z.outerSize(); ++j) {
    for (tables::SparseMatrix::InnerIterator it(Z, j); it; ++it) {
      if (it.value() == 0.0) continue;
      data.push_back(it.value());
      indices.push_back(static_cast<std::int32_t>(it.row()));
    }
    indptr.push_back(static_cast<std::int64_t>(data.size()));
  }
  H5Id g = h5_create_group(core, "Z", w);
  h5_write_attr(g.get(), "format", std::string("csc"), w);
  h5_write_attr(g.get(), "shape", std::vector<std::int64_t>{Z.rows(), Z.cols()}, w);
  // The values of a table are close to random bits: shuffle + deflate shrinks them by about a tenth
  // while making writing about six and reading about three times slower (docs/performance.md,
  // "Table files"). The row indices, 32-bit as scipy writes them, are stored plain too: inflating
  // them took a tenth of `irio footprints` at n = 9800 for 30 % of the file's size. The column
  // pointers (n + 1) stay deflated.
  H5Writer plain = w;
  plain.compression_level = 0;
  h5_write_doubles(g.get(), "data", data.data(), data.size(), plain);
  h5_write_ints(g.get(), "indices", indices, plain);
  h5_write_int64s(g.get(), "indptr", indptr, w);
}

void write_table_body(hid_t file, const tables::IoTable& t, const WriteOptions& opt, const H5Writer& w) {
  write_schema_header(file, "table", w);
  h5_write_attr(file, "name", t.meta.name, w);
  h5_write_attr(file, "year", t.meta.year, w);
  h5_write_attr(file, "unit", t.meta.unit, w);
  h5_write_attr(file, "price_basis", t.meta.price_basis, w);
  h5_write_attr(file, "source", t.meta.source, w);
  h5_write_attr(file, "history", t.meta.history, w);
  write_labels(file, t, w);
  H5Id core = h5_create_group(file, "core", w);
  write_z(core.get(), t.Z, opt, w);
  if (t.Y.cols() > 0) h5_write_matrix(core.get(), "Y", t.Y, w);
  if (t.V.rows() > 0) h5_write_matrix(core.get(), "V", t.V, w);
  if (t.x.size() > 0) h5_write_doubles(core.get(), "x", t.x.data(), static_cast<std::size_t>(t.x.size()), w);
  if (t.exports.cols() > 0) h5_write_matrix(core.get(), "exports", t.exports, w);
  if (t.imports.rows() > 0) h5_write_matrix(core.get(), "imports", t.imports, w);
  if (t.satellites.empty()) return;
  H5Id sats = h5_create_group(file, "satellites", w);
  for (const auto& s : t.satellites) {
    if (s.name.empty() || s.name.find('/') != std::string::npos || s.name == ".")
      throw OutputError(w.file + ": satellite name '" + s.name + "' cannot be an HDF5 group name");
    H5Id g = h5_create_group(sats.get(), s.name, w);
    h5_write_strings(g.get(), "stressors", s.stressors, w);
    h5_write_strings(g.get(), "units", s.units, w);
    h5_write_matrix(g.get(), "F", s.F, w);
    if (s.F_Y.cols() > 0) h5_write_matrix(g.get(), "F_Y", s.F_Y, w);
  }
}

// ---------------------------------------------------------------- reading

std::vector<std::string> read_labels(hid_t file, const std::string& name, bool required, const H5Reader& r) {
  const std::string path = "/labels/" + name;
  if (!required && !h5_exists(file, path)) return {};
  auto v = h5_read_strings(file, path, r);
  std::set<std::string> seen;
  for (const auto& s : v) {
    if (s.empty()) throw InputError(r.file + ": dataset '" + path + "' has an empty label");
    if (!seen.insert(s).second)
      throw InputError(r.file + ": dataset '" + path + "' has the duplicate label '" + s + "'");
  }
  return v;
}

/// Optional display names of schema v2 (absent in v1 files): one per code, repeats allowed.
std::vector<std::string> read_names(hid_t file, const std::string& name, std::size_t num_codes,
                                    const std::string& codes, const H5Reader& r) {
  const std::string path = "/labels/" + name;
  if (!h5_exists(file, path)) return {};
  auto v = h5_read_strings(file, path, r);
  if (v.size() != num_codes)
    throw InputError(r.file + ": dataset '" + path + "' has " + std::to_string(v.size()) + " names for " +
                     std::to_string(num_codes) + " entries of '/labels/" + codes + "'");
  return v;
}

Matrix read_matrix_shaped(hid_t file, const std::string& path, std::size_t rows, std::size_t cols,
                          const std::string& expect, const H5Reader& r) {
  const auto dims = h5_dims(file, path, r);
  if (dims.size() != 2 || dims[0] != rows || dims[1] != cols) {
    std::string got;
    for (std::size_t i = 0; i < dims.size(); ++i) got += (i ? " x " : "") + std::to_string(dims[i]);
    throw InputError(r.file + ": dataset '" + path + "' has shape (" + got + "), expected (" + shape(rows, cols) +
                     ": " + expect + ")");
  }
  return h5_read_matrix(file, path, r);
}

tables::SparseMatrix read_z(hid_t file, const tables::Labels& labels, const H5Reader& r) {
  const std::string path = "/core/Z";
  const std::size_t n = labels.size();
  if (!h5_exists(file, path)) throw InputError(r.file + ": missing dataset '" + path + "'");
  const auto nn = static_cast<Eigen::Index>(n);
  if (!h5_is_group(file, path))
    return read_matrix_shaped(file, path, n, n, "regions x sectors squared", r).sparseView(0.0, 0.0);
  H5Id g = h5_open_group(file, path, r);
  // The layout is what the group's `format` attribute says (docs/hdf5-schema.md, "Z as CSC"): csc,
  // or csr (scipy's csr_matrix arrays); a group without the attribute is read as csc, as irio
  // wrote before the attribute was checked. Anything else is refused: reading CSR arrays as CSC
  // would silently give the multipliers of Z'.
  const std::string format = h5_has_attr(g.get(), "format") ? h5_read_string_attr(g.get(), "format", r, path) : "csc";
  if (format != "csc" && format != "csr")
    throw InputError(r.file + ": group '" + path + "' has the attribute format = '" + format +
                     "'; irio reads a sparse Z stored as 'csc' or 'csr' (docs/hdf5-schema.md)");
  const auto shp = h5_read_ints_attr(g.get(), "shape", r, path);
  if (shp.size() != 2 || shp[0] != nn || shp[1] != nn)
    throw InputError(r.file + ": group '" + path + "' (" + format +
                     ") has a missing or wrong 'shape' attribute, expected (" + shape(n, n) + ")");
  return read_csc_z(file, path, labels, r, format == "csr");
}

void check_finite(const Matrix& M, const std::string& path, const tables::Labels& labels, bool rows_are_sectors,
                  const H5Reader& r) {
  for (Eigen::Index j = 0; j < M.cols(); ++j)
    for (Eigen::Index i = 0; i < M.rows(); ++i)
      if (!std::isfinite(M(i, j))) {
        const auto at = static_cast<std::size_t>(rows_are_sectors ? i : j);
        std::string where = "row " + std::to_string(i) + ", column " + std::to_string(j);
        if (at < labels.size()) where += " (" + labels.describe(at) + ")";
        throw InputError(r.file + ": dataset '" + path + "' has a non-finite value (" + std::to_string(M(i, j)) +
                         ") at " + where);
      }
}

}  // namespace

std::string WriteOptions::validate() const {
  if (compression_level < 0 || compression_level > 9)
    return "compression_level must be in 0..9, got " + std::to_string(compression_level);
  if (!(sparse_density_threshold >= 0.0))
    return "sparse_density_threshold must be >= 0, got " + std::to_string(sparse_density_threshold);
  return {};
}

namespace {

tables::IoTable read_table_impl(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError("table file '" + path + "' does not exist");
  H5Id file = h5_open_read(path, "an irio table");
  const H5Reader r{path};
  const hid_t f = file.get();
  check_schema_header(f, r);

  tables::IoTable t;
  t.meta.name = h5_read_string_attr(f, "name", r, "/");
  t.meta.year = h5_read_string_attr(f, "year", r, "/");
  t.meta.unit = h5_read_string_attr(f, "unit", r, "/");
  t.meta.price_basis = h5_read_string_attr(f, "price_basis", r, "/");
  t.meta.source = h5_read_string_attr(f, "source", r, "/");
  t.meta.history = h5_read_strings_attr(f, "history", r, "/");

  auto& labels = t.labels;
  labels.regions = read_labels(f, "regions", true, r);
  labels.sectors = read_labels(f, "sectors", true, r);
  if (labels.regions.empty()) throw InputError(path + ": dataset '/labels/regions' is empty");
  if (labels.sectors.empty()) throw InputError(path + ": dataset '/labels/sectors' is empty");
  labels.countries = read_labels(f, "countries", false, r);
  if (labels.countries.empty()) {
    labels.set_each_region_own_country();
  } else {
    const auto kappa = h5_read_int64s(f, "/labels/country_of_region", r);
    if (kappa.size() != labels.regions.size())
      throw InputError(path + ": dataset '/labels/country_of_region' has " + std::to_string(kappa.size()) +
                       " entries for " + std::to_string(labels.regions.size()) + " regions");
    for (std::size_t i = 0; i < kappa.size(); ++i) {
      if (kappa[i] < 0 || kappa[i] >= static_cast<std::int64_t>(labels.countries.size()))
        throw InputError(path + ": dataset '/labels/country_of_region' maps region '" + labels.regions[i] + "' to " +
                         std::to_string(kappa[i]) + ", outside [0, " + std::to_string(labels.countries.size()) + ")");
      labels.country_of_region.push_back(static_cast<int>(kappa[i]));
    }
  }
  labels.fd_categories = read_labels(f, "fd_categories", false, r);
  t.va_components = read_labels(f, "va_components", false, r);
  t.export_labels = read_labels(f, "export_labels", false, r);
  t.import_labels = read_labels(f, "import_labels", false, r);
  labels.region_names = read_names(f, "region_names", labels.regions.size(), "regions", r);
  labels.sector_names = read_names(f, "sector_names", labels.sectors.size(), "sectors", r);
  labels.fd_category_names = read_names(f, "fd_category_names", labels.fd_categories.size(), "fd_categories", r);

  const std::size_t n = labels.size(), gk = t.num_fd_columns();
  if (n > kMaxRegionSectors)
    throw InputError(path + ": " + std::to_string(labels.regions.size()) + " regions x " +
                     std::to_string(labels.sectors.size()) + " sectors = " + std::to_string(n) +
                     " region-sectors, above irio's limit of " + std::to_string(kMaxRegionSectors) +
                     " (docs/formats.md, \"Limits and encodings\")");
  {
    // Eigen 3.4's SparseMatrix has no move assignment: `t.Z = read_z(...)` would copy Z.
    tables::SparseMatrix Z = read_z(f, labels, r);
    t.Z.swap(Z);
  }
  if (gk > 0 || h5_exists(f, "/core/Y"))
    t.Y = read_matrix_shaped(f, "/core/Y", n, gk, "region-sectors x regions*final-demand categories", r);
  else t.Y.resize(static_cast<Eigen::Index>(n), 0);
  if (!t.va_components.empty() || h5_exists(f, "/core/V"))
    t.V = read_matrix_shaped(f, "/core/V", t.va_components.size(), n, "va_components x region-sectors", r);
  else t.V.resize(0, static_cast<Eigen::Index>(n));
  if (h5_exists(f, "/core/x")) {
    const auto dims = h5_dims(f, "/core/x", r);
    if (dims.size() != 1 || dims[0] != n)
      throw InputError(path + ": dataset '/core/x' must be a vector of " + std::to_string(n) + " entries");
    const auto xv = h5_read_doubles(f, "/core/x", r);
    t.x = Eigen::Map<const tables::Vector>(xv.data(), static_cast<Eigen::Index>(xv.size()));
  }
  if (!t.export_labels.empty() || h5_exists(f, "/core/exports"))
    t.exports = read_matrix_shaped(f, "/core/exports", n, t.export_labels.size(), "region-sectors x export_labels", r);
  if (!t.import_labels.empty() || h5_exists(f, "/core/imports"))
    t.imports = read_matrix_shaped(f, "/core/imports", t.import_labels.size(), n, "import_labels x region-sectors", r);

  if (h5_is_group(f, "/satellites")) {
    H5Id sats = h5_open_group(f, "/satellites", r);
    for (const auto& name : h5_members(sats.get())) {
      const std::string base = "/satellites/" + name;
      tables::Satellite s;
      s.name = name;
      s.stressors = h5_read_strings(f, base + "/stressors", r);
      s.units = h5_exists(f, base + "/units") ? h5_read_strings(f, base + "/units", r)
                                              : std::vector<std::string>(s.stressors.size());
      if (s.units.size() != s.stressors.size())
        throw InputError(path + ": dataset '" + base + "/units' has " + std::to_string(s.units.size()) +
                         " entries for " + std::to_string(s.stressors.size()) + " stressors");
      s.F = read_matrix_shaped(f, base + "/F", s.stressors.size(), n, "stressors x region-sectors", r);
      if (h5_exists(f, base + "/F_Y"))
        s.F_Y = read_matrix_shaped(f, base + "/F_Y", s.stressors.size(), gk,
                                   "stressors x regions*final-demand categories", r);
      else s.F_Y.resize(s.F.rows(), 0);
      check_finite(s.F, base + "/F", labels, false, r);
      check_finite(s.F_Y, base + "/F_Y", labels, false, r);
      t.satellites.push_back(std::move(s));
    }
  }

  check_finite(t.Y, "/core/Y", labels, true, r);
  check_finite(t.V, "/core/V", labels, false, r);
  check_finite(t.exports, "/core/exports", labels, true, r);
  check_finite(t.imports, "/core/imports", labels, false, r);
  if (t.x.size() > 0) {
    check_finite(Matrix(t.x), "/core/x", labels, true, r);
    for (Eigen::Index i = 0; i < t.x.size(); ++i)
      if (t.x(i) < 0)
        throw InputError(path + ": dataset '/core/x' has negative gross output " + std::to_string(t.x(i)) + " at " +
                         labels.describe(static_cast<std::size_t>(i)));
  }
  t.validate_shapes(path);  // also Z finiteness and the region->country map
  return t;
}

}  // namespace

tables::IoTable read_table(const std::string& path) {
  return guard_memory(path, [&] { return read_table_impl(path); });
}

void write_table(const tables::IoTable& table, const std::string& path, const WriteOptions& opt) {
  silence_hdf5_errors();
  if (const auto err = opt.validate(); !err.empty()) throw OutputError("write_table: " + err);
  table.validate_shapes("table to write to '" + path + "'");
  AtomicOutput out(path, opt.overwrite, opt.inputs);
  {
    H5Id file = h5_create_in_memory(path);  // HDF5 never writes to the disk itself
    const H5Writer w{path, opt.compression_level};
    write_table_body(file.get(), table, opt, w);
    h5_save_image(file.get(), out.temp_path(), path);
  }
  out.commit();
}

}  // namespace irio::io
