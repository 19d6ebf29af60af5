// SPDX-License-Identifier: MIT
// The table jobs of the library beside irio::Analysis: import a table from another layout and
// write irio's HDF5 file (csv, pymrio, WIOD, CEADs, NBS), aggregate a table or a tidy result,
// balance a labelled matrix with RAS/GRAS, export a table to another layout, and describe a table.
// The `irio` verbs import, aggregate, ras, export and info are option parsing and printing over
// these calls. As the result requests (requests.h), every request validates itself
// (`validate()`: empty if valid, else the reason) and the job calls it before any work.
//
//   irio::ImportRequest req;
//   req.layout = irio::ImportLayout::kCsv;
//   req.csv.Z = "Z.csv"; req.csv.Y = "Y.csv";
//   req.output = "table.h5";
//   auto r = irio::import_table(req);           // reads, sets metadata, writes, checks balance
//   std::cout << tables::to_string(r.balance.status) << "\n";
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "irio/io/ceads_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/ras_reader.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/balance.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"
#include "irio/tables/ras.h"
#include "irio/tables/tidy_table.h"

namespace irio {

/// Called with a report (text, lines ending in '\n') as soon as a job knows it, before anything is
/// written, so that a caller shows it even when a later step fails. May be empty.
using ReportFn = std::function<void(const std::string&)>;

// ---------------------------------------------------------------------------------------------
// Import (`irio import csv|pymrio|wiod|ceads|nbs`)

/// Metadata stored in an imported table; an empty field keeps what the reader found.
struct TableMetadata {
  std::string name, year, unit, price_basis, source;
  void apply(tables::IoTable& t) const;
};

/// The layouts import_table reads (docs/formats.md).
enum class ImportLayout {
  kCsv,
  kPymrio,
  kWiod,
  // --- world tables, issue 17 §1 (io/import_oecd.h ...; docs/world-tables.md)
  kOecd,
  kEora26,
  kFigaro,
  kWiod2016,
  kAdb,
  // --- end of world tables (oecd ...)
  // --- world tables, issue 17 §1 (io/import_exiobase.h, io/import_gloria.h)
  kExiobase,
  kGloria,
  // --- end world tables exiobase, gloria
};
inline constexpr EnumTable<ImportLayout, 10> kImportLayoutNames{"import layout",
                                                                {{{ImportLayout::kCsv, "csv"},
                                                                  {ImportLayout::kPymrio, "pymrio"},
                                                                  {ImportLayout::kWiod, "wiod"},
                                                                  // world tables (oecd ...)
                                                                  {ImportLayout::kOecd, "oecd"},
                                                                  {ImportLayout::kEora26, "eora26"},
                                                                  {ImportLayout::kFigaro, "figaro"},
                                                                  {ImportLayout::kWiod2016, "wiod2016"},
                                                                  {ImportLayout::kAdb, "adb"},
                                                                  // world tables exiobase, gloria
                                                                  {ImportLayout::kExiobase, "exiobase"},
                                                                  {ImportLayout::kGloria, "gloria"}}}};
constexpr const auto& enum_table(ImportLayout) { return kImportLayoutNames; }

struct ImportRequest {
  ImportLayout layout = ImportLayout::kCsv;
  io::CsvImportOptions csv;  ///< kCsv: the files (csv.countries is replaced by `countries`)
  std::string dir;           ///< kPymrio, kWiod: the folder
  std::string wiod_year = "2011";
  bool group_eu = false;  ///< kWiod: the 27 EU members as one country EU27
  std::string countries;  ///< region,country CSV (empty: the table's own map)
  // --- world tables (oecd ...): `dir` is the file, zip or folder
  std::string world_year;             ///< the year (picks the file from a folder or a multi-year zip)
  std::string oecd_release = "auto";  ///< kOecd: the release whose names the file must use
  bool keep_splits = false;           ///< kOecd: keep CN1, CN2, MX1, MX2 as regions of CHN and MEX
  std::string eora_price = "bp";      ///< kEora26: bp (basic prices) or pp (purchasers' prices)
  std::string sheet;                  ///< kWiod2016, kAdb: the sheet (default: the year's / not the legend)
  // --- end of world tables
  std::string gloria_construct;  ///< kGloria: supply-use -> input-output construct (empty: io's default)
  // (kExiobase: `world_year` is the year stored, default from IOT_<year>_...; kGloria: which year's
  // files, empty: the only one)
  TableMetadata meta;
  std::string output;  ///< the HDF5 file written
  bool overwrite = false;

