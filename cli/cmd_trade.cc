// SPDX-License-Identifier: MIT
// `irio trade`: value added in trade (methods.md §3, §5.3): WWZ, KWW, Borin-Mancini, VAX, LTdV,
// decompr's Leontief decomposition and the gvc package's indicators, at the region or country
// perimeter.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/gvc_common.h"
#include "irio/io/table_store.h"
#include "irio/solver/gvc/trade.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options : CommonOptions {
  std::string countries, method = "wwz", perimeter = "region", approach = "source", perspective = "exporter",
      post = "exports";
  bool bilateral = false;
};

/// The tables a method writes (one file each with a .csv output), known before computing.
std::vector<std::string> table_names(const Options& o) {
  if (o.method == "wwz") return {"wwz", "wwz2kww", "dvix_fsr", "diagnostics"};
  if (o.method == "kww") return {"kww", "diagnostics"};
  if (o.method == "bm") return {"bm_" + o.perspective + "_" + o.approach, "diagnostics"};
  if (o.method == "vax") return {"vax", "vby", "diagnostics"};
  if (o.method == "ltdv" && o.bilateral) return {"ltdv", "ltdv_fvaio", "ltdv_bilateral", "diagnostics"};
  if (o.method == "ltdv") return {"ltdv", "ltdv_fvaio", "diagnostics"};
  if (o.method == "leontief") return {"leontief_" + o.post, "diagnostics"};
  if (o.method == "gvc") return {"gvc_indicators", "gvc_final_demand"};
  return {};
}

void run(const Options& o) {
  namespace gvc = solver::gvc;
  if (o.approach != "source" && o.approach != "sink")
    throw InputError("--approach must be source or sink, got '" + o.approach + "'");
  if (o.perspective != "exporter" && o.perspective != "world")
    throw InputError("--perspective must be exporter or world, got '" + o.perspective + "'");
  if (o.method == "leontief" && o.post != "exports" && o.post != "output" && o.post != "none")
    throw InputError("--post must be exports, output or none, got '" + o.post + "' (post = final_demand is "
                     "--method vax, VBY)");
  refuse_existing_output(o, table_names(o));
  const tables::IoTable t = gvc_cli::load_table_with_countries(o.table, o.countries);
  solver::LeontiefModel model(t, model_options(o));
  const gvc::TradeContext ctx(model, solver::perimeter_from_string(o.perimeter), gvc_cli::stderr_progress());
  std::vector<tables::TidyTable> out;
  tables::TidyTable diag;
  auto take = [&](const gvc::TradeResult& r) {
    out.push_back(r.table);
    if (r.diagnostics.num_keys() == 0) return;
    if (diag.num_keys() == 0) diag = r.diagnostics;
    else diag.append(r.diagnostics);
  };
  const bool sink = o.approach == "sink";
  if (o.method == "wwz") {
    const auto w = gvc::wwz_decomposition(ctx);
    take(w);
    take(gvc::wwz_to_kww(ctx, w));
    take(gvc::dvix_fsr(ctx));
  } else if (o.method == "kww") {
    take(gvc::kww_decomposition(ctx));
  } else if (o.method == "bm") {
    if (o.perspective == "world") take(gvc::bm_world(ctx, sink));
    else take(sink ? gvc::bm_exporter_sink(ctx) : gvc::bm_exporter_source(ctx));
  } else if (o.method == "vax") {
    take(gvc::vax(ctx));
    take(gvc::value_added_absorption(ctx));
  } else if (o.method == "ltdv") {
    auto l = gvc::ltdv(ctx);
    take(l.by_exporter);
    out.push_back(l.by_sector);
    if (o.bilateral) out.push_back(gvc::ltdv_bilateral(ctx).table);
  } else if (o.method == "leontief") {
    if (model.n() > 10000)
      throw InputError("--method leontief writes an n x n matrix (n = " + std::to_string(model.n()) +
                       "): too large; aggregate the table first (`irio aggregate`)");
    take(gvc::leontief_decomposition(ctx, o.post));
  } else if (o.method == "gvc") {
    auto g = gvc::gvc_indicators(ctx);
    out.push_back(std::move(g.by_sector));
    out.push_back(std::move(g.by_absorber));
  } else {
    throw InputError("--method must be wwz, kww, bm, vax, ltdv, leontief or gvc, got '" + o.method + "'");
  }
  if (diag.num_keys() > 0) out.push_back(diag);
  std::cout << model.summary().brief_report() << "\n";
  std::cout << "Perimeter: " << o.perimeter << " (" << ctx.units.size() << " units); gross exports "
            << ctx.e_star.sum() << "\n";
  if (diag.num_keys() > 0) gvc_cli::print_diagnostics(diag);
  write_and_report(out, o, "trade_" + o.method);
}

CommandRegistrar reg("trade", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("trade", "Value added in trade: WWZ, KWW, Borin-Mancini, VAX, LTdV, Leontief, gvc");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  sub->add_option("--method", o->method, "wwz|kww|bm|vax|ltdv|leontief|gvc")->capture_default_str();
  sub->add_option("--post", o->post, "Leontief decomposition v^ L diag(post): exports|output|none")
      ->capture_default_str();
  sub->add_option("--perimeter", o->perimeter, "region|country: the border that defines exports")
      ->capture_default_str();
  sub->add_option("--approach", o->approach, "BM approach: source|sink")->capture_default_str();
  sub->add_option("--perspective", o->perspective, "BM perspective: exporter|world")->capture_default_str();
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->add_flag("--bilateral", o->bilateral,
                "With --method ltdv: also the bilateral extractions s->r (n transposed solves in all)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
