// SPDX-License-Identifier: MIT
// `irio footprints`: pymrio-compatible satellite accounts S, M, M_down, D_cba/pba/imp/exp (methods.md
// §2.3).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/display_names.h"

namespace irio::cli {
namespace {

using solver::Index;

struct Options : CommonOptions {
  std::string satellite, population;
  bool no_downstream = false;
};

void run(const Options& o) {
  FootprintRequest req;
  req.satellite = o.satellite;
  req.population_file = o.population;
  req.downstream = !o.no_downstream;
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o);
  const auto r = a.footprints(req);
  const auto& acc = r.accounts;
  const auto& sat = *r.satellite;
  std::cout << a.model().summary().brief_report() << "\n";
  for (Index q = 0; q < acc.D_cba_reg.rows(); ++q) {
    std::cout << "Stressor '" << sat.stressors[static_cast<std::size_t>(q)] << "' ["
              << sat.units[static_cast<std::size_t>(q)] << "]: consumption- vs production-based by region\n";
    for (Index reg = 0; reg < acc.D_cba_reg.cols(); ++reg) {
      char buf[200];
      const auto& code = a.table().labels.regions[static_cast<std::size_t>(reg)];
      std::snprintf(buf, sizeof buf, "  %-20s D_cba %14.6g  D_pba %14.6g  imp %14.6g  exp %14.6g", code.c_str(),
                    acc.D_cba_reg(q, reg), acc.D_pba_reg(q, reg), acc.D_imp_reg(q, reg), acc.D_exp_reg(q, reg));
      const std::string name = region_display_name(a.table().labels, code);
      std::cout << buf << (name.empty() ? "" : "  " + name) << "\n";
    }
  }
  if (acc.D_abroad_reg.size() > 0) {
    std::cout << "Embodied in exports abroad (the rest of the world's consumption-based account), by province:\n";
    for (Index q = 0; q < acc.D_abroad_reg.rows(); ++q)
      for (Index reg = 0; reg < acc.D_abroad_reg.cols(); ++reg) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %-20s %-10s %14.6g\n",
                      a.table().labels.regions[static_cast<std::size_t>(reg)].c_str(),
                      sat.stressors[static_cast<std::size_t>(q)].c_str(), acc.D_abroad_reg(q, reg));
        std::cout << buf;
      }
  }
  if (acc.D_other_fd_reg.size() > 0) {
    std::cout << "Embodied in final demand that is neither domestic nor abroad (ERR; not in the account abroad), "
                 "by province:\n";
    for (Index q = 0; q < acc.D_other_fd_reg.rows(); ++q)
      for (Index reg = 0; reg < acc.D_other_fd_reg.cols(); ++reg) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %-20s %-10s %14.6g\n",
                      a.table().labels.regions[static_cast<std::size_t>(reg)].c_str(),
                      sat.stressors[static_cast<std::size_t>(q)].c_str(), acc.D_other_fd_reg(q, reg));
        std::cout << buf;
      }
  }
  print_diagnostics(r.diagnostics);
  write_and_report(r.tables, o, "footprints", a.table());
  enforce_identities(r.diagnostics, o);
}

CommandRegistrar reg("footprints", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("footprints", "Footprint accounts of a satellite (pymrio-compatible)");
  add_common_options(sub, *o);
  sub->add_option("--satellite", o->satellite, "Satellite account name")->required();
  sub->add_option("--population", o->population, "CSV region,population for per-capita accounts");
  sub->add_flag("--no-downstream", o->no_downstream, "Skip M_down (saves k_F solves)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
