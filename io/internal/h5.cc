// SPDX-License-Identifier: MIT
// HDF5 C API helpers: RAII handles, string/int/double datasets and attributes, row-major matrices.
#include "irio/io/internal/h5.h"
#include "irio/io/internal/input_file.h"
#include "irio/io/internal/text_encoding.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>

#include "irio/tables/error.h"

namespace irio::io::internal {

namespace {
H5Id core_fapl() {
  H5Id fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  if (!fapl.valid() || H5Pset_fapl_core(fapl.get(), std::size_t{16} << 20, 0) < 0)
    throw OutputError("cannot set up an in-memory HDF5 file");
  return fapl;
}
}  // namespace

H5Id h5_create_in_memory(const std::string& shown) {
  const H5Id fapl = core_fapl();
  H5Id f(H5Fcreate(shown.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), H5Fclose);
  if (!f.valid()) throw OutputError("cannot create the HDF5 file '" + shown + "' in memory");
  return f;
}

H5Id h5_open_in_memory(const std::string& path, const std::string& shown) {
  const H5Id fapl = core_fapl();
  H5Id f(H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl.get()), H5Fclose);
  if (!f.valid()) throw OutputError("cannot open '" + shown + "' to add to it");
  return f;
}

void h5_save_image(hid_t file, const std::string& path, const std::string& shown) {
  if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0) throw OutputError("cannot flush '" + shown + "' (HDF5 error)");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size < 0) throw OutputError("cannot take the image of '" + shown + "' (HDF5 error)");
  std::vector<char> image(static_cast<std::size_t>(size));
  if (H5Fget_file_image(file, image.data(), image.size()) != size)
    throw OutputError("cannot take the image of '" + shown + "' (HDF5 error)");
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) throw OutputError("cannot create '" + path + "' (for '" + shown + "'): " + std::strerror(errno));
  const std::size_t written = std::fwrite(image.data(), 1, image.size(), out);
  const int err = written == image.size() ? 0 : errno;
  const bool closed = std::fclose(out) == 0;
  if (written != image.size() || !closed)
    throw OutputError("cannot write '" + shown + "' (" + std::to_string(image.size()) +
                      " bytes): " + std::strerror(err != 0 ? err : errno) + " (disk full?)");
}

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

