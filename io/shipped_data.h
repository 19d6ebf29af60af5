// SPDX-License-Identifier: MIT
// Where irio finds the data it ships (region groupings, validation cases) at run time, in the
// build tree and after `cmake --install`, without a source path compiled in.
#pragma once

#include <string>
#include <vector>

namespace irio::io {

/// The folder `share/irio/<sub>` that holds shipped data, looked up in this order:
///   1. the environment variable `env_var` if set and non-empty;
///   2. `<dir>/share/irio/<sub>` and `<dir>/../share/irio/<sub>`, where <dir> is the folder of the
///      executable or shared library that contains this code (the build tree has share/irio
///      beside the `irio` binary; an installed prefix has bin/ or lib/ beside share/).
/// Returns the first that exists, else the first candidate of step 2 (so that error messages
/// name a concrete folder).
std::string shipped_data_dir(const std::string& sub, const char* env_var);

/// The candidate folders of step 2 above, for error messages.
std::vector<std::string> shipped_data_candidates(const std::string& sub);

}  // namespace irio::io
