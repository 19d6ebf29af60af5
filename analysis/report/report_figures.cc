// SPDX-License-Identifier: MIT
// The finishing pass of `irio report`'s layout: figures fit for a paper (report_figures.h).
#include "irio/analysis/report/report_figures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <numeric>

#include "irio/solver/gvc/production.h"

namespace irio {
namespace {

using io::BarChart;
using io::BarSeries;
using io::ReportSection;
using io::ReportTable;

constexpr std::size_t kMaxFootprintCharts = 6;

/// "scenario_va_12" -> "scenario_va"; "" when the id does not end in "_<digits>".
std::string numbered_base(const std::string& id) {
  const auto us = id.rfind('_');
  if (us == std::string::npos || us + 1 == id.size()) return {};
  for (std::size_t i = us + 1; i < id.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return {};
  return id.substr(0, us);
}

bool all_in(const std::vector<std::string>& items, const std::vector<std::string>& set) {
  for (const auto& x : items)
    if (std::find(set.begin(), set.end(), x) == set.end()) return false;
  return !items.empty();
}

/// What a chart's bars are, from its categories: "region", a grouping's name, "region and sector".
std::string category_axis(const BarChart& c, const tables::Labels& l, const ReportRequest& r, const Analysis& a) {
  if (all_in(c.categories, l.regions)) return "region";
  for (const auto& g : a.groupings(r.groups))
    if (all_in(c.categories, g.groups())) return g.name();
  std::size_t rs = 0;
  for (const auto& cat : c.categories) {
    const auto sp = cat.find(' ');
    if (sp != std::string::npos && std::find(l.regions.begin(), l.regions.end(), cat.substr(0, sp)) != l.regions.end())
      ++rs;
  }
  return rs == c.categories.size() ? "region and sector" : "";
}

std::string year_of(const Analysis& a) { return a.table().meta.year.empty() ? a.source() : a.table().meta.year; }

}  // namespace

std::vector<std::string> report_group_order(const Analysis& a, const ReportData& d, const ReportRequest& r) {
  std::vector<std::string> order;
  if (!r.groups.empty()) order = a.groupings(r.groups).front().groups();  // the file's order
  for (const auto& g : d.region_colour_group)  // the table's region order (countries, or a catch-all)
    if (std::find(order.begin(), order.end(), g) == order.end()) order.push_back(g);
  return order;
}

void merge_repeated_charts(ReportSection& s) {
  std::vector<BarChart> out;
  std::vector<bool> used(s.charts.size(), false);
  for (std::size_t i = 0; i < s.charts.size(); ++i) {
    if (used[i]) continue;
    const BarChart& first = s.charts[i];
    const std::string base = numbered_base(first.id);
    std::vector<std::size_t> same{i};
    if (!base.empty() && first.series.size() == 1)
      for (std::size_t j = i + 1; j < s.charts.size(); ++j) {
        const BarChart& c = s.charts[j];
        if (!used[j] && numbered_base(c.id) == base && c.series.size() == 1 && c.categories == first.categories &&
            c.axis_label == first.axis_label && c.percent == first.percent && c.stacked == first.stacked &&
            c.category_groups.empty() && first.category_groups.empty())
          same.push_back(j);
      }
    if (same.size() < 2) {
      out.push_back(first);
      continue;
    }
    BarChart m = first;
    m.id = base;
    m.stacked = false;
    m.series.clear();
    auto after_colon = [](const std::string& t) {
      const auto p = t.find(": ");
      return p == std::string::npos ? t : t.substr(p + 2);
    };
    std::string what = after_colon(first.title);
    if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    m.title = what + ", one bar per scenario";
    for (std::size_t j : same) {
      used[j] = true;
      const BarChart& c = s.charts[j];
      const auto p = c.title.find(": ");
      std::string name = p == std::string::npos ? c.id : c.title.substr(0, p);
      if (name.rfind("Scenario ", 0) == 0) name = name.substr(9);
      BarSeries series = c.series.front();
      series.name = name;
      series.colour.clear();  // the palette's, one per scenario
      m.series.push_back(std::move(series));
    }
    out.push_back(std::move(m));
  }
  s.charts = std::move(out);
}

std::vector<ReportSection> footprint_sections(const Analysis& a, const ReportData& d) {
  const auto& t = a.table();
  if (t.satellites.empty()) return {};
  const auto& l = t.labels;
  ReportSection s;
  s.id = "footprints";
  s.title = "Footprints by region";
  s.paragraphs.push_back(
      "Production-based accounts D_pba (what a region's industries emit or use, S o x) and consumption-based "
      "accounts D_cba (what the final demand of the region's residents causes anywhere, S L Y), by region, in "
      "the stressor's unit (methods.md §2.3; `irio footprints` for every account, pymrio's names).");
  ReportTable table;
  table.id = "footprints_table";
  table.title = "Footprints by region";
  table.columns = {
      "satellite",    "stressor", "unit", "region", "production-based (D_pba)", "consumption-based (D_cba)",
      "D_cba - D_pba"};
  for (const auto& col : {"production-based (D_pba)", "consumption-based (D_cba)", "D_cba - D_pba"})
    table.number_formats[col] = "0.000E+00";
  std::size_t charts = 0;
  for (const auto& sat : t.satellites) {
    FootprintRequest req;
    req.satellite = sat.name;
    req.downstream = false;
    FootprintResults res;
    try {
      res = a.footprints(req);
    } catch (const std::exception& e) {
      s.paragraphs.push_back("Satellite " + sat.name + ": not computed (" + e.what() + ").");
      continue;
    }
    const auto& acc = res.accounts;
    for (Eigen::Index k = 0; k < acc.D_cba_reg.rows(); ++k) {
      const auto kk = static_cast<std::size_t>(k);
      const std::string stressor = kk < sat.stressors.size() ? sat.stressors[kk] : sat.name;
      const std::string unit = kk < sat.units.size() ? sat.units[kk] : "";
      BarChart c;
      c.id = "footprint_" + std::to_string(charts + 1);
      c.title = stressor + " (" + sat.name + "): production- and consumption-based, by region";
      c.axis_label = stressor + (unit.empty() ? " (unit not given in the table)" : " (" + unit + ")");
      c.category_axis = "region";
      c.stacked = false;
      BarSeries pba{"production-based (D_pba)", {}, "#4e79a7"}, cba{"consumption-based (D_cba)", {}, "#e15759"};
      for (std::size_t r = 0; r < l.num_regions(); ++r) {
        const auto ri = static_cast<Eigen::Index>(r);
        const double p = acc.D_pba_reg(k, ri), q = acc.D_cba_reg(k, ri);
        c.categories.push_back(l.regions[r]);
        pba.values.push_back(p);
        cba.values.push_back(q);
        table.rows.push_back({sat.name, stressor, unit.empty() ? "-" : unit, l.regions[r], p, q, q - p});
      }
      c.series = {std::move(pba), std::move(cba)};
      c.note =
          "Regions in the table's order. Where consumption exceeds production, the region's final demand "
          "causes more elsewhere than its industries cause for others.";
      if (d.results.chains.exogenous_rest_of_world)
        c.note += " With an exogenous rest of the world, D_cba counts the regions' own final demand only.";
      if (charts < kMaxFootprintCharts && c.num_marks() > 0) {
        s.charts.push_back(std::move(c));
        ++charts;
      }
    }
  }
  return {std::move(s)};
}

ReportSection comparison_section(const Analysis& a, const Analysis& earlier, const ReportData& d) {
  const auto& l = a.table().labels;
  const auto e = earlier.chains();
  const bool exo = d.results.chains.exogenous_rest_of_world || e.decomposition.exogenous_rest_of_world;
  const std::string dir = exo ? "backward" : "forward";
  const std::string y0 = year_of(earlier), y1 = year_of(a);
  ReportSection s;
  s.id = "comparison";
  s.title = "Participation in " + y0 + " and " + y1;
  s.paragraphs.push_back(
      "NVC and GVC participation (" + dir +
      ", ratios of sums over the region's sectors, methods.md §4.1, §5.2) "
      "of each region in the earlier table (" +
      earlier.source() + ") and in this one (" + a.source() +
      "): one dot "
      "per year, joined by a line." +
      (exo ? " Backward: with an exogenous rest of the world forward GVC participation is not identified." : ""));
  for (const std::string ind : {"nvc", "gvc"}) {
    BarChart c;
    c.id = "comparison_" + ind + "_" + dir;
    c.title = (ind == "nvc" ? "NVC" : "GVC") + std::string(" participation (") + dir + ") by region, " + y0 + " and " +
              y1;
    c.axis_label = dir == "forward" ? "share of the region's value added"
                                    : "share of the value of the region's final production";
    c.category_axis = "region";
    c.percent = true;
    c.dumbbell = true;
    const std::size_t G = l.num_regions();
    std::vector<double> v0(G), v1(G);
    for (std::size_t r = 0; r < G; ++r) {
      v0[r] = e.decomposition.participation.find({"region", l.regions[r], "all", ind + "_" + dir});
      v1[r] = d.results.chains.participation.find({"region", l.regions[r], "all", ind + "_" + dir});
    }
    std::vector<std::size_t> order(G);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const bool fx = std::isfinite(v1[x]), fy = std::isfinite(v1[y]);
      return fx != fy ? fx : fx && v1[x] > v1[y];
    });
    BarSeries s0{y0, {}, "#bab0ac"}, s1{y1, {}, "#4e79a7"};
    for (std::size_t r : order) {
      if (!std::isfinite(v0[r]) && !std::isfinite(v1[r])) continue;
      auto none = [](double v) { return !std::isfinite(v) || std::abs(v) < 1e-12; };
      if (none(v0[r]) && none(v1[r])) continue;  // no such chains in either year (a one-region country)
      c.categories.push_back(l.regions[r]);
      s0.values.push_back(v0[r]);
      s1.values.push_back(v1[r]);
    }
    c.series = {std::move(s0), std::move(s1)};
    c.note = "Grey: " + y0 + ", blue: " + y1 + "; sorted by " + y1 +
             ". Regions without such chains in either year "
             "are left out.";
    if (!c.categories.empty()) s.charts.push_back(std::move(c));
  }
  if (s.charts.empty()) s.paragraphs.push_back("No region has national or global value chains in either table.");
  return s;
}

void finish_report_figures(io::ReportDocument& doc, const Analysis& a, const ReportData& d, const ReportRequest& r) {
  const auto& t = a.table();
  std::vector<ReportSection> extra = footprint_sections(a, d);
  if (r.compare) extra.push_back(comparison_section(a, *r.compare, d));
  const auto at = doc.sections.empty() ? doc.sections.end() : doc.sections.end() - 1;  // before the diagnostics
  doc.sections.insert(at, extra.begin(), extra.end());
  const auto order = report_group_order(a, d, r);
  const std::string unit = t.meta.unit.empty() ? "unit not given in the table" : t.meta.unit;
  for (auto& s : doc.sections) {
    merge_repeated_charts(s);
    for (auto& c : s.charts) {
      if (!c.category_groups.empty()) c.group_order = order;
      if (c.category_axis.empty()) c.category_axis = category_axis(c, t.labels, r, a);
      const auto p = c.axis_label.find("(table units)");
      if (p != std::string::npos) c.axis_label.replace(p, 13, "(" + unit + ")");
    }
  }
}

}  // namespace irio
