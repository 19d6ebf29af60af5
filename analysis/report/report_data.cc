// SPDX-License-Identifier: MIT
// The tables of `irio report`, condensed from the main job (report_data.h): participation by
// region, the three levels by region and group, the highest output multipliers and their split.
#include "irio/analysis/report/report_data.h"
#include "irio/analysis/report/report_regional.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "irio/solver/gvc/circulation.h"
#include "irio/solver/gvc/production.h"

namespace irio {
namespace {

/// Terms of each level (ChainLevel).
const std::vector<int>& level_terms(ChainLevel level) {
  using namespace solver::gvc;
  static const std::vector<std::vector<int>> terms{{kLoc},  {kNtf}, {kNvcS, kNvcC}, {kRt}, {kGvcS, kGvcC, kGvc},
                                                   {kRtGvc}};
  return terms[static_cast<std::size_t>(level)];
}

const char* const kDirections[] = {"forward", "backward"};

/// The colour group of each region (see ReportData::colour_grouping).
void colour_regions(const tables::Labels& labels, const std::vector<tables::Grouping>& groupings, ReportData& d) {
  const auto G = labels.num_regions();
  d.region_colour_group.assign(G, "all regions");
  if (!groupings.empty()) {
    d.colour_grouping = groupings.front().name();
    for (std::size_t r = 0; r < G; ++r) d.region_colour_group[r] = groupings.front().group_of(labels.regions[r]);
  } else if (labels.num_countries() < G) {
    // Countries of several regions get their own colour; single-region countries share one.
    d.colour_grouping = "country";
    std::vector<int> size(labels.num_countries(), 0);
    for (int c : labels.country_of_region) ++size[static_cast<std::size_t>(c)];
    for (std::size_t r = 0; r < G; ++r) {
      const auto c = static_cast<std::size_t>(labels.country_of_region[r]);
      d.region_colour_group[r] = size[c] > 1 ? labels.countries[c] : "single-region countries";
    }
  } else {
    d.colour_grouping = "all regions";
  }
}

/// Orientation and coupling coordination by region (methods.md §10.1-§10.2) from the decomposition
/// the main job computed (no further solve); the default indices of `irio circulation`.
void circulation_tables(const Analysis& a, ReportData& d) {
  namespace g = solver::gvc;
  const auto& labels = a.table().labels;
  const g::Circulation c = g::circulation(a.model(), d.results.chains);
  const bool exo = d.results.chains.exogenous_rest_of_world;
  d.coupling_u1 = exo ? "nvc_backward" : "nvc_forward";
  d.coupling_u2 = exo ? "gvc_backward" : "gvc_forward";
  const auto G = labels.num_regions();
  auto sorted_by = [&](const std::vector<double>& key) {
    std::vector<std::size_t> order(G);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const bool fx = std::isfinite(key[x]), fy = std::isfinite(key[y]);
      return fx != fy ? fx : fx && key[x] > key[y];
    });
    return order;
  };
  d.orientation = tables::TidyTable("report_orientation", {"region", "group", "direction"}, "share");
  std::vector<double> fwd(G);
  for (std::size_t r = 0; r < G; ++r) fwd[r] = c.indicators(static_cast<Eigen::Index>(r), g::kOrientationForward);
  for (std::size_t r : sorted_by(fwd))
    for (const auto& [dir, col] : {std::pair<const char*, int>{"forward", g::kOrientationForward},
                                   std::pair<const char*, int>{"backward", g::kOrientationBackward}})
      d.orientation.add_row({labels.regions[r], d.region_colour_group[r], dir},
                            c.indicators(static_cast<Eigen::Index>(r), col));
  const int i1 = g::circulation_indicator_index(d.coupling_u1), i2 = g::circulation_indicator_index(d.coupling_u2);
  const Vector x1 = c.indicators.col(i1), x2 = c.indicators.col(i2);
  const auto range = g::normalisation_range(x1, x2, "region");
  const g::Coupling cc = g::coupling_coordination(x1, x2, c.units, {}, &range);
  d.coupling_notes = cc.notes;
  d.coupling = tables::TidyTable("report_coupling", {"region", "group", "indicator"});
  std::vector<double> D(G);
  for (std::size_t r = 0; r < G; ++r) D[r] = cc.coordination(static_cast<Eigen::Index>(r));
  for (std::size_t r : sorted_by(D)) {
    const auto i = static_cast<Eigen::Index>(r);
    const std::pair<const char*, double> rows[] = {{"u1", cc.u1(i)},
                                                   {"u2", cc.u2(i)},
                                                   {"coupling", cc.coupling(i)},
                                                   {"development", cc.development(i)},
                                                   {"coordination", cc.coordination(i)}};
    for (const auto& [name, v] : rows) d.coupling.add_row({labels.regions[r], d.region_colour_group[r], name}, v);
  }
}

