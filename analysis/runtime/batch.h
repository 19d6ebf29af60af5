// SPDX-License-Identifier: MIT
// Batch runs (docs/scale.md, "Batch mode"): any declared verb's results (irio::verbs(), its
// options set by name through its declaration) over a list of tables, or over seeded Monte Carlo
// draws of one table (multiplicative perturbations, or each cell drawn from its mean and the
// standard deviation of a same-layout table), shared among the processes of the group
// (process_group.h: item i goes to rank i mod P) and handed to rank 0 item by item, in order: to
// a BatchSink that writes them as they come (the CLI: memory O(one item)), or stacked into one
// tidy panel with a leading `table` or `draw` column, optionally with summary rows per key.
//
//   irio::BatchRequest b;
//   b.verb = "disparity";
//   b.options = {{"indicator", std::string("output")}};
//   b.draws = 100;  b.seed = 7;
//   b.sd = std::make_shared<irio::tables::IoTable>(irio::read_sd_table("sd.h5", base.table()));
//   auto r = irio::batch_draws(irio::Analysis::open("t.h5"), b);   // r.tables on rank 0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "irio/analysis/regional.h"
#include "irio/analysis/verb.h"
#include "irio/tables/table_draws.h"

namespace irio {

// The perturbations, the standard-deviation laws and the drawn tables are table operations:
// tables/table_draws.h (they are used here under their old names).
using tables::check_sd_table;
using tables::drawn_table;
using tables::kPerturbLawNames;
using tables::kPerturbTargetNames;
using tables::kSdLawNames;
using tables::parse_perturbation;
using tables::PerturbLaw;
using tables::Perturbation;
using tables::PerturbTarget;
using tables::perturbed_table;
using tables::SdLaw;

/// Read `path` (any layout read_any_table knows) as the standard deviations of `t`'s cells (Eora
/// and GLORIA ship them as tables of the table's layout): its regions, sectors and final-demand
/// categories must be `t`'s, its value-added components too where it has rows of V, and each of its
/// satellites one of `t`'s with the same stressors; the first mismatch is an InputError naming the
/// file and the label. Negative standard deviations are refused, naming the cell.
tables::IoTable read_sd_table(const std::string& path, const tables::IoTable& t, const OpenOptions& opt = {});
struct BatchRequest {
  /// The verb: any of irio::verbs() by name, its options set by name (as the declaration names
  /// them: `indicator`, `groups`, `satellite`, ...) through the declaration's Call, so that kinds,
  /// bounds, cross-option checks and table names are the declaration's. The CLI's --groups is the
  /// option `groups`.
  std::string verb = "multipliers";
  std::vector<std::pair<std::string, OptionValue>> options;
  /// Draw mode: draws 1..draws of these perturbations and/or of the standard deviations `sd`,
  /// plus draw 0 (the table itself).
  std::vector<Perturbation> perturbations;
  std::shared_ptr<const tables::IoTable> sd;  ///< read_sd_table's (labels checked), or null
  SdLaw sd_law = SdLaw::kLognormal;
  /// Draws solve with the base table's factorisation as the preconditioner of a Richardson
  /// iteration instead of factorising I - A of each draw (solver::ModelOptions::precondition_with;
  /// results agree to about 1e-12 relative; block-local solves are still made per draw).
  bool reuse_factorization = false;
  std::int64_t draws = 0;
  std::uint64_t seed = 0;
  /// Also summary tables over the items (draws 1..D, or every table), after each verb table T:
  /// `T_summary` with keys statistic (mean, sd (n - 1 denominator), min, max and q<p> for each
  /// quantile p, type 7: linear between order statistics, as R's default and numpy's) and T's keys
  /// without the `draw` / `table` column and without label columns (the coupling `band`): over the
  /// numeric values, so a unit whose band changes between draws keeps one summary; and for a label
  /// column, `T_<column>s` (coupling_bands): per key and label, the share of the items with it.
  /// The `draw` column of T stays numeric.
  bool summary = false;
  std::vector<double> quantiles{0.05, 0.5, 0.95};
  /// Work and memory bounds (issue 22 §3): at most `max_draws` draws, and the memory rank 0 holds
  /// at most `max_memory_gib` GiB (0 = half of this machine's memory), estimated from the first
  /// item's size: with a streaming sink, one round of items (one per process) plus the values the
  /// summary keeps (8 bytes per row and item); holding the panel (no sink, or a sink that holds
  /// rows), every item. Beyond either, an InputError that names the estimate and the option to raise.
  std::int64_t max_draws = 1'000'000;
  double max_memory_gib = 0;

