// SPDX-License-Identifier: MIT
// Turn an allocation failure while reading a file into an InputError that names the file
// (exit 2, not the CLI's "internal error" 70): whatever limit a reader checks, a file can still
// declare more than the machine holds.
#pragma once

#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "irio/tables/error.h"

namespace irio::io::internal {

/// Run f(); std::bad_alloc and std::length_error become InputError naming `file`.
template <typename F>
auto guard_memory(const std::string& file, F&& f) -> decltype(f()) {
  try {
    return std::forward<F>(f)();
  } catch (const std::bad_alloc&) {
    throw InputError(file +
                     ": out of memory while reading it (the file declares more data than this machine "
                     "can hold; docs/formats.md, \"Limits and encodings\")");
  } catch (const std::length_error&) {
    throw InputError(file + ": declares a size beyond what can be allocated (a corrupt or forged file)");
  }
}

}  // namespace irio::io::internal
