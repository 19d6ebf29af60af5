// SPDX-License-Identifier: MIT
// Aggregating a tidy result over a region grouping by the rule each of its indicators needs
// (methods.md §6.1; tables/indicator_rules.h): the result is recognised from its manifest (or its
// file name), the weights of intensive indicators are taken from the table it was computed from.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <system_error>

#include "irio/analysis/analysis.h"
#include "irio/analysis/table_jobs.h"
#include "irio/analysis/verb.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"
#include "irio/tables/indicator_rules.h"

namespace fs = std::filesystem;

namespace irio {
namespace {

struct Identity {
  std::string result;      ///< e.g. "position"
  std::string table_path;  ///< from the manifest ("" if none)
  std::string how;         ///< "manifest m.meta.json", "file name", "--result"
};

/// The manifest in the input's folder that lists the input file, if any.
const io::ResultManifest* find_manifest(const std::string& input, io::ResultManifest& storage, std::string& where) {
  std::error_code ec;
  fs::path folder = fs::path(input).parent_path();
  if (folder.empty()) folder = ".";
  io::recover_interrupted_results(folder.string());  // before listing: a killed replace is finished first
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() < 10 || name.compare(name.size() - 10, 10, ".meta.json") != 0) continue;
    try {
      storage = io::read_result_manifest(it->path().string());
    } catch (const InputError&) {
      continue;  // not one of ours
    }
    if (storage.find(input)) {
      where = it->path().string();
      return &storage;
    }
  }
  return nullptr;
}

/// The distinct values of key column `col` of `t` (empty when it has no such column).
std::vector<std::string> key_values(const tables::TidyTable& t, const std::string& col) {
  const auto& keys = t.key_columns();
  const auto it = std::find(keys.begin(), keys.end(), col);
  if (it == keys.end()) return {};
  const auto c = static_cast<std::size_t>(it - keys.begin());
  std::vector<std::string> out;
  std::set<std::int32_t> seen;
  for (std::size_t row = 0; row < t.num_rows(); ++row)
    if (seen.insert(t.code(c, row)).second) out.push_back(t.key(c, row));
  return out;
}

/// Distinct indicators of `t` in order of first appearance (its value column if it has none).
std::vector<std::string> indicators_of(const tables::TidyTable& t, const std::string& col) {
  if (col.empty()) return {t.value_column()};
  const auto& keys = t.key_columns();
  const auto c = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), col) - keys.begin());
  std::vector<std::string> out;
  std::set<std::int32_t> seen;
  for (std::size_t r = 0; r < t.num_rows(); ++r)
    if (seen.insert(t.code(c, r)).second) out.push_back(t.key(c, r));
  return out;
}

Identity identify(const AggregateRequest& r, const tables::TidyTable& t, const std::string& ind_col) {
  Identity id;
  io::ResultManifest storage;
  std::string where;
  if (const auto* m = find_manifest(r.input, storage, where)) {
    // The file must be the one the manifest lists (issue 22: a duplicated or deleted row, or
    // another result's file under this name, would be aggregated by the wrong rule or twice).
    const auto& entry = *m->find(r.input);
    const std::string differs = r.result.empty() ? io::check_result_file(entry, r.input) : std::string();
    if (!differs.empty())
      throw InputError(r.input + ": not the file that its manifest " + where + " lists (" + differs +
                       "): it was changed after irio wrote it; re-run the command that made it, or give --result "
                       "NAME (and --rule) to aggregate it as it is");
    if (r.result.empty() && entry.rows != 0 && entry.key_columns.size() == t.key_columns().size() &&
        t.num_rows() != entry.rows)
      throw InputError(r.input + ": has " + std::to_string(t.num_rows()) + " rows, its manifest " + where + " lists " +
                       std::to_string(entry.rows));
    id.result = entry.result;
    id.table_path = m->meta.table_path;
    id.how = "manifest " + where;
  }
  if (!r.result.empty()) {
    id.result = r.result;
    id.how = "--result";
  }
  if (!id.result.empty()) return id;
  // The file name: "position.csv", or "<stem>_position.csv" as irio names one table of several.
  const auto inds = indicators_of(t, ind_col);
  std::string stem = fs::path(r.input).stem().string();
  for (;;) {
    for (const auto& i : inds)
      if (indicator_rule(stem, i)) {
        id.result = stem;
        id.how = "file name";
        return id;
      }
    const auto us = stem.find('_');
    if (us == std::string::npos) break;
    stem = stem.substr(us + 1);
  }
  throw InputError(r.input +
                   ": irio cannot tell which result this is (no manifest .meta.json beside it lists "
                   "it, and its file name is not one irio writes): give --result NAME (e.g. multipliers, position), "
                   "or choose the rule yourself with --rule sum|ratio|weighted");
}