void write_raw(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type, const std::vector<hsize_t>& dims,
               const void* data, const H5Writer& w) {
  H5Id space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
  H5Id plist = create_plist(dims, w);
  H5Id ds(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) write_fail(w, "dataset '" + name + "'");
  hsize_t total = 1;
  for (auto d : dims) total *= d;
  if (total > 0 && H5Dwrite(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    write_fail(w, "dataset '" + name + "'");
}

/// "7.2 GB" (decimal units, as file managers show sizes), or "123 bytes".
std::string human_bytes(std::uint64_t b) {
  if (b < 1000) return std::to_string(b) + " bytes";
  const char* units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  double v = static_cast<double>(b) / 1000.0;
  std::size_t u = 0;
  while (v >= 1000.0 && u + 1 < sizeof units / sizeof units[0]) {
    v /= 1000.0;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g %s", v, units[u]);
  return buf;
}

/// a * b, or false when it does not fit 64 bits.
bool checked_mul(std::uint64_t a, std::uint64_t b, std::uint64_t* out) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) return false;
  *out = a * b;
  return true;
}

/// Size in bytes of the file that holds `obj` (0 if unknown).
std::uint64_t file_bytes_of(hid_t obj) {
  H5Id f(H5Iget_file_id(obj), H5Fclose);
  hsize_t size = 0;
  if (!f.valid() || H5Fget_filesize(f.get(), &size) < 0) return 0;
  return size;
}

/// Check what a dataset or attribute declares (its dataspace times its element size) against
/// the limits of H5Limits and against the size of the file, before anything is allocated.
/// `dataset` is the dataset (or -1 for an attribute, which is never filtered); `mem_elem` is
/// the in-memory size of one element; `what` names the object ("dataset '/core/Z'").
/// Returns the number of elements.
std::size_t check_declared(hid_t obj, hid_t dataset, hid_t file_type, hid_t space, std::size_t mem_elem, bool is_string,
                           const H5Reader& r, const std::string& what) {
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0) throw InputError(r.file + ": " + what + " has no simple dataspace");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  if (H5Sget_simple_extent_type(space) == H5S_NULL) return 0;
  std::string shape;
  std::uint64_t count = 1;
  bool overflow = false;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    shape += (i ? " x " : "") + std::to_string(dims[i]);
    overflow = overflow || !checked_mul(count, dims[i], &count);
  }
  if (dims.empty()) shape = "1 (scalar)";
  const std::size_t type_size = H5Tget_size(file_type);
  std::string declares = r.file + ": " + what + " declares " + shape + " elements of " + std::to_string(type_size) +
                         " bytes";
  std::uint64_t mem = 0, stored = 0;
  if (overflow || !checked_mul(count, std::max<std::uint64_t>(mem_elem, 1), &mem) ||
      !checked_mul(count, type_size, &stored))
    throw InputError(declares + ": more than 2^64 bytes (a corrupt or forged file)");
  if (count == 0) return 0;
  declares += " (" + human_bytes(stored) + ")";
  if (is_string && H5Tis_variable_str(file_type) <= 0 && type_size > H5Limits::kMaxStringLength)
    throw InputError(declares + ": strings of " + human_bytes(type_size) + " each, above the limit of " +
                     human_bytes(H5Limits::kMaxStringLength) + " for one label (a corrupt or forged file)");
  const std::uint64_t limit = is_string ? H5Limits::kMaxStringBytes : H5Limits::kMaxDatasetBytes;
  if (mem > limit)
    throw InputError(declares + ", above irio's limit of " + human_bytes(limit) + " for one " +
                     (is_string ? "string list" : "dataset") + " (docs/formats.md, \"Limits and encodings\")");
  const std::uint64_t file_bytes = file_bytes_of(obj);
  bool filtered = false;
  if (dataset >= 0) {
    H5Id plist(H5Dget_create_plist(dataset), H5Pclose);
    filtered = plist.valid() && H5Pget_nfilters(plist.get()) > 0;
    H5D_space_status_t status{};
    if (H5Dget_space_status(dataset, &status) >= 0 && status == H5D_SPACE_STATUS_NOT_ALLOCATED)
      throw InputError(declares +
                       " but stores none of them (the dataset was never written; a "
                       "truncated or forged file)");
  }
  if (file_bytes > 0) {
    const std::uint64_t ratio = filtered ? H5Limits::kMaxCompressionRatio : 1;
    if (stored / ratio > file_bytes)
      throw InputError(declares + ", more than the whole file (" + human_bytes(file_bytes) + ") can hold" +
                       (filtered ? " even compressed (at most " + std::to_string(ratio) + ":1)" : std::string()) +
                       ": a truncated, corrupt or forged file");
  }
  return static_cast<std::size_t>(count);
}

