// SPDX-License-Identifier: MIT
// The root attributes that mark a file as irio's HDF5 schema (docs/hdf5-schema.md).
#pragma once

#include <cstdint>
#include <string>

#include "irio/io/internal/h5.h"

namespace irio::io::internal {

constexpr std::int64_t kSchemaVersion = 1;

/// Root attributes irio_schema_version = 1, irio_content ("table" or "results") and created_by.
void write_schema_header(hid_t file, const std::string& content, const H5Writer& w);
/// Throws InputError if the file has no irio_schema_version attribute (not an irio file) or a
/// version newer than this build reads.
void check_schema_header(hid_t file, const H5Reader& r);
/// True if the root carries irio_schema_version.
bool has_schema_header(hid_t file);

}  // namespace irio::io::internal