  std::string validate() const;
};

struct ImportResult {
  tables::IoTable table;          ///< as written
  tables::BalanceReport balance;  ///< the balance check of the written table
  std::string output;
  std::vector<std::string> notes;  ///< defaults the import chose that change the question (print them)
};

/// Read the table in `r.layout`, apply the country map and the metadata, write it to r.output
/// (OutputError if it exists and !overwrite, or names an input) and run the balance check.
ImportResult import_table(const ImportRequest& r);

/// A CEADs provincial workbook into irio's HDF5 format.
struct CeadsImportRequest {
  std::string input, output;
  io::CeadsOptions options;
  bool overwrite = false;
  ReportFn on_report;  ///< the reader's report (io::CeadsResult::report) before writing

  std::string validate() const;
};

/// How `import nbs` treats a competitive table (methods.md §5.5).
enum class NbsConversion { kNoReexport, kReexport, kNone };
inline constexpr EnumTable<NbsConversion, 3> kNbsConversionNames{"NBS conversion",
                                                                 {{{NbsConversion::kNoReexport, "no-reexport"},
                                                                   {NbsConversion::kReexport, "reexport"},
                                                                   {NbsConversion::kNone, "none"}}}};
constexpr const auto& enum_table(NbsConversion) { return kNbsConversionNames; }

/// An NBS national table (CSV) into irio's HDF5 format.
struct NbsImportRequest {
  std::string input, output;
  NbsConversion convert = NbsConversion::kNoReexport;  ///< competitive tables only
  bool import_rows_by_product = false;                 ///< one import row per product (else one total row)
  std::string region = "CN", country = "CHN";
  double rel_tol = 1e-8;  ///< tolerance of the table's own totals
  bool overwrite = false;
  ReportFn on_report;  ///< what was read (sectors, imports, findings, conversion) before writing

  std::string validate() const;
};

/// Read, report, write (OutputError "<output>: the output would replace the input" first when the
/// output is the input). The result's balance is not checked (empty report).
ImportResult import_ceads(const CeadsImportRequest& r);
ImportResult import_nbs(const NbsImportRequest& r);

// ---------------------------------------------------------------------------------------------
// Aggregate (`irio aggregate`)

/// A table (.h5, or a CEADs .xlsx) by region and sector groupings (methods.md §6.1), or a tidy
/// result (.csv) by a region grouping with a rule. The output is .h5 or .xlsx for tables, .csv
/// for results.
struct AggregateRequest {
  std::string input, output;
  std::string regions, sectors;  ///< grouping CSVs or shipped names (io::load_grouping)
  bool allow_cross_country = false;
  std::string by = "region";  ///< results: the key column aggregated over
  /// Results: true (default) lets irio choose each indicator's rule (tables::indicator_rule,
  /// methods.md §6.1) with weights from the table; false applies `rule` to every row.
  bool auto_rule = true;
  tables::AggregationRule rule = tables::AggregationRule::kSum;  ///< results, when !auto_rule
  std::string other;  ///< results: denominators (ratio) or weights (weighted), tidy CSV
  /// Results: the table they were computed from (for weights); default: the one their manifest names.
  std::string table;
  /// Results: the result's name (e.g. "position") when neither a manifest nor the file name tells it.
  std::string result;
  /// Results, auto rules: leave out the indicators that cannot be aggregated (listed in
  /// AggregateResult::rules) instead of refusing the whole result.
  bool skip_unfit = false;
  bool overwrite = false;
  ReportFn on_report;  ///< a CEADs input's reader report

