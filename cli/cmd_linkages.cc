// SPDX-License-Identifier: MIT
// `irio linkages`: backward/forward linkages, Rasmussen-Hirschman indices, key sectors (methods.md
// §2.5).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/display_names.h"

namespace irio::cli {
namespace {

using solver::Index;

const solver::LinkageOptions kDefaults{};

struct Options : CommonOptions {
  std::string forward = enum_name(kDefaults.forward), weights = enum_name(kDefaults.weights);
  bool cv = false;
};

void run(const Options& o) {
  LinkageRequest req;
  req.options.forward = parse_enum<solver::ForwardLinkage>(o.forward);
  req.options.weights = parse_enum<solver::LinkageWeights>(o.weights);
  req.options.coefficient_of_variation = o.cv;
  refuse_existing_output(o, req.table_names());
  const Analysis a = open_table(o);
  const auto r = a.linkages(req);
  const auto& model = a.model();
  std::cout << model.summary().brief_report() << "\n";
  const auto& counts = r.class_counts;
  std::string keys;
  std::size_t listed = 0;
  for (Index j = 0; j < model.n() && listed < 10; ++j)
    if (model.is_active(j) && r.linkages.classes[static_cast<std::size_t>(j)] == solver::SectorClass::kKey) {
      const std::string name = display_names_of(model.labels(), static_cast<std::size_t>(j));
      keys += "  " + model.labels().describe(static_cast<std::size_t>(j)) + (name.empty() ? "" : "  " + name) + "\n";
      ++listed;
    }
  std::cout << "Key sectors (U^b > 1 and U^f > 1, forward = " << o.forward << "): " << counts[3]
            << "; backward-oriented " << counts[2] << ", forward-oriented " << counts[1] << ", weak " << counts[0]
            << "\n"
            << keys << (counts[3] > 10 ? "  ...\n" : "");
  write_and_report(r.tables, o, "linkages", a.table());
}

CommandRegistrar reg("linkages", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "linkages", "Backward/forward linkages, Rasmussen-Hirschman indices, key sectors");
  add_common_options(sub, *o);
  add_choice<solver::ForwardLinkage>(sub, "--forward", o->forward, "Forward index for key sectors");
  add_choice<solver::LinkageWeights>(sub, "--weights", o->weights,
                                     "Averages of the normalized indices: 1/n (none), final-demand or output shares");
  sub->add_flag("--cv", o->cv,
                "Rasmussen coefficient of variation (FULL cost: n solves, streamed)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
