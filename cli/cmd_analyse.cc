// SPDX-License-Identifier: MIT
// `irio analyse`: the main job. Balance report, multipliers with their local / national /
// international split, the three-level value-chain decomposition with NVC/GVC participation,
// a readable summary on screen, and the full results as tidy CSV files whose names it prints.
#include <CLI/CLI.hpp>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/command.h"
#include "cli/gvc_common.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/gvc/production_groups.h"
#include "irio/solver/leontief_model.h"
#include "irio/solver/multiplier_split.h"
#include "irio/solver/multipliers.h"
#include "irio/tables/balance.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct Options {
  std::string table;
  std::string output = "out";
  std::string countries;
  std::string focus = "CHN";
  std::string backend = "auto";
  std::vector<std::string> groups;
  int top = 10;
  bool force = false;
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
  idx.erase(std::remove_if(idx.begin(), idx.end(), [&](Eigen::Index i) { return !std::isfinite(om(i)); }),
            idx.end());
  const auto k = std::min<std::size_t>(static_cast<std::size_t>(top), idx.size());
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
                    [&](Eigen::Index a, Eigen::Index b) { return om(a) > om(b); });
  std::printf("\nHighest output multipliers (total output per unit of final demand):\n");
  for (std::size_t r = 0; r < k; ++r) {
    const auto i = static_cast<std::size_t>(idx[r]);
    std::printf("  %2zu. %-6s %-8s %8.4f\n", r + 1, m.labels().region_of(i).c_str(),
                m.labels().sector_of(i).c_str(), om(idx[r]));
  }
}

void print_focus(const solver::LeontiefModel& m, const std::string& focus,
                 const solver::MultiplierSplit& split, const solver::gvc::ProductionDecomposition& d) {
  const int r = tables::Labels::find(m.labels().regions, focus);
  if (r < 0) return;
  const auto N = static_cast<Eigen::Index>(m.labels().num_sectors());
  std::printf("\n%s by sector: output multiplier = local + national + international; GVC participation\n",
              focus.c_str());
  std::printf("  %-8s %9s %9s %9s %9s %9s %9s\n", "sector", "total", "local", "national", "intl",
              "GVC fwd", "GVC bwd");
  for (Eigen::Index i = 0; i < N; ++i) {
    const Eigen::Index j = r * N + i;
    const std::string sec = m.labels().sectors[static_cast<std::size_t>(i)];
    std::printf("  %-8s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f\n", sec.c_str(), show(split.total(j)),
                show(split.local(j)), show(split.national(j)), show(split.international(j)),
                d.participation.find({"region_sector", focus, sec, "gvc_forward"}),
                d.participation.find({"region_sector", focus, sec, "gvc_backward"}));
  }
}

void print_regions(const solver::LeontiefModel& m, const solver::gvc::ProductionDecomposition& d) {
  const bool nvc = m.labels().num_countries() < m.labels().num_regions();
  std::printf("\nValue-chain participation by region (shares of value added / of final production):\n");
  std::printf("  %-8s %-8s %9s %9s", "region", "country", "GVC fwd", "GVC bwd");
  if (nvc) std::printf(" %9s %9s", "NVC fwd", "NVC bwd");
  std::printf("\n");
  for (std::size_t r = 0; r < m.labels().num_regions(); ++r) {
    const std::string& reg = m.labels().regions[r];
    std::printf("  %-8s %-8s %9.4f %9.4f", reg.c_str(),
                m.labels().countries[static_cast<std::size_t>(m.labels().country_of_region[r])].c_str(),
                participation(d.participation, "region", reg, "gvc_forward"),
                participation(d.participation, "region", reg, "gvc_backward"));
    if (nvc)
      std::printf(" %9.4f %9.4f", participation(d.participation, "region", reg, "nvc_forward"),
                  participation(d.participation, "region", reg, "nvc_backward"));
    std::printf("\n");
  }
}