  std::string validate() const;
  /// The file stems of the result: each table of the verb (its declaration's table_names), then,
  /// with `summary`, its `_summary` (and `coupling_bands` after `coupling`).
  std::vector<std::string> table_names() const;
  /// The verb's Call with `options` set (InputError naming an unknown option, listing the valid
  /// ones, or a value of the wrong kind or out of its bounds).
  std::unique_ptr<VerbBase::Call> call() const;
};

/// `NAME=VALUE` texts (the CLI's repeatable `--set`) as typed values of the options of verb
/// `verb`, in order: NAME as its declaration names it (`household_categories`; '-' may stand for
/// '_'), VALUE by the option's kind: a flag true/false (also 1/0, yes/no, on/off), a number or whole
/// number written whole, a choice, text or file as given, a list (texts, groupings) from every
/// `--set` of that name, each also split at the option's delimiter. An unknown NAME is an
/// InputError naming it and listing the verb's options; a VALUE of the wrong kind names the option.
/// Bounds and choices are checked when the values are set (BatchRequest::call).
std::vector<std::pair<std::string, OptionValue>> parse_settings(const std::string& verb,
                                                                const std::vector<std::string>& settings);

/// Receives a batch's tables on rank 0 as they complete (batch_tables / batch_draws with a sink):
/// `begin` once, after the first item, with the file stem of every table of the result in output
/// order (each verb table, then with --summary its summaries); `rows` with the rows of table
/// `slot` (an index into those names): the verb tables' rows of each item in item order, then each
/// summary table whole. Nothing is kept by the batch between items.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  virtual void begin(const std::vector<std::string>& names) = 0;
  virtual void rows(std::size_t slot, const tables::TidyTable& rows) = 0;
  /// True when the sink keeps every row until the end (an HDF5 output): the memory bound then
  /// counts every item.
  virtual bool holds_rows() const { return false; }
};

/// Key columns that label a value's class rather than identify it (the coupling `band`): left out
/// of the keys of batch summaries, whose distribution is reported on its own.
bool is_label_column(const std::string& column);

struct BatchResults {
  /// Rank 0 without a sink: the verb's tables stacked (each followed by its summaries); with a
  /// sink or on other ranks: empty.
  std::vector<tables::TidyTable> tables;
  std::vector<std::string> items;  ///< the item labels (table paths or draw numbers), in order
  int processes = 1;               ///< the size of the process group that shared the items
  /// What the model of one item solved (draw 1, or the first table): factorisations of I - A
  /// (global, an iteration's preconditioner, block-local L_R / L_C), right-hand sides, and those of
  /// them solved by the base-preconditioned iteration with its solves (reuse_factorization).
  std::size_t factorizations = 0, global_rhs = 0, local_rhs = 0, preconditioned_rhs = 0, base_solves = 0;
  std::string counted_on;  ///< the item counted: draw 1, or the first table
  /// "one factorisation (of I - A, or of its blocks I - A_R, I - A_C) and 4 solves (4 with L or L', 0 with L_R or L_C)".
  std::string solves_per_item() const;
};

/// The verb over each table (item label = the path as given), opened with `opt`. Collective: every
/// rank of the process group calls it with the same arguments. With `sink`, rank 0 hands it each
/// item's tables as they come and keeps none (BatchResults::tables stays empty).
BatchResults batch_tables(const std::vector<std::string>& paths, const OpenOptions& opt, const BatchRequest& r,
                          BatchSink* sink = nullptr);

/// The verb over draws 0..r.draws of `base` (item label = the draw number). Collective.
BatchResults batch_draws(const Analysis& base, const BatchRequest& r, BatchSink* sink = nullptr);

}  // namespace irio
