// SPDX-License-Identifier: MIT
// `irio batch`: any declared verb (its options by --set NAME=VALUE) over a list of tables, or over
// seeded Monte Carlo draws of one table (--perturb, --sd), shared among the processes of `mpirun
// -np P` in an MPI build (one process otherwise), written by rank 0 as one tidy panel with a
// leading `table` or `draw` column, each item's rows as they come (docs/scale.md, "Batch mode").
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/runtime/batch.h"
#include "irio/analysis/runtime/process_group.h"
#include "irio/analysis/verb.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::vector<std::string> tables, perturb, groups, settings;
  std::vector<double> quantiles{0.05, 0.5, 0.95};
  std::string list, verb = "multipliers", countries, sd, sd_law = enum_name(SdLaw::kLognormal);
  std::int64_t draws = 0;
  std::int64_t max_draws = BatchRequest{}.max_draws;
  double max_memory_gib = 0;
  std::uint64_t seed = 0;
  bool summary = false, reuse = false;
};

/// One path per line; blank lines and lines starting with # are skipped; a relative path is
/// relative to the list file's folder.
std::vector<std::string> read_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot read the list of tables " + path);
  const auto folder = std::filesystem::path(path).parent_path();
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto a = line.find_first_not_of(" \t\r"), b = line.find_last_not_of(" \t\r");
    if (a == std::string::npos || line[a] == '#') continue;
    const std::filesystem::path p = line.substr(a, b - a + 1);
    out.push_back(p.is_absolute() || folder.empty() ? p.string() : (folder / p).string());
  }
  if (out.empty()) throw InputError("the list of tables " + path + " names no table");
  return out;
}

/// The result written item by item (io::ResultStream): staged, journalled, replaced whole at the end.
class StreamSink final : public BatchSink {
 public:
  StreamSink(const CommonOptions& o, bool one_file, io::ResultMeta meta) : o_(o), one_file_(one_file) {
    w_.overwrite = o.force;
    w_.meta = std::move(meta);
    std::error_code ec;
    const std::string ext = std::filesystem::path(o.output).extension().string();
    holds_ = !std::filesystem::is_directory(o.output, ec) && (ext == ".h5" || ext == ".hdf5");
  }
  void begin(const std::vector<std::string>& names) override {
    stream_ = std::make_unique<io::ResultStream>(o_.output, "batch", names, one_file_, w_);
  }
  void rows(std::size_t slot, const tables::TidyTable& t) override { stream_->append(slot, t); }
  bool holds_rows() const override { return holds_; }
  std::vector<std::string> commit() { return stream_->commit(); }

 private:
  const CommonOptions& o_;
  bool one_file_ = false, holds_ = false;
  io::WriteOptions w_;
  std::unique_ptr<io::ResultStream> stream_;
};

void run(Options o) {
  BatchRequest req;
  req.verb = o.verb;
  req.options = parse_settings(o.verb, o.settings);
  if (!o.groups.empty()) {
    (void)verb(o.verb).option("groups");  // InputError listing the verb's options when it takes none
    req.options.emplace_back("groups", o.groups);
  }
  for (const auto& p : o.perturb) req.perturbations.push_back(parse_perturbation(p));
  req.draws = o.draws;
  req.max_draws = o.max_draws;
  req.max_memory_gib = o.max_memory_gib;
  req.seed = o.seed;
  req.summary = o.summary;
  req.quantiles = o.quantiles;
  req.sd_law = parse_enum<SdLaw>(o.sd_law);
  req.reuse_factorization = o.reuse;
  if (o.reuse && o.draws == 0) throw InputError("batch: --reuse-factorization needs draws (--draws)");
  if (!o.sd.empty()) req.sd = std::make_shared<tables::IoTable>();  // read once the table is open
  require_valid("batch", req.validate());
  std::vector<std::string> paths = o.tables;
  if (!o.list.empty()) {
    const auto listed = read_list(o.list);
    paths.insert(paths.end(), listed.begin(), listed.end());
  }
  if (paths.empty()) throw InputError("batch: give tables (positional or --tables LIST)");
  if (req.draws > 0 && paths.size() != 1)
    throw InputError("batch: draws perturb one table; " + std::to_string(paths.size()) + " were given");
  o.table = paths.front();
  const bool one_file = verb(o.verb).shared_keys() && !req.summary;
  refuse_existing_output(o, req.table_names(), one_file);
  const OpenOptions opt = open_options(o, o.countries);
  const bool root = this_rank_writes();  // every rank has checked the output by now
  io::ResultMeta meta;
  meta.command = command_line();
  meta.table_path = o.table;
  StreamSink sink(o, one_file, meta);
  BatchResults r;
  if (req.draws > 0) {
    const Analysis base = Analysis::open(paths.front(), opt);
    if (root) std::cout << base.validate().brief() << "\n";
    if (!o.sd.empty()) {
      req.sd = std::make_shared<tables::IoTable>(read_sd_table(o.sd, base.table(), opt));
    }
    r = batch_draws(base, req, &sink);
  } else {
    r = batch_tables(paths, opt, req, &sink);
  }
  if (!root) return;  // the results went to rank 0, which alone writes
  const char* item = req.draws > 0 ? "draw" : "table";
  std::cout << "Batch of " << o.verb << " over " << r.items.size() << " " << item << "s (" << r.processes
            << (r.processes == 1 ? " process" : " processes") << ")";
  if (req.sd)
    std::cout << ", each cell drawn from " << enum_name(req.sd_law)
              << " laws with the means of the table and the standard deviations of " << o.sd;
  std::cout << "\n";
  std::cout << "Each " << item << ": " << r.solves_per_item() << " (counted on " << r.counted_on << ")\n";
  for (const auto& p : sink.commit()) std::cout << "wrote " << p << "\n";
}

