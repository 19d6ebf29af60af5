// SPDX-License-Identifier: MIT
// `irio import csv|pymrio|wiod ...`: read a table from another layout and write irio's HDF5 file.
// Other files add further importers with app.get_subcommand("import") (e.g. registry "import.ceads").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/io/import_csv.h"
#include "irio/io/import_pymrio.h"
#include "irio/io/import_wiod.h"
#include "irio/io/table_store.h"
#include "irio/tables/balance.h"
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
  sub->add_option("--countries", a.countries, "CSV map region,country grouping regions into countries");
  if (!meta) return;
  sub->add_option("--name", a.name, "Table name stored in the file");
  sub->add_option("--year", a.year, "Year stored in the file");
  sub->add_option("--unit", a.unit, "Monetary unit, e.g. \"USD million\"");
  sub->add_option("--price-basis", a.price_basis, "e.g. \"basic prices\"");
  sub->add_option("--source", a.source, "Provenance / citation");
}

/// Write the table and print a one-paragraph summary with the balance status.
void finish(tables::IoTable& t, const OutputArgs& a, const std::vector<std::string>& inputs) {
  if (!a.name.empty()) t.meta.name = a.name;
  if (!a.year.empty()) t.meta.year = a.year;
  if (!a.unit.empty()) t.meta.unit = a.unit;
  if (!a.price_basis.empty()) t.meta.price_basis = a.price_basis;
  if (!a.source.empty()) t.meta.source = a.source;
  io::WriteOptions opt;
  opt.overwrite = a.force;
  opt.inputs = inputs;
  io::write_table(t, a.output, opt);
  const auto rep = tables::check_balance(t);
  std::cout << "wrote " << a.output << ": " << t.labels.num_regions() << " regions x " << t.labels.num_sectors()
            << " sectors (n = " << t.n() << "), " << t.labels.num_countries() << " countries, "
            << t.labels.fd_categories.size() << " final-demand categories, " << t.satellites.size()
            << " satellites\nbalance check: " << tables::to_string(rep.status)
            << (rep.findings.empty() ? "" : " (run `irio check " + a.output + "` for details)") << "\n";
}

CommandRegistrar reg("import", [](CLI::App& app) {
  auto* imp = app.add_subcommand("import", "Import a table into irio's HDF5 format (docs/formats.md)");
  imp->require_subcommand(1);

  // --- csv
  struct CsvArgs {
    OutputArgs out;
    io::CsvImportOptions in;
    std::vector<std::string> satellites;
  };
  auto csv = std::make_shared<CsvArgs>();
  auto* c = imp->add_subcommand("csv", "Wide labelled CSV files: Z, Y and optional V, x, exports, imports, satellites");
  c->add_option("--Z", csv->in.Z, "Intermediate flows Z.csv (two header rows, two index columns)")->required();
  c->add_option("--Y", csv->in.Y, "Final demand Y.csv (columns region, category)")->required();
  c->add_option("--V", csv->in.V, "Value-added components V.csv (one index column)");
  c->add_option("--x", csv->in.x, "Gross output x.csv (region,sector,x)");
  c->add_option("--exports", csv->in.exports,
                "Exogenous exports exports.csv (index region,sector; one header row of export categories)");
  c->add_option("--imports", csv->in.imports, "Exogenous imports imports.csv (one index column, as V.csv)");
  c->add_option("--satellite", csv->satellites, "Satellite account as name=file.csv (repeatable)");
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
    in.countries = csv->out.countries;
    auto t = io::import_csv(in);
    std::vector<std::string> inputs{in.Z, in.Y, in.V, in.x, in.exports, in.imports, in.countries};
    for (const auto& s : in.satellites) inputs.push_back(s.second);
    finish(t, csv->out, inputs);
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
    auto t = io::import_pymrio(py->dir);
    if (!py->out.countries.empty()) io::read_country_map(py->out.countries, t.labels);
    finish(t, py->out, {py->out.countries});
  });

  // --- wiod
  auto wi = std::make_shared<DirArgs>();
  auto* w = imp->add_subcommand("wiod", "WIOD 2013 release folder (wiot_YYYY_{Z,F}.csv.gz, wiot_YYYY_x.csv, ...)");
  w->add_option("dir", wi->dir, "The WIOD folder")->required();
  w->add_option("--year", wi->year, "Year of the table")->capture_default_str();
  w->add_flag("--group-eu", wi->group_eu, "Group the 27 EU members into one country EU27 (members stay regions)");
  add_output_options(w, wi->out, false);
  w->callback([wi] {
    io::WiodImportOptions o;
    o.year = wi->year;
    o.group_eu = wi->group_eu;
    o.countries = wi->out.countries;
    auto t = io::import_wiod(wi->dir, o);
    finish(t, wi->out, {wi->out.countries});
  });
});

}  // namespace
}  // namespace irio::cli
