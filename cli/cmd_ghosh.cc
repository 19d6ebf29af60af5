// SPDX-License-Identifier: MIT
// `irio ghosh`: Ghosh (supply-side) indicators by the similarity transform G = x^-1 L x (methods.md
// §1.2).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/table_store.h"
#include "irio/solver/ghosh.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {};

void run(const Options& o) {
  refuse_existing_output(o, {"ghosh"});
  const auto t = io::read_table(o.table);
  solver::LeontiefModel model(t, model_options(o));
  const auto g = solver::ghosh_table(model);
  std::cout << model.summary().brief_report() << "\n";
  const Vector xg = solver::ghosh_output(model, model.va());
  std::cout << "Ghosh output va'G vs x: max |difference| = "
            << (xg - model.x()).cwiseAbs().maxCoeff()
            << " (non-zero when imports are an exogenous row or VA is supplied)\n"
            << "Note: Ghosh results are descriptive (forward linkages, allocation); as a causal\n"
            << "supply-push model it is implausible (Oosterhaven 1988).\n";
  write_and_report({g}, o, "ghosh");
}

CommandRegistrar reg("ghosh", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("ghosh", "Ghosh supply-side indicators (descriptive)");
  add_common_options(sub, *o);
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