CommandRegistrar reg("batch", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("batch",
                         "One verb over a list of tables or over Monte Carlo draws of one table, as one tidy panel "
                         "(shared among MPI ranks in an MPI build; docs/scale.md)");
  sub->add_option("tables", o->tables, "Tables (or give --tables LIST); with --draws, the one table perturbed");
  sub->add_option("--tables", o->list, "File listing one table per line (# comments; relative to its folder)");
  sub->add_option("-o,--output", o->output, "Result file (.csv: one file per table, or .h5)")->required();
  std::vector<std::string> verb_names;
  for (const auto* v : verbs()) verb_names.push_back(v->name());
  sub->add_option("--verb", o->verb, "The verb to run on each table or draw (any verb of irio)")
      ->check(CLI::IsMember(verb_names))
      ->capture_default_str();
  sub->add_option("--set", o->settings,
                  "An option of the verb, OPTION=VALUE (its name as in the verb's declaration, e.g. "
                  "indicator=output, satellite=air, split=true); repeatable, a list option takes every --set of it")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--groups", o->groups, "The verb's groups of regions (its option groups: chains, circulation, ...)");
  add_countries_option(sub, o->countries);
  sub->add_option("--sd", o->sd,
                  "Standard deviations of the table's cells: a table of the same layout and labels (Eora, GLORIA); "
                  "each draw draws every cell from its mean and sd (methods.md §10.7)");
  add_choice<SdLaw>(sub, "--sd-law", o->sd_law,
                    "Law of a cell under --sd: lognormal (mean and sd matched, sign kept) or normal (truncated "
                    "to the mean's sign)");
  sub->add_option("--draws", o->draws,
                  "Monte Carlo draws 1..D of --sd and/or --perturb (draw 0, the table itself, is added)");
  sub->add_option("--max-draws", o->max_draws, "Refuse more draws than this (a bound on the work)")
      ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()))
      ->capture_default_str();
  sub->add_option("--max-memory", o->max_memory_gib,
                  "Refuse a batch whose results would take more memory than this, in GiB (0: half of this machine's)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--seed", o->seed, "Seed of the draws (draw d uses seed_seq{seed, d})")->capture_default_str();
  sub->add_option("--perturb", o->perturb,
                  "MATRIX:LAW:SCALE, MATRIX Z or Y, LAW lognormal | normal | uniform (docs/scale.md); repeatable")
      ->expected(1)
      ->allow_extra_args(false)  // one value per --perturb: the table may follow
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--reuse-factorization", o->reuse,
                "Draws: solve with the base table's factorisation preconditioning a Richardson iteration instead "
                "of factorising each draw's I - A (methods.md §10.7)");
  sub->add_flag("--summary", o->summary, "Also rows mean, sd, min, max and quantiles per key over the items");
  sub->add_option("--quantiles", o->quantiles, "Quantiles of the summary rows, comma-separated (0.05,0.5,0.95)")
      ->expected(1)
      ->allow_extra_args(false)
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str();
  add_choice<solver::Backend>(sub, "--backend", o->backend, "Solver backend");
  add_choice<TableFormat>(sub, "--format", o->format, "Table layout (auto: by extension, or by the files of a folder)");
  sub->add_flag("-f,--force", o->force, "Overwrite an existing output file");
  sub->add_flag("-q,--quiet", o->quiet, "No progress display on stderr");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
