// SPDX-License-Identifier: MIT
// Printing shared by the verbs (report.h).
#include "cli/report.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "irio/analysis/runtime/process_group.h"
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

void print_diagnostics(const tables::TidyTable& d) { irio::print_diagnostics(std::cout, d); }
void print_groups(const solver::gvc::GroupedChains& gc) { irio::print_groups(std::cout, gc); }

}  // namespace irio::cli