H5Id open_dataset(hid_t loc, const std::string& path, const H5Reader& r) {
  if (!h5_exists(loc, path)) throw InputError(r.file + ": missing dataset '" + path + "'");
  H5Id ds(H5Dopen2(loc, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) read_fail(r, path, "cannot be opened as a dataset");
  return ds;
}

H5Id open_attr(hid_t obj, const std::string& name) { return H5Id(H5Aopen(obj, name.c_str(), H5P_DEFAULT), H5Aclose); }

/// Read strings from a dataset or attribute with the given type and space.
template <typename ReadFn>
std::vector<std::string> read_strings_from(hid_t obj, hid_t dataset, hid_t type, hid_t space, ReadFn read,
                                           const std::string& what, const H5Reader& r) {
  const std::string& file = r.file;
  if (H5Tget_class(type) != H5T_STRING) throw InputError(file + ": " + what + " is not a string");
  const bool vlen = H5Tis_variable_str(type) > 0;
  const std::size_t n =
      check_declared(obj, dataset, type, space, vlen ? sizeof(char*) : H5Tget_size(type), true, r, what);
  std::vector<std::string> out;
  if (n == 0) return out;
  out.reserve(n);
  if (vlen) {
    // The memory type takes the file's character set: libhdf5 1.10 cannot convert variable-length
    // ASCII to UTF-8 in a fresh process (found by h5_fuzz), and ASCII is UTF-8 anyway.
    H5Id mem = vlen_string_type();
    H5Tset_cset(mem.get(), H5Tget_cset(type));
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
  // Every string irio reads from HDF5 (labels, names, units, metadata) becomes CSV text and new
  // HDF5 datasets declared UTF-8: raw bytes of another encoding are refused here, naming the entry.
  for (std::size_t i = 0; i < out.size(); ++i)
    require_utf8(out[i], file, (n > 1 ? "entry " + std::to_string(i) + " of " : std::string()) + what);
  return out;
}

}  // namespace

namespace {

herr_t collect_error(unsigned, const H5E_error2_t* e, void* data) {
  auto* out = static_cast<std::vector<std::string>*>(data);
  if (e != nullptr && e->desc != nullptr) out->emplace_back(e->desc);
  return 0;
}

/// The value after "key = " in an HDF5 error description, or max if absent.
std::uint64_t error_number(const std::string& desc, const std::string& key) {
  const auto p = desc.find(key + " = ");
  if (p == std::string::npos) return std::numeric_limits<std::uint64_t>::max();
  return std::strtoull(desc.c_str() + p + key.size() + 3, nullptr, 10);
}

}  // namespace

H5Id h5_open_read(const std::string& path, const std::string& what) {
  silence_hdf5_errors();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError("'" + path + "' does not exist (expected " + what + ")");
  reject_special_file(path, what);  // H5Fis_hdf5 on a named pipe would block for ever
  const auto size = std::filesystem::file_size(path, ec);
  const std::string sized = ec ? std::string() : " (" + std::to_string(size) + " bytes)";
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw InputError("'" + path + "'" + sized + " is not an HDF5 file (no HDF5 signature; expected " + what +
                     ", see docs/hdf5-schema.md)");
  H5Eclear2(H5E_DEFAULT);
  H5Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (file.valid()) return file;
  std::vector<std::string> stack;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &stack);
  H5Eclear2(H5E_DEFAULT);
  for (const auto& d : stack) {
    if (d.find("truncated file") == std::string::npos) continue;
    const std::uint64_t stored = error_number(d, "stored_eof");
    throw InputError("'" + path + "' is a truncated HDF5 file: it has " + std::to_string(size) + " bytes but " +
                     (stored != std::numeric_limits<std::uint64_t>::max()
                          ? "its superblock declares " + std::to_string(stored)
                          : std::string("its superblock declares more")) +
                     " (an interrupted download or copy?)");
  }
  std::string detail;
  for (const auto& d : stack) detail += (detail.empty() ? "" : "; ") + d;
  throw InputError("'" + path + "'" + sized +
                   " has an HDF5 signature but cannot be opened: it is truncated or corrupt" +
                   (detail.empty() ? std::string() : " (HDF5: " + detail + ")"));
}

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
    const ssize_t len = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
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

void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& value, const H5Writer& w) {
  H5Id type = vlen_string_type();
  const hsize_t n = value.size();
  H5Id space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  std::vector<const char*> p;
  for (const auto& s : value) p.push_back(s.c_str());
  if (!a.valid() || (n > 0 && H5Awrite(a.get(), type.get(), p.data()) < 0)) write_fail(w, "attribute '" + name + "'");
}

void h5_write_attr(hid_t obj, const std::string& name, std::int64_t value, const H5Writer& w) {
  H5Id space(H5Screate(H5S_SCALAR), H5Sclose);
  H5Id a(H5Acreate2(obj, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!a.valid() || H5Awrite(a.get(), H5T_NATIVE_INT64, &value) < 0) write_fail(w, "attribute '" + name + "'");
}

void h5_write_attr(hid_t obj, const std::string& name, const std::vector<std::int64_t>& value, const H5Writer& w) {
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
      a.get(), -1, type.get(), space.get(), [&](hid_t mem, void* buf) { return H5Aread(a.get(), mem, buf); },
      "attribute '" + name + "' of '" + where + "'", r);
}

std::string h5_read_string_attr(hid_t obj, const std::string& name, const H5Reader& r, const std::string& where) {
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
  const std::size_t n = check_declared(a.get(), -1, type.get(), space.get(), sizeof(std::int64_t), false, r,
                                       "attribute '" + name + "' of '" + where + "'");
  std::vector<std::int64_t> v(n);
  if (!v.empty() && H5Aread(a.get(), H5T_NATIVE_INT64, v.data()) < 0)
    throw InputError(r.file + ": cannot read attribute '" + name + "' of '" + where + "'");
  return v;
}

void h5_write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& v, const H5Writer& w) {
  H5Id type = vlen_string_type();
  std::vector<const char*> p;
  p.reserve(v.size());
  for (const auto& s : v) p.push_back(s.c_str());
  H5Writer plain = w;
  plain.compression_level = 0;  // label lists are short
  write_raw(loc, name, type.get(), type.get(), {v.size()}, p.data(), plain);
}

