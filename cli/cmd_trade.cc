// SPDX-License-Identifier: MIT
// `irio trade`: value added in trade (methods.md §3, §5.3): WWZ, KWW, Borin-Mancini, VAX, LTdV,
// decompr's Leontief decomposition and the gvc package's indicators, at the region or country
// perimeter. The method dispatch is irio::Analysis::trade.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"

namespace irio::cli {
namespace {

const TradeRequest kDefaults{};

struct Options : CommonOptions {
  std::string countries, method = enum_name(kDefaults.method), perimeter = enum_name(kDefaults.perimeter),
                         approach = enum_name(kDefaults.approach), perspective = enum_name(kDefaults.perspective),
                         post = enum_name(kDefaults.post);
  bool bilateral = false;
};

void run(const Options& o) {
  TradeRequest req;
  req.method = parse_enum<TradeMethod>(o.method);
  req.perimeter = parse_enum<solver::Perimeter>(o.perimeter);
  req.approach = parse_enum<BmApproach>(o.approach);
  req.perspective = parse_enum<BmPerspective>(o.perspective);
  req.post = parse_enum<solver::gvc::LeontiefPost>(o.post);
  req.bilateral = o.bilateral;
  req.progress = stderr_progress(o.quiet);
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o, o.countries);
  const auto r = a.trade(req);
  std::cout << a.model().summary().brief_report() << "\n";
  std::cout << "Perimeter: " << o.perimeter << " (" << r.units << " units); gross exports " << r.gross_exports
            << "\n";
  if (r.diagnostics.num_keys() > 0) print_diagnostics(r.diagnostics);
  write_and_report(r.tables, o, req.run(), a.table());
  enforce_identities(r.diagnostics, o);
}

CommandRegistrar reg("trade", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("trade", "Value added in trade: WWZ, KWW, Borin-Mancini, VAX, LTdV, Leontief, gvc");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  add_choice<TradeMethod>(sub, "--method", o->method, "Decomposition");
  add_choice<solver::gvc::LeontiefPost>(sub, "--post",  o->post,
                                        "Leontief decomposition v^ L diag(post) (post = final demand is --method vax, VBY)");
  add_choice<solver::Perimeter>(sub, "--perimeter", o->perimeter, "The border that defines exports");
  add_choice<BmApproach>(sub, "--approach", o->approach, "Borin-Mancini approach");
  add_choice<BmPerspective>(sub, "--perspective", o->perspective, "Borin-Mancini perspective");
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->add_flag("--bilateral", o->bilateral,
                "With --method ltdv: also the bilateral extractions s->r (n transposed solves in all)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
