// SPDX-License-Identifier: MIT
// In-place edits of HDF5 files without exposing hdf5.h: used by the io tests to build broken
// inputs (and handy when repairing a file by hand). Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::io::internal {

/// Create an empty HDF5 file (no irio attributes).
void h5_patch_create_empty(const std::string& file);
/// Delete the link `object` (a dataset or group path) from `file`.
void h5_patch_remove(const std::string& file, const std::string& object);
/// Replace (or create) the root integer attribute `name`.
void h5_patch_root_int_attr(const std::string& file, const std::string& name, std::int64_t value);
/// Delete the attribute `name` of the object `object`.
void h5_patch_remove_attr(const std::string& file, const std::string& object, const std::string& name);
/// Replace (or create) the string attribute `name` of the object (group or dataset) `object`.
void h5_patch_string_attr(const std::string& file, const std::string& object, const std::string& name,
                          const std::string& value);
/// Replace (or create) dataset `object` with a dense row-major matrix / vector / string list.
void h5_patch_matrix(const std::string& file, const std::string& object, const tables::Matrix& M);
void h5_patch_vector(const std::string& file, const std::string& object, const std::vector<double>& v);
void h5_patch_int64s(const std::string& file, const std::string& object, const std::vector<std::int64_t>& v);
void h5_patch_strings(const std::string& file, const std::string& object, const std::vector<std::string>& v);
/// Replace (or create) dataset `object` declaring the shape `dims` without storing its values
/// (a forged file): doubles, or fixed-length strings of `string_size` bytes when that is > 0.
/// With `compressed`, the dataset is chunked (one row, or 65536 entries, per chunk) and deflated,
/// and only its first chunk is written.
void h5_patch_declare(const std::string& file, const std::string& object, const std::vector<std::uint64_t>& dims,
                      std::size_t string_size = 0, bool compressed = false);

/// How dataset `object` is stored: its element type ("int" | "float" | "string" | "other") and
/// size in bytes, and the number of filters (deflate, shuffle, ...) in its pipeline.
struct H5StoredAs {
  std::string type_class;
  std::size_t bytes = 0;
  int filters = 0;
};
H5StoredAs h5_stored_as(const std::string& file, const std::string& object);

}  // namespace irio::io::internal
