// SPDX-License-Identifier: MIT
// `irio ghosh`: Ghosh (supply-side) indicators by the similarity transform G = x^-1 L x (methods.md
// §1.2).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {};

void run(const Options& o) {
  refuse_existing_output(o, {"ghosh"});
  const Analysis a = open_table(o);
  const auto r = a.ghosh();
  std::cout << a.model().summary().brief_report() << "\n";
  std::cout << "Ghosh output va'G vs x: max |difference| = " << r.max_output_difference
            << " (non-zero when imports are an exogenous row or VA is supplied)\n"
            << "Note: Ghosh results are descriptive (forward linkages, allocation); as a causal\n"
            << "supply-push model it is implausible (Oosterhaven 1988).\n";
  write_and_report(r.tables, o, "ghosh", a.table());
}

CommandRegistrar reg("ghosh", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("ghosh", "Ghosh supply-side indicators (descriptive)");
  add_common_options(sub, *o);
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
