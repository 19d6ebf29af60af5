// SPDX-License-Identifier: MIT
// `irio chains`: three-level production-based decomposition (local / national / international
// value chains) and NVC / GVC participation (methods.md §5.2, eq. 5.1; WWYZ §4.1 on country tables).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/display_names.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::string countries;
  std::vector<std::string> groups;
  std::string other_group;
  bool gvc_c_split = false;
  std::string export_split;
};

void run(const Options& o) {
  ChainRequest req;
  req.groups = o.groups;
  req.other_group = o.other_group;
  req.split_complex_gvc = o.gvc_c_split;
  req.export_split = o.export_split;
  req.progress = stderr_progress(o.quiet);
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = a.chains(req);
  const auto& d = r.decomposition;
  std::cout << a.model().summary().brief_report() << "\n";
  if (d.exogenous_rest_of_world && o.export_split.empty())
    std::cout << "Exogenous rest of the world: forward RT/GVC_S/GVC_C and backward GVC_S/GVC_C are not "
                 "identifiable (reported as NA, status not_available; methods.md §5.5)\n";
  else if (d.exogenous_rest_of_world)
    std::cout << "Exogenous rest of the world: forward RT and GVC (total) identified by the export split of "
              << o.export_split << " (status export_split); GVC_S/GVC_C and backward GVC_S/GVC_C are not "
                 "identifiable (NA, status not_available; methods.md §5.5)\n";
  std::cout << "Participation by region (ratios of sums):\n";
  // The columns and order of the tables by group (print_groups); the name column as wide as the
  // widest region (in terminal columns: a CJK name counts double).
  const auto& regions = a.table().labels.regions;
  const std::size_t w = name_width(regions, "region", 16);
  std::printf("  %s %12s %12s %12s %12s\n", pad("region", w).c_str(), "NVC forward", "NVC backward", "GVC forward",
              "GVC backward");
  for (const auto& reg : regions) {
    auto get = [&](const char* ind) { return d.participation.find({"region", reg, "all", ind}); };
    std::printf("  %s %12.4f %12.4f %12.4f %12.4f%s\n", pad(reg, w).c_str(), get("nvc_forward"), get("nvc_backward"),
                get("gvc_forward"), get("gvc_backward"), name_suffix(region_display_name(a.table().labels, reg)).c_str());
  }
  for (const auto& gc : r.grouped) print_groups(gc);
  print_diagnostics(d.diagnostics);
  write_and_report(r.tables, o, "chains", a.table());
  enforce_identities(d.diagnostics, o);
}

CommandRegistrar reg("chains", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "chains", "Three-level value-chain decomposition (LOC, NTF, NVC_S, NVC_C, RT, GVC_S, GVC_C) and participation");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->add_option("--groups", o->groups,
                  "Also by groups of regions: a grouping CSV (member,group) or a shipped name such as "
                  "four_regions (repeatable)");
  sub->add_option("--other", o->other_group,
                  "Group NAME for every region a grouping does not list (else such a grouping is an error)");
  sub->add_flag("--gvc-c-split", o->gvc_c_split,
                "Also split GVC_C into GVC_C_home (made and absorbed in the origin's country) and "
                "GVC_C_abroad (one global solve per country more)");
  sub->add_option("--export-split", o->export_split,
                  "Tables with an exogenous rest of the world: CSV sector,final_share (or region,sector,final_share), "
                  "the share of final goods in each sector's exports (e.g. from BEC); identifies forward RT and GVC "
                  "(methods.md §5.5)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
