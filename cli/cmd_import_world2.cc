// SPDX-License-Identifier: MIT
// `irio import exiobase RELEASE` and `irio import gloria FOLDER --year Y`: world tables into irio's
// HDF5 format (docs/world-tables.md). Each prints what the import did (io's notes) after the
// summary line. Added to the "import" group of cli/cmd_import.cc.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/import_gloria.h"

namespace irio::cli {
namespace {

/// The "import" group, created by cli/cmd_import.cc (registered first: entries are sorted by name).
CLI::App* import_group(CLI::App& app) {
  try {
    return app.get_subcommand("import");
  } catch (const CLI::Error&) {
    auto* imp = app.add_subcommand("import", "Import a table into irio's HDF5 format");
    imp->require_subcommand(1);
    return imp;
  }
}

struct WorldArgs {
  std::string input, output, year, countries, construct = "industry-technology";
  bool force = false;
};

void run(const ImportRequest& r) {
  const auto res = import_table(r);
  const auto& t = res.table;
  std::cout << "wrote " << res.output << ": " << t.labels.num_regions() << " regions x " << t.labels.num_sectors()
            << " sectors (n = " << t.n() << "), " << t.labels.num_countries() << " countries, "
            << t.labels.fd_categories.size() << " final-demand categories, " << t.va_components.size()
            << " value-added rows, " << t.satellites.size() << " satellites\nbalance check: "
            << tables::to_string(res.balance.status)
            << (res.balance.findings.empty() ? "" : " (run `irio check " + res.output + "` for details)") << "\n";
  for (const auto& n : res.notes) std::cout << "note: " << n << "\n";
}

CLI::App* add_common(CLI::App* imp, const char* name, const char* help, const char* input_help, WorldArgs& a) {
  auto* c = imp->add_subcommand(name, help);
  c->add_option("release", a.input, input_help)->required();
  c->add_option("-o,--output", a.output, "Output HDF5 table (.h5)")->required();
  c->add_flag("-f,--force", a.force, "Replace an existing output file");
  c->add_option("--countries", a.countries, "CSV map region,country grouping regions into countries");
  return c;
}

ImportRequest request(ImportLayout layout, const WorldArgs& a) {
  ImportRequest r;
  r.layout = layout;
  r.dir = a.input;
  r.output = a.output;
  r.overwrite = a.force;
  r.countries = a.countries;
  r.world2.year = a.year;
  r.world2.construct = a.construct;
  return r;
}

CommandRegistrar reg("import.world2", [](CLI::App& app) {
  CLI::App* imp = import_group(app);

  auto ex = std::make_shared<WorldArgs>();
  auto* e = add_common(imp, "exiobase", "EXIOBASE 3 pxp or ixi release (IOT_<year>_<pxp|ixi>.zip or its folder)",
                       "The release: zip archive or extracted folder", *ex);
  e->add_option("--year", ex->year, "Year stored in the table (default: from IOT_<year>_... in the path)");
  e->callback([ex] { run(request(ImportLayout::kExiobase, *ex)); });

  auto gl = std::make_shared<WorldArgs>();
  auto* g = add_common(imp, "gloria", "GLORIA release 059 supply-use tables (folder with the MRIO and satellite "
                       "zips or CSVs and GLORIA_ReadMe_059.xlsx), as an input-output table",
                       "The folder", *gl);
  g->add_option("--year", gl->year, "Which year's files (default: the only year in the folder)");
  add_choice<io::GloriaConstruct>(g, "--construct", gl->construct,
                                  "Supply-use to input-output: industry-technology (product x product) or "
                                  "fixed-product-sales (industry x industry); docs/methods.md §8.3");
  g->callback([gl] { run(request(ImportLayout::kGloria, *gl)); });
});

}  // namespace
}  // namespace irio::cli