void h5_write_ints(hid_t loc, const std::string& name, const std::vector<std::int32_t>& v, const H5Writer& w) {
  write_raw(loc, name, H5T_STD_I32LE, H5T_NATIVE_INT32, {v.size()}, v.data(), w);
}

void h5_write_int64s(hid_t loc, const std::string& name, const std::vector<std::int64_t>& v, const H5Writer& w) {
  write_raw(loc, name, H5T_STD_I64LE, H5T_NATIVE_INT64, {v.size()}, v.data(), w);
}

void h5_write_doubles(hid_t loc, const std::string& name, const double* v, std::size_t size, const H5Writer& w) {
  write_raw(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {size}, v, w);
}

void h5_write_matrix(hid_t loc, const std::string& name, const tables::Matrix& M, const H5Writer& w) {
  const std::vector<hsize_t> dims{static_cast<hsize_t>(M.rows()), static_cast<hsize_t>(M.cols())};
  if (M.rows() <= 1 || M.cols() <= 1) {  // one row or column: the column-major data is row-major too
    write_raw(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, M.data(), w);
    return;
  }
  // Row bands of about 16 MiB (whole chunks), each copied to row-major order and written: the
  // peak is the matrix plus one band, not a second full copy (Y of a 2500-county table: 2.1 GB).
  H5Id space(H5Screate_simple(2, dims.data(), nullptr), H5Sclose);
  H5Id plist = create_plist(dims, w);
  H5Id ds(H5Dcreate2(loc, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) write_fail(w, "dataset '" + name + "'");
  hsize_t chunk[2] = {1, 1};
  if (H5Pget_layout(plist.get()) != H5D_CHUNKED || H5Pget_chunk(plist.get(), 2, chunk) != 2) chunk[0] = 1;
  const hsize_t chunk_rows = std::max<hsize_t>(1, std::min(chunk[0], dims[0]));
  const hsize_t band = chunk_rows * std::max<hsize_t>(1, (hsize_t{16} << 20) / (sizeof(double) * dims[1] * chunk_rows));
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  RowMajor buf;
  for (hsize_t r0 = 0; r0 < dims[0]; r0 += band) {
    const hsize_t start[2] = {r0, 0}, count[2] = {std::min(band, dims[0] - r0), dims[1]};
    buf = M.middleRows(static_cast<Eigen::Index>(r0), static_cast<Eigen::Index>(count[0]));
    H5Id mem(H5Screate_simple(2, count, nullptr), H5Sclose);
    if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0 ||
        H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, mem.get(), space.get(), H5P_DEFAULT, buf.data()) < 0)
      write_fail(w, "dataset '" + name + "'");
  }
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
      ds.get(), ds.get(), type.get(), space.get(),
      [&](hid_t mem, void* buf) { return H5Dread(ds.get(), mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf); },
      "dataset '" + path + "'", r);
}

std::vector<std::int64_t> h5_read_int64s(hid_t loc, const std::string& path, const H5Reader& r) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id type(H5Dget_type(ds.get()), H5Tclose);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  if (H5Tget_class(type.get()) != H5T_INTEGER) read_fail(r, path, "must hold integers");
  const std::size_t n = check_declared(ds.get(), ds.get(), type.get(), space.get(), sizeof(std::int64_t), false, r,
                                       "dataset '" + path + "'");
  std::vector<std::int64_t> v(n);
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
  const std::size_t n =
      check_declared(ds.get(), ds.get(), type.get(), space.get(), sizeof(double), false, r, "dataset '" + path + "'");
  std::vector<double> v(n);
  if (!v.empty() && H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
    read_fail(r, path, "cannot be read");
  return v;
}

std::size_t h5_checked_length(hid_t loc, const std::string& path, const H5Reader& r, std::size_t mem_elem,
                              bool integers) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id type(H5Dget_type(ds.get()), H5Tclose);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  const auto cls = H5Tget_class(type.get());
  if (integers && cls != H5T_INTEGER) read_fail(r, path, "must hold integers");
  if (!integers && cls != H5T_FLOAT && cls != H5T_INTEGER) read_fail(r, path, "must hold numbers");
  return check_declared(ds.get(), ds.get(), type.get(), space.get(), mem_elem, false, r, "dataset '" + path + "'");
}

