// SPDX-License-Identifier: MIT
// Printing shared by the verbs: progress on stderr, the §6.2 identity diagnostics, participation
// by groups of regions.
#pragma once

#include <string>
#include <vector>

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

/// "  NAME" to end a printed line with a display name; "" for no name (no trailing blanks).
inline std::string name_suffix(const std::string& name) { return name.empty() ? name : "  " + name; }
/// Print the participation of each group of one grouping (ratios of sums), in the columns and
/// order of `irio chains`' table by region: NVC forward, NVC backward, GVC forward, GVC backward.
void print_groups(const solver::gvc::GroupedChains& gc);

/// Columns a text takes on a terminal: one per code point, two for East Asian wide and
/// full-width characters (CJK, Hangul, full-width forms), none for combining marks.
std::size_t display_width(const std::string& s);
/// `s` followed by blanks up to `width` display columns (never cut), for aligned tables.
std::string pad(const std::string& s, std::size_t width);
/// Width of a name column: the widest of `names` and `header`, at least `min`.
std::size_t name_width(const std::vector<std::string>& names, const std::string& header, std::size_t min);

}  // namespace irio::cli
