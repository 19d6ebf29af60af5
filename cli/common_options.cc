// SPDX-License-Identifier: MIT
// Shared options and output steps of the result verbs (see common_options.h).
#include "cli/common_options.h"

#include <iostream>

#include "irio/io/table_store.h"

namespace irio::cli {

void add_common_options(CLI::App* sub, CommonOptions& o, const std::string& output_help) {
  sub->add_option("table", o.table, "Table: irio HDF5, or a layout irio import reads (see --format)")->required();
  sub->add_option("-o,--output", o.output, output_help)->required();
  add_choice<solver::Backend>(sub, "--backend", o.backend, "Solver backend");
  add_choice<TableFormat>(sub, "--format", o.format,
                          "Table layout (auto: by extension, or by the files of a folder)");
  sub->add_flag("--force", o.force, "Overwrite an existing output file");
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

void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run) {
  io::WriteOptions w;
  w.overwrite = o.force;
  for (const auto& p : io::write_results(results, o.output, run, w)) std::cout << "wrote " << p << "\n";
}

}  // namespace irio::cli
