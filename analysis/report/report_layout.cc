// SPDX-License-Identifier: MIT
// The layout of `irio report`: which sections, charts and tables, in which order, with which words
// (report_data.h). Numbers come from ReportData only; nothing is computed here.
#include <algorithm>
#include <cmath>
#include <exception>
#include <sstream>
#include <string>

#include "irio/analysis/report/report_data.h"
#include "irio/analysis/report/report_figures.h"
#include "irio/version.h"

namespace irio {
namespace {

using io::BarChart;
using io::BarSeries;
using io::ReportCell;
using io::ReportSection;
using io::ReportTable;

bool has_positive(const std::vector<double>& v) {
  for (double x : v)
    if (std::isfinite(x) && x > 0) return true;
  return false;
}

/// Drop series that would draw nothing (e.g. NVC on a table whose countries are its regions).
std::vector<std::string> drop_empty_series(BarChart& c) {
  std::vector<std::string> dropped;
  std::vector<BarSeries> kept;
  for (auto& s : c.series) {
    if (has_positive(s.values)) kept.push_back(std::move(s));
    else dropped.push_back(s.name);
  }
  c.series = std::move(kept);
  return dropped;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

/// Which display names the table carries ("sectors", "regions", ...), for the summary.
std::vector<std::string> display_name_kinds(const tables::Labels& l) {
  std::vector<std::string> k;
  if (l.has_sector_names()) k.push_back("sectors");
  if (l.region_names_differ()) k.push_back("regions");
  if (l.has_fd_category_names()) k.push_back("final-demand categories");
  return k;
}

/// "Emissions: CO2 [kt], CH4 [kt]; Employment: jobs [1000 persons]" (empty without satellites).
std::string satellite_units(const tables::IoTable& t) {
  std::vector<std::string> out;
  for (const auto& s : t.satellites) {
    std::vector<std::string> st;
    for (std::size_t k = 0; k < s.stressors.size(); ++k)
      st.push_back(s.stressors[k] + (k < s.units.size() && !s.units[k].empty() ? " [" + s.units[k] + "]" : ""));
    out.push_back(s.name + ": " + join(st, ", "));
  }
  return join(out, "; ");
}

ReportSection table_section(const Analysis& a) {
  const auto& t = a.table();
  const auto& l = t.labels;
  ReportSection s;
  s.id = "table";
  s.title = "Table and balance check";
  ReportTable info;
  info.id = "table_summary";
  info.title = "The table";
  info.columns = {"item", "value"};
  auto row = [&](const std::string& k, const std::string& v) { info.rows.push_back({k, v.empty() ? "-" : v}); };
  row("file", a.source());
  row("name", t.meta.name);
  row("year", t.meta.year);
  row("unit", t.meta.unit);
  row("price basis", t.meta.price_basis);
  row("source", t.meta.source);
  row("regions", std::to_string(l.num_regions()));
  row("countries", std::to_string(l.num_countries()));
  row("sectors", std::to_string(l.num_sectors()));
  row("region-sectors (n)", std::to_string(t.n()));
  row("final-demand categories", join(l.fd_categories, ", "));
  row("display names", join(display_name_kinds(l), ", "));
  row("satellites (stressor [unit])", satellite_units(t));
  row("exogenous rest of the world", t.exports.cols() > 0 || t.imports.rows() > 0 ? "yes" : "no");
  if (a.has_model()) row("solver", a.model().summary().brief_report());
  s.tables.push_back(std::move(info));
  s.paragraphs.push_back(a.validate().brief() + " (methods.md §1.3). The full report:");
  s.preformatted = a.validate().full_report(l);
  return s;
}

ReportSection participation_section(const ReportData& d) {
  ReportSection s;
  s.id = "participation";
  s.title = "National and global value-chain participation by region";
  s.paragraphs.push_back(
      "Forward participation: the share of a region's value added that runs through national (NVC) or global "
      "(GVC) value chains, i.e. crosses a regional or a national border in intermediate goods, to be processed "
      "further (NVC_S + NVC_C and GVC_S + GVC_C of eq. 5.1). Backward: the share of the value of a region's "
      "final production that came through such chains. Ratios of sums over "
      "the region's sectors (methods.md §4.1, §5.2). Bars are sorted by NVC + GVC; the rest to 100 % is local "
      "production and trade in final goods (next section).");
  const auto& p = d.participation;
  for (const char* dir : {"forward", "backward"}) {
    BarChart c;
    c.id = std::string("participation_") + dir;
    c.title = std::string(dir == std::string("forward") ? "Forward" : "Backward") + " participation by region";
    c.axis_label = dir == std::string("forward") ? "share of the region's value added"
                                                 : "share of the value of the region's final production";
    c.percent = true;
    const bool exo = d.results.chains.exogenous_rest_of_world && dir == std::string("backward");
    BarSeries nvc{"NVC (national value chains)", {}, ""},
        gvc{exo ? "GVC: import content (a_M'L) o y" : "GVC (global value chains)", {}, ""};
    for (std::size_t i = 0; i < p.num_rows(); ++i) {
      if (p.key(2, i) != dir) continue;
      if (p.key(3, i) == "nvc") {
        c.categories.push_back(p.key(0, i));
        c.category_groups.push_back(p.key(1, i));
        nvc.values.push_back(p.value(i));
      } else {
        gvc.values.push_back(p.value(i));
      }
    }
    c.series = {std::move(nvc), std::move(gvc)};
    const auto dropped = drop_empty_series(c);
    c.note = "Colour: " + d.colour_grouping + (c.series.size() > 1 ? "; dark: GVC, light: NVC." : ".");
    if (!dropped.empty())
      c.note +=
          " Not drawn (zero for every region, as when each region is its own country, or not identified, as "
          "forward GVC with an exogenous rest of the world): " +
          join(dropped, ", ") + ".";
    if (!c.series.empty()) s.charts.push_back(std::move(c));
  }
  // Dark GVC next to the axis reads better: put GVC first.
  for (auto& c : s.charts)
    if (c.series.size() == 2) std::swap(c.series[0], c.series[1]);
  return s;
}

/// Series of the levels chart: name and colour per ChainLevel (national in oranges, global in
/// greens; the lighter shade is trade in final goods). With an exogenous rest of the world the
/// backward terms say what they are (methods.md §5.5): RT is the domestic value added of all exports
/// (intermediate and final: exports are final demand there), GVC the import content (a_M'L) o y.
std::vector<std::pair<std::string, std::string>> level_series(bool exo = false, bool backward = false) {
  std::vector<std::pair<std::string, std::string>> s{
      {"local (LOC)", "#bab0ac"},
      {"national, final goods (NTF)", "#ffbe7d"},
      {"national value chains (NVC_S + NVC_C)", "#f28e2b"},
      {"international, final goods (RT)", "#8cd17d"},
      {"global value chains (GVC_S + GVC_C)", "#59a14f"},
      {"RT + GVC, not separable (exogenous rest of the world)", "#b6992d"}};
  if (exo && backward) {
    s[3].first = "exports abroad, all goods (RT: domestic value added of all exports)";
    s[4].first = "import content (GVC = (a_M'L) o y)";
  }
  return s;
}

BarChart levels_chart(const std::string& id, const std::string& title, const std::string& axis,
                      const std::vector<std::string>& units, const tables::TidyTable& t, std::size_t unit_col,
                      std::size_t dir_col, const std::string& dir, const std::string& grouping = "", bool exo = false) {
  BarChart c;
  c.id = id;
  c.title = title;
  c.axis_label = axis;
  c.percent = true;
  c.categories = units;
  for (const auto& [name, colour] : level_series(exo, dir == "backward")) c.series.push_back({name, {}, colour});
  for (const auto& u : units)
    for (std::size_t l = 0; l < c.series.size(); ++l) {
      double v = std::nan("");
      const std::string level = enum_name(kChainLevels[l]);
      for (std::size_t i = 0; i < t.num_rows(); ++i)
        if (t.key(unit_col, i) == u && t.key(dir_col, i) == dir && t.key(dir_col + 1, i) == level &&
            (grouping.empty() || t.key(0, i) == grouping)) {
          v = t.value(i);
          break;
        }
      c.series[l].values.push_back(v);
    }
  auto dropped = drop_empty_series(c);
  // RT + GVC exists only with an exogenous rest of the world: no need to say it is absent.
  dropped.erase(std::remove(dropped.begin(), dropped.end(), level_series().back().first), dropped.end());
  if (!dropped.empty()) c.note = "Zero or not identified for every bar, not drawn: " + join(dropped, "; ") + ".";
  return c;
}

ReportSection levels_section(const Analysis& a, const ReportData& d) {
  ReportSection s;
  s.id = "three_levels";
  s.title = "Three-level decomposition: local, national and global value chains";
  s.paragraphs.push_back(
      "Value added by where it goes (forward: row sums of the decomposition by origin) and final production by "
      "where its value added comes from (backward: column sums by final producer), as shares of the total, in "
      "three levels (methods.md §5.2, eq. 5.1): local production (LOC); national, between regions of one "
      "country: final goods (NTF) and national value chains (NVC_S + NVC_C); global, across borders: final goods "
      "(RT) and global value chains (GVC_S + GVC_C). The value-chain parts are the NVC and GVC participation of "
      "the previous section.");
  const bool exo = d.results.chains.exogenous_rest_of_world;
  if (exo)
    s.paragraphs.push_back(
        "This table has an exogenous rest of the world (export columns, import rows; methods.md §5.5): forward, "
        "RT and GVC are known only as their sum (RT + GVC); backward, RT is the domestic value added of all "
        "exports (intermediate and final goods alike, since exports are final demand here) and GVC is the import "
        "content (a_M'L) o y of the region's final production, not GVC_S + GVC_C." +
        std::string(d.results.chains.other_final_demand
                        ? " Final demand that is neither domestic nor abroad (e.g. CEADs' ERR, term OTHER_FD) is "
                          "in none of the levels: the shares are of the rest."
                        : ""));
  const auto& regions = a.table().labels.regions;
  for (const char* dir : {"forward", "backward"}) {
    const bool fwd = dir == std::string("forward");
    auto c = levels_chart(
        std::string("levels_region_") + dir, std::string(fwd ? "Forward" : "Backward") + " decomposition by region",
        fwd ? "share of value added" : "share of final production", regions, d.levels_by_region, 0, 1, dir, "", exo);
    c.note = "One bar per region, in the table's order. " + c.note;
    s.charts.push_back(std::move(c));
  }
  for (std::size_t g = 0; g < d.results.grouped.size(); ++g) {
    const auto& gc = d.results.grouped[g];
    for (const char* dir : {"forward", "backward"}) {
      const bool fwd = dir == std::string("forward");
      auto c = levels_chart("levels_group" + std::to_string(g + 1) + "_" + dir,
                            std::string(fwd ? "Forward" : "Backward") + " decomposition by " + gc.grouping,
                            fwd ? "share of value added" : "share of final production", gc.groups, d.levels_by_group, 1,
                            2, dir, gc.grouping, exo);
      c.note = "Sums over the group's regions, then shares (ratios of sums, methods.md §6.1). " + c.note;
      s.charts.push_back(std::move(c));
    }
  }
  return s;
}

ReportSection multipliers_section(const ReportData& d, const std::string& unit) {
  ReportSection s;
  s.id = "multipliers";
  s.title = "Highest output multipliers and where their effect lands";
  s.paragraphs.push_back(
      "Output multiplier 1'L: total output in all regions per unit of final demand for the region-sector. Split "
      "(methods.md §2.4): local = 1'L_R (the region's own inverse), national = 1'L_C - 1'L_R (other regions of "
      "the same country and feedback through them), international = 1'L - 1'L_C. Unit: " +
      (unit.empty() ? std::string("output per unit of final demand")
                    : unit + " of output per " + unit + " of final demand") +
      ".");
  const auto& t = d.top_multipliers;
  BarChart c;
  c.id = "top_multipliers";
  c.title = "Highest output multipliers, split by where the output arises";
  c.axis_label = unit.empty() ? "output multiplier (output per unit of final demand)"
                              : "output multiplier (" + unit + " of output per " + unit + " of final demand)";
  c.series = {{"local", {}, "#bab0ac"}, {"national", {}, "#f28e2b"}, {"international", {}, "#59a14f"}};
  ReportTable table;
  table.id = "top_multipliers_table";
  table.title = "Highest output multipliers";
  table.columns = {"rank", "region", "sector", "total", "local", "national", "international"};
  table.number_formats = {{"rank", "0"}};
  for (std::size_t i = 0; i < t.num_rows(); ++i)
    if (t.key(3, i) == "import_content") {
      table.columns.back() = "international (not modelled: NA)";
      table.columns.push_back("import content a_M'L");
      table.note =
          "The rest of the world is exogenous: international effects are not modelled (NA, not 0); "
          "the import content a_M'L is the imports per unit of final demand (methods.md §2.4, §5.5).";
      break;
    }
  for (std::size_t i = 0; i < t.num_rows(); ++i) {
    const std::string& part = t.key(3, i);
    if (part == "import_content") {
      table.rows.back().emplace_back(t.value(i));
      continue;
    }
    if (part == "total") {
      c.categories.push_back(t.key(1, i) + " " + t.key(2, i));
      std::vector<ReportCell> cells;
      cells.emplace_back(std::stod(t.key(0, i)));  // the rank, a number (xlsx: a number cell)
      for (std::size_t k = 1; k < 3; ++k) cells.emplace_back(t.key(k, i));
      cells.emplace_back(t.value(i));
      table.rows.push_back(std::move(cells));
    } else {
      const std::size_t k = part == "local" ? 0 : part == "national" ? 1 : 2;
      c.series[k].values.push_back(t.value(i));
      table.rows.back().emplace_back(t.value(i));
    }
  }
  const auto dropped = drop_empty_series(c);
  c.note = "Sorted by the total.";
  if (!dropped.empty())
    c.note += " Zero or not available (NA) for every sector shown, not drawn: " + join(dropped, ", ") + ".";
  if (!c.series.empty() && !c.categories.empty()) s.charts.push_back(std::move(c));
  s.tables.push_back(std::move(table));
  return s;
}

/// Domestic vs international circulation (methods.md §10.1-§10.2): NVC orientation by region,
/// forward and backward, and the coupling coordination degree D with its parts in a table.
ReportSection circulation_section(const ReportData& d) {
  ReportSection s;
  s.id = "circulation";
  s.title = "Domestic and international circulation";
  s.paragraphs.push_back(
      "NVC orientation: the national share of a region's value-chain flows, NVC / (NVC + GVC), forward (its value "
      "added) and backward (its final production) (methods.md §10.1). Coupling coordination of a domestic index U1 = " +
      d.coupling_u1 + " and an international index U2 = " + d.coupling_u2 +
      ", each min-max normalised across the regions: C = 2 sqrt(U1 U2) / (U1 + U2), T = (U1 + U2) / 2, D = sqrt(C T) "
      "(methods.md §10.2; `irio circulation` for other indices and weights).");
  const auto& o = d.orientation;
  std::vector<std::string> dropped_all;
  for (const char* dir : {"forward", "backward"}) {
    BarChart c;
    c.id = std::string("orientation_") + dir;
    c.title = std::string("NVC orientation by region, ") + dir;
    c.axis_label = "NVC / (NVC + GVC)";
    c.percent = true;
    BarSeries v{"NVC orientation", {}, ""};
    for (std::size_t i = 0; i < o.num_rows(); ++i) {
      if (o.key(2, i) != dir) continue;
      c.categories.push_back(o.key(0, i));
      c.category_groups.push_back(o.key(1, i));
      v.values.push_back(o.value(i));
    }
    c.series = {std::move(v)};
    c.note = "Sorted by the forward orientation; colour: " + d.colour_grouping +
             ". A region without value-chain flows, or where they are not identified, has no bar.";
    if (has_positive(c.series.front().values)) s.charts.push_back(std::move(c));
    else dropped_all.push_back(std::string(dir) + " orientation");
  }
  const auto& cp = d.coupling;
  BarChart dc;
  dc.id = "coordination";
  dc.title = "Coupling coordination degree D by region";
  dc.axis_label = "D (0 to 1)";
  BarSeries dv{"D", {}, ""};
  ReportTable table;
  table.id = "coupling_table";
  table.title = "Coupling coordination by region";
  table.note = "U1, U2 normalised over the regions; C coupling, T development, D coordination (methods.md §10.2).";
  for (const auto& n : d.coupling_notes) s.paragraphs.push_back("Note: " + n + ".");
  table.columns = {"region", "U1", "U2", "C", "T", "D"};
  for (std::size_t i = 0; i < cp.num_rows(); ++i) {
    if (cp.key(2, i) == "u1") table.rows.push_back({cp.key(0, i)});
    table.rows.back().emplace_back(cp.value(i));
    if (cp.key(2, i) == "coordination") {
      dc.categories.push_back(cp.key(0, i));
      dc.category_groups.push_back(cp.key(1, i));
      dv.values.push_back(cp.value(i));
    }
  }
  dc.series = {std::move(dv)};
  dc.note = "Sorted by D; colour: " + d.colour_grouping + ".";
  if (has_positive(dc.series.front().values)) {
    s.charts.push_back(std::move(dc));
    s.tables.push_back(std::move(table));
  } else {
    dropped_all.push_back("coupling coordination");
  }
  if (!dropped_all.empty())
    s.paragraphs.push_back(
        "Not drawn (zero or not defined for every region, as when each region is its own country "
        "so that no flow is national, or an index is the same for every region): " +
        join(dropped_all, ", ") + ".");
  return s;
}

ReportSection diagnostics_section(const ReportData& d) {
  const auto& diag = d.results.chains.diagnostics;
  ReportSection s;
  s.id = "diagnostics";
  s.title = "Identity diagnostics";
  std::size_t fail = 0;
  ReportTable t;
  t.id = "diagnostics";
  t.title = "Identities of methods.md §6.2 checked on this table";
  t.columns = {"identity", "scope", "residual", "tolerance", "result"};
  t.number_formats = {{"residual", "0.000E+00"}, {"tolerance", "0.0E+00"}};  // numbers, shown as the CLI does
  for (std::size_t i = 0; i < diag.num_rows(); ++i) {
    const bool pass = diag.key(3, i) == "true";
    if (!pass) ++fail;
    ReportCell tolerance = diag.key(2, i);
    try {
      tolerance = std::stod(diag.key(2, i));
    } catch (const std::exception&) {  // not a number: kept as the text
    }
    t.rows.push_back({diag.key(0, i), diag.key(1, i), diag.value(i), tolerance, pass ? "holds" : "FAILED"});
  }
  s.paragraphs.push_back(std::to_string(diag.num_rows() - fail) + " of " + std::to_string(diag.num_rows()) +
                         " identities hold. Each compares two ways of computing the same total (e.g. the seven terms "
                         "of the decomposition add up to value added); the residual is the largest absolute "
                         "difference and the tolerance is relative to the size of the numbers compared.");
  s.tables.push_back(std::move(t));
  return s;
}

}  // namespace

io::ReportDocument report_document(const Analysis& a, const ReportData& d, const ReportRequest& r) {
  io::ReportDocument doc;
  const auto& meta = a.table().meta;
  const std::string name = meta.name.empty() ? a.source() : meta.name;
  const bool year_in_name = !meta.year.empty() && name.find(meta.year) != std::string::npos;
  doc.title = "irio report: " + name + (meta.year.empty() || year_in_name ? "" : " " + meta.year);
  doc.subtitle = std::string("irio ") + IRIO_VERSION_STRING + (r.command.empty() ? "" : " | " + r.command);
  doc.sections.push_back(table_section(a));
  doc.sections.push_back(participation_section(d));
  doc.sections.push_back(levels_section(a, d));
  doc.sections.push_back(multipliers_section(d, meta.unit));
  doc.sections.push_back(circulation_section(d));
  for (const auto& s : d.regional_sections) doc.sections.push_back(s);  // report_regional.h
  doc.sections.push_back(diagnostics_section(d));
  finish_report_figures(doc, a, d, r);       // report_figures.h: colours, axes, footprints, comparison
  name_report_codes(doc, a.table().labels);  // last: names beside the codes of every section
  return doc;
}

}  // namespace irio
