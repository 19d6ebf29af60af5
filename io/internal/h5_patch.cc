// SPDX-License-Identifier: MIT
// In-place HDF5 edits for tests and repairs.
#include "irio/io/internal/h5_patch.h"

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

void h5_patch_remove_root_attr(const std::string& file, const std::string& name) {
  H5Id f = open_rw(file);
  if (H5Adelete(f.get(), name.c_str()) < 0) throw OutputError(file + ": no root attribute '" + name + "'");
}

void h5_patch_root_int_attr(const std::string& file, const std::string& name, std::int64_t value) {
  H5Id f = open_rw(file);
  if (h5_has_attr(f.get(), name)) H5Adelete(f.get(), name.c_str());
  h5_write_attr(f.get(), name, value, H5Writer{file, 0});
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

void h5_patch_strings(const std::string& file, const std::string& object, const std::vector<std::string>& v) {
  H5Id f = open_rw(file);
  drop(f.get(), object);
  h5_write_strings(f.get(), object, v, H5Writer{file, 0});
}

}  // namespace irio::io::internal
