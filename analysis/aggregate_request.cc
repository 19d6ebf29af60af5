// SPDX-License-Identifier: MIT
// The aggregate job (`irio aggregate`): a table by region and sector groupings, or a tidy result
// by a region grouping with the sum / ratio-of-sums / weighted-average rules.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <system_error>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/table_jobs.h"
#include "irio/io/ceads_reader.h"
#include "irio/io/ceads_writer.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/csv_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

bool ends_with(const std::string& s, const std::string& e) {
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

}  // namespace

tables::TidyTable read_tidy_csv(const std::string& path) {
  const auto csv = io::read_csv(path);
  if (csv.rows.empty()) throw InputError(path + ": empty file");
  auto cols = csv.rows[0].fields;
  if (cols.size() < 2) throw InputError(csv.where(0, 0) + ": a tidy result needs key columns and a value column");
  const std::string value = cols.back();
  cols.pop_back();
  csv.require_width(cols.size() + 1);
  // Name columns (sector_name, region_name) label their code column: they are dropped, not
  // aggregated as keys (a region group has no single region name). Unit columns (stressor_unit,
  // indicator_unit) are kept as keys: a unit belongs to the stressor or indicator, not to the
  // region, so it is the same for a group and survives aggregation.
  std::vector<std::size_t> keep;
  std::vector<std::string> keys_cols;
  for (std::size_t c = 0; c < cols.size(); ++c)
    if (!is_display_name_column(cols[c]) || cols[c] == "stressor_unit" || cols[c] == "indicator_unit") {
      keep.push_back(c);
      keys_cols.push_back(cols[c]);
    }
  tables::TidyTable t(std::filesystem::path(path).stem().string(), keys_cols, value);
  std::vector<std::string> keys(keep.size());
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    for (std::size_t k = 0; k < keep.size(); ++k) keys[k] = csv.rows[r].fields[keep[k]];
    const std::string& v = csv.rows[r].fields.back();
    t.add_row(keys, v == "NA" ? std::numeric_limits<double>::quiet_NaN() : csv.number(r, cols.size(), value));
  }
  return t;
}

bool AggregateRequest::results() const { return ends_with(input, ".csv"); }

std::string AggregateRequest::validate() const {
  if (input.empty()) return "no input";
  if (output.empty()) return "no output";
  // The output's extension decides its format, and a name that does not fit is refused (issue 22:
  // a table was written as HDF5 into x.csv, a result as CSV text into x.xlsx).
  std::string ext = std::filesystem::path(output).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (results()) {
    if (regions.empty()) return "results need --regions";
    if (by.empty()) return "results need the key column (--by)";
    if (ext != ".csv") return "output '" + output + "': an aggregated result is written as tidy CSV: give a .csv name";
  } else {
    if (regions.empty() && sectors.empty()) return "give --regions and/or --sectors";
    if (ext != ".h5" && ext != ".hdf5" && ext != ".xlsx")
      return "output '" + output +
             "': an aggregated table is written as irio HDF5 (.h5, .hdf5) or as a CEADs-layout "
             "workbook (.xlsx): give one of these extensions";
  }
  return {};
}

AggregateResult aggregate(const AggregateRequest& r) {
  std::error_code ec;
  if (std::filesystem::equivalent(r.input, r.output, ec))
    throw OutputError(r.output + ": the output would replace the input");
  require_valid("aggregate", r.validate());
  AggregateResult res;
  res.results = r.results();
  if (res.results) {
    const auto t = read_tidy_csv(r.input);
    if (r.auto_rule) {
      aggregate_result_by_rules(r, t, res);
    } else {
      check_rule_fits(r, t);
      tables::TidyTable other;
      if (r.rule != tables::AggregationRule::kSum) {
        if (r.other.empty())
          throw InputError("aggregate: --rule " + std::string(enum_name(r.rule)) +
                           " needs --basis (a tidy CSV of the denominators or weights)");
        other = read_tidy_csv(r.other);
      }
      const tables::Grouping g = io::load_grouping(r.regions);
      std::vector<std::string> values;
      {
        const auto& keys = t.key_columns();
        const auto it = std::find(keys.begin(), keys.end(), r.by);
        if (it != keys.end()) {
          const auto c = static_cast<std::size_t>(it - keys.begin());
          for (std::size_t row = 0; row < t.num_rows(); ++row) values.push_back(t.key(c, row));
        }
      }
      if (!values.empty())
        g.require_members_in(values, "value of the column '" + r.by + "' in " + r.input, r.regions, true);
      res.tidy = tables::aggregate_tidy(t, r.by, g, r.rule, r.rule == tables::AggregationRule::kSum ? nullptr : &other);
      res.rules.push_back(std::string("every row: ") + enum_name(r.rule) + " (--rule)");
    }
    io::WriteOptions opt;
    opt.overwrite = r.overwrite;
    opt.inputs = {r.input, r.other};
    io::write_tidy_csv(res.tidy, r.output, opt);
    return res;
  }
  if (ends_with(r.input, ".xlsx")) {
    auto ceads = io::read_ceads(r.input);
    if (r.on_report) r.on_report(ceads.report());
    res.before = std::move(ceads.table);
  } else {
    res.before = io::read_table(r.input);
  }
  tables::AggregationOptions o;
  o.allow_cross_country = r.allow_cross_country;
  const tables::Grouping none;
  const tables::Grouping regions = r.regions.empty() ? none : io::load_grouping(r.regions);
  const tables::Grouping sectors = r.sectors.empty() ? none : io::load_grouping(r.sectors);
  if (!r.regions.empty()) regions.require_members_in(res.before.labels.regions, "region of the table", r.regions, true);
  if (!r.sectors.empty()) sectors.require_members_in(res.before.labels.sectors, "sector of the table", r.sectors);
  res.after = tables::aggregate(res.before, regions, sectors, o);
  if (std::filesystem::path(r.output).extension() == ".xlsx" ||
      std::filesystem::path(r.output).extension() == ".XLSX") {
    io::CeadsWriteOptions wo;
    wo.overwrite = r.overwrite;
    io::write_ceads(res.after, r.output, wo);
  } else {
    io::WriteOptions wo;
    wo.overwrite = r.overwrite;
    wo.inputs = {r.input};
    io::write_table(res.after, r.output, wo);
  }
  return res;
}

}  // namespace irio
