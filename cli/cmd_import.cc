// SPDX-License-Identifier: MIT
// `irio import csv|pymrio|wiod ...`: read a table from another layout and write irio's HDF5 file
// (irio::import_table).
// Other files add further importers with app.get_subcommand("import") (e.g. registry "import.ceads").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/table_jobs.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct OutputArgs {
  std::string output;
  bool force = false;
  std::string countries;
  std::string name, year, unit, price_basis, source;
};

void add_output_options(CLI::App* sub, OutputArgs& a, bool meta) {
  sub->add_option("-o,--output", a.output, "Output HDF5 table (.h5)")->required();
  sub->add_flag("-f,--force", a.force, "Replace an existing output file");
  add_countries_option(sub, a.countries);
  if (!meta) return;
  sub->add_option("--name", a.name, "Table name stored in the file");
  sub->add_option("--year", a.year, "Year stored in the file");
  sub->add_option("--unit", a.unit, "Monetary unit, e.g. \"USD million\"");
  sub->add_option("--price-basis", a.price_basis, "e.g. \"basic prices\"");
  sub->add_option("--source", a.source, "Provenance / citation");
}

void fill(ImportRequest& r, const OutputArgs& a) {
  r.output = a.output;
  r.overwrite = a.force;
  r.countries = a.countries;
  r.meta = {a.name, a.year, a.unit, a.price_basis, a.source};
}

/// Import through the library and print a one-paragraph summary with the balance status.
void run(const ImportRequest& r) {
  const auto res = import_table(r);
  const auto& t = res.table;
  std::cout << "wrote " << res.output << ": " << t.labels.num_regions() << " regions x " << t.labels.num_sectors()
            << " sectors (n = " << t.n() << "), " << t.labels.num_countries() << " countries, "
            << t.labels.fd_categories.size() << " final-demand categories, " << t.satellites.size()
            << " satellites\nbalance check: " << tables::to_string(res.balance.status)
            << (res.balance.findings.empty() ? "" : " (run `irio check " + res.output + "` for details)") << "\n";
  for (const auto& n : res.notes) std::cout << "note: " << n << "\n";
}

CommandRegistrar reg("import", [](CLI::App& app) {
  auto* imp = app.add_subcommand("import", "Import a table into irio's HDF5 format (docs/formats.md)");
  imp->require_subcommand(1);

  // --- csv
  struct CsvArgs {
    OutputArgs out;
    io::CsvImportOptions in;
    std::vector<std::string> satellites;
    std::string decimal = ".";
  };
  auto csv = std::make_shared<CsvArgs>();
  auto* c = imp->add_subcommand("csv", "Wide labelled CSV files: Z, Y and optional V, x, exports, imports, satellites");
  c->add_option("--Z", csv->in.Z, "Intermediate flows Z.csv (two header rows, two index columns)")->required();
  c->add_option("--Y", csv->in.Y, "Final demand Y.csv (columns region, category)")->required();
  c->add_option("--V", csv->in.V, "Value-added components V.csv (one index column)");
  c->add_option("--decimal", csv->decimal,
                "Decimal separator of the numbers: '.' (default) or ',' (e.g. 347,23; fields then separated by ';' "
                "or tabs)")
      ->check(CLI::IsMember({".", ","}))
      ->capture_default_str();
  c->add_option("--x", csv->in.x, "Gross output x.csv (region,sector,x)");
  c->add_option("--exports", csv->in.exports,
                "Exogenous exports exports.csv (index region,sector; one header row of export categories)");
  c->add_option("--imports", csv->in.imports, "Exogenous imports imports.csv (one index column, as V.csv)");
  c->add_option("--satellite", csv->satellites, "Satellite account as name=file.csv (repeatable)");
  c->add_option("--sector-names", csv->in.sector_names, "Display names of the sectors: CSV code,name");
  c->add_option("--region-names", csv->in.region_names, "Display names of the regions: CSV code,name");
  add_output_options(c, csv->out, true);
  c->callback([csv] {
    auto& in = csv->in;
    in.satellites.clear();
    for (const auto& s : csv->satellites) {
      const auto eq = s.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == s.size())
        throw InputError("--satellite '" + s + "': expected name=file.csv");
      in.satellites.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
    ImportRequest r;
    r.layout = ImportLayout::kCsv;
    in.decimal = csv->decimal[0];
    r.csv = in;
    fill(r, csv->out);
    run(r);
  });

  // --- pymrio
  struct DirArgs {
    OutputArgs out;
    std::string dir;
    std::string year = "2011";
    bool group_eu = false;
  };
  auto py = std::make_shared<DirArgs>();
  auto* p = imp->add_subcommand("pymrio", "A pymrio text folder (save_all txt layout, or pymrio's test MRIO)");
  p->add_option("dir", py->dir, "The pymrio folder")->required();
  add_output_options(p, py->out, true);
  p->callback([py] {
    ImportRequest r;
    r.layout = ImportLayout::kPymrio;
    r.dir = py->dir;
    fill(r, py->out);
    run(r);
  });

  // --- wiod
  auto wi = std::make_shared<DirArgs>();
  auto* w = imp->add_subcommand("wiod", "WIOD 2013 release folder (wiot_YYYY_{Z,F}.csv.gz, wiot_YYYY_x.csv, ...)");
  w->add_option("dir", wi->dir, "The WIOD folder")->required();
  w->add_option("--year", wi->year, "Year of the table (1900 to 2100)")
      ->check(whole_in(1900, 2100))
      ->capture_default_str();
  w->add_flag("--group-eu", wi->group_eu, "Group the 27 EU members into one country EU27 (members stay regions)");
  add_output_options(w, wi->out, false);
  w->callback([wi] {
    ImportRequest r;
    r.layout = ImportLayout::kWiod;
    r.dir = wi->dir;
    r.wiod_year = wi->year;
    r.group_eu = wi->group_eu;
    fill(r, wi->out);
    run(r);
  });
});

}  // namespace
}  // namespace irio::cli
