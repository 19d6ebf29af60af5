// SPDX-License-Identifier: MIT
// irio::Analysis, the facade of the library: open a table (an irio HDF5 file or any layout io can
// import), validate it (the balance check of methods.md §1.3), build the Leontief model once and
// answer every indicator from it. Each verb is declared once (verb.h, analysis/verbs/): the `irio`
// command's verbs and the Python module's methods are derived from those declarations.
//
//   irio::OpenOptions opt;
//   opt.countries = "tables/data/wiod2011_eu27.csv";       // optional region -> country map
//   irio::Analysis a = irio::Analysis::open("tables/data/wiod2011.h5", opt);
//   std::cout << a.validate().brief();                    // balance check (cached)
//   auto m = a.multipliers({});                           // builds the model, once
//   irio::TradeRequest wwz;                                // defaults: WWZ at the region perimeter
//   auto t = a.trade(wwz);                                 // same model, no second factorization
//   io::write_results(t.tables, "wwz.csv", wwz.run());
//
// Order of work in every result call: the request validates itself (InputError with the reason),
// then the table's balance check (BalanceError when it finds errors), then the model (built on
// first use with the options given at open or by set_model_options), then the indicator.
// Not thread-safe: the validation and the model are built lazily on first use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "irio/analysis/requests.h"
#include "irio/solver/leontief_model.h"
#include "irio/tables/balance.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/grouping.h"
#include "irio/tables/io_table.h"

namespace irio {

/// The layouts Analysis::open reads (docs/formats.md). kAuto: a .h5/.hdf5 file is an irio table,
/// a .xlsx file a CEADs workbook, another file an NBS CSV table; a folder with Z.csv and Y.csv
/// is labelled CSV, one with wiot_*_Z.csv.gz files a WIOD release, any other folder pymrio; an
/// IOT_*.zip archive an EXIOBASE 3 release. The other world tables (issue 17 §1;
/// docs/world-tables.md) are read only when named.
enum class TableFormat {
  kAuto,
  kIrio,
  kCsv,
  kPymrio,
  kWiod,
  kCeads,
  kNbs,
  // --- world tables (oecd ...)
  kOecd,
  kEora26,
  kFigaro,
  kWiod2016,
  kAdb,
  // --- end of world tables
  // --- world tables exiobase, gloria (issue 17 §1)
  kExiobase,
  kGloria,
  // --- end world tables exiobase, gloria
};
inline constexpr EnumTable<TableFormat, 14> kTableFormatNames{"table format",
                                                              {{{TableFormat::kAuto, "auto"},
                                                                {TableFormat::kIrio, "irio"},
                                                                {TableFormat::kCsv, "csv"},
                                                                {TableFormat::kPymrio, "pymrio"},
                                                                {TableFormat::kWiod, "wiod"},
                                                                {TableFormat::kCeads, "ceads"},
                                                                {TableFormat::kNbs, "nbs"},
                                                                // world tables (oecd ...)
                                                                {TableFormat::kOecd, "oecd"},
                                                                {TableFormat::kEora26, "eora26"},
                                                                {TableFormat::kFigaro, "figaro"},
                                                                {TableFormat::kWiod2016, "wiod2016"},
                                                                {TableFormat::kAdb, "adb"},
                                                                // --- world tables exiobase, gloria
                                                                {TableFormat::kExiobase, "exiobase"},
                                                                {TableFormat::kGloria, "gloria"}}}};
constexpr const auto& enum_table(TableFormat) { return kTableFormatNames; }

struct OpenOptions {
  TableFormat format = TableFormat::kAuto;
  /// Region -> country map CSV (region,country) replacing the table's own (`--countries`).
  std::string countries;
  std::string wiod_year =
      "2011";  ///< kWiod: which year of the release folder; world tables and kGloria: the year of a folder
  solver::ModelOptions model;      ///< backend, value-added mode, zero-output threshold, ...
  tables::BalanceOptions balance;  ///< tolerances of the balance check

