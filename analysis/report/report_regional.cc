// SPDX-License-Identifier: MIT
// The provincial-research sections of `irio report` (see report_regional.h).
#include "irio/analysis/report/report_regional.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "irio/analysis/regional.h"
#include "irio/solver/disparity.h"
#include "irio/solver/gvc/circulation.h"

namespace irio {
namespace {

using io::BarChart;
using io::BarSeries;
using io::ReportCell;
using io::ReportSection;
using io::ReportTable;

constexpr std::size_t kMaxScenarioCharts = 6;

/// Rows of a tidy table by their joined keys, for look-ups.
std::map<std::string, double> index_rows(const tables::TidyTable& t) {
  std::map<std::string, double> out;
  for (std::size_t i = 0; i < t.num_rows(); ++i) {
    std::string k;
    for (std::size_t c = 0; c < t.num_keys(); ++c) k += t.key(c, i) + '\x1f';
    out.emplace(k, t.value(i));
  }
  return out;
}

double at(const std::map<std::string, double>& m, const std::vector<std::string>& keys) {
  std::string k;
  for (const auto& s : keys) k += s + '\x1f';
  const auto it = m.find(k);
  return it == m.end() ? std::nan("") : it->second;
}

bool some_national_flow(const tables::Labels& l) { return l.num_countries() < l.num_regions(); }

/// Theil T between / within of NVC and GVC participation (weights: value added) for each grouping.
ReportSection disparity_section(const Analysis& a, const ReportData& d, const std::vector<tables::Grouping>& gs) {
  namespace g = solver::gvc;
  const auto& lab = a.table().labels;
  const bool exo = d.results.chains.exogenous_rest_of_world;
  const std::vector<std::string> indicators =
      exo ? std::vector<std::string>{"nvc_forward", "nvc_backward", "gvc_backward"}
          : std::vector<std::string>{"nvc_forward", "gvc_forward", "nvc_backward", "gvc_backward"};
  const g::Circulation c = g::circulation(a.model(), d.results.chains);
  // Weights: value added v o L y by region (as `irio disparity --weights value_added`; one output
  // vector, methods.md §1.3).
  const auto& m = a.model();
  Vector va = Vector::Zero(static_cast<Eigen::Index>(lab.num_regions()));
  for (Eigen::Index i = 0; i < m.n(); ++i)
    if (m.is_active(i)) va(i / m.num_sectors()) += m.v()(i) * m.model_output()(i);
  ReportSection s;
  s.id = "disparity";
  s.title = "Regional disparity of participation";
  s.paragraphs.push_back(
      "How unequal NVC and GVC participation is across regions, weighted by value added: Theil T = between + within "
      "the groups of each grouping (exact), Theil L likewise, Gini and the coefficient of variation in total "
      "(methods.md §10.3; `irio disparity` for other indicators and weights).");
  BarChart ch;
  ch.id = "disparity_theil";
  ch.title = "Theil T of participation: between and within groups";
  ch.axis_label = "Theil T";
  BarSeries between{"between groups", {}, ""}, within{"within groups", {}, ""};
  ReportTable t;
  t.id = "disparity_table";
  t.title = "Disparity of participation across regions (weights: value added)";
  t.columns = {"grouping", "indicator", "Theil T",  "T between", "T within",
               "Theil L",  "L between", "L within", "Gini",      "CV"};
  std::vector<std::string> notes;
  for (const auto& grouping : gs) {
    const auto idx = grouping.map(lab.regions, "region", grouping.name());
    for (const auto& name : indicators) {
      const int col = g::circulation_indicator_index(name);
      // NVC is not defined for a region that is a country of its own (methods.md §10.1): such an
      // indicator is left out, with a note, rather than counted as 0.
      std::string undefined;
      for (std::size_t r = 0; r < lab.num_regions(); ++r)
        if (!std::isfinite(c.indicators(static_cast<Eigen::Index>(r), col)))
          undefined += (undefined.empty() ? "" : ", ") + lab.regions[r];
      if (!undefined.empty()) {
        const std::string n = name + " is not defined for " + undefined +
                              " (no other region in the country), so its "
                              "disparity is not shown (irio disparity --country restricts it to one country's regions)";
        if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
        continue;
      }
      std::string why;
      const auto q = solver::disparity(c.indicators.col(col), va, idx, grouping.groups(), lab.regions, &why);
      if (!why.empty()) notes.push_back(grouping.name() + " " + name + ": " + why);
      ch.categories.push_back(grouping.name() + ": " + name);
      between.values.push_back(q.theil_t.between);
      within.values.push_back(q.theil_t.within);
      t.rows.push_back({grouping.name(), name, q.theil_t.total, q.theil_t.between, q.theil_t.within, q.theil_l.total,
                        q.theil_l.between, q.theil_l.within, q.gini.total, q.cv.total});
    }
  }
  ch.series = {std::move(between), std::move(within)};
  ch.note = "Each bar is the Theil T of one indicator across all regions; its parts add up to it exactly.";
  if (ch.num_marks() > 0) s.charts.push_back(std::move(ch));
  s.tables.push_back(std::move(t));
  for (const auto& n : notes) s.paragraphs.push_back("Not shown or NA where an index is not defined: " + n + ".");
  return s;
}

/// The units of the charts: the first grouping's groups, else the regions.
std::pair<std::string, std::vector<std::string>> chart_units(const tables::Labels& lab,
                                                             const std::vector<tables::Grouping>& gs) {
  if (!gs.empty()) return {gs.front().name(), gs.front().groups()};
  return {"region", lab.regions};
}

ReportSection scenario_section(const Analysis& a, const ReportData& d, const RegionalReportRequest& r,
                               const std::vector<tables::Grouping>& gs) {
  MarketScenarioRequest req;
  req.scenario_file = r.scenario_file;
  req.groups = r.groups;
  const auto res = market_scenarios(a, req);
  const auto rows = index_rows(res.tables.front());
  const auto [scope, units] = chart_units(a.table().labels, gs);
  const std::string p = d.results.chains.exogenous_rest_of_world ? "backward" : "forward";
  ReportSection s;
  s.id = "scenarios";
  s.title = "Unified-market scenarios";
  s.paragraphs.push_back(
      "Scenarios of " + r.scenario_file +
      ": inter-regional coefficients (and, where asked, final-demand shares) "
      "scaled for the chosen origins and destinations, with the stated closure, solved on the base factorization "
      "(methods.md §10.6; the full table of `irio scenario` has every region and indicator).");
  ReportTable t;
  t.id = "scenario_table";
  t.title = "Scenarios in total";
  t.columns = {"scenario",
               "factor",
               "fd factor",
               "closure",
               "output change",
               "value added change",
               "NVC " + p + " before",
               "NVC " + p + " after",
               "GVC " + p + " before",
               "GVC " + p + " after",
               "iterations"};
  for (std::size_t k = 0; k < res.scenarios.size(); ++k) {
    const auto& sc = res.scenarios[k];
    auto tot = [&](const std::string& ind) { return at(rows, {sc.name, "total", "all", ind, "ok"}); };
    t.rows.push_back({sc.name, sc.factor, sc.final_demand_factor, std::string(enum_name(sc.closure)),
                      tot("output_change"), tot("value_added_change"), tot("nvc_" + p + "_base"), tot("nvc_" + p),
                      tot("gvc_" + p + "_base"), tot("gvc_" + p), tot("iterations")});
    if (k >= kMaxScenarioCharts) continue;
    BarChart va;
    va.id = "scenario_va_" + std::to_string(k + 1);
    va.title = "Scenario " + sc.name + ": change in value added by " + scope;
    va.axis_label = "value added change (table units)";
    BarChart part;
    part.id = "scenario_nvc_" + std::to_string(k + 1);
    part.title = "Scenario " + sc.name + ": change in NVC participation (" + p + ") by " + scope;
    part.axis_label = "percentage points";
    part.percent = true;
    BarSeries v{"value added change", {}, ""}, n{"NVC participation change", {}, ""};
    for (const auto& u : units) {
      va.categories.push_back(u);
      part.categories.push_back(u);
      v.values.push_back(at(rows, {sc.name, scope, u, "value_added_change", "ok"}));
      n.values.push_back(at(rows, {sc.name, scope, u, "nvc_" + p + "_change", "ok"}));
    }
    va.series = {std::move(v)};
    part.series = {std::move(n)};
    va.note = part.note = "Scenario minus base; bars left of zero are losses.";
    if (va.num_marks() > 0) s.charts.push_back(std::move(va));
    if (part.num_marks() > 0) s.charts.push_back(std::move(part));
  }
  for (const auto& f : res.refused)
    s.paragraphs.push_back("Scenario " + f.scenario.name + " was refused: " + f.reason + ".");
  if (res.scenarios.size() > kMaxScenarioCharts)
    s.paragraphs.push_back("Charts for the first " + std::to_string(kMaxScenarioCharts) + " scenarios only.");
  t.decimals = 6;
  s.tables.push_back(std::move(t));
  return s;
}

ReportSection sda_section(const Analysis& a, const RegionalReportRequest& r, const std::vector<tables::Grouping>& gs) {
  ReportSection s;
  s.id = "sda";
  // Titled by the tables' years (their metadata) where both have one and they differ; by file
  // names otherwise.
  const std::string y0 = r.compare->table().meta.year, y1 = a.table().meta.year;
  const bool by_year = !y0.empty() && !y1.empty() && y0 != y1;
  s.title = by_year ? "Change from " + y0 + " to " + y1 : "Change from " + r.compare->source();
  s.paragraphs.push_back(
      "Structural decomposition of the change from " +
      (by_year ? y0 + " (" + r.compare->source() + ") to " + y1 + " (" + a.source() + ")"
               : r.compare->source() + " to " + a.source()) +
      " into technology (A), final-demand level, final-demand mix and value-added coefficients: the average over all "
      "4! orders of change, whose parts add up to the change exactly (methods.md §10.4; values in the tables' prices).");
  ReportTable t;
  t.id = "sda_table";
  t.title = "Contributions to the change in total";
  t.columns = {"quantity", "technology", "fd_level", "fd_mix", "va_coefficients", "change"};
  const auto [scope, units] = chart_units(a.table().labels, gs);
  for (const std::string quantity : {"value_added", "participation"}) {
    SdaRequest req;
    req.quantity = quantity;
    req.groups = r.groups;
    const auto res = sda(*r.compare, a, req);
    const auto rows = index_rows(res.tables.front());
    for (const auto& q : res.quantities) {
      const std::vector<std::string> factors{"technology", "fd_level", "fd_mix", "va_coefficients"};
      std::vector<ReportCell> row{q};
      for (const auto& f : factors) row.emplace_back(at(rows, {q, "total", "all", "(all)", f}));
      row.emplace_back(at(rows, {q, "total", "all", "(all)", "change"}));
      t.rows.push_back(std::move(row));
      BarChart c;
      c.id = "sda_" + q;
      c.title = "Contributions to the change in " + q + " by " + scope;
      c.axis_label = "change (table units)";
      for (const auto& u : units) c.categories.push_back(u);
      for (const auto& f : factors) {
        BarSeries b{f, {}, ""};
        for (const auto& u : units) b.values.push_back(at(rows, {q, scope, u, "(all)", f}));
        c.series.push_back(std::move(b));
      }
      c.note = "Positive parts to the right of zero, negative to the left; their sum is the change.";
      if (c.num_marks() > 0) s.charts.push_back(std::move(c));
    }
  }
  s.tables.push_back(std::move(t));
  return s;
}

}  // namespace

std::vector<io::ReportSection> regional_report_sections(const Analysis& a, const ReportData& d,
                                                        const RegionalReportRequest& r) {
  const auto gs = a.groupings(r.groups);
  std::vector<io::ReportSection> out;
  if (!gs.empty() && some_national_flow(a.table().labels)) out.push_back(disparity_section(a, d, gs));
  if (!r.scenario_file.empty()) out.push_back(scenario_section(a, d, r, gs));
  if (r.compare) out.push_back(sda_section(a, r, gs));
  return out;
}

}  // namespace irio
