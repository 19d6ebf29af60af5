// SPDX-License-Identifier: MIT
// `irio position`: upstreamness, downstreamness, production and GVC lengths, GVC position and
// KPWW participation / position (methods.md §4.2-§4.4).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/gvc_common.h"
#include "irio/io/table_store.h"
#include "irio/solver/gvc/position.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::string countries, perimeter = "country", kpww_fv = "foreign_content";
};

void run(const Options& o) {
  refuse_existing_output(o, {"position", "kpww", "diagnostics"});
  if (o.kpww_fv != "foreign_content" && o.kpww_fv != "fva_kww")
    throw InputError("--kpww-fv must be foreign_content or fva_kww, got '" + o.kpww_fv + "'");
  const tables::IoTable t = gvc_cli::load_table_with_countries(o.table, o.countries);
  solver::LeontiefModel model(t, model_options(o));
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
  write_and_report({r.by_sector, r.by_unit, r.diagnostics}, o, "position");
}

CommandRegistrar reg("position", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("position", "Upstreamness, downstreamness, GVC lengths and position, KPWW");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  sub->add_option("--perimeter", o->perimeter, "country|region: the border that defines GVC")->capture_default_str();
  sub->add_option("--kpww-fv", o->kpww_fv, "KPWW FV: foreign_content (KWW 7-9) or fva_kww (KWW 7+8)")
      ->capture_default_str();
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