  /// True when the input is a tidy result (.csv).
  bool results() const;
  std::string validate() const;
};

struct AggregateResult {
  bool results = false;
  tables::IoTable before, after;   ///< tables
  tables::TidyTable tidy;          ///< results
  std::string result_name;         ///< results: what the input was recognised as, and how
  std::vector<std::string> rules;  ///< results: one line per indicator, "NAME: rule"
};

AggregateResult aggregate(const AggregateRequest& r);

/// A tidy CSV as written by io::write_tidy_csv: key columns, then the value column (NA: NaN).
/// Name columns (sector_name, region_name; add_display_names) are dropped.
tables::TidyTable read_tidy_csv(const std::string& path);

/// Aggregate a tidy result by the rules irio knows for its indicators (methods.md §6.1): flows
/// summed, shares recomputed from summed terms, intensive indicators weighted by final demand,
/// value added or output of the table the result came from (r.table, or the path its manifest
/// names). InputError naming the indicator and the reason when a rule does not fit or is unknown.
/// Fills res.tidy, res.result_name and res.rules.
void aggregate_result_by_rules(const AggregateRequest& r, const tables::TidyTable& t, AggregateResult& res);

/// With an explicit rule (!r.auto_rule): InputError when the result is one irio knows and `r.rule`
/// does not fit one of its indicators (e.g. --rule sum on upstreamness), with the reason.
void check_rule_fits(const AggregateRequest& r, const tables::TidyTable& t);

// ---------------------------------------------------------------------------------------------
// RAS (`irio ras`)

/// Balance a labelled matrix CSV to row and column totals (tables::ras) and write it (CSV, same
/// labels; nothing is written when the method does not converge: NumericalError, exit 4).
struct RasRequest {
  std::string matrix, rows, cols, output;
  tables::RasOptions options;
  bool overwrite = false;
  ReportFn on_report;  ///< the method's report (tables::RasResult::report), before writing

  std::string validate() const;
};

struct RasJobResult {
  io::RasInput input;
  tables::RasResult ras;
};

RasJobResult balance_ras(const RasRequest& r);

// ---------------------------------------------------------------------------------------------
// Export (`irio export csv|xlsx`)

enum class ExportLayout { kCsv, kXlsx };
inline constexpr EnumTable<ExportLayout, 2> kExportLayoutNames{
    "export layout", {{{ExportLayout::kCsv, "csv"}, {ExportLayout::kXlsx, "xlsx"}}}};
constexpr const auto& enum_table(ExportLayout) { return kExportLayoutNames; }

struct ExportRequest {
  ExportLayout layout = ExportLayout::kCsv;
  std::string table;         ///< irio HDF5 table
  std::string output;        ///< kCsv: a folder (created if missing); kXlsx: the workbook
  std::string sheet;         ///< kXlsx: sheet name (empty: 'Table_<year>_English Version')
  std::string sector_names;  ///< kXlsx: CSV code,name (empty: none)
  bool overwrite = false;

  std::string validate() const;
};

struct ExportResult {
  tables::IoTable table;
  std::vector<std::string> files;  ///< the files written
};

ExportResult export_table(const ExportRequest& r);

// ---------------------------------------------------------------------------------------------
// Info (`irio info`)

struct SatelliteInfo {
  std::string name;
  std::vector<std::string> stressors, units;
  bool has_F_Y = false;
};

/// What `irio info` prints about a table.
struct TableInfo {
  std::string path;
  tables::TableMeta meta;
  std::size_t regions = 0, sectors = 0, n = 0, countries = 0;
  long long z_nonzeros = 0;
  double z_density = 0;  ///< non-zeros / n^2 (0 for an empty table)
  std::vector<std::string> sector_labels, fd_categories, va_components, export_labels, import_labels;
  std::string gross_output;  ///< "supplied", or how it is computed (row sums ...)
  bool each_region_own_country = false;
  std::vector<std::string> region_labels;
  /// Each country with its regions (in the table's order).
  std::vector<std::pair<std::string, std::vector<std::string>>> country_regions;
  std::vector<SatelliteInfo> satellites;
  /// Display names beside sector_labels / region_labels / fd_categories (each empty: none).
  std::vector<std::string> sector_names, region_names, fd_category_names;
};

/// Read the irio table at `path` and describe it.
TableInfo table_info(const std::string& path);

}  // namespace irio