/// The rows of `t` whose indicator is `ind` (all rows when `col` is empty).
tables::TidyTable rows_of(const tables::TidyTable& t, const std::string& col, const std::string& ind) {
  if (col.empty()) return t;
  const auto& keys = t.key_columns();
  const auto c = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), col) - keys.begin());
  tables::TidyTable out(t.name(), keys, t.value_column());
  for (std::size_t k = 0; k < keys.size(); ++k) out.set_levels(k, t.levels(k));
  for (std::size_t row = 0; row < t.num_rows(); ++row)
    if (t.key(c, row) == ind) {
      std::vector<std::int32_t> codes(keys.size());
      for (std::size_t k = 0; k < keys.size(); ++k) codes[k] = t.code(k, row);
      out.add_row_codes(codes, t.value(row));
    }
  return out;
}

/// Weights w_j by region and sector (methods.md §6.1), from the model of the table.
tables::TidyTable weights_of(const Analysis& a, tables::WeightBasis basis, const std::string& region_col) {
  const auto& m = a.model();
  const auto& t = a.table();
  const Vector& x = m.model_output();
  Vector w(x.size());
  switch (basis) {
    case tables::WeightBasis::kOutput: w = m.x(); break;  // direct coefficients divide by the supplied x
    case tables::WeightBasis::kValueAdded: w = m.v().cwiseProduct(x); break;
    case tables::WeightBasis::kFinalDemand:
      w = t.Y.rowwise().sum();
      if (t.exports.size() > 0) w += t.exports.rowwise().sum();
      break;
    case tables::WeightBasis::kNone: throw InputError("internal: no weight basis");
  }
  tables::TidyTable out(std::string("weights_") + enum_name(basis), {region_col, "sector"});
  const auto& lab = t.labels;
  for (std::size_t j = 0; j < t.n(); ++j)
    out.add_row({lab.region_of(j), lab.sector_of(j)}, w(static_cast<Eigen::Index>(j)));
  return out;
}

/// A share recomputed from summed terms of the same result (VAX ratio, KPWW participation/position).
void add_derived(const tables::TidyTable& summed, const std::string& col, tables::DerivedShare d,
                 const std::string& name, tables::TidyTable& out) {
  const auto& keys = summed.key_columns();
  const auto c = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), col) - keys.begin());
  std::map<std::vector<std::string>, std::map<std::string, double>> parts;  // other keys -> term -> sum
  std::vector<std::vector<std::string>> order;
  for (std::size_t r = 0; r < summed.num_rows(); ++r) {
    std::vector<std::string> k;
    for (std::size_t i = 0; i < keys.size(); ++i) k.push_back(i == c ? name : summed.key(i, r));
    if (!parts.count(k)) order.push_back(k);
    parts[k][summed.key(c, r)] += summed.value(r);
  }
  const std::vector<std::string> need = d == tables::DerivedShare::kVaxRatio
                                            ? std::vector<std::string>{"VAX", "GEXP"}
                                            : std::vector<std::string>{"IV", "FV", "E"};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const auto& k : order) {
    auto& p = parts[k];
    for (const auto& n : need)
      if (!p.count(n))
        throw InputError("cannot recompute '" + name + "' for a group: the result has no '" + n +
                         "' rows to sum (methods.md §6.1: a share is a ratio of summed terms)");
    double v = nan;
    if (d == tables::DerivedShare::kVaxRatio) {
      v = p["GEXP"] > 0 ? p["VAX"] / p["GEXP"] : nan;
    } else if (p["E"] > 0) {
      const double iv = p["IV"] / p["E"], fv = p["FV"] / p["E"];
      v = d == tables::DerivedShare::kKpwwParticipation ? iv + fv : std::log1p(iv) - std::log1p(fv);
    }
    out.add_row(k, v);
  }
}

void append_rows(const tables::TidyTable& from, tables::TidyTable& to) {
  for (std::size_t r = 0; r < from.num_rows(); ++r) {
    std::vector<std::string> k;
    for (std::size_t c = 0; c < from.num_keys(); ++c) k.push_back(from.key(c, r));
    to.add_row(k, from.value(r));
  }
}

}  // namespace

