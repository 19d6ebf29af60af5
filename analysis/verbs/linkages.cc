// SPDX-License-Identifier: MIT
// `linkages`: backward/forward linkages, Rasmussen-Hirschman indices and key sectors (methods.md
// §2.5): options, outputs and aggregation rules, and the printed summary.
#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"

namespace irio {

namespace {
const char* kRelativeIndex =
    "an index relative to the average of all region-sectors of the table (methods.md §2.4): a group's value is "
    "not a combination of its members'; aggregate the table first and run irio linkages on it";

void print_key_sectors(std::ostream& out, const solver::LeontiefModel& model, const LinkageRequest& req,
                       const LinkageResults& r) {
  const auto& counts = r.class_counts;
  std::string keys;
  std::size_t listed = 0;
  for (solver::Index j = 0; j < model.n() && listed < 10; ++j)
    if (model.is_active(j) && r.linkages.classes[static_cast<std::size_t>(j)] == solver::SectorClass::kKey) {
      const std::string name = display_names_of(model.labels(), static_cast<std::size_t>(j));
      keys += "  " + model.labels().describe(static_cast<std::size_t>(j)) + (name.empty() ? "" : "  " + name) + "\n";
      ++listed;
    }
  out << "Key sectors (U^b > 1 and U^f > 1, forward = " << enum_name(req.options.forward) << "): " << counts[3]
      << "; backward-oriented " << counts[2] << ", forward-oriented " << counts[1] << ", weak " << counts[0] << "\n"
      << keys << (counts[3] > 10 ? "  ...\n" : "");
}
}  // namespace

std::string LinkageRequest::validate() const { return decl::linkages().validate(*this); }
std::vector<std::string> LinkageRequest::table_names() const { return decl::linkages().table_names(*this); }

const Verb<LinkageRequest>& decl::linkages() {
  using namespace tables::rules;
  static const Verb<LinkageRequest> v = std::move(
      Verb<LinkageRequest>("linkages", "Backward/forward linkages, Rasmussen-Hirschman indices, key sectors")
          .option(
              "forward", [](LinkageRequest & r) -> auto& { return r.options.forward; }, "Forward index for key sectors")
          .option(
              "weights", [](LinkageRequest & r) -> auto& { return r.options.weights; },
              "Averages of the normalized indices: 1/n (none), final-demand or output shares")
          .option(
              "cv", [](LinkageRequest & r) -> auto& { return r.options.coefficient_of_variation; },
              "Rasmussen coefficient of variation (FULL cost: n solves, streamed)")
          .check([](const LinkageRequest& r) { return r.options.validate(); })
          .output({"linkages",
                   "direct and total linkages, normalised indices, key-sector class",
                   kUnitMixed,
                   {{"direct_backward", by_output()},
                    {"direct_forward", by_output()},
                    {"total_backward", by_final_demand()},
                    {"total_forward_ghosh", by_value_added()},
                    {"power_of_dispersion", refused(kRelativeIndex)},
                    {"sensitivity_of_dispersion*", refused(kRelativeIndex)},
                    {"coefficient_of_variation", refused(kRelativeIndex)},
                    {"key_sector_class", refused(kRelativeIndex)},
                    {"leontief_row_sum", refused(kRelativeIndex)}}})
          .runs([](const Analysis& a, const LinkageRequest& req, std::ostream& out) {
            auto r = a.linkages(req);
            out << a.model().summary().brief_report() << "\n";
            print_key_sectors(out, a.model(), req, r);
            return VerbResult{std::move(r.tables), {}, "linkages", {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(linkages, irio::decl::linkages)
