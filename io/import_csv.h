// SPDX-License-Identifier: MIT
// Import and export of a table as labelled wide CSV files (Z.csv, Y.csv, V.csv, x.csv, exogenous
// exports.csv / imports.csv, satellite CSVs, region->country map); layouts in docs/formats.md.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "irio/io/table_store.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// The country of a provincial table imported without a country map (see CsvImportOptions).
inline constexpr const char* kOneCountryName = "national";

struct CsvImportOptions {
  std::string Z;        ///< required: intermediate flows, two header rows, two index columns
  std::string Y;        ///< required: final demand, columns (region, category)
  std::string V;        ///< optional: value-added components, one index column
  std::string x;        ///< optional: gross output (region, sector, x)
  std::string exports;  ///< optional: exogenous exports, index (region, sector), one header row of categories
  std::string imports;  ///< optional: exogenous imports, one index column (component), as V
  /// Optional region -> country map (region, country). Without one, a table with exports or
  /// imports columns (an exogenous rest of the world) makes its regions the provinces of one
  /// country named kOneCountryName; a table without them makes each region its own country.
  std::string countries;
  /// Decimal separator of the numbers in every file: '.' or ',' (`--decimal ,`; fields are then
  /// separated by ';' or tabs).
  char decimal = '.';
  /// Optional satellites as (name, file): index column stressor [+ unit], F then optional F_Y.
  std::vector<std::pair<std::string, std::string>> satellites;
  /// Optional display names (`--sector-names`, `--region-names`): CSV code,name (header
  /// optional); a code left out keeps no name, an unknown or repeated code is an error.
  std::string sector_names;
  std::string region_names;
  tables::TableMeta meta;  ///< name, year, unit, ... to store

  /// Empty if valid, else the reason (Z or Y missing, a satellite without name or file).
  std::string validate() const;
};

/// Read the CSV files into a table. Rows and columns may come in any order: they are matched
/// by label and stored region-major (methods.md §0.1). Throws InputError naming the file, line and
/// label for: ragged rows, non-numeric cells, duplicate labels, Z rows != Z columns, Y, V, exports,
/// imports or satellite labels that are not those of Z, incomplete region x sector or region x
/// category grids, rows of Y or exports missing.
tables::IoTable import_csv(const CsvImportOptions& opt);

/// Write `t` to folder `dir` in the same layout: Z.csv, Y.csv, V.csv (if V has rows), x.csv (if
/// x is supplied), exports.csv / imports.csv (if the table has exogenous exports / imports),
/// countries.csv, satellite_<name>.csv, and the display names where the table has them:
/// sector_names.csv and region_names.csv (code,name; a code without a name repeats the code), as
/// `--sector-names` / `--region-names` read them. Returns the files written.
std::vector<std::string> export_csv(const tables::IoTable& t, const std::string& dir, const WriteOptions& opt = {});

/// Read a region -> country map (columns region,country; header optional) and set
/// `labels.countries` (in order of first appearance) and `labels.country_of_region`. Throws
/// InputError naming file and line for an unknown or repeated region, and for a missing region.
void read_country_map(const std::string& path, tables::Labels& labels);

/// Read display names from a CSV of code,name (a header row "code,name" is skipped): returns
/// one name per code of `codes`, "" for a code the file leaves out. Throws InputError naming the
/// file and line for a code that is not in `codes` (`what`: "sector", "region") or is repeated.
std::vector<std::string> read_display_names(const std::string& path, const std::vector<std::string>& codes,
                                            const std::string& what);

}  // namespace irio::io
