// SPDX-License-Identifier: MIT
// Progress callback for long computations: fraction done in [0, 1] and a short stage name.
#pragma once

#include <functional>
#include <string>

namespace irio {

using ProgressFn = std::function<void(double fraction, const std::string& stage)>;

/// Call `f` if set.
inline void report_progress(const ProgressFn& f, double fraction, const std::string& stage) {
  if (f) f(fraction, stage);
}

}  // namespace irio
