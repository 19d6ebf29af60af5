// SPDX-License-Identifier: MIT
// Checks on an input path made before it is opened (issue 22 §3): a named pipe, socket or device
// would block a reader (or be read once and lost), so only regular files are read.
#pragma once

#include <string>

namespace irio::io::internal {

/// InputError when `path` exists but is not a regular file (after following links), or is a link to
/// nothing: the message names the path, what it is instead (a directory, a named pipe, a socket, a
/// device, a dangling link) and `what` the caller expected, e.g. "an irio HDF5 table". A missing
/// path is left to the caller's own message.
void reject_special_file(const std::string& path, const std::string& what);

}  // namespace irio::io::internal
