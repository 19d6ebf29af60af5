// SPDX-License-Identifier: MIT
// `disparity`: Theil T/L (total, between, within groups), Gini and CV of a region-level indicator
// (methods.md §10.3).
#include "irio/solver/disparity.h"
#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::string DisparityRequest::validate() const { return decl::disparity().validate(*this); }
std::vector<std::string> DisparityRequest::table_names() const { return decl::disparity().table_names(*this); }

const Verb<DisparityRequest>& decl::disparity() {
  using namespace tables::rules;
  static const Verb<DisparityRequest> v = std::move(
      Verb<DisparityRequest>("disparity",
                             "Theil T/L (total, between, within groups), Gini and CV of a region-level "
                             "indicator (methods.md §10.3)")
          .option("indicator", &DisparityRequest::indicator,
                  "A circulation indicator (gvc_forward, nvc_backward, orientation_forward, ...), output, "
                  "value_added, va_per_output or va_per_capita")
          .option(option_spec("groups", "",
                              "Grouping for the between/within decomposition: a grouping CSV (member,group) or a "
                              "shipped name such as four_regions (repeatable)",
                              OptionKind::kGroupings),
                  &DisparityRequest::groups)
          .countries()
          .option("weights", &DisparityRequest::weights, "Weights of the regions")
          .option(option_spec("population", "", "CSV region,value: population (weights, va_per_capita)",
                              OptionKind::kRegionValues),
                  &DisparityRequest::population_file)
          .option("country", &DisparityRequest::country, "Only the regions of this country (e.g. the provinces of CN)")
          .option(option_spec("indicator_file", "", "CSV region,value: any user indicator instead",
                              OptionKind::kRegionValues),
                  &DisparityRequest::indicator_file)
          .check(disparity_problems)
          .output({"disparity", "Theil T and L, Gini and CV: total, between and within groups", kUnitRatio, {}})
          .runs([](const Analysis& a, const DisparityRequest& req, std::ostream& out) {
            auto r = disparity(a, req);
            out << "Disparity of " << req.indicator_name() << " over " << r.regions.size() << " regions, weights "
                << enum_name(req.weights) << ":\n";
            print_formatted(out, "  %-20s %-8s %12s %12s %12s\n", "grouping", "measure", "total", "between", "within");
            for (std::size_t k = 0; k < r.by_grouping.size(); ++k) {
              const auto& d = r.by_grouping[k];
              const std::string name = req.groups.empty() ? "none" : req.groups[k];
              const std::pair<const char*, const solver::DisparityParts*> ms[] = {
                  {"theil_t", &d.theil_t}, {"theil_l", &d.theil_l}, {"gini", &d.gini}, {"cv", &d.cv}};
              for (const auto& [m, p] : ms)
                print_formatted(out, "  %-20s %-8s %12.6g %12.6g %12.6g\n", name.c_str(), m, p->total, p->between,
                                p->within);
            }
            if (!r.note.empty()) out << "Note: " << r.note << "\n";
            return VerbResult{std::move(r.tables), {}, "disparity", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(disparity, irio::decl::disparity)
