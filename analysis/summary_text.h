// SPDX-License-Identifier: MIT
// The printed summary of a verb (what `irio VERB` prints before "wrote ...", and what Python's
// results carry as text): the §6.2 identity count, participation by groups, aligned columns.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/tidy_table.h"

namespace irio {

/// How many identity checks passed (methods.md §6.2), each failure listed first.
void print_diagnostics(std::ostream& out, const tables::TidyTable& d);

/// "  NAME" to end a printed line with a display name; "" for no name (no trailing blanks).
inline std::string name_suffix(const std::string& name) { return name.empty() ? name : "  " + name; }

/// The participation of each group of one grouping (ratios of sums), in the columns and order of
/// `irio chains`' table by region: NVC forward, NVC backward, GVC forward, GVC backward.
void print_groups(std::ostream& out, const solver::gvc::GroupedChains& gc);

/// Columns a text takes on a terminal: one per code point, two for East Asian wide and
/// full-width characters (CJK, Hangul, full-width forms), none for combining marks.
std::size_t display_width(const std::string& s);
/// `s` followed by blanks up to `width` display columns (never cut), for aligned tables.
std::string pad(const std::string& s, std::size_t width);
/// Width of a name column: the widest of `names` and `header`, at least `min`.
std::size_t name_width(const std::vector<std::string>& names, const std::string& header, std::size_t min);

/// printf into a stream (the summaries' fixed-width columns).
void print_formatted(std::ostream& out, const char* format, ...) __attribute__((format(printf, 2, 3)));

}  // namespace irio
