// SPDX-License-Identifier: MIT
// `irio batch`: one verb over a list of tables, or over seeded Monte Carlo perturbations of one
// table, shared among the processes of `mpirun -np P` in an MPI build (one process otherwise),
// written by rank 0 as one tidy panel with a leading `table` or `draw` column (docs/scale.md).
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
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::vector<std::string> tables, perturb, groups;
  std::vector<double> quantiles{0.05, 0.5, 0.95};
  std::string list, verb = "multipliers";
  std::int64_t draws = 0;
  std::int64_t max_draws = BatchRequest{}.max_draws;
  double max_memory_gib = 0;
  std::uint64_t seed = 0;
  bool summary = false;
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

void run(Options o) {
  BatchRequest req;
  req.verb.verb = parse_enum<PanelVerb>(o.verb);
  req.verb.groups = o.groups;
  for (const auto& p : o.perturb) req.perturbations.push_back(parse_perturbation(p));
  req.draws = o.draws;
  req.max_draws = o.max_draws;
  req.max_memory_gib = o.max_memory_gib;
  req.seed = o.seed;
  req.summary = o.summary;
  req.quantiles = o.quantiles;
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
  refuse_existing_output(o, req.table_names());
  const OpenOptions opt = open_options(o);
  const bool root = parallel::is_root();
  BatchResults r;
  if (req.draws > 0) {
    const Analysis base = Analysis::open(paths.front(), opt);
    if (root) std::cout << base.validate().brief() << "\n";
    r = batch_draws(base, req);
  } else {
    r = batch_tables(paths, opt, req);
  }
  if (!root) {
    // The results are on rank 0 (gathered); the other ranks still join the barrier that
    // write_and_report passes before rank 0 writes (this_rank_writes), or rank 0 waits for ever.
    write_and_report({}, o, "batch");
    return;
  }
  std::cout << "Batch of " << o.verb << " over " << r.items.size() << (req.draws > 0 ? " draws" : " tables") << " ("
            << r.processes << (r.processes == 1 ? " process" : " processes") << ")\n";
  write_and_report(r.tables, o, "batch");
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
  add_choice<PanelVerb>(sub, "--verb", o->verb, "The verb to run on each table or draw");
  sub->add_option("--groups", o->groups, "chains, circulation: also by groups of regions");
  sub->add_option("--draws", o->draws, "Monte Carlo draws 1..D of --perturb (draw 0, the table itself, is added)");
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
