// SPDX-License-Identifier: MIT
// `impact`: the effects of final-demand shocks, dx = L dy, dva and dF (methods.md §2.6).
#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string ImpactRequest::validate() const { return decl::impact().validate(*this); }
std::vector<std::string> ImpactRequest::table_names() const { return decl::impact().table_names(*this); }

const Verb<ImpactRequest>& decl::impact() {
  using namespace tables::rules;
  static const Verb<ImpactRequest> v = std::move(
      Verb<ImpactRequest>("impact", "Effects of final-demand shocks: dx = L dy, dva, dF")
          .option(
              [] {
                auto s = option_spec("shock", "", "Shock CSV: region,sector,value[,scenario]", OptionKind::kFile);
                s.required = true;
                return s;
              }(),
              &ImpactRequest::shock_file)
          .check([](const ImpactRequest& r) -> std::string {
            const bool has_matrix = r.shocks.rows() > 0 || r.shocks.cols() > 0;
            if (!r.shock_file.empty() == has_matrix) return "give either a shock file or a shock matrix";
            if (has_matrix && !r.scenarios.empty() && static_cast<Eigen::Index>(r.scenarios.size()) != r.shocks.cols())
              return std::to_string(r.scenarios.size()) + " scenario names for " + std::to_string(r.shocks.cols()) +
                     " shock columns";
            return {};
          })
          .output({"impact", "dx, dva and dF of each scenario by region-sector", kUnitMixed, {{"*", sum()}}})
          .runs([](const Analysis& a, const ImpactRequest& req, std::ostream& out) {
            auto r = a.impact(req);
            const auto& im = r.impact;
            out << a.model().summary().brief_report() << "\n";
            for (std::size_t s = 0; s < im.scenarios.size(); ++s) {
              const auto c = static_cast<Eigen::Index>(s);
              print_formatted(out, "Scenario '%s': shock %.6g -> output %.6g, value added %.6g\n",
                              im.scenarios[s].c_str(), r.shocks.col(c).sum(), im.dx.col(c).sum(), im.dva.col(c).sum());
              for (std::size_t q = 0; q < im.stressor_names.size(); ++q)
                out << "  " << im.stressor_names[q] << ": " << im.dF(static_cast<Eigen::Index>(q), c) << "\n";
            }
            return VerbResult{std::move(r.tables), {}, "impact", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(impact, irio::decl::impact)