namespace {

void read_all_into(hid_t loc, const std::string& path, const H5Reader& r, hid_t mem_type, void* out) {
  H5Id ds = open_dataset(loc, path, r);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count <= 0) return;
  H5Id file_type(H5Dget_type(ds.get()), H5Tclose);
  const std::size_t mem_size = H5Tget_size(mem_type);
  if (H5Tget_size(file_type.get()) == mem_size || H5Sget_simple_extent_ndims(space.get()) != 1) {
    if (H5Dread(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0) read_fail(r, path, "cannot be read");
    return;
  }
  // A type to convert (int32 row indices into int64): in slabs of 2^20 elements, so that HDF5's
  // conversion buffer stays small instead of a copy of the whole dataset.
  constexpr hsize_t kSlab = hsize_t{1} << 20;
  auto* bytes = static_cast<unsigned char*>(out);
  for (hsize_t start = 0; start < static_cast<hsize_t>(count); start += kSlab) {
    const hsize_t len = std::min(kSlab, static_cast<hsize_t>(count) - start);
    H5Id mem(H5Screate_simple(1, &len, nullptr), H5Sclose);
    if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &start, nullptr, &len, nullptr) < 0 ||
        H5Dread(ds.get(), mem_type, mem.get(), space.get(), H5P_DEFAULT, bytes + start * mem_size) < 0)
      read_fail(r, path, "cannot be read");
  }
}

}  // namespace

void h5_read_doubles_into(hid_t loc, const std::string& path, const H5Reader& r, double* out) {
  read_all_into(loc, path, r, H5T_NATIVE_DOUBLE, out);
}

void h5_read_int64s_into(hid_t loc, const std::string& path, const H5Reader& r, std::int64_t* out) {
  read_all_into(loc, path, r, H5T_NATIVE_INT64, out);
}

tables::Matrix h5_read_matrix(hid_t loc, const std::string& path, const H5Reader& r) {
  const auto dims = h5_dims(loc, path, r);
  if (dims.empty() || dims.size() > 2)
    read_fail(r, path, "has rank " + std::to_string(dims.size()) + ", expected a (rows, cols) matrix");
  const auto rows = static_cast<Eigen::Index>(dims.size() == 2 ? dims[0] : 1);
  const auto cols = static_cast<Eigen::Index>(dims.size() == 2 ? dims[1] : dims[0]);
  (void)h5_checked_length(loc, path, r, sizeof(double), false);  // numbers, and no more than the file holds
  tables::Matrix out(rows, cols);
  if (out.size() == 0) return out;
  if (rows == 1 || cols == 1) {  // the file's row-major order is the matrix's own
    h5_read_doubles_into(loc, path, r, out.data());
    return out;
  }
  // Row bands of about 16 MiB (whole chunks where the dataset is chunked), each transposed into
  // the column-major result: the peak is the matrix plus one band, not a second full copy
  // (2.1 GB more for Y of a 2500-county table, docs/scale.md).
  H5Id ds = open_dataset(loc, path, r);
  H5Id space(H5Dget_space(ds.get()), H5Sclose);
  H5Id dcpl(H5Dget_create_plist(ds.get()), H5Pclose);
  hsize_t chunk[2] = {1, 1};
  if (H5Pget_layout(dcpl.get()) != H5D_CHUNKED || H5Pget_chunk(dcpl.get(), 2, chunk) != 2) chunk[0] = 1;
  const auto nrows = static_cast<hsize_t>(rows), ncols = static_cast<hsize_t>(cols);
  const hsize_t chunk_rows = std::max<hsize_t>(1, std::min(chunk[0], nrows));
  const hsize_t band = chunk_rows * std::max<hsize_t>(1, (hsize_t{16} << 20) / (sizeof(double) * ncols * chunk_rows));
  std::vector<double> buf(static_cast<std::size_t>(std::min(band, nrows) * ncols));
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  for (hsize_t r0 = 0; r0 < nrows; r0 += band) {
    const hsize_t start[2] = {r0, 0}, count[2] = {std::min(band, nrows - r0), ncols};
    H5Id mem(H5Screate_simple(2, count, nullptr), H5Sclose);
    if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0 ||
        H5Dread(ds.get(), H5T_NATIVE_DOUBLE, mem.get(), space.get(), H5P_DEFAULT, buf.data()) < 0)
      read_fail(r, path, "cannot be read");
    const auto k = static_cast<Eigen::Index>(count[0]);
    out.middleRows(static_cast<Eigen::Index>(r0), k) = Eigen::Map<const RowMajor>(buf.data(), k, cols);
  }
  return out;
}

}  // namespace irio::io::internal
