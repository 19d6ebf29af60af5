// SPDX-License-Identifier: MIT
// `scenario`: unified-market scenarios, inter-regional coefficients inside a country scaled
// (methods.md §10.6).
#include <cmath>

#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string MarketScenarioRequest::validate() const { return decl::scenario().validate(*this); }
std::vector<std::string> MarketScenarioRequest::table_names() const { return decl::scenario().table_names(*this); }

namespace {
void print_scenarios(std::ostream& out, const Analysis& a, const MarketScenarioResults& r) {
  const auto& sv = r.solved;
  // NVC participation in total, forward (backward with an exogenous rest of the world).
  const bool exo = a.table().exports.cols() > 0 || a.table().imports.rows() > 0;
  auto nvc = [&](const solver::ChainValueAdded& c) {
    return exo ? c.numerators.col(2).sum() / c.y.sum() : c.numerators.col(0).sum() / c.va.sum();
  };
  print_formatted(out, "  %-24s %6s %-11s %10s %16s %16s %14s\n", "scenario", "factor", "closure", "iterations",
                  "output change", "VA change", exo ? "NVC bwd change" : "NVC fwd change");
  const Vector& v = a.model().v();
  for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
    const auto c = static_cast<Eigen::Index>(k);
    const double dn = sv.chains.empty() ? std::nan("") : nvc(sv.chains[k]) - nvc(sv.chains0);
    print_formatted(out, "  %-24s %6.3g %-11s %10d %16.6g %16.6g %14.6g\n", r.scenarios[k].name.c_str(),
                    r.scenarios[k].factor, enum_name(r.scenarios[k].closure), sv.iterations[k],
                    sv.x.col(c).sum() - sv.x0.sum(), v.dot(sv.x.col(c)) - v.dot(sv.x0), dn);
    if (r.scenarios[k].closure == solver::MarketClosure::kProportional)  // the part own suppliers could not take
      print_formatted(out, "  %-24s closure leaves %.6g to imports (at base output)\n", "", r.shortfall[k]);
  }
  for (const auto& f : r.refused)
    print_formatted(out, "  %-24s %6.3g %-11s refused: %s\n", f.scenario.name.c_str(), f.scenario.factor,
                    enum_name(f.scenario.closure), f.reason.c_str());
}
}  // namespace

const Verb<MarketScenarioRequest>& decl::scenario() {
  static const Verb<MarketScenarioRequest> v = std::move(
      Verb<MarketScenarioRequest>("scenario",
                                  "Unified-market scenarios: scale inter-regional coefficients inside a "
                                  "country (methods.md §10.6)")
          .option(
              [] {
                auto s = option_spec(
                    "scenarios", "",
                    "CSV scenario,factor,origin,destination[,closure]: origin/destination 'all' or regions and groups "
                    "separated by ';', closure own_region (default), imports or proportional (never refused: all own "
                    "suppliers in proportion, none below zero, the rest to imports); a refused scenario is reported on "
                    "its own row and the others run",
                    OptionKind::kFile);
                s.required = true;
                return s;
              }(),
              &MarketScenarioRequest::scenario_file)
          .countries()
          .option(option_spec("groups", "", "Groupings: names for origins/destinations, and sums by group",
                              OptionKind::kGroupings),
                  &MarketScenarioRequest::groups)
          .option(
              [] {
                auto s = python_only(
                    option_spec("tolerance", "", "Stop when max |y + dA x - (I - A) x| <= tolerance max |y|"));
                s.min = 1e-300;
                return s;
              }(),
              [](MarketScenarioRequest & r) -> auto& { return r.options.tolerance; })
          .option(
              [] {
                auto s = python_only(option_spec("max_iterations", "", "Iterations per scenario at most"));
                s.min = 1;
                return s;
              }(),
              [](MarketScenarioRequest & r) -> auto& { return r.options.max_iterations; })
          .check(scenario_problems)
          .output({"scenario",
                   "output, value added, multipliers and participation of each scenario, base and change",
                   kUnitMixed,
                   {}})
          .runs([](const Analysis& a, const MarketScenarioRequest& req, std::ostream& out) {
            auto r = market_scenarios(a, req);
            out << a.model().summary().brief_report() << "\n";
            print_scenarios(out, a, r);
            return VerbResult{std::move(r.tables), {}, "scenario", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(scenario, irio::decl::scenario)