void participation_table(const tables::Labels& labels, const solver::gvc::ProductionDecomposition& dec, ReportData& d) {
  d.participation = tables::TidyTable("report_participation", {"region", "group", "direction", "indicator"}, "share");
  const auto G = labels.num_regions();
  for (const char* dir : kDirections) {
    std::vector<double> nvc(G), gvc(G);
    for (std::size_t r = 0; r < G; ++r) {
      nvc[r] = dec.participation.find({"region", labels.regions[r], "all", std::string("nvc_") + dir});
      gvc[r] = dec.participation.find({"region", labels.regions[r], "all", std::string("gvc_") + dir});
    }
    auto total = [&](std::size_t r) {
      return (std::isfinite(nvc[r]) ? nvc[r] : 0.0) + (std::isfinite(gvc[r]) ? gvc[r] : 0.0);
    };
    std::vector<std::size_t> order(G);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
    for (std::size_t r : order) {
      d.participation.add_row({labels.regions[r], d.region_colour_group[r], dir, "nvc"}, nvc[r]);
      d.participation.add_row({labels.regions[r], d.region_colour_group[r], dir, "gvc"}, gvc[r]);
    }
  }
}

/// Shares of the levels in one row of a terms matrix (NaN where not identified, or all NaN when
/// the row sums to 0).
std::vector<double> level_shares(const Matrix& terms, Eigen::Index row) {
  std::vector<double> v;
  double sum = 0;
  for (ChainLevel l : kChainLevels) {
    v.push_back(chain_level(terms, row, l));
    if (std::isfinite(v.back())) sum += v.back();
  }
  for (double& x : v) x = sum > 0 ? x / sum : std::nan("");
  return v;
}

void levels_by_region(const tables::Labels& labels, const solver::gvc::ProductionDecomposition& dec, ReportData& d) {
  d.levels_by_region = tables::TidyTable("report_levels_by_region", {"unit", "direction", "level"}, "share");
  const auto G = static_cast<Eigen::Index>(labels.num_regions());
  const auto N = static_cast<Eigen::Index>(labels.num_sectors());
  for (const char* dir : kDirections) {
    const Matrix& m = std::string(dir) == "forward" ? dec.forward : dec.backward;
    // Sum the region's sectors term by term over finite entries; a term with no finite entry
    // (not identified by the table) stays NaN.
    Matrix by_region = Matrix::Constant(G, m.cols(), std::nan(""));
    for (Eigen::Index r = 0; r < G; ++r)
      for (Eigen::Index t = 0; t < m.cols(); ++t)
        for (Eigen::Index i = r * N; i < (r + 1) * N; ++i)
          if (std::isfinite(m(i, t)))
            by_region(r, t) = (std::isfinite(by_region(r, t)) ? by_region(r, t) : 0.0) + m(i, t);
    for (Eigen::Index r = 0; r < G; ++r) {
      const auto s = level_shares(by_region, r);
      for (std::size_t l = 0; l < s.size(); ++l)
        d.levels_by_region.add_row({labels.regions[static_cast<std::size_t>(r)], dir, enum_name(kChainLevels[l])},
                                   s[l]);
    }
  }
}

