// SPDX-License-Identifier: MIT
// `irio export xlsx table.h5 -o table.xlsx`: write a one-country table in the CEADs workbook layout.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

struct XlsxArgs {
  std::string table, output, sheet, names;
  bool force = false;
};

CommandRegistrar reg("export.xlsx", [](CLI::App& app) {
  CLI::App* ex = nullptr;
  try {
    ex = app.get_subcommand("export");
  } catch (const CLI::Error&) {
    ex = app.add_subcommand("export", "Export a table to another layout");
    ex->require_subcommand(1);
  }
  auto a = std::make_shared<XlsxArgs>();
  auto* x = ex->add_subcommand("xlsx", "CEADs-layout .xlsx workbook (provinces of one country)");
  x->add_option("table", a->table, "irio HDF5 table")->required();
  x->add_option("-o,--output", a->output, "Output .xlsx workbook")->required();
  x->add_option("--sheet", a->sheet, "Sheet name (default 'Table_<year>_English Version')");
  x->add_option("--sector-names", a->names, "CSV with columns code,name for column B / row 3");
  x->add_flag("-f,--force", a->force, "Replace an existing output file");
  x->callback([a] {
    ExportRequest r;
    r.layout = ExportLayout::kXlsx;
    r.table = a->table;
    r.output = a->output;
    r.sheet = a->sheet;
    r.sector_names = a->names;
    r.overwrite = a->force;
    const auto res = export_table(r);
    const auto& t = res.table;
    std::cout << "wrote " << a->output << ": " << t.labels.num_regions() << " provinces x " << t.labels.num_sectors()
              << " sectors in the CEADs layout\n";
  });
});

}  // namespace
}  // namespace irio::cli
