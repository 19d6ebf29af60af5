// SPDX-License-Identifier: MIT
// Display-name columns for tidy results: `sector_name` and `region_name` beside the codes
// (docs/formats.md, "Name columns").
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio {

/// For each sector key column of a result (is_sector_column: `sector`, `source_sector`, ...),
/// when `table` has sector names, append the key column `<column>_name` after the existing key
/// columns; likewise for each region key column (is_region_column: `region`, `exporter`,
/// `importer`, `absorber`, `source_region`, `using_region`, `unit`) when the table's region names
/// differ from the codes. A level that is not a code of the table (e.g. a country, a group or
/// "total") is its own name. A result with a `stressor` key column (footprints_<satellite>) also
/// gets `stressor_unit`, the unit of each stressor in the table's satellite, where it has units;
/// the result of an impact (`impact`) gets `indicator_unit`: the table's unit for output and
/// value added, the stressor's unit for SATELLITE/STRESSOR.
/// Results that already have the column are left alone, so calling this twice is harmless.
void add_display_names(std::vector<tables::TidyTable>& results, const tables::IoTable& table);
void add_display_names(tables::TidyTable& result, const tables::IoTable& table);
/// `stressor_unit` beside the `stressor` key column from the units of `satellite` (a satellite
/// that is not the table's, e.g. the impacts of a characterisation); nothing when it has no unit
/// or the column is there already.
void add_stressor_units(tables::TidyTable& result, const tables::Satellite& satellite);

/// Display names of region-sector i for printed summaries: "China, Electrical and optical
/// equipment" (the region name only where region names differ from the codes); "" without names.
std::string display_names_of(const tables::Labels& labels, std::size_t i);

/// The display name of one region / sector code for printed summaries: its name where the table
/// has names that say more than the code (region names that differ from the codes, any sector
/// names), "" otherwise and for a label that is not a code of the table (a group, "total").
std::string region_display_name(const tables::Labels& labels, const std::string& code);
std::string sector_display_name(const tables::Labels& labels, const std::string& code);

/// Key columns of results that hold region codes (or other units: countries, groups), and those
/// that hold sector codes.
bool is_region_column(const std::string& column);
bool is_sector_column(const std::string& column);

/// The key columns that add_display_names appends ("sector_name", "exporter_name", ...,
/// "stressor_unit", "indicator_unit"): readers
/// of result files (irio aggregate) treat them as labels of their code column, not as keys.
bool is_display_name_column(const std::string& column);

}  // namespace irio
