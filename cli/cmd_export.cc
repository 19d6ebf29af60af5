// SPDX-License-Identifier: MIT
// `irio export csv table.h5 -o outdir`: write a table back to the wide labelled CSV layout.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

struct ExportArgs {
  std::string table, output;
  bool force = false;
};

CommandRegistrar reg("export", [](CLI::App& app) {
  auto* ex = app.add_subcommand("export", "Export a table to another layout");
  ex->require_subcommand(1);
  auto a = std::make_shared<ExportArgs>();
  auto* c = ex->add_subcommand(
      "csv",
      "Wide labelled CSV files (Z.csv, Y.csv, V.csv, x.csv, exports.csv, imports.csv, countries.csv, satellites)");
  c->add_option("table", a->table, "irio HDF5 table")->required();
  c->add_option("-o,--output", a->output, "Output folder (created if missing)")->required();
  c->add_flag("-f,--force", a->force, "Replace existing files in the folder");
  c->callback([a] {
    ExportRequest r;
    r.layout = ExportLayout::kCsv;
    r.table = a->table;
    r.output = a->output;
    r.overwrite = a->force;
    for (const auto& f : export_table(r).files) std::cout << "wrote " << f << "\n";
  });
});

}  // namespace
}  // namespace irio::cli
