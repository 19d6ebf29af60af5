// SPDX-License-Identifier: MIT
// `irio circulation`: domestic vs. international circulation per region and group (routes of the
// three-level decomposition as shares, NVC orientation) and the coupling coordination degree of a
// domestic and an international index (methods.md §10.1-§10.2).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/regional.h"

namespace irio::cli {
namespace {

using solver::Index;

struct Options : CommonOptions {
  std::string countries;
  std::vector<std::string> groups;
  std::string u1, u2;
  double alpha = 0.5, beta = 0.5;
  bool no_normalize = false;
};

/// A value in a column of 9, or NA where it is not defined.
std::string cell(double v) {
  char buf[32];
  if (std::isnan(v)) std::snprintf(buf, sizeof buf, "%9s", "NA");
  else std::snprintf(buf, sizeof buf, "%9.4f", v);
  return buf;
}

void print(const solver::gvc::Circulation& c, const solver::gvc::Coupling* k, const tables::Labels& labels) {
  namespace g = solver::gvc;
  std::printf("  %-16s %9s %9s %9s %9s %9s %9s %s\n", c.scope.c_str(), "NVC fwd", "GVC fwd", "orient f",
              "orient b", "domest f", "D", "band");
  for (std::size_t i = 0; i < c.units.size(); ++i) {
    const auto r = static_cast<Index>(i);
    const auto& I = c.indicators;
    const int band = k ? k->band[i] : -1;
    std::printf("  %-16s %s %s %s %s %s %s %s%s\n", c.units[i].c_str(), cell(I(r, g::kNvcForward)).c_str(),
                cell(I(r, g::kGvcForward)).c_str(), cell(I(r, g::kOrientationForward)).c_str(),
                cell(I(r, g::kOrientationBackward)).c_str(), cell(I(r, g::kDomesticShareForward)).c_str(),
                cell(k ? k->coordination(r) : std::nan("")).c_str(),
                band < 0 ? "-" : g::coordination_band_names()[static_cast<std::size_t>(band)].c_str(),
                name_suffix(region_display_name(labels, c.units[i])).c_str());
  }
}

void run(const Options& o) {
  CirculationRequest req;
  req.groups = o.groups;
  req.u1 = o.u1;
  req.u2 = o.u2;
  req.coupling.alpha = o.alpha;
  req.coupling.beta = o.beta;
  req.coupling.normalize = !o.no_normalize;
  req.progress = stderr_progress();
  require_valid("circulation", req.validate());
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = circulation(a, req);
  std::cout << a.model().summary().brief_report() << "\n";
  std::cout << "Circulation (ratios of sums) and coupling coordination D of U1 = " << r.u1 << ", U2 = " << r.u2
            << (req.coupling.normalize ? " (min-max normalised over the regions, for groups too)" : "") << ":\n";
  print(r.regions, &r.coupling, a.table().labels);
  for (std::size_t k = 0; k < r.groups.size(); ++k)
    print(r.groups[k], k < r.group_coupling.size() ? &r.group_coupling[k] : nullptr, a.table().labels);
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  write_and_report(r.tables, o, "circulation", a.table());
}

CommandRegistrar reg("circulation", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "circulation", "Domestic vs. international circulation per region and group, and the coupling coordination "
                     "degree (methods.md §10.1-10.2)");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  add_countries_option(sub, o->countries);
  sub->add_option("--groups", o->groups,
                  "Also by groups of regions: a grouping CSV (member,group) or a shipped name such as "
                  "four_regions (repeatable)");
  sub->add_option("--u1", o->u1,
                  "Domestic index U1: a circulation indicator or a CSV region,value (default nvc_forward; "
                  "nvc_backward with an exogenous rest of the world)");
  sub->add_option("--u2", o->u2,
                  "International index U2: a circulation indicator or a CSV region,value (default gvc_forward; "
                  "gvc_backward with an exogenous rest of the world)");
  sub->add_option("--alpha", o->alpha, "Weight of U1 in T = alpha U1 + beta U2")->capture_default_str();
  sub->add_option("--beta", o->beta, "Weight of U2")->capture_default_str();
  sub->add_flag("--no-normalize", o->no_normalize, "Use U1 and U2 as given (no min-max normalisation)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
