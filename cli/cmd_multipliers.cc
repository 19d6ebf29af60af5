// SPDX-License-Identifier: MIT
// `irio multipliers`: output, value-added, income and employment multipliers (simple, Type I,
// Type II by household closure) and optionally their spatial split (methods.md §2.1-§2.4, §5.4).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/display_names.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

using solver::Index;

struct Options : CommonOptions {
  std::string income, employment, households = enum_name(MultiplierRequest{}.households);
  std::vector<std::string> categories;
  bool type2 = false, split = false, round = false;
};

void run(const Options& o) {
  if (o.type2 && o.categories.empty())
    throw InputError("--type2 needs --household-category (the final-demand category of household consumption)");
  MultiplierRequest req;
  req.income = o.income;
  req.employment = o.employment;
  req.households = parse_enum<solver::HouseholdMode>(o.households);
  if (o.type2) req.household_categories = o.categories;
  req.split = o.split;
  req.round = o.round;
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o);
  const auto r = a.multipliers(req);
  const auto& model = a.model();
  std::cout << model.summary().brief_report() << "\n";
  const auto& m = r.output;
  std::vector<Index> order;
  for (Index j = 0; j < m.size(); ++j)
    if (std::isfinite(m(j))) order.push_back(j);
  std::sort(order.begin(), order.end(), [&](Index x, Index y) { return m(x) > m(y); });
  std::cout << "Output multipliers 1'L (" << order.size() << " active region-sectors), largest:\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i) {
    char buf[160];
    const auto j = static_cast<std::size_t>(order[i]);
    std::snprintf(buf, sizeof buf, "  %-40s %10.4f", model.labels().describe(j).c_str(), m(order[i]));
    const std::string names = display_names_of(model.labels(), j);  // display names, where the table has them
    std::cout << buf << (names.empty() ? "" : "  " + names) << "\n";
  }
  const auto& k = r.closure_k;
  if (k.size() == 1)
    std::cout << "Household closure: k = 1 - h_R'L h_c = " << k(0) << " (Type II / Type I income = " << 1.0 / k(0)
              << ")\n";
  if (k.size() > 1) std::cout << "Regional household closure: " << k.size() << " households (Woodbury)\n";
  write_and_report(r.tables, o, "multipliers", a.table());
}

CommandRegistrar reg("multipliers", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "multipliers", "Output, value-added, income and employment multipliers (Type I/II)");
  add_common_options(sub, *o);
  sub->add_flag("--type2", o->type2,
                "Type II multipliers by household closure (needs --household-category and income)");
  sub->add_option("--household-category", o->categories,
                  "Final-demand category(ies) of household consumption");
  add_choice<solver::HouseholdMode>(sub, "--households", o->households,
                                    "Closure: one household (national) or one per region (regional)");
  sub->add_option("--income-component,--income", o->income,
                  "Labour income w: a value-added component name or SATELLITE/STRESSOR");
  sub->add_option("--employment", o->employment, "Employment: SATELLITE/STRESSOR");
  sub->add_flag("--split", o->split,
                "Also the intra/feedback/spillover and local/national/international parts");
  sub->add_flag("--round", o->round,
                "Also Round's multiplicative decomposition (intra, spillover, feedback per partition "
                "{region, rest}; dense, n <= 3000)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
