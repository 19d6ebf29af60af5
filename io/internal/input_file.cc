// SPDX-License-Identifier: MIT
#include "irio/io/internal/input_file.h"

#include <filesystem>
#include <system_error>

#include "irio/tables/error.h"

namespace irio::io::internal {

void reject_special_file(const std::string& path, const std::string& what) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);  // follows links
  const auto kind = st.type();
  if (kind == fs::file_type::regular) return;
  std::string is;
  switch (kind) {
    case fs::file_type::not_found:
      if (!fs::is_symlink(fs::symlink_status(path, ec))) return;  // missing: the caller says so
      is = "is a link to nothing (dangling symbolic link)";
      break;
    case fs::file_type::directory: is = "is a directory"; break;
    case fs::file_type::fifo: is = "is a named pipe (FIFO)"; break;
    case fs::file_type::socket: is = "is a socket"; break;
    case fs::file_type::block:
    case fs::file_type::character: is = "is a device"; break;
    default: is = "cannot be examined (" + ec.message() + ")"; break;
  }
  throw InputError("'" + path + "' " + is + ", not a regular file (expected " + what +
                   "); irio reads tables and inputs from regular files only");
}

}  // namespace irio::io::internal
