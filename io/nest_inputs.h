// SPDX-License-Identifier: MIT
// The small CSV inputs of `irio nest` (docs/world-tables.md, "Nesting a provincial table"): the
// sector concordance between a provincial and a world table, and a user's export allocation key.
#pragma once

#include <string>

#include "irio/tables/nesting.h"

namespace irio::io {

/// Read a sector concordance CSV: a header with the columns `provincial` and `world` (or `from`
/// and `to`) and optionally `weight`; other columns (names, notes) are ignored; lines whose first
/// field starts with '#' are comments. An empty weight is "not given" (NaN). InputError naming the
/// file and line for a missing column, an empty code, a weight that is not a number in [0, 1], or
/// a pair given twice.
tables::SectorConcordance read_sector_concordance(const std::string& path);

/// Read an allocation key CSV with the columns `region`, `sector` (a world sector) and `weight`.
/// InputError naming the file and line for a missing column or a bad number.
std::vector<tables::AllocationWeight> read_allocation_weights(const std::string& path);

}  // namespace irio::io
