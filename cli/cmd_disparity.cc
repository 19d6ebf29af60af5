// SPDX-License-Identifier: MIT
// `irio disparity`: Theil T and L (total, between and within groups), Gini and coefficient of
// variation of a region-level indicator (methods.md §10.3).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/regional.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::string countries, indicator = "gvc_forward", indicator_file, weights = "equal", population, country;
  std::vector<std::string> groups;
};

void run(const Options& o) {
  DisparityRequest req;
  req.groups = o.groups;
  req.indicator = o.indicator;
  req.indicator_file = o.indicator_file;
  req.weights = parse_enum<DisparityWeights>(o.weights);
  req.population_file = o.population;
  req.country = o.country;
  require_valid("disparity", req.validate());
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = disparity(a, req);
  std::cout << "Disparity of " << req.indicator_name() << " over " << r.regions.size() << " regions, weights "
            << o.weights << ":\n";
  std::printf("  %-20s %-8s %12s %12s %12s\n", "grouping", "measure", "total", "between", "within");
  for (std::size_t k = 0; k < r.by_grouping.size(); ++k) {
    const auto& d = r.by_grouping[k];
    const std::string name = o.groups.empty() ? "none" : o.groups[k];
    const std::pair<const char*, const solver::DisparityParts*> ms[] = {
        {"theil_t", &d.theil_t}, {"theil_l", &d.theil_l}, {"gini", &d.gini}, {"cv", &d.cv}};
    for (const auto& [m, p] : ms)
      std::printf("  %-20s %-8s %12.6g %12.6g %12.6g\n", name.c_str(), m, p->total, p->between, p->within);
  }
  if (!r.note.empty()) std::cout << "Note: " << r.note << "\n";
  write_and_report(r.tables, o, "disparity", a.table());
}

CommandRegistrar reg("disparity", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("disparity",
                                 "Theil T/L (total, between, within groups), Gini and CV of a region-level "
                                 "indicator (methods.md §10.3)");
  add_common_options(sub, *o);
  add_countries_option(sub, o->countries);
  sub->add_option("--groups", o->groups,
                  "Grouping for the between/within decomposition: a grouping CSV (member,group) or a shipped "
                  "name such as four_regions (repeatable)");
  sub->add_option("--indicator", o->indicator,
                  "A circulation indicator (gvc_forward, nvc_backward, orientation_forward, ...), output, "
                  "value_added, va_per_output or va_per_capita")
      ->capture_default_str();
  sub->add_option("--indicator-file", o->indicator_file, "CSV region,value: any user indicator instead");
  add_choice<DisparityWeights>(sub, "--weights", o->weights, "Weights of the regions");
  sub->add_option("--population", o->population, "CSV region,value: population (weights, va_per_capita)");
  sub->add_option("--country", o->country, "Only the regions of this country (e.g. the provinces of CN)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
