// SPDX-License-Identifier: MIT
// `analyse`, the main job: multipliers and their local / national / international split, the
// three-level value chains and participation, by groups of regions. Its command (cli/cmd_analyse.cc)
// and Python method are written by hand for their printed layout; this declaration gives its
// options' meaning and its files' aggregation rules.
#include "irio/analysis/analysis.h"
#include "irio/analysis/internal/verbs.h"

namespace irio {

const Verb<AnalyseRequest>& decl::analyse() {
  using namespace tables::rules;
  static const Verb<AnalyseRequest> v = std::move(
      Verb<AnalyseRequest>("analyse",
                           "Main job: balance report, multipliers and their split, value-chain "
                           "participation")
          .hand_written()
          .countries()
          .option(option_spec("groups", "",
                              "Also report by groups of regions: a grouping CSV (member,group) or a shipped name "
                              "(four_regions, north_south, eight_zones, east_data_west_computing); repeatable",
                              OptionKind::kGroupings),
                  &AnalyseRequest::groups)
          .option(
              option_spec("other_group", "--other",
                          "Group NAME for every region a grouping does not list (else such a grouping is an error)"),
              &AnalyseRequest::other_group)
          .progress(&AnalyseRequest::progress)
          .output({"multipliers", "output and value-added multipliers", kUnitRatio, {{"*", by_final_demand()}}})
          .output({"multiplier_split",
                   "local, national and international parts of the multipliers",
                   kUnitRatio,
                   {{"*", by_final_demand()}}})
          .output({"chains", "the three-level terms (three_level_terms of irio chains)", kUnitMoney, {{"*", sum()}}})
          .output({"participation", "NVC and GVC participation by region", kUnitRatio, {}})
          .output(identities_output())
          .output({"chains_by_group", "the terms by group", kUnitMoney, {}},
                  [](const AnalyseRequest& r) { return !r.groups.empty(); })
          .output({"participation_by_group", "participation by group (ratios of sums)", kUnitRatio, {}},
                  [](const AnalyseRequest& r) { return !r.groups.empty(); })
          .runs([](const Analysis& a, const AnalyseRequest& req, std::ostream&) {
            auto r = a.analyse(req);
            VerbResult res{std::move(r.tables), {}, "analyse", {r.chains.diagnostics}};
            for (const auto& f : r.file_names) res.names.push_back(f.substr(0, f.rfind('.')));
            return res;
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(analyse, irio::decl::analyse)
