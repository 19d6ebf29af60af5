// SPDX-License-Identifier: MIT
// In-place HDF5 edits for tests and repairs.
#include "irio/io/internal/h5_patch.h"

#include <algorithm>

#include "irio/io/internal/h5.h"
#include "irio/tables/error.h"

namespace irio::io::internal {

namespace {
H5Id open_rw(const std::string& file) {
  silence_hdf5_errors();
  H5Id f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
  if (!f.valid()) throw OutputError("cannot open '" + file + "' for writing");
  return f;
}

void drop(hid_t f, const std::string& object) {
  if (h5_exists(f, object)) H5Ldelete(f, object.c_str(), H5P_DEFAULT);
}
}  // namespace

void h5_patch_create_empty(const std::string& file) {
  silence_hdf5_errors();
  H5Id f(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!f.valid()) throw OutputError("cannot create '" + file + "'");
}

void h5_patch_remove(const std::string& file, const std::string& object) {
  H5Id f = open_rw(file);
  if (!h5_exists(f.get(), object)) throw OutputError(file + ": no object '" + object + "' to remove");
  H5Ldelete(f.get(), object.c_str(), H5P_DEFAULT);
}

H5StoredAs h5_stored_as(const std::string& file, const std::string& object) {
  H5Id f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (f.get() < 0) throw InputError(file + ": cannot open");
  H5Id d(H5Dopen2(f.get(), object.c_str(), H5P_DEFAULT), H5Dclose);
  if (d.get() < 0) throw InputError(file + ": no dataset '" + object + "'");
  H5Id type(H5Dget_type(d.get()), H5Tclose), plist(H5Dget_create_plist(d.get()), H5Pclose);
  H5StoredAs out;
  switch (H5Tget_class(type.get())) {
    case H5T_INTEGER: out.type_class = "int"; break;
    case H5T_FLOAT: out.type_class = "float"; break;
    case H5T_STRING: out.type_class = "string"; break;
    default: out.type_class = "other";
  }
  out.bytes = H5Tget_size(type.get());
  out.filters = H5Pget_nfilters(plist.get());
  return out;
}

void h5_patch_root_int_attr(const std::string& file, const std::string& name, std::int64_t value) {
  H5Id f = open_rw(file);
  if (h5_has_attr(f.get(), name)) H5Adelete(f.get(), name.c_str());
  h5_write_attr(f.get(), name, value, H5Writer{file, 0});
}

void h5_patch_remove_attr(const std::string& file, const std::string& object, const std::string& name) {
  H5Id f = open_rw(file);
  H5Id o(H5Oopen(f.get(), object.c_str(), H5P_DEFAULT), H5Oclose);
  if (o.get() < 0 || H5Adelete(o.get(), name.c_str()) < 0)
    throw InputError(file + ": no attribute '" + name + "' on '" + object + "' to remove");
}

void h5_patch_string_attr(const std::string& file, const std::string& object, const std::string& name,
                          const std::string& value) {
  H5Id f = open_rw(file);
  H5Id o(H5Oopen(f.get(), object.c_str(), H5P_DEFAULT), H5Oclose);
  if (o.get() < 0) throw InputError(file + ": no object '" + object + "' to patch");
  if (h5_has_attr(o.get(), name)) H5Adelete(o.get(), name.c_str());
  h5_write_attr(o.get(), name, value, H5Writer{file, 0});
}

void h5_patch_matrix(const std::string& file, const std::string& object, const tables::Matrix& M) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  h5_write_matrix(f.get(), object, M, H5Writer{file, 0});
}

void h5_patch_vector(const std::string& file, const std::string& object, const std::vector<double>& v) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  h5_write_doubles(f.get(), object, v.data(), v.size(), H5Writer{file, 0});
}

void h5_patch_int64s(const std::string& file, const std::string& object, const std::vector<std::int64_t>& v) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  h5_write_int64s(f.get(), object, v, H5Writer{file, 0});
}

void h5_patch_strings(const std::string& file, const std::string& object, const std::vector<std::string>& v) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  h5_write_strings(f.get(), object, v, H5Writer{file, 0});
}

void h5_patch_declare(const std::string& file, const std::string& object, const std::vector<std::uint64_t>& dims,
                      std::size_t string_size, bool compressed) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  const std::vector<hsize_t> d(dims.begin(), dims.end());
  H5Id space(H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr), H5Sclose);
  H5Id type(H5Tcopy(string_size > 0 ? H5T_C_S1 : H5T_IEEE_F64LE), H5Tclose);
  if (string_size > 0) H5Tset_size(type.get(), string_size);
  H5Id plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  std::vector<hsize_t> chunk(d);
  if (compressed) {
    if (chunk.size() >= 2) chunk[0] = 1;
    else if (!chunk.empty()) chunk[0] = std::min<hsize_t>(chunk[0], 65536);
    H5Pset_chunk(plist.get(), static_cast<int>(chunk.size()), chunk.data());
    H5Pset_deflate(plist.get(), 9);
  }
  H5Id ds(H5Dcreate2(f.get(), object.c_str(), type.get(), space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT),
          H5Dclose);
  if (!ds.valid()) throw OutputError(file + ": cannot create dataset '" + object + "'");
  if (!compressed) return;
  hsize_t count = 1;
  for (auto c : chunk) count *= c;
  std::vector<char> zeros(static_cast<std::size_t>(count) * (string_size > 0 ? string_size : sizeof(double)), 0);
  const std::vector<hsize_t> start(d.size(), 0);
  H5Id mem(H5Screate_simple(static_cast<int>(chunk.size()), chunk.data(), nullptr), H5Sclose);
  H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, chunk.data(), nullptr);
  if (H5Dwrite(ds.get(), type.get(), mem.get(), space.get(), H5P_DEFAULT, zeros.data()) < 0)
    throw OutputError(file + ": cannot write the first chunk of '" + object + "'");
}

}  // namespace irio::io::internal
