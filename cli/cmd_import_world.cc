// SPDX-License-Identifier: MIT
// `irio import oecd|eora26|figaro|wiod2016|adb|exiobase|gloria ...`: the world tables of issue 17 §1 into
// irio's HDF5 format (irio::import_table; layouts in docs/world-tables.md). Each import prints what
// it did as `note:` lines after its summary, as the other importers do.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/import_gloria.h"

namespace irio::cli {
namespace {

/// The "import" group of cli/cmd_import.cc (registered before this file), created if absent.
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
  std::string path, output, year, countries, release = "auto", price = "bp", sheet, construct = "industry-technology";
  bool keep_splits = false, force = false;
};

/// Options every world import has: the path, --year, -o, --force, --countries.
CLI::App* add_world(CLI::App* imp, const char* name, const char* help, const std::shared_ptr<WorldArgs>& a,
                    const char* path_help) {
  auto* s = imp->add_subcommand(name, help);
  s->add_option("path", a->path, path_help)->required();
  s->add_option("--year", a->year,
                "Year of the table (picks the file from a folder or a multi-year zip; EXIOBASE: the year stored, "
                "default from IOT_<year>_... in the path; 1900 to 2100)")
      ->check(whole_in(1900, 2100));
  s->add_option("-o,--output", a->output, "Output HDF5 table (.h5)")->required();
  s->add_flag("-f,--force", a->force, "Replace an existing output file");
  add_countries_option(s, a->countries);
  return s;
}

void run(ImportLayout layout, const WorldArgs& a) {
  ImportRequest r;
  r.layout = layout;
  r.dir = a.path;
  r.world_year = a.year;
  r.oecd_release = a.release;
  r.keep_splits = a.keep_splits;
  r.eora_price = a.price;
  r.sheet = a.sheet;
  r.gloria_construct = layout == ImportLayout::kGloria ? a.construct : std::string();
  r.countries = a.countries;
  r.output = a.output;
  r.overwrite = a.force;
  const auto res = import_table(r);
  const auto& t = res.table;
  std::cout << "wrote " << res.output << ": " << t.labels.num_regions() << " regions x " << t.labels.num_sectors()
            << " sectors (n = " << t.n() << "), " << t.labels.num_countries() << " countries, "
            << t.labels.fd_categories.size() << " final-demand categories, " << t.va_components.size()
            << " value-added rows, " << t.satellites.size()
            << " satellites\nbalance check: " << tables::to_string(res.balance.status)
            << (res.balance.findings.empty() ? "" : " (run `irio check " + res.output + "` for details)") << "\n";
  for (const auto& n : res.notes) std::cout << "note: " << n << "\n";
}

CommandRegistrar reg("import.world", [](CLI::App& app) {
  CLI::App* imp = import_group(app);

  auto oecd = std::make_shared<WorldArgs>();
  auto* o = add_world(imp, "oecd",
                      "OECD ICIO table (releases 2016, 2018, 2021, 2023; .csv, .zip or a folder with --year)", oecd,
                      "ICIO .csv, .zip, or a folder of them");
  o->add_option("--release", oecd->release, "Release whose row and column names the file must use")
      ->check(CLI::IsMember({"auto", "2016", "2018", "2021", "2023"}))
      ->capture_default_str();
  o->add_flag("--keep-splits", oecd->keep_splits,
              "Extended tables: keep CN1, CN2, MX1, MX2 as regions of CHN and MEX (default: fold them in)");
  o->callback([oecd] { run(ImportLayout::kOecd, *oecd); });

  auto eora = std::make_shared<WorldArgs>();
  auto* e = add_world(imp, "eora26", "Eora26 (T, FD, VA, Q, QY with labels_*.txt or indices.zip; a folder or the zip)",
                      eora, "Folder of Eora26_<year>_<price>_*.txt, or Eora26_<year>_<price>.zip");
  e->add_option("--price", eora->price, "Price basis: bp (basic) or pp (purchasers')")
      ->check(CLI::IsMember({"bp", "pp"}))
      ->capture_default_str();
  e->callback([eora] { run(ImportLayout::kEora26, *eora); });

  auto fig = std::make_shared<WorldArgs>();
  auto* g = add_world(imp, "figaro", "Eurostat FIGARO table (ixi or pxp; matrix CSV or flat file refArea,rowPi,...)",
                      fig, "FIGARO .csv, or a folder of them with --year");
  g->callback([fig] { run(ImportLayout::kFigaro, *fig); });

  auto wi = std::make_shared<WorldArgs>();
  auto* v = add_world(imp, "wiod2016",
                      "WIOD 2016 release workbook WIOT<year>_Nov16_ROW.xlsx (44 countries x 56 industries)", wi,
                      "The .xlsx workbook, or a folder of them with --year");
  v->add_option("--sheet", wi->sheet, "Sheet to read (default: the one named by the year)");
  v->callback([wi] { run(ImportLayout::kWiod2016, *wi); });

  auto adb = std::make_shared<WorldArgs>();
  auto* b = add_world(imp, "adb", "ADB MRIO workbook (.xlsx; 62 or 72 economies x 35 industries c1-c35, F1-F5)", adb,
                      "The .xlsx workbook, or a folder of them with --year");
  b->add_option("--sheet", adb->sheet, "Data sheet (default: the first that is not the legend)");
  b->callback([adb] { run(ImportLayout::kAdb, *adb); });

  auto ex = std::make_shared<WorldArgs>();
  auto* x = add_world(imp, "exiobase", "EXIOBASE 3 pxp or ixi release (IOT_<year>_<pxp|ixi>.zip or its folder)", ex,
                      "The release: zip archive or extracted folder");
  x->callback([ex] { run(ImportLayout::kExiobase, *ex); });

  auto gl = std::make_shared<WorldArgs>();
  auto* l = add_world(imp, "gloria",
                      "GLORIA release 059 supply-use tables (folder with the MRIO and satellite zips or CSVs and "
                      "GLORIA_ReadMe_059.xlsx), as an input-output table",
                      gl, "The folder");
  add_choice<io::GloriaConstruct>(l, "--construct", gl->construct,
                                  "Supply-use to input-output: industry-technology (product x product) or "
                                  "fixed-product-sales (industry x industry); docs/methods.md §8.3");
  l->callback([gl] { run(ImportLayout::kGloria, *gl); });
});

}  // namespace
}  // namespace irio::cli
