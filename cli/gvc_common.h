// SPDX-License-Identifier: MIT
// Helpers shared by the value-chain verbs (chains, trade, position); defined in cmd_chains.cc.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/grouping.h"
#include "irio/tables/io_table.h"
#include "irio/tables/progress.h"
#include "irio/tables/tidy_table.h"

namespace irio::cli::gvc_cli {

/// Read a table; with a non-empty `countries` CSV (region,country), replace its region->country map.
tables::IoTable load_table_with_countries(const std::string& table, const std::string& countries);
/// Progress on stderr, at most every 0.5 s (and at the end).
ProgressFn stderr_progress();
/// Read the --groups specs (a grouping CSV or a shipped name) and check, before any computation,
/// that each covers every region of the table (InputError naming the table file and the regions).
std::vector<tables::Grouping> load_groupings(const std::vector<std::string>& specs, const tables::IoTable& t,
                                             const std::string& table_path);
/// Print the participation of each group of one grouping (ratios of sums).
void print_groups(const solver::gvc::GroupedChains& gc);
/// Print failing §6 identities of a diagnostics table.
void print_diagnostics(const tables::TidyTable& d);

}  // namespace irio::cli::gvc_cli
