// SPDX-License-Identifier: MIT
// Printing shared by the verbs (report.h).
#include "cli/report.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "irio/analysis/process_group.h"
#include "irio/tables/progress_bar.h"

namespace irio::cli {

ProgressFn stderr_progress(bool quiet) {
  if (quiet || !parallel::is_root()) return {};  // under mpirun rank 0 alone shows progress
  struct State {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last{};
    std::string phase;
    bool tty = isatty(STDERR_FILENO) != 0;
  };
  auto st = std::make_shared<State>();
  return [st](double f, const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - st->start).count();
    if (!st->tty) {
      if (stage == st->phase) return;
      st->phase = stage;
      std::fprintf(stderr, "  %s\n", tables::progress_phase_line(elapsed, stage).c_str());
      return;
    }
    if (f < 1.0 && stage == st->phase && now - st->last < std::chrono::milliseconds(100)) return;
    st->last = now;
    st->phase = stage;
    // \r and "erase to end of line": the bar replaces itself.
    std::fprintf(stderr, "\r\033[K  %s", tables::progress_bar_line(f, elapsed, stage).c_str());
    if (f >= 1.0) std::fputc('\n', stderr);
    std::fflush(stderr);
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
