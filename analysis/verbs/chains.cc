// SPDX-License-Identifier: MIT
// `chains`: the three-level value-chain decomposition (LOC, NTF, NVC_S, NVC_C, RT, GVC_S, GVC_C)
// and participation, by region and by groups of regions (methods.md §5.2-§5.5).
#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/internal/verbs.h"
#include "irio/analysis/summary_text.h"

namespace irio {

std::vector<std::string> ChainRequest::table_names() const { return decl::chains().table_names(*this); }

namespace {
/// Participation by region, in the columns and order of the tables by group (print_groups); the
/// name column as wide as the widest region (in terminal columns: a CJK name counts double).
void print_participation(std::ostream& out, const Analysis& a, const solver::gvc::ProductionDecomposition& d) {
  out << "Participation by region (ratios of sums):\n";
  const auto& regions = a.table().labels.regions;
  const std::size_t w = name_width(regions, "region", 16);
  print_formatted(out, "  %s %12s %12s %12s %12s\n", pad("region", w).c_str(), "NVC forward", "NVC backward",
                  "GVC forward", "GVC backward");
  for (const auto& reg : regions) {
    auto get = [&](const char* ind) { return d.participation.find({"region", reg, "all", ind}); };
    print_formatted(out, "  %s %12.4f %12.4f %12.4f %12.4f%s\n", pad(reg, w).c_str(), get("nvc_forward"),
                    get("nvc_backward"), get("gvc_forward"), get("gvc_backward"),
                    name_suffix(region_display_name(a.table().labels, reg)).c_str());
  }
}
}  // namespace

const Verb<ChainRequest>& decl::chains() {
  using namespace tables::rules;
  static const Verb<ChainRequest> v = std::move(
      Verb<ChainRequest>("chains",
                         "Three-level value-chain decomposition (LOC, NTF, NVC_S, NVC_C, RT, GVC_S, "
                         "GVC_C) and participation")
          .output_help(kOneFilePerTable)
          .countries()
          .option(groups_option(), &ChainRequest::groups)
          .option(
              option_spec("other_group", "--other",
                          "Group NAME for every region a grouping does not list (else such a grouping is an error)"),
              &ChainRequest::other_group)
          .option(option_spec("split_complex_gvc", "--gvc-c-split",
                              "Also split GVC_C into GVC_C_home (made and absorbed in the origin's country) and "
                              "GVC_C_abroad (one global solve per country more)"),
                  &ChainRequest::split_complex_gvc)
          .option(option_spec("export_split", "--export-split",
                              "Tables with an exogenous rest of the world: CSV sector,final_share (or "
                              "region,sector,final_share), the share of final goods in each sector's exports (e.g. "
                              "from BEC); identifies forward RT and GVC (methods.md §5.5)",
                              OptionKind::kFile),
                  &ChainRequest::export_split)
          .progress(&ChainRequest::progress)
          .output({"three_level_terms",
                   "the terms LOC ... GVC_C of every region-sector, forward and backward",
                   kUnitMoney,
                   {{"*", sum()}}})
          .output({"participation",
                   "NVC and GVC participation by region (ratios of the terms)",
                   kUnitRatio,
                   {{"*", refused("participation is a ratio of value-chain terms; irio chains TABLE --groups FILE "
                                  "computes it for groups of regions as a ratio of sums (methods.md §6.1)")}}})
          .output(identities_output())
          .output({"chains_by_group", "the terms by group of each grouping", kUnitMoney, {}},
                  [](const ChainRequest& r) { return !r.groups.empty(); })
          .output(
              {"participation_by_group", "participation by group of each grouping (ratios of sums)", kUnitRatio, {}},
              [](const ChainRequest& r) { return !r.groups.empty(); })
          .runs([](const Analysis& a, const ChainRequest& req, std::ostream& out) {
            auto r = a.chains(req);
            const auto& d = r.decomposition;
            out << a.model().summary().brief_report() << "\n";
            if (d.exogenous_rest_of_world && req.export_split.empty())
              out << "Exogenous rest of the world: forward RT/GVC_S/GVC_C and backward GVC_S/GVC_C are not "
                     "identifiable (reported as NA, status not_available; methods.md §5.5)\n";
            else if (d.exogenous_rest_of_world)
              out << "Exogenous rest of the world: forward RT and GVC (total) identified by the export split of "
                  << req.export_split
                  << " (status export_split); GVC_S/GVC_C and backward GVC_S/GVC_C are not "
                     "identifiable (NA, status not_available; methods.md §5.5)\n";
            print_participation(out, a, d);
            for (const auto& gc : r.grouped) print_groups(out, gc);
            print_diagnostics(out, d.diagnostics);
            return VerbResult{std::move(r.tables), {}, "chains", {d.diagnostics}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(chains, irio::decl::chains)
