// SPDX-License-Identifier: MIT
// Printing shared by the verbs (report.h).
#include "cli/report.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

namespace irio::cli {

ProgressFn stderr_progress() {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [last](double f, const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    if (f < 1.0 && now - *last < std::chrono::milliseconds(500)) return;
    *last = now;
    std::fprintf(stderr, "  [%3.0f%%] %s\n", 100.0 * f, stage.c_str());
  };
}

void print_diagnostics(const tables::TidyTable& d) {
  std::size_t fail = 0;
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    if (d.key(3, i) != "true") {
      ++fail;
      std::cout << "  identity FAILED: " << d.key(0, i) << " [" << d.key(1, i) << "] residual " << d.value(i)
                << " > " << d.key(2, i) << "\n";
    }
  std::cout << "Identities (methods.md §6.2): " << d.num_rows() - fail << " of " << d.num_rows() << " hold\n";
}

void print_groups(const solver::gvc::GroupedChains& gc) {
  // |x| < 5e-13 shown as 0: round-off of terms that are zero by construction (e.g. NVC abroad).
  auto show = [](double v) { return std::abs(v) < 5e-13 ? 0.0 : v; };
  std::printf("\nBy %s (ratios of sums over the group's region-sectors):\n", gc.grouping.c_str());
  std::printf("  %-22s %9s %9s %9s %9s\n", "group", "NVC fwd", "NVC bwd", "GVC fwd", "GVC bwd");
  for (std::size_t k = 0; k < gc.groups.size(); ++k) {
    const auto r = static_cast<Eigen::Index>(k);
    std::printf("  %-22s %9.4f %9.4f %9.4f %9.4f\n", gc.groups[k].c_str(), show(gc.participation(r, 0)),
                show(gc.participation(r, 1)), show(gc.participation(r, 2)), show(gc.participation(r, 3)));
  }
}

}  // namespace irio::cli
