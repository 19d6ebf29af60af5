// SPDX-License-Identifier: MIT
// `irio sda`: structural decomposition of the change of output, value added or a footprint between
// two tables into technology, final-demand level, final-demand mix and intensity (methods.md §10.4).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/regional.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

using solver::Index;

struct Options : CommonOptions {
  std::string table1, countries, quantity = "value_added", region_concordance, sector_concordance,
                                 fd_split = "level_mix";
  std::vector<std::string> years, groups;
};

void run(const Options& o) {
  SdaRequest req;
  req.quantity = o.quantity;
  req.groups = o.groups;
  req.fd_split = parse_enum<SdaFinalDemandSplit>(o.fd_split);
  require_valid("sda", req.validate());
  if (!o.years.empty() && o.years.size() != 2) throw InputError("sda: --years takes two years");
  refuse_existing_output(o, req.table_names());
  OpenOptions opt = open_options(o, o.countries);
  if (!o.years.empty()) opt.wiod_year = o.years[0];
  const Analysis a0 = open_table(o.table, opt);
  if (!o.years.empty()) opt.wiod_year = o.years[1];
  const Analysis a1 = open_table(o.table1, opt);
  std::vector<Analysis> h;
  if (!o.region_concordance.empty() || !o.sector_concordance.empty())
    h = harmonise({&a0, &a1}, o.region_concordance, o.sector_concordance);
  const auto r = h.empty() ? sda(a0, a1, req) : sda(h[0], h[1], req);
  for (std::size_t k = 0; k < r.quantities.size(); ++k) {
    const auto& d = r.decompositions[k];
    std::cout << "Change of " << r.quantities[k] << " (total over regions), average over all " << d.factors.size()
              << "! orders of change:\n";
    const Eigen::RowVectorXd p = d.parts.colwise().sum();
    for (Index f = 0; f < p.size(); ++f)
      std::printf("  %-20s %16.6g\n", d.factors[static_cast<std::size_t>(f)].c_str(), p(f));
    std::printf("  %-20s %16.6g  (q0 %.6g, q1 %.6g)\n", "change", d.q1.sum() - d.q0.sum(), d.q0.sum(), d.q1.sum());
  }
  write_and_report(r.tables, o, "sda", h.empty() ? a1.table() : h[1].table());  // names of the later table
}

CommandRegistrar reg("sda", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("sda",
                                 "Structural decomposition of a change between two tables: technology, final-demand "
                                 "level and mix, intensity (methods.md §10.4)");
  add_common_options(sub, *o, "Result file (.csv or .h5)");
  sub->add_option("table1", o->table1, "The second (later) table, same classification")->required();
  sub->add_option("--quantity", o->quantity,
                  "output | value_added | participation (NVC and GVC value added, forward and backward) | "
                  "footprint:SATELLITE[/STRESSOR] (by producing sector) | footprint_cba:SATELLITE[/STRESSOR] "
                  "(consumption-based, by destination of final demand)")
      ->capture_default_str();
  add_choice<SdaFinalDemandSplit>(sub, "--fd-split", o->fd_split,
                                  "The final-demand effect as level_mix (fd_level, fd_mix), by category (one factor "
                                  "per final-demand category and export column) or by destination (fd_domestic, "
                                  "fd_exports); output, value_added, footprint:");
  add_countries_option(sub, o->countries);
  sub->add_option("--sector-concordance", o->sector_concordance,
                  "Grouping CSV or shipped name: aggregate a table whose sectors are its members to its groups");
  sub->add_option("--region-concordance", o->region_concordance, "Likewise for regions");
  sub->add_option("--groups", o->groups, "Also sums by groups of regions (grouping CSV or shipped name)");
  sub->add_option("--years", o->years, "--format wiod: the two years to read from the release folder(s) (1900 to 2100)")
      ->expected(2)
      ->check(whole_in(1900, 2100));
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