void run(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  tables::IoTable t = io::read_table(o.table);
  if (!o.countries.empty()) io::read_country_map(o.countries, t.labels);
  const auto groupings = gvc_cli::load_groupings(o.groups, t, o.table);  // fail before computing
  std::printf("irio analyse %s\n  %s: %zu regions (%zu countries) x %zu sectors = %zu region-sectors, %s\n",
              o.table.c_str(), t.meta.name.c_str(), t.labels.num_regions(), t.labels.num_countries(),
              t.labels.num_sectors(), t.n(), t.meta.unit.c_str());

  const auto balance = tables::check_balance(t);
  std::printf("\n%s", balance.full_report(t.labels).c_str());
  if (balance.status == tables::Severity::kError)
    throw BalanceError(o.table + ": the table fails the balance check (see above)");

  solver::ModelOptions mo;
  mo.backend = solver::backend_from_string(o.backend);
  solver::LeontiefModel m(t, mo);

  solver::MultiplierOptions mult_opt;
  tables::TidyTable multipliers = solver::multipliers_table(m, mult_opt);
  const tables::Vector ones = tables::Vector::Ones(m.n());
  tables::TidyTable split_table = solver::multiplier_split_table(m, {{"output", ones}, {"value_added", m.v()}});
  const solver::MultiplierSplit split = solver::split_multipliers(m, ones);

  solver::gvc::ProductionOptions po;
  if (isatty(STDERR_FILENO)) po.progress = [](double f, const std::string& stage) {
    std::fprintf(stderr, "\r  value chains: %3.0f%% %-40s", 100 * f, stage.c_str());
    if (f >= 1) std::fprintf(stderr, "\n");
  };
  const auto chains = solver::gvc::three_level_decomposition(m, po);
  std::printf("\nSolver: %s\n", m.summary().brief_report().c_str());

  print_top_multipliers(m, split.total, o.top);
  print_focus(m, o.focus, split, chains);
  print_regions(m, chains);

  tables::TidyTable group_terms = solver::gvc::chains_by_group_table();
  tables::TidyTable group_part = solver::gvc::participation_by_group_table();
  for (const auto& g : groupings) {
    const auto gc = solver::gvc::group_three_level(m, chains, g);
    gvc_cli::print_groups(gc);
    solver::gvc::append_grouped(gc, group_terms, group_part);
  }

  std::filesystem::create_directories(o.output);
  io::WriteOptions w;
  w.overwrite = o.force;
  std::vector<std::string> written;
  auto write = [&](const tables::TidyTable& tt, const std::string& file) {
    for (const auto& p : io::write_results({tt}, o.output + "/" + file, "analyse", w)) written.push_back(p);
  };
  write(multipliers, "multipliers.csv");
  write(split_table, "multiplier_split.csv");
  write(chains.terms, "chains.csv");
  write(chains.participation, "participation.csv");
  write(chains.diagnostics, "diagnostics.csv");
  if (!o.groups.empty()) {
    write(group_terms, "chains_by_group.csv");
    write(group_part, "participation_by_group.csv");
  }
  std::printf("\nWrote (tidy CSV, one value per row; columns documented in docs/):\n");
  for (const auto& p : written) std::printf("  %s\n", p.c_str());
  std::printf("Done in %.2f s.\n", seconds_since(t0));
}

CommandRegistrar reg("analyse", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "analyse", "Main job: balance report, multipliers and their split, value-chain participation");
  sub->alias("analyze");
  sub->add_option("table", o->table, "irio HDF5 table")->required();
  sub->add_option("-o,--output", o->output, "Output folder")->capture_default_str();
  sub->add_option("--countries", o->countries, "Region->country map CSV (region,country)");
  sub->add_option("--focus", o->focus, "Region whose sectors are listed on screen")->capture_default_str();
  sub->add_option("--top", o->top, "How many top multipliers to list")->capture_default_str();
  sub->add_option("--backend", o->backend, "auto|dense|umfpack|klu|iterative")->capture_default_str();
  sub->add_option("--groups", o->groups,
                  "Also report by groups of regions: a grouping CSV (member,group) or a shipped name "
                  "(four_regions, north_south, eight_zones, east_data_west_computing); repeatable");
  sub->add_flag("-f,--force", o->force, "Replace existing output files");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
