// SPDX-License-Identifier: MIT
// Batch runs (docs/scale.md, "Batch mode"): one verb's results over a list of tables, or over
// seeded Monte Carlo perturbations of one table, shared among the processes of the group
// (process_group.h: item i goes to rank i mod P) and stacked by rank 0 into one tidy panel with a
// leading `table` or `draw` column, optionally with summary rows per key.
//
//   irio::BatchRequest b;
//   b.verb.verb = irio::PanelVerb::kMultipliers;
//   b.draws = 100;  b.seed = 7;
//   b.perturbations = {irio::parse_perturbation("Z:lognormal:0.05")};
//   auto r = irio::batch_draws(irio::Analysis::open("t.h5"), b);   // r.tables on rank 0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "irio/analysis/regional.h"

namespace irio {

/// Which flows a perturbation multiplies: Z (every non-zero intermediate flow) or Y (every
/// non-zero final-demand cell).
enum class PerturbTarget { kZ, kY };
inline constexpr EnumTable<PerturbTarget, 2> kPerturbTargetNames{
    "perturbed matrix", {{{PerturbTarget::kZ, "Z"}, {PerturbTarget::kY, "Y"}}}};
constexpr const auto& enum_table(PerturbTarget) { return kPerturbTargetNames; }

/// The law of the multiplicative factor of each cell (eps ~ N(0, 1), u ~ U(-1, 1), independent
/// per cell and draw): lognormal exp(s eps - s^2 / 2) (mean 1, always positive); normal
/// max(0, 1 + s eps) (mean 1 up to the truncation at 0, which needs s > ~0.3 to matter);
/// uniform 1 + s u (s <= 1).
enum class PerturbLaw { kLognormal, kNormal, kUniform };
inline constexpr EnumTable<PerturbLaw, 3> kPerturbLawNames{
    "perturbation law",
    {{{PerturbLaw::kLognormal, "lognormal"}, {PerturbLaw::kNormal, "normal"}, {PerturbLaw::kUniform, "uniform"}}}};
constexpr const auto& enum_table(PerturbLaw) { return kPerturbLawNames; }

struct Perturbation {
  PerturbTarget target = PerturbTarget::kZ;
  PerturbLaw law = PerturbLaw::kLognormal;
  double scale = 0;  ///< s above: >= 0 (0: the factor is 1, the draw equals the table)
};

/// "Z:lognormal:0.05" -> Perturbation; InputError naming the spec otherwise.
Perturbation parse_perturbation(const std::string& spec);

/// The table of draw `draw` (>= 1) under `seed`: each perturbation multiplies the non-zero cells
/// of its matrix by independent factors of its law, then the table is re-balanced: x = Z 1 + Y 1 +
/// exports 1 (row totals), each column of V scaled so that 1'V_j = x_j - 1'Z_j - imports_j (the
/// share of each component kept; a column whose V sums to 0 keeps 0), and each satellite's F
/// scaled by x_new / x_old (stressor per unit of output unchanged). Draw 0 is `t` itself. The
/// random numbers come from std::mt19937_64 seeded with seed_seq{seed, draw} and a Box-Muller
/// normal written here, so a draw is the same on every platform and whichever rank computes it.
tables::IoTable perturbed_table(const tables::IoTable& t, const std::vector<Perturbation>& p, std::uint64_t seed,
                                std::int64_t draw);

struct BatchRequest {
  PanelRequest verb;  ///< the verb (and its groups); `years` is not used
  /// Draw mode: draws 1..draws of these perturbations, plus draw 0 (the table itself).
  std::vector<Perturbation> perturbations;
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
  /// Work and memory bounds (issue 22 §3): at most `max_draws` draws, and the results of all items
  /// (estimated from the first item's size times the number of items, as rank 0 holds them) at
  /// most `max_memory_gib` GiB; 0 = half of this machine's memory. Beyond either, an InputError
  /// that names the estimate and the option to raise.
  std::int64_t max_draws = 1'000'000;
  double max_memory_gib = 0;

  std::string validate() const;
  std::vector<std::string> table_names() const;
};

/// Key columns that label a value's class rather than identify it (the coupling `band`): left out
/// of the keys of batch summaries, whose distribution is reported on its own.
bool is_label_column(const std::string& column);

struct BatchResults {
  std::vector<tables::TidyTable> tables;  ///< rank 0: the verb's tables stacked; other ranks: empty
  std::vector<std::string> items;         ///< the item labels (table paths or draw numbers), in order
  int processes = 1;                      ///< the size of the process group that shared the items
};

/// The verb over each table (item label = the path as given), opened with `opt`. Collective: every
/// rank of the process group calls it with the same arguments.
BatchResults batch_tables(const std::vector<std::string>& paths, const OpenOptions& opt, const BatchRequest& r);

/// The verb over draws 0..r.draws of `base` (item label = the draw number). Collective.
BatchResults batch_draws(const Analysis& base, const BatchRequest& r);

}  // namespace irio
