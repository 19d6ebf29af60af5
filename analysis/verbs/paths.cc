// SPDX-License-Identifier: MIT
// `paths`: structural path analysis (paths.h). Its kernel (solver/structural_paths.*) and this file
// are all it takes (docs/architecture.md, "Adding a verb").
#include "irio/analysis/verbs/paths.h"

#include <cmath>

#include "irio/analysis/analysis.h"
#include "irio/analysis/summary_text.h"
#include "irio/analysis/verb.h"
#include "irio/solver/structural_paths.h"

namespace irio {

namespace decl {
const Verb<StructuralPathRequest>& paths();
}

std::string StructuralPathRequest::validate() const { return decl::paths().validate(*this); }
std::vector<std::string> StructuralPathRequest::table_names() const { return decl::paths().table_names(*this); }

namespace {

void print_paths(std::ostream& out, const Analysis& a, const StructuralPathRequest& req, const std::string& what,
                 const solver::StructuralPaths& r) {
  const auto& labels = a.table().labels;
  out << "Structural paths of " << what << " for the final demand of "
      << (req.region.empty() ? std::string("every region") : "region '" + req.region + "'") << "\n";
  print_formatted(out, "  total s'L y %.6g; threshold %.3g (%.3g of the total); paths reported: %zu\n", r.total,
                  r.threshold_abs, req.threshold, r.paths.size());
  double found = 0;
  for (const auto& o : r.by_order) found += o.found;
  print_formatted(out, "  coverage (found / total) %.4f; beyond order %lld: %.6g (%.3g of the total)\n",
                  r.total != 0 ? found / r.total : std::nan(""), req.max_order, r.beyond_max_order,
                  r.total != 0 ? r.beyond_max_order / r.total : std::nan(""));
  print_formatted(
      out, "  search: %zu nodes, %zu expanded%s%s\n", r.nodes, r.expansions,
      r.top_reached ? "; --top reached (the threshold rose to the smallest path held)" : "",
      r.capped ? "; --max-nodes REACHED: some nodes were left unexpanded (the pruned bound counts them)" : "");
  print_formatted(out, "  %5s %14s %14s %14s %8s\n", "order", "s'A^t y", "found", "pruned bound", "paths");
  for (std::size_t t = 0; t < r.by_order.size(); ++t) {
    const auto& o = r.by_order[t];
    print_formatted(out, "  %5zu %14.6g %14.6g %14.6g %8zu\n", t, o.series_term, o.found, o.pruned_bound, o.paths);
  }
  out << "Top " << std::min<std::size_t>(10, r.paths.size())
      << " paths (final demand <- supplier <- ... <- emitter), value and share of the total:\n";
  for (std::size_t k = 0; k < r.paths.size() && k < 10; ++k) {
    const auto& p = r.paths[k];
    print_formatted(out, "  %3zu %14.6g %8.4f  %s\n", k + 1, p.value, r.total != 0 ? p.value / r.total : std::nan(""),
                    solver::path_text(labels, p).c_str());
  }
}

}  // namespace

const Verb<StructuralPathRequest>& decl::paths() {
  using namespace tables::rules;
  const auto no_groups = refused(
      "a path is a chain of region-sectors: it does not sum over groups of regions (aggregate the table and "
      "run irio paths on it)");
  static const Verb<StructuralPathRequest> v = std::move(
      Verb<StructuralPathRequest>("paths",
                                  "Structural path analysis: the largest supply-chain paths of a footprint "
                                  "(best-first search over s'(I + A + A^2 + ...) y, pruned by the total intensity)")
          .option(option_spec("satellite", "", "Satellite account name (with --of stressor)"),
                  &StructuralPathRequest::satellite)
          .option("of", &StructuralPathRequest::of,
                  "Whose paths: a stressor of --satellite, value added (s = v) or output (s = 1)")
          .option(option_spec("stressor", "", "Stressor of the satellite (required when it has several)"),
                  &StructuralPathRequest::stressor)
          .option(option_spec("region", "", "Footprint of this region's final demand (default: all final demand)"),
                  &StructuralPathRequest::region)
          .option(
              [] {
                auto s = option_spec("threshold", "",
                                     "Report paths of at least this share of the total (and prune below it)");
                s.min = 0;
                s.max = 1;
                return s;
              }(),
              &StructuralPathRequest::threshold)
          .option(
              [] {
                auto s = option_spec("max_order", "",
                                     "Longest path: this many input steps between final demand and emitter");
                s.min = 0;
                s.max = 100;
                return s;
              }(),
              &StructuralPathRequest::max_order)
          .option(
              [] {
                auto s = option_spec("top", "", "Keep the largest this many paths");
                s.min = 1;
                s.max = 10000000;
                return s;
              }(),
              &StructuralPathRequest::top)
          .option(
              [] {
                auto s = option_spec("max_nodes", "", "Memory cap: nodes the search stores (32 bytes each)");
                s.min = 1;
                s.max = 2000000000;
                return s;
              }(),
              &StructuralPathRequest::max_nodes)
          .check([](const StructuralPathRequest& r) -> std::string {
            if (r.of == PathsOf::kStressor && r.satellite.empty())
              return "--of stressor (the default) needs --satellite; or give --of value-added or --of output";
            if (r.of != PathsOf::kStressor && (!r.satellite.empty() || !r.stressor.empty()))
              return std::string("--satellite and --stressor go with --of stressor, not --of ") + enum_name(r.of);
            return {};
          })
          .output_help("Result file (.csv: one file per table, or .h5)")
          .output({"paths",
                   "rank, order, path (final demand <- ... <- emitter): value and share of the total",
                   kUnitMixed,
                   {{"*", no_groups}}})
          .output({"path_nodes",
                   "rank, step, region, sector: the output of each node along the path",
                   kUnitMoney,
                   {{"*", no_groups}}})
          .output({"paths_by_order",
                   "per order: the series term s'A^t y, the paths found and the bound on what was pruned",
                   kUnitMixed,
                   {{"*", no_groups}}})
          .runs([](const Analysis& a, const StructuralPathRequest& req, std::ostream& out) {
            const auto& m = a.model();
            std::string what;
            solver::Vector s;
            switch (req.of) {
              case PathsOf::kStressor: {
                std::string stressor;
                s = solver::stressor_intensity(m, req.satellite, req.stressor, &stressor);
                what = "stressor '" + stressor + "' of satellite '" + req.satellite + "'";
                break;
              }
              case PathsOf::kValueAdded:
                s = m.v();
                what = "value added";
                break;
              case PathsOf::kOutput:
                s = solver::Vector::Ones(m.n());
                for (solver::Index j : m.zero_output()) s(j) = 0;
                what = "output";
                break;
            }
            solver::StructuralPathOptions o;
            o.threshold = req.threshold;
            o.max_order = static_cast<int>(req.max_order);
            o.top = static_cast<std::size_t>(req.top);
            o.max_nodes = static_cast<std::size_t>(req.max_nodes);
            const auto r = solver::structural_paths(m, s, solver::final_demand_of(m, req.region), o);
            out << m.summary().brief_report() << "\n";
            print_paths(out, a, req, what, r);
            return VerbResult{
                {solver::paths_table(m, r), solver::path_nodes_table(m, r), solver::paths_by_order_table(r)},
                {},
                "paths",
                {}};
          }));
  return v;
}

}  // namespace irio

IRIO_VERB(paths, irio::decl::paths)
