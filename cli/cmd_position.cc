// SPDX-License-Identifier: MIT
// `irio position`: upstreamness, downstreamness, production and GVC lengths, GVC position and
// KPWW participation / position (methods.md §4.2-§4.4).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/display_names.h"

namespace irio::cli {
namespace {

const PositionRequest kDefaults{};

struct Options : CommonOptions {
  std::string countries, perimeter = enum_name(kDefaults.perimeter), kpww_fv = enum_name(kDefaults.kpww_fv);
};

void run(const Options& o) {
  PositionRequest req;
  req.perimeter = parse_enum<solver::Perimeter>(o.perimeter);
  req.kpww_fv = parse_enum<KpwwFv>(o.kpww_fv);
  req.progress = stderr_progress(o.quiet);
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = a.position(req);
  const auto& by_unit = r.position.by_unit;
  std::cout << a.model().summary().brief_report() << "\n";
  std::cout << "Perimeter " << o.perimeter << ": the lengths and position count chains that cross a "
            << (r.position.crossing == "GVC" ? "national border (PLv_GVC, PLy_GVC, GVC_position)"
                                             : "region border, between provinces of one country as well as abroad "
                                               "(PLv_interregional, PLy_interregional, interregional_position; "
                                               "--perimeter country for national borders)")
            << "; the perimeter is a column of the result\n";
  if (by_unit.num_rows() == 0) std::cout << "note: " << r.position.kpww_note << "\n";
  else std::cout << "KPWW participation and position by " << o.perimeter << ":\n";
  for (std::size_t i = 0; i < by_unit.num_rows(); ++i)
    if (by_unit.key(1, i) == "kpww_participation")
      std::printf("  %-16s participation %8.4f  position %8.4f%s\n", by_unit.key(0, i).c_str(), by_unit.value(i),
                  by_unit.find({by_unit.key(0, i), "kpww_position", by_unit.key(2, i)}),
                  name_suffix(region_display_name(a.table().labels, by_unit.key(0, i))).c_str());
  print_diagnostics(r.position.diagnostics);
  write_and_report(r.tables, o, "position", a.table());
  enforce_identities(r.position.diagnostics, o);
}

CommandRegistrar reg("position", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("position", "Upstreamness, downstreamness, GVC lengths and position, KPWW");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  add_choice<solver::Perimeter>(sub, "--perimeter", o->perimeter, "The border that defines GVC");
  add_choice<KpwwFv>(sub, "--kpww-fv", o->kpww_fv, "KPWW FV: foreign content (KWW 7-9) or KWW 7+8");
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
