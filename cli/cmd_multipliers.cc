// SPDX-License-Identifier: MIT
// `irio multipliers`: output, value-added, income and employment multipliers (simple, Type I,
// Type II by household closure) and optionally their spatial split (methods.md §2.1-§2.4, §5.4).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/table_store.h"
#include "irio/solver/indicator_common.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/round_split.h"
#include "irio/solver/multipliers.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {
  std::string income, employment, households = "national";
  std::vector<std::string> categories;
  bool type2 = false, split = false, round = false;
};

void run(const Options& o) {
  std::vector<std::string> names{"multipliers"};
  if (o.split) names.push_back("multiplier_split");
  if (o.round) names.push_back("multiplier_round");
  refuse_existing_output(o, names);
  const auto t = io::read_table(o.table);
  solver::LeontiefModel model(t, model_options(o));
  solver::MultiplierOptions opt;
  opt.income = o.income;
  opt.employment = o.employment;
  opt.households = solver::household_mode_from_string(o.households);
  if (o.type2) {
    if (o.categories.empty())
      throw InputError(
          "--type2 needs --household-category (the final-demand category of household "
          "consumption)");
    opt.household_categories = o.categories;
  }
  Vector k;
  std::vector<tables::TidyTable> out{solver::multipliers_table(model, opt, &k)};
  if (o.split || o.round) {
    std::vector<std::pair<std::string, Vector>> rows{{"output", Vector::Ones(model.n())},
                                                     {"value_added", model.v()}};
    if (!o.income.empty())
      rows.emplace_back("income",
                        solver::per_unit_output(model, solver::flow_row(model, o.income)));
    if (!o.employment.empty())
      rows.emplace_back("employment",
                        solver::per_unit_output(model, solver::flow_row(model, o.employment)));
    if (o.split) out.push_back(solver::multiplier_split_table(model, rows));
    if (o.round) out.push_back(solver::round_split_table(model, rows));
  }
  std::cout << model.summary().brief_report() << "\n";
  const Vector m = solver::output_multipliers(model);
  std::vector<Index> order;
  for (Index j = 0; j < m.size(); ++j)
    if (std::isfinite(m(j))) order.push_back(j);
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return m(a) > m(b); });
  std::cout << "Output multipliers 1'L (" << order.size() << " active region-sectors), largest:\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-40s %10.4f\n",
                  model.labels().describe(static_cast<std::size_t>(order[i])).c_str(), m(order[i]));
    std::cout << buf;
  }
  if (k.size() == 1)
    std::cout << "Household closure: k = 1 - h_R'L h_c = " << k(0)
              << " (Type II / Type I income = " << 1.0 / k(0) << ")\n";
  if (k.size() > 1)
    std::cout << "Regional household closure: " << k.size() << " households (Woodbury)\n";
  write_and_report(out, o, "multipliers");
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
  sub->add_option("--households", o->households,
                  "Closure: national (one household) or regional (one per region)")
      ->capture_default_str();
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
