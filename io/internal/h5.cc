// SPDX-License-Identifier: MIT
// HDF5 C API helpers: RAII handles, string/int/double datasets and attributes, row-major matrices.
#include "irio/io/internal/h5.h"

#include <algorithm>
#include <cstring>

#include "irio/tables/error.h"

namespace irio::io::internal {

void silence_hdf5_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

namespace {

[[noreturn]] void write_fail(const H5Writer& w, const std::string& what) {
  throw OutputError(w.file + ": cannot write " + what + " (HDF5 error)");
}

[[noreturn]] void read_fail(const H5Reader& r, const std::string& path, const std::string& what) {
  throw InputError(r.file + ": dataset '" + path + "' " + what);
}

H5Id vlen_string_type() {
  H5Id t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t.get(), H5T_VARIABLE);
  H5Tset_cset(t.get(), H5T_CSET_UTF8);
  return t;
}

/// Dataset creation properties: chunked + shuffle + deflate for datasets worth compressing.
H5Id create_plist(const std::vector<hsize_t>& dims, const H5Writer& w) {
  H5Id plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  hsize_t total = 1;
  for (auto d : dims) total *= d;
  if (w.compression_level <= 0 || total < 1024) return plist;
  std::vector<hsize_t> chunk(dims);
  if (dims.size() == 2) {
    // Whole rows, about 64 Ki elements (512 KiB) per chunk.
    const hsize_t cols = std::max<hsize_t>(dims[1], 1);
    chunk[1] = cols;
    chunk[0] = std::clamp<hsize_t>(65536 / cols, 1, dims[0]);
  } else {
    chunk[0] = std::min<hsize_t>(dims[0], 65536);
  }
  H5Pset_chunk(plist.get(), static_cast<int>(chunk.size()), chunk.data());
  H5Pset_shuffle(plist.get());
  H5Pset_deflate(plist.get(), static_cast<unsigned>(std::min(w.compression_level, 9)));
  return plist;
}

void write_raw(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type,
               const std::vector<hsize_t>& dims, const void* data, const H5Writer& w) {
  H5Id space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
  H5Id plist = create_plist(dims, w);
  H5Id ds(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT),
          H5Dclose);
  if (!ds.valid()) write_fail(w, "dataset '" + name + "'");
  hsize_t total = 1;
  for (auto d : dims) total *= d;
  if (total > 0 && H5Dwrite(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    write_fail(w, "dataset '" + name + "'");
}

H5Id open_dataset(hid_t loc, const std::string& path, const H5Reader& r) {
  if (!h5_exists(loc, path)) throw InputError(r.file + ": missing dataset '" + path + "'");
  H5Id ds(H5Dopen2(loc, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) read_fail(r, path, "cannot be opened as a dataset");
  return ds;
}

H5Id open_attr(hid_t obj, const std::string& name) {
  return H5Id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), H5Aclose);
}

/// Read strings from a dataset or attribute with the given type and space.
template <typename ReadFn>
std::vector<std::string> read_strings_from(hid_t type, hid_t space, ReadFn read,
                                           const std::string& what, const std::string& file) {
  if (H5Tget_class(type) != H5T_STRING) throw InputError(file + ": " + what + " is not a string");
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  std::vector<std::string> out;
  if (count <= 0) return out;
  const auto n = static_cast<std::size_t>(count);
  out.reserve(n);
  if (H5Tis_variable_str(type) > 0) {
    H5Id mem = vlen_string_type();
    std::vector<char*> buf(n, nullptr);
    if (read(mem.get(), buf.data()) < 0) throw InputError(file + ": cannot read " + what);
    for (auto* s : buf) out.emplace_back(s != nullptr ? s : "");
    hid_t mspace = H5Screate_simple(1, std::vector<hsize_t>{n}.data(), nullptr);
    H5Dvlen_reclaim(mem.get(), mspace, H5P_DEFAULT, buf.data());
    H5Sclose(mspace);
  } else {
    const std::size_t size = H5Tget_size(type);
    H5Id mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem.get(), size);
    H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
    std::vector<char> buf(n * size + 1, '\0');
    if (read(mem.get(), buf.data()) < 0) throw InputError(file + ": cannot read " + what);
    for (std::size_t i = 0; i < n; ++i) {
      std::string s(buf.data() + i * size, size);
      s.erase(std::find(s.begin(), s.end(), '\0'), s.end());
      while (!s.empty() && s.back() == ' ') s.pop_back();  // space-padded (Fortran, R)
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

bool h5_exists(hid_t loc, const std::string& path) {
  // H5Lexists needs every intermediate link to exist: walk the path.
  std::string prefix;
  std::size_t pos = 0;
  if (!path.empty() && path[0] == '/') {
    prefix = "/";
    pos = 1;
  }
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    if (next > pos) {
      prefix += path.substr(pos, next - pos);
      if (H5Lexists(loc, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
      prefix += "/";
    }
    pos = next + 1;
  }
  return true;
}

bool h5_is_group(hid_t loc, const std::string& path) {
  if (!h5_exists(loc, path)) return false;
  H5Id obj(H5Oopen(loc, path.c_str(), H5P_DEFAULT), H5Oclose);
  return obj.valid() && H5Iget_type(obj.get()) == H5I_GROUP;
}

H5Id h5_create_group(hid_t loc, const std::string& name, const H5Writer& w) {
  H5Id g(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
  if (!g.valid()) write_fail(w, "group '" + name + "'");
  return g;
}

H5Id h5_open_group(hid_t loc, const std::string& name, const H5Reader& r) {
  if (!h5_is_group(loc, name)) throw InputError(r.file + ": missing group '" + name + "'");
  H5Id g(H5Gopen2(loc, name.c_str(), H5P_DEFAULT), H5Gclose);
  if (!g.valid()) throw InputError(r.file + ": cannot open group '" + name + "'");
  return g;
}

std::vector<std::string> h5_members(hid_t group) {
  std::vector<std::string> names;
  H5G_info_t info;
  if (H5Gget_info(group, &info) < 0) return names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0,
                                           H5P_DEFAULT);
    if (len < 0) continue;
    std::string s(static_cast<std::size_t>(len) + 1, '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, s.data(), s.size(), H5P_DEFAULT);
    s.resize(static_cast<std::size_t>(len));
    names.push_back(std::move(s));
  }
  return names;
}

void h5_write_attr(hid_t obj, const std::string& name, const std::string& value, const H5Writer& w) {
  H5Id type = vlen_string_type();
  H5Id space(H5Screate(H5S_SCALAR), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  const char* p = value.c_str();
  if (!a.valid() || H5Awrite(a.get(), type.get(), &p) < 0) write_fail(w, "attribute '" + name + "'");
}

void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& value,
                   const H5Writer& w) {
  H5Id type = vlen_string_type();
  const hsize_t n = value.size();
  H5Id space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  std::vector<const char*> p;
  for (const auto& s : value) p.push_back(s.c_str());
  if (!a.valid() || (n > 0 && H5Awrite(a.get(), type.get(), p.data()) < 0))
    write_fail(w, "attribute '" + name + "'");
}

void h5_write_attr(hid_t obj, const std::string& name, std::int64_t value, const H5Writer& w) {
  H5Id space(H5Screate(H5S_SCALAR), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!a.valid() || H5Awrite(a.get(), H5T_NATIVE_INT64, &value) < 0)
    write_fail(w, "attribute '" + name + "'");
}

void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::int64_t>& value,
                   const H5Writer& w) {
  const hsize_t n = value.size();
  H5Id space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!a.valid() || (n > 0 && H5Awrite(a.get(), H5T_NATIVE_INT64, value.data()) < 0))
    write_fail(w, "attribute '" + name + "'");
}

bool h5_has_attr(hid_t obj, const std::string& name) { return H5Aexists(obj, name.c_str()) > 0; }

std::vector<std::string> h5_read_strings_attr(hid_t obj, const std::string& name, const H5Reader& r,
                                              const std::string& where) {
  if (!h5_has_attr(obj, name)) return {};
  H5Id a = open_attr(obj, name);
  H5Id type(H5Aget_type(a.get()), H5Tclose);
  H5Id space(H5Aget_space(a.get()), H5Sclose);
  return read_strings_from(
      type.get(), space.get(), [&](hid_t mem, void* buf) { return H5Aread(a.get(), mem, buf); },
      "attribute '" + name + "' of '" + where + "'", r.file);
}

std::string h5_read_string_attr(hid_t obj, const std::string& name, const H5Reader& r,
                                const std::string& where) {
  auto v = h5_read_strings_attr(obj, name, r, where);
  return v.empty() ? std::string() : v.front();
}

std::vector<std::int64_t> h5_read_ints_attr(hid_t obj, const std::string& name, const H5Reader& r,
                                            const std::string& where) {
  if (!h5_has_attr(obj, name)) return {};
  H5Id a = open_attr(obj, name);
  H5Id type(H5Aget_type(a.get()), H5Tclose);
  H5Id space(H5Aget_space(a.get()), H5Sclose);
  if (H5Tget_class(type.get()) != H5T_INTEGER)
    throw InputError(r.file + ": attribute '" + name + "' of '" + where + "' is not an integer");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  std::vector<std::int64_t> v(static_cast<std::size_t>(std::max<hssize_t>(n, 0)));
  if (!v.empty() && H5Aread(a.get(), H5T_NATIVE_INT64, v.data()) < 0)
    throw InputError(r.file + ": cannot read attribute '" + name + "' of '" + where + "'");
  return v;
}

void h5_write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& v,
                      const H5Writer& w) {
  H5Id type = vlen_string_type();
  std::vector<const char*> p;
  p.reserve(v.size());
  for (const auto& s : v) p.push_back(s.c_str());
  H5Writer plain = w;
  plain.compression_level = 0;  // label lists are short
  write_raw(loc, name, type.get(), type.get(), {v.size()}, p.data(), plain);
}

void h5_write_ints(hid_t loc, const std::string& name, const std::vector<std::int32_t>& v,
                   const H5Writer& w) {
  write_raw(loc, name, H5T_STD_I32LE, H5T_NATIVE_INT32, {v.size()}, v.data(), w);
}

void h5_write_int64s(hid_t loc, const std::string& name, const std::vector<std::int64_t>& v,
                     const H5Writer& w) {
  write_raw(loc, name, H5T_STD_I64LE, H5T_NATIVE_INT64, {v.size()}, v.data(), w);
}

void h5_write_doubles(hid_t loc, const std::string& name, const double* v, std::size_t size,
                      const H5Writer& w) {
  write_raw(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {size}, v, w);
}

void h5_write_matrix(hid_t loc, const std::string& name, const tables::Matrix& M, const H5Writer& w) {
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const RowMajor R = M;
  write_raw(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
            {static_cast<hsize_t>(M.rows()), static_cast<hsize_t>(M.cols())}, R.data(), w);
}

std::vector<hsize_t> h5_dims(hid_t loc, const std::string& path, const H5Reader& r) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) read_fail(r, path, "has no simple dataspace");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

