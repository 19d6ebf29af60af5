// SPDX-License-Identifier: MIT
// Read the NBS national input-output tables of China (CSV, data/china_nbs) in their competitive-
// and non-competitive-import forms, and convert competitive tables by proportionality (methods.md §5.5).
#pragma once

#include <string>
#include <vector>

#include "irio/tables/balance.h"
#include "irio/tables/io_table.h"

namespace irio::io {

/// The table as published, in its own terms. N sectors; K final-demand categories (the finest
/// columns present: FU101 rural and FU102 urban households (else THC, else TC), FU103
/// government, FU201 GFCF and FU202 inventories (else GCF)).
struct NbsTable {
  std::string path;
  std::string year;                   ///< from the file name (china_2017_149.csv -> "2017"), may be ""
  bool competitive = true;            ///< false: Domestic / Imports rows (column "Origin")
  std::vector<std::string> codes;     ///< N sector codes ("001" / "01")
  std::vector<std::string> names;     ///< N English descriptions
  std::vector<std::string> names_zh;  ///< N Chinese descriptions
  std::vector<std::string> fd_codes;  ///< K final-demand column codes used
  tables::Matrix Z;                   ///< N x N: all intermediate use (competitive) or domestic use Z^D
  tables::Matrix F;                   ///< N x K: final use (competitive: all) or domestic F^D
  tables::Vector ex;                  ///< N exports (from domestic production)
  tables::Vector im;   ///< N imports by product (competitive IM column; non-competitive: row totals of the import rows)
  tables::Vector err;  ///< N "other/error" column (zeros if the table has none)
  tables::Vector x;    ///< N gross output (GO column)
  tables::Matrix Zm;   ///< N x N imported intermediate use Z^M (non-competitive only; else 0 x 0)
  tables::Matrix Fm;   ///< N x K imported final use F^M (non-competitive only)
  tables::Vector ex_m;                ///< N re-exports of imports (non-competitive only; EX on the import rows)
  std::vector<std::string> va_codes;  ///< VA001..VA004
  tables::Matrix V;                   ///< 4 x N value-added components
  std::size_t n() const { return codes.size(); }
};

/// Read one NBS CSV. Layout (data/README.md): columns Code, Description, DescriptionInChinese,
/// [Origin], the N sector columns, then TIU, final uses, EX, TFU, IM, ERR, GO (each optional
/// except GO); rows: the N sectors (twice, Domestic then Imports, in non-competitive tables), TII,
/// VA001..VA004, TVA, TI. Throws InputError naming file, line and column for a missing column,
/// mislabelled sector rows, or non-numeric cells. `findings` (if given) receives every failed
/// identity of the table's own totals (GO = sum Z + TFU - IM + ERR, TIU, TFU, TII, TVA, TI = GO),
/// naming sector and column; tolerance rel_tol * max(1, |value|).
NbsTable read_nbs_csv(const std::string& path, std::vector<tables::Finding>* findings = nullptr, double rel_tol = 1e-9);

struct NbsConversionOptions {
  /// methods.md §5.5: false = "no re-export" (u_i = sum_j z_ij + f_i; exports are local
  /// production), true = "re-export" (u_i also includes exports, which are then split as well).
  bool reexport = false;
};

/// What the conversion did, per sector.
struct NbsConversionReport {
  tables::Vector u;                  ///< denominators u_i
  tables::Vector d;                  ///< domestic shares d_i (after clipping)
  tables::Vector s_m;                ///< import shares s^M_i
  std::vector<std::size_t> clipped;  ///< sectors with d_i < 0 clipped to 0 (entrepot re-exports)
  std::vector<tables::Finding> findings;
};

/// Competitive -> non-competitive by proportionality (methods.md §5.5, national table: no inflows):
///   u_i = sum_j z_ij + f_i (+ e_i with `reexport`), s^M_i = im_i / u_i, d_i = 1 - s^M_i,
///   Z^D = d^ Z, Z^M = s^M^ Z, F^D = d^ F, F^M = s^M^ F; with `reexport` also e^D = d^ e, e^M = s^M^ e.
/// The ERR column is exogenous final demand: it is neither part of u nor split (kept on the
/// domestic side), so that Z^D 1 + F^D 1 + e + err = x exactly under the default.
/// d_i < 0 is clipped to 0 and flagged (the re-export option is suggested); u_i <= 0 with
/// im_i != 0 throws InputError naming the sector. Preserves x and value added (§6.2 item 23).
/// A table that is already non-competitive is returned unchanged.
NbsTable to_non_competitive(const NbsTable& t, const NbsConversionOptions& opt = {},
                            NbsConversionReport* report = nullptr);

struct NbsToIoOptions {
  std::string region = "CN";
  std::string country = "CHN";
  /// Non-competitive tables: one import row per product ("IM/<code>", Z^M) when true, the single
  /// row 1'Z^M ("IM") when false. Imported final use F^M and re-exports have no place in an
  /// IoTable and are left out (they are in the NbsTable).
  bool import_rows_by_product = false;

  /// Empty if valid, else the reason (an empty region or country code).
  std::string validate() const;
};

/// An IoTable with one region. Non-competitive source: Z = Z^D, Y = F^D, exports = {EX, ERR},
/// imports = Z^M rows (or their sum), V = VA rows, x = GO; value_added_residual() then equals TVA.
/// Competitive source: Z and Y include imports, imports stay a *column*: exports = {EX, IM (stored
/// negative), ERR}, so that row_total() = x (methods.md §5.5 treats im as a negative final-use
/// column); convert with to_non_competitive first for any "local" multiplier (§8.2 pitfall 7).
tables::IoTable nbs_to_io_table(const NbsTable& t, const NbsToIoOptions& opt = {});

/// Sum sectors with a concordance: group_of[i] in [0, N') for each of the N sectors, giving an
/// N'-sector NbsTable (codes/names from `codes`/`names`). Used to compare tables of different
/// detail (e.g. the 2017 149-sector table with the 42-sector one).
NbsTable aggregate_sectors(const NbsTable& t, const std::vector<int>& group_of, const std::vector<std::string>& codes,
                           const std::vector<std::string>& names);

}  // namespace irio::io
