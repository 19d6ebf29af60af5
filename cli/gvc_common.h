// SPDX-License-Identifier: MIT
// Helpers shared by the value-chain verbs (chains, trade, position); defined in cmd_chains.cc.
#pragma once

#include <string>

#include "tables/io_table.h"
#include "tables/progress.h"
#include "tables/tidy_table.h"

namespace irio::cli::gvc_cli {

/// Read a table; with a non-empty `countries` CSV (region,country), replace its region->country map.
tables::IoTable load_table_with_countries(const std::string& table, const std::string& countries);
/// Progress on stderr, at most every 0.5 s (and at the end).
ProgressFn stderr_progress();
/// Print failing §6 identities of a diagnostics table.
void print_diagnostics(const tables::TidyTable& d);

}  // namespace irio::cli::gvc_cli
