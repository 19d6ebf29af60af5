// SPDX-License-Identifier: MIT
// Read a CEADs China multi-regional input-output workbook (2012 and 2017/2018/2020 layouts) into
// an IoTable with one country and an exogenous rest of the world (methods.md §5.5).
#pragma once

#include <string>
#include <vector>

#include "irio/io/xlsx_reader.h"
#include "irio/tables/balance.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// Which release layout the sheet follows. The two differ only in the sheet name and in the
/// number of final-demand columns per province (5 for 2017+, 4 for 2012); both are derived from
/// the sheet, the edition only picks the default sheet and the expected K.
enum class CeadsEdition { kAuto, k2012, k2017 };
/// to_string gives "2017+" for the 2017 layout (it also covers 2018 and 2020); "2017" parses too.
inline constexpr EnumTable<CeadsEdition, 4> kCeadsEditionNames{"CEADs edition",
                                                               {{{CeadsEdition::kAuto, "auto"},
                                                                 {CeadsEdition::k2012, "2012"},
                                                                 {CeadsEdition::k2017, "2017+"},
                                                                 {CeadsEdition::k2017, "2017"}}}};
constexpr const auto& enum_table(CeadsEdition) { return kCeadsEditionNames; }
const char* to_string(CeadsEdition e);

/// Where the header rows and label columns are (0-based). The defaults are the CEADs layout
/// (data/README.md): row 1 title, row 2 provinces, row 3 sector names / final-demand labels,
/// row 4 codes, data from row 5; columns A-C province, sector name, sector code.
struct CeadsLayout {
  std::size_t province_row = 1;
  std::size_t name_row = 2;
  std::size_t code_row = 3;
  std::size_t first_data_row = 4;
  std::size_t province_col = 0;
  std::size_t name_col = 1;
  std::size_t code_col = 2;
  std::size_t first_data_col = 3;
};

struct CeadsOptions {
  std::string sheet;  ///< empty: "Table_YYYY_English Version", else "2012MRIO"
  CeadsEdition edition = CeadsEdition::kAuto;
  std::string country = "CHN";  ///< the one country all provinces belong to
  CeadsLayout layout;
  /// A table total (TIU, TFU, GO, TII, TVA, TI) that differs from the sum of its parts by more
  /// than rel_tol * max(1, |total|, |sum|) is reported as a warning (an error when strict).
  double rel_tol = 1e-6;
  bool strict = false;  ///< throw BalanceError instead of returning mismatches as findings
  XlsxLimits limits;
  /// Refuse sheets whose blocks would need more than this many matrix entries (n^2 + n G K):
  /// a guard against hostile files (a real 31 x 42 table needs 1.9 million).
  std::size_t max_elements = 100000000;

  /// Empty if valid, else the reason (empty country, negative rel_tol, layout rows/columns out of
  /// order, max_elements 0).
  std::string validate() const;
};

/// The table plus what the reader found out about the sheet.
struct CeadsResult {
  tables::IoTable table;
  std::vector<std::string> sector_names;  ///< N names from column B (codes are the labels)
  std::string sheet;
  CeadsEdition edition = CeadsEdition::kAuto;
  /// One finding per failed total check (naming row/column, province and sector) and per
  /// layout oddity (e.g. an unexpected number of final-demand categories); empty when clean.
  std::vector<tables::Finding> findings;
  tables::Severity status = tables::Severity::kOk;
  /// Whether the sheet's TII row includes the IM row (both conventions are accepted).
  bool tii_includes_imports = false;
  std::string report() const;  ///< multi-line summary for the terminal
};

/// Read a CEADs workbook. Mapping (methods.md §5.5, "inter-provincial MRIO with exogenous foreign
/// sector"):
///   - Z block (G N x G N) -> IoTable::Z, regions = provinces (row 2 / column A), sectors = codes;
///   - K final-demand columns per province -> Y (n x G K), fd_categories = their codes;
///   - EX column -> exports "EX"; ERR column (if present) -> exports "ERR" (kept as exogenous
///     final demand, never dropped: §5.5);
///   - IM row -> imports (1 x n, "IM"); VA001-VA004 -> V; GO column -> x;
///   - an optional "CO2" row -> satellite "CO2" (unit from the label, e.g. "Mt").
/// labels.countries = {options.country}, every province maps to it.
/// Throws InputError naming the file, sheet and cell for: not an xlsx, missing sheet (the sheets
/// present are listed), missing code/province headers, provinces with different sector lists or
/// final-demand categories, duplicated provinces, rows that do not match the columns, text in
/// numeric cells. Total mismatches are findings (or BalanceError when strict).
CeadsResult read_ceads(const std::string& path, const CeadsOptions& opt = {});
CeadsResult read_ceads(const XlsxWorkbook& book, const CeadsOptions& opt = {});
/// Parse an already loaded sheet.
CeadsResult parse_ceads_sheet(const XlsxSheet& sheet, const CeadsOptions& opt = {});

/// The CEADs sheet of a workbook by the naming rules above, or "" if none matches.
std::string find_ceads_sheet(const XlsxWorkbook& book, CeadsEdition edition = CeadsEdition::kAuto);

}  // namespace irio::io
