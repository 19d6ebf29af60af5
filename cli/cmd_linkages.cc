// SPDX-License-Identifier: MIT
// `irio linkages`: backward/forward linkages, Rasmussen-Hirschman indices, key sectors (methods.md
// §2.5).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/table_store.h"
#include "irio/solver/linkages.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {
  std::string forward = "ghosh", weights = "none";
  bool cv = false;
};

void run(const Options& o) {
  refuse_existing_output(o, {"linkages"});
  const auto t = io::read_table(o.table);
  solver::LeontiefModel model(t, model_options(o));
  solver::LinkageOptions lo;
  lo.forward = solver::forward_linkage_from_string(o.forward);
  lo.coefficient_of_variation = o.cv;
  lo.weights = solver::linkage_weights_from_string(o.weights);
  const auto lk = solver::compute_linkages(model, lo);
  std::cout << model.summary().brief_report() << "\n";
  std::size_t counts[4] = {0, 0, 0, 0};
  std::string keys;
  for (Index j = 0; j < model.n(); ++j) {
    if (!model.is_active(j)) continue;
    const auto c = lk.classes[static_cast<std::size_t>(j)];
    ++counts[static_cast<int>(c)];
    if (c == solver::SectorClass::kKey && counts[3] <= 10)
      keys += "  " + model.labels().describe(static_cast<std::size_t>(j)) + "\n";
  }
  std::cout << "Key sectors (U^b > 1 and U^f > 1, forward = " << o.forward << "): " << counts[3]
            << "; backward-oriented " << counts[2] << ", forward-oriented " << counts[1]
            << ", weak " << counts[0] << "\n"
            << keys << (counts[3] > 10 ? "  ...\n" : "");
  write_and_report({solver::linkages_table(model, lk)}, o, "linkages");
}

CommandRegistrar reg("linkages", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "linkages", "Backward/forward linkages, Rasmussen-Hirschman indices, key sectors");
  add_common_options(sub, *o);
  sub->add_option("--forward", o->forward, "Forward index for key sectors: ghosh or leontief")
      ->capture_default_str();
  sub->add_option("--weights", o->weights,
                  "Averages of the normalized indices: none (1/n), final_demand or output shares")
      ->capture_default_str();
  sub->add_flag("--cv", o->cv,
                "Rasmussen coefficient of variation (FULL cost: n solves, streamed)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
