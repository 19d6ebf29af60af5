// SPDX-License-Identifier: MIT
// `irio analyse`: the main job. Balance report, multipliers with their local / national /
// international split, the three-level value-chain decomposition with NVC/GVC participation,
// a readable summary on screen, and the full results as tidy CSV files whose names it prints.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/report.h"
#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"
#include "irio/analysis/verb.h"
#include "irio/io/table_store.h"

namespace irio::cli {
namespace {

struct Options {
  std::string table;
  std::string output = "out";
  std::string countries;
  std::string focus;  ///< default: CHN when the table has it, else the first region
  std::string backend = enum_name(solver::ModelOptions{}.backend);
  std::string format = enum_name(OpenOptions{}.format);
  std::vector<std::string> groups;
  std::string other_group;
  int top = 10;
  bool force = false;
  bool allow_identity_failures = false;
  bool quiet = false;
};

/// Clean -0.0000 from round-off for display (e.g. national parts on a country table).
double show(double v) { return std::abs(v) < 5e-13 ? 0.0 : v; }

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Participation value of one (scope, unit, indicator), or NaN.
double participation(const tables::TidyTable& p, const std::string& scope, const std::string& unit,
                     const std::string& indicator) {
  return p.find({scope, unit, "all", indicator});
}

void print_top_multipliers(const solver::LeontiefModel& m, const tables::Vector& om, int top) {
  std::vector<Eigen::Index> idx(static_cast<std::size_t>(m.n()));
  std::iota(idx.begin(), idx.end(), 0);
  idx.erase(std::remove_if(idx.begin(), idx.end(), [&](Eigen::Index i) { return !std::isfinite(om(i)); }), idx.end());
  const auto k = std::min<std::size_t>(static_cast<std::size_t>(top), idx.size());
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
                    [&](Eigen::Index a, Eigen::Index b) { return om(a) > om(b); });
  std::printf("\nHighest output multipliers (total output per unit of final demand):\n");
  for (std::size_t r = 0; r < k; ++r) {
    const auto i = static_cast<std::size_t>(idx[r]);
    const auto& labels = m.labels();
    const std::string name = display_names_of(labels, i);  // display names beside the codes, where the table has them
    std::printf("  %2zu. %-6s %-8s %8.4f%s%s\n", r + 1, labels.region_of(i).c_str(), labels.sector_of(i).c_str(),
                om(idx[r]), name.empty() ? "" : "  ", name.c_str());
  }
}

/// A value in a column of 9 (round-off cleaned), or NA where it is not defined.
std::string cell(double v) {
  char buf[32];
  if (std::isnan(v)) std::snprintf(buf, sizeof buf, "%9s", "NA");
  else std::snprintf(buf, sizeof buf, "%9.4f", show(v));
  return buf;
}

void print_focus(const solver::LeontiefModel& m, const std::string& focus, const solver::MultiplierSplit& split,
                 const solver::gvc::ProductionDecomposition& d) {
  const int r = tables::Labels::find(m.labels().regions, focus);
  if (r < 0) return;
  const auto N = static_cast<Eigen::Index>(m.labels().num_sectors());
  const bool imp = split.import_content.size() > 0;
  std::printf("\n%s by sector: output multiplier = local + national + international; GVC participation\n",
              focus.c_str());
  if (!split.international_modelled)
    std::printf(
        "  (the rest of the world is exogenous: international effects are not modelled, NA; imp.cont is "
        "the import content a_M'L per unit of final demand)\n");
  std::printf("  %-8s %9s %9s %9s %9s", "sector", "total", "local", "national", "intl");
  if (imp) std::printf(" %9s", "imp.cont");
  std::printf(" %9s %9s\n", "GVC fwd", "GVC bwd");
  for (Eigen::Index i = 0; i < N; ++i) {
    const Eigen::Index j = r * N + i;
    const std::string sec = m.labels().sectors[static_cast<std::size_t>(i)];
    std::printf("  %-8s %s %s %s %s", sec.c_str(), cell(split.total(j)).c_str(), cell(split.local(j)).c_str(),
                cell(split.national(j)).c_str(), cell(split.international(j)).c_str());
    if (imp) std::printf(" %s", cell(split.import_content(j)).c_str());
    std::printf(" %s %s%s\n", cell(d.participation.find({"region_sector", focus, sec, "gvc_forward"})).c_str(),
                cell(d.participation.find({"region_sector", focus, sec, "gvc_backward"})).c_str(),
                name_suffix(sector_display_name(m.labels(), sec)).c_str());
  }
}

void print_regions(const solver::LeontiefModel& m, const solver::gvc::ProductionDecomposition& d) {
  const bool nvc = m.labels().num_countries() < m.labels().num_regions();
  std::printf("\nValue-chain participation by region (shares of value added / of final production):\n");
  // Name columns as wide as the widest name in terminal columns (a CJK name counts double).
  const std::size_t wr = name_width(m.labels().regions, "region", 8),
                    wc = name_width(m.labels().countries, "country", 8);
  std::printf("  %s %s %9s %9s", pad("region", wr).c_str(), pad("country", wc).c_str(), "GVC fwd", "GVC bwd");
  if (nvc) std::printf(" %9s %9s", "NVC fwd", "NVC bwd");
  std::printf("\n");
  for (std::size_t r = 0; r < m.labels().num_regions(); ++r) {
    const std::string& reg = m.labels().regions[r];
    std::printf("  %s %s %s %s", pad(reg, wr).c_str(),
                pad(m.labels().countries[static_cast<std::size_t>(m.labels().country_of_region[r])], wc).c_str(),
                cell(participation(d.participation, "region", reg, "gvc_forward")).c_str(),
                cell(participation(d.participation, "region", reg, "gvc_backward")).c_str());
    if (nvc)
      std::printf(" %s %s", cell(participation(d.participation, "region", reg, "nvc_forward")).c_str(),
                  cell(participation(d.participation, "region", reg, "nvc_backward")).c_str());
    std::printf("%s\n", name_suffix(region_display_name(m.labels(), reg)).c_str());
  }
}

void run(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  OpenOptions opt;
  opt.model.backend = parse_enum<solver::Backend>(o.backend);
  opt.format = parse_enum<TableFormat>(o.format);
  opt.countries = o.countries;
  const Analysis a = Analysis::open(o.table, opt);
  AnalyseRequest req;
  req.groups = o.groups;
  req.other_group = o.other_group;
  req.progress = stderr_progress(o.quiet);
  (void)a.groupings(req.groups, req.other_group);  // fail before anything is printed or computed
  const auto& t = a.table();
  std::string focus = o.focus;
  if (focus.empty()) {
    focus = tables::Labels::find(t.labels.regions, "CHN") >= 0 ? "CHN" : t.labels.regions.front();
  } else if (tables::Labels::find(t.labels.regions, focus) < 0) {
    throw InputError(o.table + ": --focus '" + focus +
                     "' is not a region of the table; nearest: " + tables::Labels::nearest(t.labels.regions, focus));
  }
  std::printf("irio analyse %s\n  %s: %zu regions (%zu countries) x %zu sectors = %zu region-sectors, %s\n",
              o.table.c_str(), t.meta.name.c_str(), t.labels.num_regions(), t.labels.num_countries(),
              t.labels.num_sectors(), t.n(), t.meta.unit.c_str());
  std::printf("\n%s", a.validate().full_report(t.labels).c_str());

  const auto r = a.analyse(req);  // refuses a table whose balance check found errors
  const auto& m = a.model();
  std::printf("\nSolver: %s\n", m.summary().brief_report().c_str());
  print_top_multipliers(m, r.output_split.total, o.top);
  print_focus(m, focus, r.output_split, r.chains);
  print_regions(m, r.chains);
  for (const auto& gc : r.grouped) print_groups(gc);

  const bool writes = this_rank_writes();  // under mpirun rank 0 alone writes (main.cc)
  if (writes) std::filesystem::create_directories(o.output);
  std::vector<tables::TidyTable> named = r.tables;
  finish_results(named, t);  // sector_name / region_name beside the codes; exit 4 for an infinite value
  io::WriteOptions w;
  w.overwrite = o.force;
  w.meta = result_meta(o.table, t);
  for (const auto& f : r.file_names) w.file_stems.push_back(std::filesystem::path(f).stem().string());
  const auto written = writes ? io::write_results(named, o.output, "analyse", w)
                              : std::vector<std::string>{};  // manifest last
  std::printf("\nWrote (tidy CSV, one value per row; columns documented in docs/):\n");
  for (const auto& p : written) std::printf("  %s\n", p.c_str());
  std::printf("Done in %.2f s.\n", seconds_since(t0));
  std::printf("\n");
  print_diagnostics(r.chains.diagnostics);
  CommonOptions identity_rule;
  identity_rule.allow_identity_failures = o.allow_identity_failures;
  enforce_identities(r.chains.diagnostics, identity_rule);
}

CommandRegistrar reg("analyse", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("analyse", "Main job: balance report, multipliers and their split, value-chain participation");
  sub->alias("analyze");
  sub->add_option("table", o->table, "Table: irio HDF5, or a layout irio import reads (see --format)")->required();
  sub->add_option("-o,--output", o->output, "Output folder")->capture_default_str();
  add_countries_option(sub, o->countries);
  sub->add_option("--focus", o->focus, "Region whose sectors are listed on screen (default: CHN if present)");
  sub->add_option("--top", o->top, "How many top multipliers to list (1 to 100000)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  add_choice<solver::Backend>(sub, "--backend", o->backend, "Solver backend");
  add_choice<TableFormat>(sub, "--format", o->format, "Table layout (auto: by extension, or by the files of a folder)");
  sub->add_option("--groups", o->groups,
                  "Also report by groups of regions: a grouping CSV (member,group) or a shipped name "
                  "(four_regions, north_south, eight_zones, east_data_west_computing); repeatable");
  sub->add_option("--other", o->other_group,
                  "Group NAME for every region a grouping does not list (else such a grouping is an error)");
  sub->add_flag("-f,--force", o->force, "Replace existing output files");
  sub->add_flag("-q,--quiet", o->quiet, "No progress display on stderr");
  sub->add_flag("--allow-identity-failures", o->allow_identity_failures,
                "Exit 0 even when an identity check of methods.md §6.2 fails (they are still reported)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
