// SPDX-License-Identifier: MIT
// Read concordance (grouping) CSV files: one member -> group pair per line (methods.md §6.1), and
// find the standard Chinese region groupings shipped in tables/groupings/.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/grouping.h"

namespace irio::io {

/// Read a grouping CSV. The header names the columns; "member" and "group" (or "from" and
/// "to") are required, any other column (e.g. member_name, group_name) is ignored; lines whose
/// first field starts with '#' are comments. `name` defaults to the file name without folder
/// and extension. Throws InputError naming file and line for a missing column, an empty or
/// duplicated member, or an empty group.
tables::Grouping read_grouping_csv(const std::string& path, const std::string& name = "");

/// The folder of the shipped groupings (tables/groupings/ of the source, copied to share/irio/groupings
/// of the build tree and of an installed prefix): $IRIO_GROUPINGS_DIR if set, else see
/// shipped_data_dir().
std::string groupings_dir();
/// Names of the shipped groupings (file names without ".csv"), sorted.
std::vector<std::string> standard_groupings();
/// `spec` is a path to a CSV file, or the name of a shipped grouping ("four_regions"). Throws
/// InputError listing the shipped names when neither exists.
tables::Grouping load_grouping(const std::string& spec);

}  // namespace irio::io
