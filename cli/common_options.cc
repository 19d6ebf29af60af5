// SPDX-License-Identifier: MIT
// Shared options and output steps of the result verbs (see common_options.h).
#include "cli/common_options.h"

#include "cli/command.h"

#include <iostream>

#include "irio/analysis/display_names.h"
#include "irio/analysis/runtime/process_group.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace irio::cli {

void add_common_options(CLI::App* sub, CommonOptions& o, const std::string& output_help) {
  sub->add_option("table", o.table, "Table: irio HDF5, or a layout irio import reads (see --format)")->required();
  sub->add_option("-o,--output", o.output, output_help)->required();
  add_choice<solver::Backend>(sub, "--backend", o.backend, "Solver backend");
  add_choice<TableFormat>(sub, "--format", o.format, "Table layout (auto: by extension, or by the files of a folder)");
  sub->add_flag("-f,--force", o.force, "Overwrite an existing output file");
  sub->add_flag("--allow-identity-failures", o.allow_identity_failures,
                "Exit 0 even when an identity check of methods.md §6.2 fails (they are still reported)");
  sub->add_flag("-q,--quiet", o.quiet, "No progress display on stderr");
}

void enforce_identities(const tables::TidyTable& d, const CommonOptions& o) {
  std::size_t fail = 0;
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    if (d.key(3, i) != "true") ++fail;
  if (fail == 0 || o.allow_identity_failures) return;
  throw NumericalError(std::to_string(fail) + " of " + std::to_string(d.num_rows()) +
                       " identity checks failed (listed above; the results and their diagnostics were written). "
                       "Check the table's balance, or pass --allow-identity-failures to accept them");
}

CLI::Option* add_countries_option(CLI::App* sub, std::string& target) {
  return sub->add_option("--countries", target, kCountriesHelp);
}

OpenOptions open_options(const CommonOptions& o, const std::string& countries) {
  OpenOptions opt;
  opt.model.backend = parse_enum<solver::Backend>(o.backend);
  opt.format = parse_enum<TableFormat>(o.format);
  opt.countries = countries;
  return opt;
}

Analysis open_table(const std::string& path, const OpenOptions& opt) {
  Analysis a = Analysis::open(path, opt);
  std::cout << a.validate().brief() << "\n";
  return a;
}

void refuse_existing_output(const CommonOptions& o, const std::vector<std::string>& table_names, bool shared_keys) {
  io::WriteOptions w;
  w.overwrite = o.force;
  io::check_results_writable(o.output, table_names, shared_keys, w);
}

io::ResultMeta result_meta(const std::string& path, const tables::IoTable& table) {
  io::ResultMeta m;
  m.command = command_line();
  m.table_path = path;
  m.table_name = table.meta.name;
  m.year = table.meta.year;
  m.unit = table.meta.unit;
  return m;
}

bool this_rank_writes() {
  if (verb_runs_on_every_rank())
    (void)parallel::max_over_ranks(0);  // a barrier: every rank has checked its output by now
  return parallel::is_root();
}

namespace {
void write_with_meta(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run,
                     const io::ResultMeta& meta) {
  require_finite(results);          // exit 4 before anything is written
  if (!this_rank_writes()) return;  // under mpirun rank 0 alone writes (main.cc)
  io::WriteOptions w;
  w.overwrite = o.force;
  w.meta = meta;
  for (const auto& p : io::write_results(results, o.output, run, w)) std::cout << "wrote " << p << "\n";
}
}  // namespace

void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run,
                      const tables::IoTable& table) {
  std::vector<tables::TidyTable> named = results;
  add_display_names(named, table);  // sector_name / region_name beside the codes
  write_with_meta(named, o, run, result_meta(o.table, table));
}

void write_finished(const VerbResult& r, const CommonOptions& o, const tables::IoTable& table) {
  if (!this_rank_writes()) return;  // under mpirun rank 0 alone writes (main.cc)
  io::WriteOptions w;
  w.overwrite = o.force;
  w.meta = result_meta(o.table, table);
  w.one_file = r.one_file;  // the files refuse_existing_output checked, not decided again
  bool renamed = false;
  for (std::size_t i = 0; i < r.tables.size(); ++i) renamed = renamed || r.names[i] != r.tables[i].name();
  if (renamed) w.file_stems = r.names;
  for (const auto& p : io::write_results(r.tables, o.output, r.run, w)) std::cout << "wrote " << p << "\n";
}

void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run) {
  io::ResultMeta meta;
  meta.command = command_line();
  meta.table_path = o.table;
  write_with_meta(results, o, run, meta);
}

}  // namespace irio::cli
