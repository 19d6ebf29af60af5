// SPDX-License-Identifier: MIT
// `multipliers`: output, value-added, income and employment multipliers (simple, Type I, Type II by
// household closure) and optionally their spatial split (methods.md §2.1-§2.4, §5.4).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string MultiplierRequest::validate() const { return decl::multipliers().validate(*this); }
std::vector<std::string> MultiplierRequest::table_names() const { return decl::multipliers().table_names(*this); }

namespace {
void print_largest(std::ostream& out, const solver::LeontiefModel& model, const MultiplierResults& r) {
  const auto& m = r.output;
  std::vector<solver::Index> order;
  for (solver::Index j = 0; j < m.size(); ++j)
    if (std::isfinite(m(j))) order.push_back(j);
  std::sort(order.begin(), order.end(), [&](solver::Index x, solver::Index y) { return m(x) > m(y); });
  out << "Output multipliers 1'L (" << order.size() << " active region-sectors), largest:\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i) {
    const auto j = static_cast<std::size_t>(order[i]);
    print_formatted(out, "  %-40s %10.4f", model.labels().describe(j).c_str(), m(order[i]));
    const std::string names = display_names_of(model.labels(), j);  // display names, where the table has them
    out << (names.empty() ? "" : "  " + names) << "\n";
  }
  const auto& k = r.closure_k;
  if (k.size() == 1)
    out << "Household closure: k = 1 - h_R'L h_c = " << k(0) << " (Type II / Type I income = " << 1.0 / k(0) << ")\n";
  if (k.size() > 1) out << "Regional household closure: " << k.size() << " households (Woodbury)\n";
}
}  // namespace

const Verb<MultiplierRequest>& decl::multipliers() {
  using namespace tables::rules;
  static const Verb<MultiplierRequest> v = std::move(
      Verb<MultiplierRequest>("multipliers", "Output, value-added, income and employment multipliers (Type I/II)")
          .option(cli_only(option_spec("type2", "--type2",
                                       "Type II multipliers by household closure (needs --household-category and "
                                       "income)")),
                  &MultiplierRequest::type2)
          .option(option_spec("household_categories", "--household-category",
                              "Final-demand category(ies) of household consumption"),
                  &MultiplierRequest::household_categories)
          .option("households", &MultiplierRequest::households,
                  "Closure: one household (national) or one per region (regional)")
          .option(option_spec("income", "--income-component,--income",
                              "Labour income w: a value-added component name or SATELLITE/STRESSOR"),
                  &MultiplierRequest::income)
          .option("employment", &MultiplierRequest::employment, "Employment: SATELLITE/STRESSOR")
          .option("split", &MultiplierRequest::split,
                  "Also the intra/feedback/spillover and local/national/international parts")
          .option("round", &MultiplierRequest::round,
                  "Also Round's multiplicative decomposition (intra, spillover, feedback per partition {region, "
                  "rest}; dense, n <= 3000)")
          .option(python_only(option_spec("va_components", "", "One value-added multiplier per row of V")),
                  &MultiplierRequest::va_components)
          .check([](const MultiplierRequest& r) {
            if (r.type2 && r.household_categories.empty())
              return std::string(
                  "--type2 needs --household-category (the final-demand category of household "
                  "consumption)");
            return r.options().validate();
          })
          .output({"multipliers",
                   "simple, Type I and Type II multipliers by region-sector",
                   kUnitRatio,
                   {{"*", by_final_demand()}}})
          .output({"multiplier_split",
                   "intra-regional, feedback, spillover; local, national, international parts",
                   kUnitRatio,
                   {{"*", by_final_demand()}}},
                  [](const MultiplierRequest& r) { return r.split; })
          .output({"multiplier_round", "Round's multiplicative decomposition", kUnitRatio, {{"*", by_final_demand()}}},
                  [](const MultiplierRequest& r) { return r.round; })
          .runs([](const Analysis& a, const MultiplierRequest& req, std::ostream& out) {
            auto r = a.multipliers(req);
            out << a.model().summary().brief_report() << "\n";
            print_largest(out, a.model(), r);
            return VerbResult{std::move(r.tables), {}, "multipliers", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(multipliers, irio::decl::multipliers)
