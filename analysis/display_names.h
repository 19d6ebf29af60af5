// SPDX-License-Identifier: MIT
// Display-name columns for tidy results: `sector_name` and `region_name` beside the codes
// (docs/formats.md, "Name columns").
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio {

/// For each result with a `sector` key column, when `table` has sector names, append the key
/// column `sector_name` after the existing key columns; likewise `region_name` for a `region`
/// key when the table's region names differ from the codes. A level that is not a code of the
/// table (e.g. a group or "total") is its own name. Results that already have the column are
/// left alone, so calling this twice is harmless.
void add_display_names(std::vector<tables::TidyTable>& results, const tables::IoTable& table);
void add_display_names(tables::TidyTable& result, const tables::IoTable& table);

/// Display names of region-sector i for printed summaries: "China, Electrical and optical
/// equipment" (the region name only where region names differ from the codes); "" without names.
std::string display_names_of(const tables::Labels& labels, std::size_t i);

/// The key columns that add_display_names appends ("sector_name", "region_name"): readers of
/// result files (irio aggregate) treat them as labels of their code column, not as keys.
bool is_display_name_column(const std::string& column);

}  // namespace irio