  /// Empty if valid, else the reason (checks the model and balance options too).
  std::string validate() const;
};

/// Read a table in any layout of TableFormat (InputError naming the file on failure).
tables::IoTable read_any_table(const std::string& path, const OpenOptions& opt = {});

/// Read each grouping spec (a grouping CSV or a shipped name such as four_regions) and check that
/// it covers every region of `t` (InputError naming `source` and the regions missed).
/// `other_group` (`--other`, optional): the group of every region a grouping does not list.
std::vector<tables::Grouping> load_groupings(const std::vector<std::string>& specs, const tables::IoTable& t,
                                             const std::string& source, const std::string& other_group = "");

class Analysis {
 public:
  /// Open a table file (see TableFormat); applies opt.countries. Throws InputError for invalid
  /// options or an unreadable table. Nothing is checked or solved yet.
  static Analysis open(const std::string& path, const OpenOptions& opt = {});
  /// Analyse a table in memory (opt.format is ignored; opt.countries is applied). `source` names
  /// the table in messages.
  explicit Analysis(tables::IoTable table, const OpenOptions& opt = {}, std::string source = "table");
  ~Analysis();
  Analysis(Analysis&&) noexcept;
  Analysis& operator=(Analysis&&) noexcept;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const tables::IoTable& table() const;
  /// The path the table was read from, or the name given to an in-memory table.
  const std::string& source() const { return source_; }
  const OpenOptions& options() const { return opt_; }

  /// The balance check (methods.md §1.3), run once and cached.
  const tables::BalanceReport& validate() const;
  /// Options of the model. InputError if they are invalid or the model has been built already.
  void set_model_options(const solver::ModelOptions& opt);
  /// The Leontief model, built on first use after the balance check; BalanceError (exit 3) with
  /// the failing checks when the check finds errors, NumericalError for a non-productive system.
  const solver::LeontiefModel& model() const;
  bool has_model() const { return model_ != nullptr; }
  /// How many times this object built a model: 0 before the first result, then 1.
  int models_built() const { return models_built_; }

  /// The groupings of `specs`, checked against the table's regions (nothing is solved).
  std::vector<tables::Grouping> groupings(const std::vector<std::string>& specs,
                                          const std::string& other_group = "") const;

  // One call per indicator family; each validates its request before anything is solved.
  MultiplierResults multipliers(const MultiplierRequest& r = {}) const;
  FootprintResults footprints(const FootprintRequest& r) const;
  ImpactResults impact(const ImpactRequest& r) const;
  LinkageResults linkages(const LinkageRequest& r = {}) const;
  GhoshResults ghosh() const;
  ExtractionResults extraction(const ExtractionRequest& r) const;
  ChainResults chains(const ChainRequest& r = {}) const;
  TradeResults trade(const TradeRequest& r = {}) const;
  PositionResults position(const PositionRequest& r = {}) const;
  /// The main job: multipliers and their split, value chains and participation (by groups).
  AnalyseResults analyse(const AnalyseRequest& r = {}) const;

 private:
  Analysis() = default;
  std::unique_ptr<tables::IoTable> table_;  // stable address: the model refers to it
  std::string source_;
  OpenOptions opt_;
  mutable std::unique_ptr<tables::BalanceReport> balance_;
  mutable std::unique_ptr<solver::LeontiefModel> model_;
  mutable int models_built_ = 0;
};

/// Throws NumericalError (exit 4) naming the table and the first row's keys when a result holds
/// an infinite value (an overflow, e.g. a shock of 1e308): never written as a number. NaN is NA
/// by design (zero-output sectors, ratios over zero) and passes.
void require_finite(const std::vector<tables::TidyTable>& results);

/// Throws InputError "<what>: <reason>" when `reason` is not empty (a request's validate()).
void require_valid(const std::string& what, const std::string& reason);

}  // namespace irio