std::vector<std::string> h5_read_strings(hid_t loc, const std::string& path, const H5Reader& r) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id type(H5Dget_type(ds.get()), H5Tclose);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) > 1) read_fail(r, path, "must be one-dimensional");
  if (H5Tget_class(type.get()) != H5T_STRING) read_fail(r, path, "must hold strings");
  return read_strings_from(
      type.get(), space.get(),
      [&](hid_t mem, void* buf) { return H5Dread(ds.get(), mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf); },
      "dataset '" + path + "'", r.file);
}

std::vector<std::int64_t> h5_read_int64s(hid_t loc, const std::string& path, const H5Reader& r) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id type(H5Dget_type(ds.get()), H5Tclose);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  if (H5Tget_class(type.get()) != H5T_INTEGER) read_fail(r, path, "must hold integers");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  std::vector<std::int64_t> v(static_cast<std::size_t>(std::max<hssize_t>(n, 0)));
  if (!v.empty() && H5Dread(ds.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
    read_fail(r, path, "cannot be read");
  return v;
}

std::vector<double> h5_read_doubles(hid_t loc, const std::string& path, const H5Reader& r) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id type(H5Dget_type(ds.get()), H5Tclose);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  const auto cls = H5Tget_class(type.get());
  if (cls != H5T_FLOAT && cls != H5T_INTEGER) read_fail(r, path, "must hold numbers");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  std::vector<double> v(static_cast<std::size_t>(std::max<hssize_t>(n, 0)));
  if (!v.empty() && H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
    read_fail(r, path, "cannot be read");
  return v;
}

tables::Matrix h5_read_matrix(hid_t loc, const std::string& path, const H5Reader& r) {
  const auto dims = h5_dims(loc, path, r);
  if (dims.empty() || dims.size() > 2)
    read_fail(r, path, "has rank " + std::to_string(dims.size()) + ", expected a (rows, cols) matrix");
  const auto rows = static_cast<Eigen::Index>(dims.size() == 2 ? dims[0] : 1);
  const auto cols = static_cast<Eigen::Index>(dims.size() == 2 ? dims[1] : dims[0]);
  const std::vector<double> v = h5_read_doubles(loc, path, r);
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  return Eigen::Map<const RowMajor>(v.data(), rows, cols);
}

}  // namespace irio::io::internal