void levels_by_group(const std::vector<solver::gvc::GroupedChains>& grouped, ReportData& d) {
  d.levels_by_group = tables::TidyTable("report_levels_by_group", {"grouping", "group", "direction", "level"}, "share");
  for (const auto& gc : grouped)
    for (const char* dir : kDirections) {
      const Matrix& m = std::string(dir) == "forward" ? gc.forward : gc.backward;
      for (std::size_t g = 0; g < gc.groups.size(); ++g) {
        const auto s = level_shares(m, static_cast<Eigen::Index>(g));
        for (std::size_t l = 0; l < s.size(); ++l)
          d.levels_by_group.add_row({gc.grouping, gc.groups[g], dir, enum_name(kChainLevels[l])}, s[l]);
      }
    }
}

void top_multipliers(const tables::Labels& labels, const solver::MultiplierSplit& split, int top, ReportData& d) {
  d.top_multipliers = tables::TidyTable("report_top_multipliers", {"rank", "region", "sector", "part"}, "value");
  const Vector& total = split.total;
  std::vector<Eigen::Index> idx;
  for (Eigen::Index i = 0; i < total.size(); ++i)
    if (std::isfinite(total(i))) idx.push_back(i);
  const auto k = std::min(idx.size(), static_cast<std::size_t>(top));
  std::partial_sort(
      idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
      [&](Eigen::Index a, Eigen::Index b) { return total(a) > total(b) || (total(a) == total(b) && a < b); });
  for (std::size_t rank = 0; rank < k; ++rank) {
    const auto i = idx[rank];
    const auto u = static_cast<std::size_t>(i);
    std::vector<std::pair<const char*, double>> parts{{"total", total(i)},
                                                      {"local", split.local(i)},
                                                      {"national", split.national(i)},
                                                      {"international", split.international(i)}};
    // International effects not modelled (NA): the import content a_M'L beside them (§2.4, §5.5).
    if (!split.international_modelled && split.import_content.size() > 0)
      parts.emplace_back("import_content", split.import_content(i));
    for (const auto& [part, value] : parts)
      d.top_multipliers.add_row({std::to_string(rank + 1), labels.region_of(u), labels.sector_of(u), part},
                                std::abs(value) < 5e-13 ? 0.0 : value);  // round-off of parts that are 0
  }
}

}  // namespace

std::string ReportRequest::validate() const {
  if (top_multipliers < 1 || top_multipliers > 1000)
    return "the number of top multipliers must be between 1 and 1000, got " + std::to_string(top_multipliers);
  return {};
}

double chain_level(const Matrix& terms, Eigen::Index row, ChainLevel level) {
  double s = 0;
  bool any = false;
  for (int t : level_terms(level))
    if (t < terms.cols() && std::isfinite(terms(row, t))) {
      s += terms(row, t);
      any = true;
    }
  return any ? s : std::nan("");
}

ReportData build_report(const Analysis& a, const ReportRequest& r) {
  require_valid("report", r.validate());
  const auto groupings = a.groupings(r.groups);  // fail before anything is solved
  report_progress(r.progress, 0.0, "report: balance check and Leontief model");
  (void)a.model();  // BalanceError for a table with errors; the solver's time shows as this phase
  ReportData d;
  AnalyseRequest ar;
  ar.groups = r.groups;
  ar.progress = r.progress;
  d.results = a.analyse(ar);
  report_progress(r.progress, 1.0, "report: tables and charts");
  const auto& labels = a.table().labels;
  colour_regions(labels, groupings, d);
  participation_table(labels, d.results.chains, d);
  levels_by_region(labels, d.results.chains, d);
  levels_by_group(d.results.grouped, d);
  top_multipliers(labels, d.results.output_split, r.top_multipliers, d);
  circulation_tables(a, d);
  d.regional_sections = regional_report_sections(a, d, {r.groups, r.scenario_file, r.compare});
  d.document = report_document(a, d, r);
  return d;
}

}  // namespace irio
