// SPDX-License-Identifier: MIT
// Shared options and output steps of the result verbs (see common_options.h).
#include "cli/common_options.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "irio/io/table_store.h"

namespace irio::cli {

void add_common_options(CLI::App* sub, CommonOptions& o, const std::string& output_help) {
  sub->add_option("table", o.table, "irio HDF5 table")->required();
  sub->add_option("-o,--output", o.output, output_help)->required();
  sub->add_option("--backend", o.backend, "auto|dense|umfpack|klu|iterative")->capture_default_str();
  sub->add_flag("--force", o.force, "Overwrite an existing output file");
}

solver::ModelOptions model_options(const CommonOptions& o) {
  solver::ModelOptions mo;
  mo.backend = solver::backend_from_string(o.backend);
  return mo;
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