void check_rule_fits(const AggregateRequest& r, const tables::TidyTable& t) {
  const std::string col = tables::indicator_column(t);
  Identity id;
  try {
    id = identify(r, t, col);
  } catch (const InputError&) {
    return;  // a result irio does not know: the user's rule stands
  }
  for (const auto& ind : indicators_of(t, col)) {
    const auto rule = indicator_rule(id.result, ind);
    if (!rule) continue;
    if (!rule->refusal.empty())
      throw InputError(r.input + ": '" + ind + "' of result '" + id.result + "' cannot be aggregated over " + r.by +
                       ": " + rule->refusal);
    if (rule->rule != r.rule)
      throw InputError(r.input + ": --rule " + enum_name(r.rule) + " does not fit '" + ind + "' of result '" +
                       id.result + "', which aggregates as a " + rule->why +
                       "; leave out --rule and irio applies that rule with weights from the table");
  }
}

void aggregate_result_by_rules(const AggregateRequest& r, const tables::TidyTable& t, AggregateResult& res) {
  const std::string col = tables::indicator_column(t);
  const Identity id = identify(r, t, col);
  res.result_name = id.result + " (from the " + id.how + ")";
  const auto grouping = io::load_grouping(r.regions);
  grouping.require_members_in(key_values(t, r.by), "value of the column '" + r.by + "' in " + r.input, r.regions, true);
  const auto inds = indicators_of(t, col);

  // Every indicator's rule first, so that a refusal comes before any table is opened.
  std::vector<tables::IndicatorRule> rules;
  bool need_table = false;
  for (const auto& ind : inds) {
    auto rule = indicator_rule(id.result, ind);
    if (!rule && r.skip_unfit) {
      rule = tables::IndicatorRule{};
      rule->refusal = "irio knows no rule for it in result '" + id.result + "'";
    }
    if (!rule)
      throw InputError(r.input + ": irio does not know how '" + ind + "' of result '" + id.result +
                       "' aggregates; choose the rule with --rule sum|ratio|weighted (and --basis), or "
                       "--skip-unfit to leave it out");
    if (!rule->refusal.empty() && !r.skip_unfit)
      throw InputError(r.input + ": '" + ind + "' of result '" + id.result + "' cannot be aggregated over " + r.by +
                       ": " + rule->refusal + " (--skip-unfit aggregates the other indicators and leaves this out)");
    need_table = need_table || rule->rule == tables::AggregationRule::kWeightedAverage;
    rules.push_back(*rule);
  }
  std::unique_ptr<Analysis> table;
  if (need_table) {
    const std::string path = !r.table.empty() ? r.table : id.table_path;
    if (path.empty())
      throw InputError(r.input +
                       ": its intensive indicators are weighted averages with weights from the table "
                       "(methods.md §6.1): give the table the result came from with --table");
    std::error_code ec;
    if (!fs::exists(path, ec))
      throw InputError(r.input + ": the table '" + path + "' (" + (r.table.empty() ? id.how : "--table") +
                       ") does not exist; give the table the result came from with --table");
    table = std::make_unique<Analysis>(Analysis::open(path));
  }

  tables::TidyTable out(t.name(), t.key_columns(), t.value_column());
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const auto& rule = rules[i];
    if (!rule.refusal.empty()) {
      res.rules.push_back(inds[i] + ": LEFT OUT: " + rule.refusal);
      continue;
    }
    if (rule.derived != tables::DerivedShare::kNone) {
      std::set<std::string> parts = rule.derived == tables::DerivedShare::kVaxRatio
                                        ? std::set<std::string>{"VAX", "GEXP"}
                                        : std::set<std::string>{"IV", "FV", "E"};
      tables::TidyTable sub(t.name(), t.key_columns(), t.value_column());
      for (const auto& p : parts) append_rows(rows_of(t, col, p), sub);
      add_derived(tables::aggregate_tidy(sub, r.by, grouping, tables::AggregationRule::kSum), col, rule.derived,
                  inds[i], out);
    } else {
      const auto sub = rows_of(t, col, inds[i]);
      std::unique_ptr<tables::TidyTable> w;
      if (rule.rule == tables::AggregationRule::kWeightedAverage) {
        const auto& keys = t.key_columns();
        if (std::find(keys.begin(), keys.end(), "sector") == keys.end())
          throw InputError(r.input + ": '" + inds[i] +
                           "' is weighted by region and sector, but the result has no "
                           "sector column");
        w = std::make_unique<tables::TidyTable>(weights_of(*table, rule.weight, r.by));
      }
      auto agg = tables::aggregate_tidy(sub, r.by, grouping, rule.rule, w.get());
      append_rows(agg, out);
    }
    res.rules.push_back(inds[i] + ": " + rule.why);
  }
  res.tidy = std::move(out);
}

}  // namespace irio
