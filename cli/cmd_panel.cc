// SPDX-License-Identifier: MIT
// `irio panel`: one verb's results over several tables of the same classification, stacked into
// one tidy panel with a `year` column (methods.md §10.5).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/regional.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::vector<std::string> more, years, groups;
  std::string countries, verb = "chains", region_concordance, sector_concordance;
};

void run(const Options& o) {
  PanelRequest req;
  req.verb = parse_enum<PanelVerb>(o.verb);
  req.years = o.years;
  req.groups = o.groups;
  require_valid("panel", req.validate());
  std::vector<std::string> paths{o.table};
  paths.insert(paths.end(), o.more.begin(), o.more.end());
  if (!o.years.empty() && o.years.size() != paths.size())
    throw InputError("panel: " + std::to_string(o.years.size()) + " years for " + std::to_string(paths.size()) +
                     " tables");
  refuse_existing_output(o, req.table_names());
  std::vector<Analysis> tables;
  OpenOptions opt = open_options(o, o.countries);
  for (std::size_t k = 0; k < paths.size(); ++k) {
    if (!o.years.empty()) opt.wiod_year = o.years[k];
    tables.push_back(open_table(paths[k], opt));
  }
  std::vector<const Analysis*> ptrs;
  for (const auto& a : tables) ptrs.push_back(&a);
  std::vector<Analysis> harmonised;
  if (!o.region_concordance.empty() || !o.sector_concordance.empty()) {
    harmonised = harmonise(ptrs, o.region_concordance, o.sector_concordance);
    ptrs.clear();
    for (const auto& a : harmonised) ptrs.push_back(&a);
  }
  const auto r = panel(ptrs, req);
  std::cout << "Panel of " << o.verb << " over " << r.years.size() << " tables:";
  for (const auto& y : r.years) std::cout << " " << y;
  std::cout << "\n";
  // Name columns from the last table: every table of a panel has the same codes, and the latest
  // names are the ones a reader expects.
  auto named = r.tables;
  add_display_names(named, ptrs.back()->table());
  write_and_report(named, o, "panel");
}

CommandRegistrar reg("panel", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "panel", "One verb's results over several tables of one classification, with a year column (methods.md §10.5)");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  sub->add_option("more", o->more, "The further tables (same classification as the first)")->required();
  add_choice<PanelVerb>(sub, "--verb", o->verb, "The verb to run on each table");
  sub->add_option("--years", o->years,
                  "One label per table for the year column (default: the tables' years); with --format wiod, "
                  "the year read from each release folder");
  add_countries_option(sub, o->countries);
  sub->add_option("--sector-concordance", o->sector_concordance,
                  "Grouping CSV (from,to or member,group) or shipped name: aggregate tables whose sectors are "
                  "its members to its groups first (tables already in its groups are kept)");
  sub->add_option("--region-concordance", o->region_concordance, "Likewise for regions");
  sub->add_option("--groups", o->groups, "chains, circulation: also by groups of regions");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
