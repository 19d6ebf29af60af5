// SPDX-License-Identifier: MIT
// Printing shared by the verbs: progress on stderr, the §6.2 identity diagnostics, participation
// by groups of regions.
#pragma once

#include <string>
#include <vector>

#include "irio/analysis/summary_text.h"
#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio::cli {

/// Progress on stderr. On a terminal: one bar redrawn in place (tables/progress_bar.h: bar,
/// percentage, elapsed time, phase), at most every 0.1 s, ended by a newline when a phase
/// reaches 100 %. Not a terminal (a log file, a pipe): one plain line per new phase, no control
/// characters. `quiet`: nothing (an empty ProgressFn).
ProgressFn stderr_progress(bool quiet = false);
/// Print how many identity checks passed (methods.md §6.2); list the failures.
void print_diagnostics(const tables::TidyTable& d);

/// Print the participation of each group of one grouping (summary_text.h) on stdout.
void print_groups(const solver::gvc::GroupedChains& gc);

using irio::display_width;
using irio::name_suffix;
using irio::name_width;
using irio::pad;

}  // namespace irio::cli
