// SPDX-License-Identifier: MIT
// The root attributes that mark a file as irio's HDF5 schema (docs/hdf5-schema.md).
#pragma once

#include <cstdint>
#include <string>

#include "irio/io/internal/h5.h"

namespace irio::io::internal {

/// 2 added the optional /labels/*_names datasets; version 1 files are read as before.
constexpr std::int64_t kSchemaVersion = 2;

/// Root attributes irio_schema_version = kSchemaVersion, irio_content ("table" or "results") and created_by.
void write_schema_header(hid_t file, const std::string& content, const H5Writer& w);
/// Throws InputError if the file has no irio_schema_version attribute (not an irio file) or a
/// version newer than this build reads.
void check_schema_header(hid_t file, const H5Reader& r);
/// True if the root carries irio_schema_version.
bool has_schema_header(hid_t file);

}  // namespace irio::io::internal
