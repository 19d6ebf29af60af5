// SPDX-License-Identifier: MIT
// `irio impact`: output, value-added and stressor effects of final-demand shocks (methods.md §1.1).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"

namespace irio::cli {
namespace {

using solver::Index;

struct Options : CommonOptions {
  std::string shock;
};

void run(const Options& o) {
  ImpactRequest req;
  req.shock_file = o.shock;
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o);
  const auto r = a.impact(req);
  const auto& im = r.impact;
  std::cout << a.model().summary().brief_report() << "\n";
  for (std::size_t s = 0; s < im.scenarios.size(); ++s) {
    const auto c = static_cast<Index>(s);
    char buf[240];
    std::snprintf(buf, sizeof buf, "Scenario '%s': shock %.6g -> output %.6g, value added %.6g\n",
                  im.scenarios[s].c_str(), r.shocks.col(c).sum(), im.dx.col(c).sum(), im.dva.col(c).sum());
    std::cout << buf;
    for (std::size_t q = 0; q < im.stressor_names.size(); ++q)
      std::cout << "  " << im.stressor_names[q] << ": " << im.dF(static_cast<Index>(q), c) << "\n";
  }
  write_and_report(r.tables, o, "impact", a.table());
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
