// SPDX-License-Identifier: MIT
// `irio aggregate`: aggregate a table by region/sector groupings (methods.md §6.1), or a tidy result
// CSV by a region grouping with the sum / ratio-of-sums / weighted-average rules
// (irio::aggregate).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

struct AggArgs {
  std::string input, output, regions, sectors, by = "region", rule = "auto", other, table, result;
  bool allow_cross_country = false, force = false, skip_unfit = false;
};

CommandRegistrar reg("aggregate", [](CLI::App& app) {
  auto a = std::make_shared<AggArgs>();
  auto* s = app.add_subcommand("aggregate",
                               "Aggregate a table (.h5 / CEADs .xlsx) by region and sector groupings, or a tidy "
                               "result (.csv) by a region grouping");
  s->add_option("input", a->input, "Table (.h5, .xlsx) or tidy result (.csv)")->required();
  s->add_option("-o,--output", a->output, "Output (.h5 or .xlsx for tables, .csv for results)")->required();
  s->add_option("--regions", a->regions,
                "Region grouping: a CSV (member,group) or a shipped name: four_regions, north_south, eight_zones, "
                "east_data_west_computing");
  s->add_option("--sectors", a->sectors, "Sector grouping CSV (member,group), e.g. nbs2017_149_to_42");
  s->add_flag("--allow-cross-country", a->allow_cross_country, "Allow a group to merge regions of different countries");
  s->add_option("--by", a->by, "Results: key column to aggregate over")->capture_default_str();
  {
    auto names = enum_names<tables::AggregationRule>();
    names.insert(names.begin(), "auto");
    s->add_option("--rule", a->rule,
                  "Results: auto (each indicator by its rule, methods.md §6.1: flows summed, shares as ratios of "
                  "sums, multipliers and upstreamness weighted by the table's final demand or value added), or one "
                  "rule for every row: sum, ratio (needs --basis = denominators), weighted (needs --basis = weights)")
        ->check(CLI::IsMember(names))
        ->capture_default_str();
  }
  s->add_option(
      "--basis", a->other,
      "Results with --rule ratio|weighted: the denominators or weights, a tidy CSV with the same keys (not to be confused with chains/analyse --other, a catch-all group)");
  s->add_option("--table", a->table,
                "Results: the table they were computed from, for the weights (default: the one named in the "
                "result's manifest, NAME.meta.json)");
  s->add_option("--result", a->result,
                "Results: which result the file holds (multipliers, position, linkages, ...) when neither its "
                "manifest nor its file name tells");
  s->add_flag("--skip-unfit", a->skip_unfit,
              "Results: leave out indicators that no rule aggregates (listed) instead of refusing the file");
  s->add_flag("-f,--force", a->force, "Replace an existing output file");
  s->callback([a] {
    AggregateRequest r;
    r.input = a->input;
    r.output = a->output;
    r.regions = a->regions;
    r.sectors = a->sectors;
    r.allow_cross_country = a->allow_cross_country;
    r.by = a->by;
    r.auto_rule = a->rule == "auto";
    if (!r.auto_rule) r.rule = parse_enum<tables::AggregationRule>(a->rule);
    r.other = a->other;
    r.table = a->table;
    r.result = a->result;
    r.skip_unfit = a->skip_unfit;
    r.overwrite = a->force;
    r.on_report = [](const std::string& report) { std::cout << report; };
    const auto res = aggregate(r);
    if (res.results) {
      std::cout << "wrote " << a->output << ": " << res.tidy.num_rows() << " rows, aggregated over " << a->by << "\n";
      if (!res.result_name.empty()) std::cout << "  result: " << res.result_name << "\n";
      for (const auto& line : res.rules) std::cout << "  " << line << "\n";
      return;
    }
    const auto &t = res.before, &out = res.after;
    std::cout << "wrote " << a->output << ": " << t.labels.num_regions() << " -> " << out.labels.num_regions()
              << " regions, " << t.labels.num_sectors() << " -> " << out.labels.num_sectors()
              << " sectors; total output " << out.output().sum() << " (was " << t.output().sum() << ")\n";
  });
});

}  // namespace
}  // namespace irio::cli
