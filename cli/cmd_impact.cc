// SPDX-License-Identifier: MIT
// `irio impact`: output, value-added and stressor effects of final-demand shocks (methods.md §1.1).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/shock_reader.h"
#include "irio/io/table_store.h"
#include "irio/solver/impact.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {
  std::string shock;
};

void run(const Options& o) {
  refuse_existing_output(o, {"impact"});
  const auto t = io::read_table(o.table);
  solver::LeontiefModel model(t, model_options(o));
  const auto shocks = io::read_shocks(o.shock, t.labels);
  const auto r = solver::compute_impact(model, shocks.values, shocks.scenarios);
  std::cout << model.summary().brief_report() << "\n";
  for (std::size_t s = 0; s < r.scenarios.size(); ++s) {
    const auto c = static_cast<Index>(s);
    char buf[240];
    std::snprintf(buf, sizeof buf, "Scenario '%s': shock %.6g -> output %.6g, value added %.6g\n",
                  r.scenarios[s].c_str(), shocks.values.col(c).sum(), r.dx.col(c).sum(),
                  r.dva.col(c).sum());
    std::cout << buf;
    for (std::size_t q = 0; q < r.stressor_names.size(); ++q)
      std::cout << "  " << r.stressor_names[q] << ": " << r.dF(static_cast<Index>(q), c) << "\n";
  }
  write_and_report({solver::impact_table(model, r)}, o, "impact");
}

CommandRegistrar reg("impact", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("impact", "Effects of final-demand shocks: dx = L dy, dva, dF");
  add_common_options(sub, *o);
  sub->add_option("--shock", o->shock, "Shock CSV: region,sector,value[,scenario]")->required();
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
