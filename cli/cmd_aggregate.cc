// SPDX-License-Identifier: MIT
// `irio aggregate`: aggregate a table by region/sector groupings (methods.md §6.1), or a tidy result
// CSV by a region grouping with the sum / ratio-of-sums / weighted-average rules.
#include <CLI/CLI.hpp>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/ceads_reader.h"
#include "irio/io/ceads_writer.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/csv_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/aggregation.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

bool ends_with(const std::string& s, const std::string& e) {
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

/// A tidy CSV as written by io::write_tidy_csv: key columns, then the value column (last).
tables::TidyTable read_tidy_csv(const std::string& path) {
  const auto csv = io::read_csv(path);
  if (csv.rows.empty()) throw InputError(path + ": empty file");
  auto cols = csv.rows[0].fields;
  if (cols.size() < 2) throw InputError(csv.where(0, 0) + ": a tidy result needs key columns and a value column");
  const std::string value = cols.back();
  cols.pop_back();
  tables::TidyTable t(std::filesystem::path(path).stem().string(), cols, value);
  csv.require_width(cols.size() + 1);
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    std::vector<std::string> keys(csv.rows[r].fields.begin(), csv.rows[r].fields.end() - 1);
    const std::string& v = csv.rows[r].fields.back();
    t.add_row(keys, v == "NA" ? std::numeric_limits<double>::quiet_NaN() : csv.number(r, cols.size(), value));
  }
  return t;
}

struct AggArgs {
  std::string input, output, regions, sectors, by = "region", rule = "sum", other;
  bool allow_cross_country = false, force = false;
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
  add_choice<tables::AggregationRule>(s, "--rule", a->rule,
                                      "Results: sum (flows), ratio (shares; needs --other = denominators), weighted "
                                      "(multipliers, upstreamness; needs --other = weights)");
  s->add_option("--other", a->other, "Results: denominator or weight table (tidy CSV)");
  s->add_flag("-f,--force", a->force, "Replace an existing output file");
  s->callback([a] {
    std::error_code ec;
    if (std::filesystem::equivalent(a->input, a->output, ec))
      throw OutputError(a->output + ": the output would replace the input");
    if (ends_with(a->input, ".csv")) {
      if (a->regions.empty()) throw InputError("aggregate: results need --regions");
      const auto t = read_tidy_csv(a->input);
      const auto rule = tables::parse_aggregation_rule(a->rule);
      tables::TidyTable other;
      if (rule != tables::AggregationRule::kSum) {
        if (a->other.empty()) throw InputError("aggregate: --rule " + a->rule + " needs --other");
        other = read_tidy_csv(a->other);
      }
      const auto out = tables::aggregate_tidy(t, a->by, io::load_grouping(a->regions), rule,
                                              rule == tables::AggregationRule::kSum ? nullptr : &other);
      io::WriteOptions opt;
      opt.overwrite = a->force;
      opt.inputs = {a->input, a->other};
      io::write_tidy_csv(out, a->output, opt);
      std::cout << "wrote " << a->output << ": " << out.num_rows() << " rows (" << a->rule << " over " << a->by << ")\n";
      return;
    }
    if (a->regions.empty() && a->sectors.empty()) throw InputError("aggregate: give --regions and/or --sectors");
    tables::IoTable t;
    if (ends_with(a->input, ".xlsx")) {
      const auto res = io::read_ceads(a->input);
      std::cout << res.report();
      t = res.table;
    } else {
      t = io::read_table(a->input);
    }
    tables::AggregationOptions o;
    o.allow_cross_country = a->allow_cross_country;
    const tables::Grouping none;
    auto out = tables::aggregate(t, a->regions.empty() ? none : io::load_grouping(a->regions),
                                 a->sectors.empty() ? none : io::load_grouping(a->sectors), o);
    if (ends_with(a->output, ".xlsx")) {
      io::CeadsWriteOptions wo;
      wo.overwrite = a->force;
      io::write_ceads(out, a->output, wo);
    } else {
      io::WriteOptions wo;
      wo.overwrite = a->force;
      wo.inputs = {a->input};
      io::write_table(out, a->output, wo);
    }
    std::cout << "wrote " << a->output << ": " << t.labels.num_regions() << " -> " << out.labels.num_regions()
              << " regions, " << t.labels.num_sectors() << " -> " << out.labels.num_sectors() << " sectors; total output "
              << out.output().sum() << " (was " << t.output().sum() << ")\n";
  });
});

}  // namespace
}  // namespace irio::cli
