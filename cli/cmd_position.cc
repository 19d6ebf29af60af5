// SPDX-License-Identifier: MIT
// `irio position`: upstreamness, downstreamness, production and GVC lengths, GVC position and
// KPWW participation / position (METHODS §4.2-§4.4).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/gvc_common.h"
#include "io/table_store.h"
#include "solver/gvc/position.h"
#include "tables/error.h"

namespace irio::cli {
namespace {

struct Options {
  std::string table, output, countries, perimeter = "country", kpww_fv = "foreign_content", backend = "auto";
  bool force = false;
};

void run(const Options& o) {
  if (o.kpww_fv != "foreign_content" && o.kpww_fv != "fva_kww")
    throw InputError("--kpww-fv must be foreign_content or fva_kww, got '" + o.kpww_fv + "'");
  const tables::IoTable t = gvc_cli::load_table_with_countries(o.table, o.countries);
  solver::ModelOptions mo;
  mo.backend = solver::backend_from_string(o.backend);
  solver::LeontiefModel model(t, mo);
  solver::gvc::PositionOptions opt;
  opt.perimeter = solver::perimeter_from_string(o.perimeter);
  opt.kpww_fv_excludes_fdc = o.kpww_fv == "fva_kww";
  opt.progress = gvc_cli::stderr_progress();
  const auto r = solver::gvc::position_and_length(model, opt);
  std::cout << model.summary().brief_report() << "\n";
  std::cout << "KPWW participation and position by " << o.perimeter << ":\n";
  for (std::size_t i = 0; i < r.by_unit.num_rows(); ++i)
    if (r.by_unit.key(1, i) == "kpww_participation")
      std::printf("  %-16s participation %8.4f  position %8.4f\n", r.by_unit.key(0, i).c_str(), r.by_unit.value(i),
                  r.by_unit.find({r.by_unit.key(0, i), "kpww_position"}));
  gvc_cli::print_diagnostics(r.diagnostics);
  io::WriteOptions w;
  w.overwrite = o.force;
  for (const auto& p : io::write_results({r.by_sector, r.by_unit, r.diagnostics}, o.output, "position", w))
    std::cout << "wrote " << p << "\n";
}

CommandRegistrar reg("position", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("position", "Upstreamness, downstreamness, GVC lengths and position, KPWW");
  sub->add_option("table", o->table, "irio HDF5 table")->required();
  sub->add_option("-o,--output", o->output, "Result file (.csv: one file per table, or .h5)")->required();
  sub->add_option("--perimeter", o->perimeter, "country|region: the border that defines GVC")->capture_default_str();
  sub->add_option("--kpww-fv", o->kpww_fv, "KPWW FV: foreign_content (KWW 7-9) or fva_kww (KWW 7+8)")
      ->capture_default_str();
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->add_option("--backend", o->backend, "auto|dense|umfpack|klu|iterative")->capture_default_str();
  sub->add_flag("--force", o->force, "Overwrite an existing output file");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
