// SPDX-License-Identifier: MIT
// `irio import ceads workbook.xlsx` and `irio import nbs table.csv`: Chinese provincial (CEADs)
// and national (NBS) tables into irio's HDF5 format (docs/provincial.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

/// The "import" group, created by cli/cmd_import.cc (registered first: entries are sorted by
/// name); created here if that file is absent.
CLI::App* import_group(CLI::App& app) {
  try {
    return app.get_subcommand("import");
  } catch (const CLI::Error&) {
    auto* imp = app.add_subcommand("import", "Import a table into irio's HDF5 format");
    imp->require_subcommand(1);
    return imp;
  }
}

void print_written(const ImportResult& r) {
  const auto& t = r.table;
  std::cout << "wrote " << r.output << ": " << t.labels.num_regions() << " regions x " << t.labels.num_sectors()
            << " sectors, " << t.labels.fd_categories.size() << " final-demand categories, " << t.export_labels.size()
            << " exogenous export columns, " << t.import_labels.size() << " import rows\n";
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
}

void print(const std::string& report) { std::cout << report; }

struct CeadsArgs {
  std::string input, output, sheet, edition = "auto", country = "CHN";
  double rel_tol = 1e-6;
  bool strict = false, force = false;
};

struct NbsArgs {
  std::string input, output, convert = "no-reexport", import_rows = "total", region = "CN", country = "CHN";
  double rel_tol = 1e-8;
  bool force = false;
};

CommandRegistrar reg("import.ceads", [](CLI::App& app) {
  CLI::App* imp = import_group(app);

  auto ca = std::make_shared<CeadsArgs>();
  auto* c =
      imp->add_subcommand("ceads", "CEADs China multi-regional IO workbook (.xlsx; 2012, 2017, 2018, 2020 layouts)");
  c->add_option("workbook", ca->input, "CEADs .xlsx workbook")->required();
  c->add_option("-o,--output", ca->output, "Output HDF5 table (.h5)")->required();
  c->add_option("--sheet", ca->sheet, "Sheet to read (default: 'Table_YYYY_English Version', else '2012MRIO')");
  add_choice<io::CeadsEdition>(c, "--edition", ca->edition, "Layout (2017 also covers 2018/2020)");
  c->add_option("--country", ca->country, "Country code of the provinces")->capture_default_str();
  c->add_option("--rel-tol", ca->rel_tol, "Relative tolerance of the table-total checks (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  c->add_flag("--strict", ca->strict, "Fail (exit 3) when a table total disagrees with the data");
  c->add_flag("-f,--force", ca->force, "Replace an existing output file");
  c->callback([ca] {
    CeadsImportRequest r;
    r.input = ca->input;
    r.output = ca->output;
    r.overwrite = ca->force;
    r.options.sheet = ca->sheet;
    r.options.edition = parse_enum<io::CeadsEdition>(ca->edition);
    r.options.country = ca->country;
    r.options.rel_tol = ca->rel_tol;
    r.options.strict = ca->strict;
    r.on_report = print;
    print_written(import_ceads(r));
  });

  auto na = std::make_shared<NbsArgs>();
  auto* n = imp->add_subcommand("nbs", "NBS national IO table of China (CSV as in data/china_nbs)");
  n->add_option("table", na->input, "NBS CSV file, e.g. china_2017_149.csv")->required();
  n->add_option("-o,--output", na->output, "Output HDF5 table (.h5)")->required();
  n->add_option("--convert", na->convert,
                "Competitive tables: no-reexport (default, methods.md §5.5), reexport, or none (keep imports "
                "inside Z, IM as a negative exogenous column)")
      ->check(CLI::IsMember(enum_names<NbsConversion>()))
      ->capture_default_str();
  n->add_option("--import-rows", na->import_rows, "Non-competitive imports as one row 'total' or one per 'product'")
      ->check(CLI::IsMember({"total", "product"}))
      ->capture_default_str();
  n->add_option("--region", na->region, "Region code of the table")->capture_default_str();
  n->add_option("--country", na->country, "Country code")->capture_default_str();
  n->add_option("--rel-tol", na->rel_tol, "Relative tolerance of the table's own totals (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  n->add_flag("-f,--force", na->force, "Replace an existing output file");
  n->callback([na] {
    NbsImportRequest r;
    r.input = na->input;
    r.output = na->output;
    r.convert = parse_enum<NbsConversion>(na->convert);
    r.import_rows_by_product = na->import_rows == "product";
    r.region = na->region;
    r.country = na->country;
    r.rel_tol = na->rel_tol;
    r.overwrite = na->force;
    r.on_report = print;
    print_written(import_nbs(r));
  });
});

}  // namespace
}  // namespace irio::cli
