// SPDX-License-Identifier: MIT
// `irio scenario`: unified-market scenarios — scale the inter-regional coefficients inside a
// country for chosen origins and destinations, with a closure, all scenarios of a file solved on
// the base factorization (methods.md §10.6).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/regional.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::string countries, scenarios;
  std::vector<std::string> groups;
};

void run(const Options& o) {
  MarketScenarioRequest req;
  req.scenario_file = o.scenarios;
  req.groups = o.groups;
  require_valid("scenario", req.validate());
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = market_scenarios(a, req);
  std::cout << a.model().summary().brief_report() << "\n";
  const auto& sv = r.solved;
  // NVC participation in total, forward (backward with an exogenous rest of the world).
  const bool exo = a.table().exports.cols() > 0 || a.table().imports.rows() > 0;
  auto nvc = [&](const solver::ChainValueAdded& c) {
    return exo ? c.numerators.col(2).sum() / c.y.sum() : c.numerators.col(0).sum() / c.va.sum();
  };
  std::printf("  %-24s %6s %-11s %10s %16s %16s %14s\n", "scenario", "factor", "closure", "iterations", "output change",
              "VA change", exo ? "NVC bwd change" : "NVC fwd change");
  const Vector& v = a.model().v();
  for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
    const auto c = static_cast<Eigen::Index>(k);
    const double dn = sv.chains.empty() ? std::nan("") : nvc(sv.chains[k]) - nvc(sv.chains0);
    std::printf("  %-24s %6.3g %-11s %10d %16.6g %16.6g %14.6g\n", r.scenarios[k].name.c_str(), r.scenarios[k].factor,
                enum_name(r.scenarios[k].closure), sv.iterations[k], sv.x.col(c).sum() - sv.x0.sum(),
                v.dot(sv.x.col(c)) - v.dot(sv.x0), dn);
    if (r.scenarios[k].closure == solver::MarketClosure::kProportional)  // the part own suppliers could not take
      std::printf("  %-24s closure leaves %.6g to imports (at base output)\n", "", r.shortfall[k]);
  }
  for (const auto& f : r.refused)
    std::printf("  %-24s %6.3g %-11s refused: %s\n", f.scenario.name.c_str(), f.scenario.factor,
                enum_name(f.scenario.closure), f.reason.c_str());
  write_and_report(r.tables, o, "scenario", a.table());
}

CommandRegistrar reg("scenario", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("scenario",
                                 "Unified-market scenarios: scale inter-regional coefficients inside a country "
                                 "(methods.md §10.6)");
  add_common_options(sub, *o);
  sub->add_option("--scenarios", o->scenarios,
                  "CSV scenario,factor,origin,destination[,closure]: origin/destination 'all' or regions and "
                  "groups separated by ';', closure own_region (default), imports or proportional (never refused: all own "
                  "suppliers in proportion, none below zero, the rest to imports); a refused scenario is reported "
                  "on its own row and the others run")
      ->required();
  add_countries_option(sub, o->countries);
  sub->add_option("--groups", o->groups, "Groupings: names for origins/destinations, and sums by group");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
