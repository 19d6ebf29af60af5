// SPDX-License-Identifier: MIT
// Competitive-import provincial tables (methods.md §5.5): proportional conversion to a
// non-competitive table (no_reexport / reexport) and the single-province decomposition with
// the outside world exogenous.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/units.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver::gvc {

/// A single-region competitive-import table: Z mixes local, other-province and foreign inputs.
/// Row balance x = Z 1 + f + o + e - in - im + err (in, im as positive numbers).
struct CompetitiveTable {
  std::vector<std::string> sectors;  ///< N
  Matrix Z;                          ///< N x N intermediate use (all origins)
  Vector f;                          ///< local final use, N
  Vector o;                          ///< outflows to other provinces (调出), N
  Vector e;                          ///< exports abroad (出口), N
  Vector in;                         ///< inflows from other provinces (调入), positive, N
  Vector im;                         ///< imports (进口), positive, N
  Vector err;                        ///< other / error column, exogenous final demand; empty = none
};

/// Denominator of the source shares (§5.5): no_reexport u = Z1 + f (default), reexport
/// u = Z1 + f + o + e (outflows and exports are scaled by d as well and flagged).
enum class ImportConversion { kNoReexport, kReexport };
inline constexpr EnumTable<ImportConversion, 2> kImportConversionNames{
    "import conversion", {{{ImportConversion::kNoReexport, "no_reexport"}, {ImportConversion::kReexport, "reexport"}}}};
constexpr const auto& enum_table(ImportConversion) { return kImportConversionNames; }
ImportConversion import_conversion_from_string(const std::string& s);  ///< "no_reexport|reexport"

struct NonCompetitiveTable {
  std::vector<std::string> sectors;
  ImportConversion mode = ImportConversion::kNoReexport;
  Matrix ZD, ZN, ZM;           ///< d^ Z, s^N^ Z, s^M^ Z (local, other-province, foreign inputs), N x N
  Vector fD;                   ///< d o f
  Vector o, e;                 ///< outflows and exports of local production (scaled by d under reexport)
  Vector err;                  ///< error column (unchanged, exogenous), N (zeros if none)
  Vector x, va;                ///< gross output and value added x - 1'Z (both preserved), N
  Vector d, sN, sM;            ///< source shares, d + s^N + s^M = 1
  Vector reexported;           ///< (1 - d) o (o + e) under reexport (flagged), else 0
  std::vector<Index> clipped;  ///< sectors with d < 0 clipped to 0 (s^N, s^M rescaled to sum 1)
  /// sector,flag -> value: "d_clipped" (the unclipped d), "reexported" (amount).
  tables::TidyTable flags;
};

/// Proportionality conversion (§5.5): s^N = in / u, s^M = im / u, d = 1 - s^N - s^M.
/// Throws InputError if some u_i <= 0 (naming the sector) or shapes disagree. d_i < 0 is
/// clipped to 0 and flagged (the message of the flag suggests the reexport option).
NonCompetitiveTable convert_competitive(const CompetitiveTable& t, ImportConversion mode);

/// Single province, everything outside exogenous (§5.5): A^D = Z^D x^-1, L^D = (I - A^D)^{-1}
/// applied by solves only.
struct SingleRegionDecomposition {
  Vector output_multiplier;              ///< 1'L^D, N
  Vector competitive_output_multiplier;  ///< 1'(I - Z x^-1)^{-1} (overstated, for comparison)
  Vector va_content;                     ///< v'L^D
  Vector other_region_content;           ///< m_N'L^D
  Vector foreign_content;                ///< m_F'L^D
  Matrix forward;                        ///< N x 4: v^ L^D [f^D, o, e, err]: local absorption, outflows, exports, error
  double exports = 0, exports_dva = 0, exports_other_region = 0, exports_foreign = 0;
  /// sector,indicator -> value (indicators in docs/value-chains.md; "all" = province total).
  tables::TidyTable table;
  tables::TidyTable diagnostics;  ///< §6.2 identities 3 (single province) and 23
};
SingleRegionDecomposition single_region_decomposition(const NonCompetitiveTable& t);

}  // namespace irio::solver::gvc
