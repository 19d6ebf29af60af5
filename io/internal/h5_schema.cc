// SPDX-License-Identifier: MIT
// Root schema attributes of irio HDF5 files.
#include "irio/io/internal/h5_schema.h"

#include "irio/tables/error.h"
#include "irio/version.h"

namespace irio::io::internal {

void write_schema_header(hid_t file, const std::string& content, const H5Writer& w) {
  unsigned maj = 0, min = 0, rel = 0;
  H5get_libversion(&maj, &min, &rel);
  h5_write_attr(file, "irio_schema_version", kSchemaVersion, w);
  h5_write_attr(file, "irio_content", content, w);
  h5_write_attr(file, "created_by",
                std::string("irio ") + IRIO_VERSION_STRING + " (HDF5 " + std::to_string(maj) + "." +
                    std::to_string(min) + "." + std::to_string(rel) + ")",
                w);
}

bool has_schema_header(hid_t file) { return h5_has_attr(file, "irio_schema_version"); }

void check_schema_header(hid_t file, const H5Reader& r) {
  if (!has_schema_header(file))
    throw InputError(r.file + ": not an irio table (the root has no 'irio_schema_version' attribute)");
  const auto v = h5_read_ints_attr(file, "irio_schema_version", r, "/");
  if (v.size() != 1 || v[0] < 1)
    throw InputError(r.file + ": attribute 'irio_schema_version' must be one positive integer");
  if (v[0] > kSchemaVersion)
    throw InputError(r.file + ": written with irio schema version " + std::to_string(v[0]) +
                     "; this build reads version " + std::to_string(kSchemaVersion) + " (update irio)");
}

}  // namespace irio::io::internal
