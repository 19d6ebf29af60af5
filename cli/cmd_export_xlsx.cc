// SPDX-License-Identifier: MIT
// `irio export xlsx table.h5 -o table.xlsx`: write a one-country table in the CEADs workbook layout.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/io/ceads_writer.h"
#include "irio/io/csv_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

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
    std::error_code ec;
    if (std::filesystem::equivalent(a->table, a->output, ec))
      throw OutputError(a->output + ": the output would replace the input");
    const auto t = io::read_table(a->table);
    io::CeadsWriteOptions o;
    o.sheet = a->sheet;
    o.overwrite = a->force;
    if (!a->names.empty()) {
      const auto csv = io::read_csv(a->names);
      std::vector<std::string> names(t.labels.num_sectors());
      for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        const int i = tables::Labels::find(t.labels.sectors, csv.cell(r, 0));
        if (i < 0) throw InputError(csv.where(r, 0) + ": sector '" + csv.cell(r, 0) + "' is not in " + a->table);
        names[static_cast<std::size_t>(i)] = csv.cell(r, 1);
      }
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].empty()) throw InputError(a->names + ": no name for sector '" + t.labels.sectors[i] + "'");
      o.sector_names = names;
    }
    io::write_ceads(t, a->output, o);
    std::cout << "wrote " << a->output << ": " << t.labels.num_regions() << " provinces x "
              << t.labels.num_sectors() << " sectors in the CEADs layout\n";
  });
});

}  // namespace
}  // namespace irio::cli
