// SPDX-License-Identifier: MIT
// `irio extract`: hypothetical extraction of sectors or of inter-regional blocks (methods.md §2.6).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/table_store.h"
#include "irio/solver/extraction.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {
  std::string block, variant = "all", method = "auto";
  std::vector<std::string> sectors;
  bool no_keep_diagonal = false;
};

void run(const Options& o) {
  refuse_existing_output(o, {"extraction"});
  if (o.sectors.empty() == o.block.empty())
    throw InputError("give either --sectors or --block (inter-regional|national)");
  const auto t = io::read_table(o.table);
  solver::LeontiefModel model(t, model_options(o));
  solver::ExtractionOptions eo;
  eo.keep_diagonal = !o.no_keep_diagonal;
  if (o.method == "auto")
    eo.method = solver::ExtractionMethod::kAuto;
  else if (o.method == "woodbury")
    eo.method = solver::ExtractionMethod::kWoodbury;
  else if (o.method == "refactorize")
    eo.method = solver::ExtractionMethod::kRefactorize;
  else
    throw InputError("unknown --method '" + o.method +
                     "' (expected auto, woodbury or refactorize)");
  std::vector<solver::ExtractionResult> res;
  std::vector<std::string> names;
  if (!o.block.empty()) {
    solver::ExtractionKind k;
    if (o.block == "inter-regional")
      k = solver::ExtractionKind::kInterRegional;
    else if (o.block == "national")
      k = solver::ExtractionKind::kNational;
    else
      throw InputError("unknown --block '" + o.block + "' (expected inter-regional or national)");
    res.push_back(solver::extract(model, k, {}, eo));
    names.push_back(o.block);
  } else {
    const auto J = solver::sector_indices(model, o.sectors);
    std::string label;
    for (const auto& s : o.sectors) label += (label.empty() ? "" : "+") + s;
    std::vector<solver::ExtractionKind> kinds;
    if (o.variant == "all" || o.variant == "total") kinds.push_back(solver::ExtractionKind::kTotal);
    if (o.variant == "all" || o.variant == "backward")
      kinds.push_back(solver::ExtractionKind::kBackward);
    if (o.variant == "all" || o.variant == "forward")
      kinds.push_back(solver::ExtractionKind::kForward);
    if (kinds.empty())
      throw InputError("unknown --variant '" + o.variant +
                       "' (expected all, total, backward or forward)");
    for (auto k : kinds) {
      res.push_back(solver::extract(model, k, J, eo));
      names.push_back(label);
    }
  }
  std::cout << model.summary().brief_report() << "\n";
  for (const auto& r : res) {
    char buf[240];
    std::snprintf(
        buf, sizeof buf,
        "%-15s (%s, rank %lld): output loss %.6g of %.6g (%.2f%%), value-added loss %.6g\n",
        solver::to_string(r.kind), r.method.c_str(), static_cast<long long>(r.rank), r.output_loss,
        r.x_base.sum(), 100.0 * r.output_loss / r.x_base.sum(), r.va_loss);
    std::cout << buf;
  }
  write_and_report({solver::extraction_table(res, names)}, o, "extract");
}

CommandRegistrar reg("extract", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("extract", "Hypothetical extraction of sectors or inter-regional blocks");
  add_common_options(sub, *o);
  sub->add_option("--sectors", o->sectors, "REGION/SECTOR or SECTOR (all regions); several allowed")
      ->delimiter(',');
  sub->add_option("--block", o->block, "inter-regional (all A^rs, r != s) or national (only A_N)");
  sub->add_option("--variant", o->variant, "all|total|backward|forward (sector extractions)")
      ->capture_default_str();
  sub->add_flag("--no-keep-diagonal", o->no_keep_diagonal,
                "Partial extractions also zero the diagonal");
  sub->add_option("--method", o->method, "auto|woodbury|refactorize")->capture_default_str();
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
