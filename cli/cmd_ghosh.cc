// SPDX-License-Identifier: MIT
// `irio ghosh`: Ghosh (supply-side) indicators by the similarity transform G = x^-1 L x (METHODS
// §1.2).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "io/table_store.h"
#include "solver/ghosh.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options {
  std::string table, output, backend = "auto";
  bool force = false;
};

void run(const Options& o) {
  const auto t = io::read_table(o.table);
  solver::ModelOptions mo;
  mo.backend = solver::backend_from_string(o.backend);
  solver::LeontiefModel model(t, mo);
  const auto g = solver::ghosh_table(model);
  std::cout << model.summary().brief_report() << "\n";
  const Vector xg = solver::ghosh_output(model, model.va());
  std::cout << "Ghosh output va'G vs x: max |difference| = "
            << (xg - model.x()).cwiseAbs().maxCoeff()
            << " (non-zero when imports are an exogenous row or VA is supplied)\n"
            << "Note: Ghosh results are descriptive (forward linkages, allocation); as a causal\n"
            << "supply-push model it is implausible (Oosterhaven 1988).\n";
  io::WriteOptions w;
  w.overwrite = o.force;
  for (const auto& p : io::write_results({g}, o.output, "ghosh", w))
    std::cout << "wrote " << p << "\n";
}

CommandRegistrar reg("ghosh", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("ghosh", "Ghosh supply-side indicators (descriptive)");
  sub->add_option("table", o->table, "irio HDF5 table")->required();
  sub->add_option("-o,--output", o->output, "Result file (.csv or .h5)")->required();
  sub->add_option("--backend", o->backend, "auto|dense|umfpack|klu|iterative")
      ->capture_default_str();
  sub->add_flag("--force", o->force, "Overwrite an existing output file");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
