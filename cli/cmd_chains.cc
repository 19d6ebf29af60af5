// SPDX-License-Identifier: MIT
// `irio chains`: three-level production-based decomposition (local / national / international
// value chains) and NVC / GVC participation (methods.md §5.2, eq. 5.1; WWYZ §4.1 on country tables).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/gvc_common.h"
#include "irio/io/concordance_reader.h"
#include "irio/io/import_csv.h"
#include "irio/io/table_store.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/gvc/production_groups.h"
#include "irio/tables/error.h"

namespace irio::cli {

// Shared by cmd_chains.cc, cmd_trade.cc and cmd_position.cc (declared there).
namespace gvc_cli {

/// Read a table; with a non-empty `countries` CSV (region,country), replace its region->country map.
tables::IoTable load_table_with_countries(const std::string& table, const std::string& countries) {
  tables::IoTable t = io::read_table(table);
  if (!countries.empty()) io::read_country_map(countries, t.labels);
  return t;
}

/// Progress on stderr, at most every 0.5 s (and at the end).
ProgressFn stderr_progress() {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [last](double f, const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    if (f < 1.0 && now - *last < std::chrono::milliseconds(500)) return;
    *last = now;
    std::fprintf(stderr, "  [%3.0f%%] %s\n", 100.0 * f, stage.c_str());
  };
}

/// Print how many identity checks passed; list the failures.
void print_diagnostics(const tables::TidyTable& d) {
  std::size_t fail = 0;
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    if (d.key(3, i) != "true") {
      ++fail;
      std::cout << "  identity FAILED: " << d.key(0, i) << " [" << d.key(1, i) << "] residual " << d.value(i)
                << " > " << d.key(2, i) << "\n";
    }
  std::cout << "Identities (methods.md §6.2): " << d.num_rows() - fail << " of " << d.num_rows() << " hold\n";
}

void print_groups(const solver::gvc::GroupedChains& gc) {
  // |x| < 5e-13 shown as 0: round-off of terms that are zero by construction (e.g. NVC abroad).
  auto show = [](double v) { return std::abs(v) < 5e-13 ? 0.0 : v; };
  std::printf("\nBy %s (ratios of sums over the group's region-sectors):\n", gc.grouping.c_str());
  std::printf("  %-22s %9s %9s %9s %9s\n", "group", "NVC fwd", "NVC bwd", "GVC fwd", "GVC bwd");
  for (std::size_t k = 0; k < gc.groups.size(); ++k) {
    const auto r = static_cast<Eigen::Index>(k);
    std::printf("  %-22s %9.4f %9.4f %9.4f %9.4f\n", gc.groups[k].c_str(), show(gc.participation(r, 0)),
                show(gc.participation(r, 1)), show(gc.participation(r, 2)), show(gc.participation(r, 3)));
  }
}

std::vector<tables::Grouping> load_groupings(const std::vector<std::string>& specs, const tables::IoTable& t,
                                             const std::string& table_path) {
  std::vector<tables::Grouping> out;
  for (const auto& spec : specs) {
    out.push_back(io::load_grouping(spec));
    (void)out.back().map(t.labels.regions, "region", table_path);
  }
  return out;
}

}  // namespace gvc_cli

namespace {

struct Options : CommonOptions {
  std::string countries;
  std::vector<std::string> groups;
  bool gvc_c_split = false;
};

void run(const Options& o) {
  std::vector<std::string> names{"three_level_terms", "participation", "diagnostics"};
  if (!o.groups.empty()) names.insert(names.end(), {"chains_by_group", "participation_by_group"});
  refuse_existing_output(o, names);
  const tables::IoTable t = gvc_cli::load_table_with_countries(o.table, o.countries);
  const auto groupings = gvc_cli::load_groupings(o.groups, t, o.table);  // fail before computing
  solver::LeontiefModel model(t, model_options(o));
  solver::gvc::ProductionOptions opt;
  opt.progress = gvc_cli::stderr_progress();
  opt.split_complex_gvc = o.gvc_c_split;
  const auto r = solver::gvc::three_level_decomposition(model, opt);
  std::cout << model.summary().brief_report() << "\n";
  if (r.exogenous_rest_of_world)
    std::cout << "Exogenous rest of the world: forward RT/GVC_S/GVC_C and backward GVC_S/GVC_C are not "
                 "identifiable (reported as NA, status not_available; methods.md §5.5)\n";
  std::cout << "Participation by region (ratios of sums):\n";
  std::printf("  %-16s %12s %12s %12s %12s\n", "region", "GVC forward", "GVC backward", "NVC forward",
              "NVC backward");
  for (const auto& reg : t.labels.regions) {
    auto get = [&](const char* ind) { return r.participation.find({"region", reg, "all", ind}); };
    std::printf("  %-16s %12.4f %12.4f %12.4f %12.4f\n", reg.c_str(), get("gvc_forward"), get("gvc_backward"),
                get("nvc_forward"), get("nvc_backward"));
  }
  std::vector<tables::TidyTable> out{r.terms, r.participation, r.diagnostics};
  if (!groupings.empty()) {
    tables::TidyTable terms = solver::gvc::chains_by_group_table(), part = solver::gvc::participation_by_group_table();
    for (const auto& g : groupings) {
      const auto gc = solver::gvc::group_three_level(model, r, g);
      gvc_cli::print_groups(gc);
      solver::gvc::append_grouped(gc, terms, part);
    }
    out.push_back(std::move(terms));
    out.push_back(std::move(part));
  }
  gvc_cli::print_diagnostics(r.diagnostics);
  write_and_report(out, o, "chains");
}

CommandRegistrar reg("chains", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "chains", "Three-level value-chain decomposition (LOC, NTF, NVC_S, NVC_C, RT, GVC_S, GVC_C) and participation");
  add_common_options(sub, *o, "Result file (.csv: one file per table, or .h5)");
  sub->add_option("--countries", o->countries, "CSV region,country: the region->country map (default: the table's)");
  sub->add_option("--groups", o->groups,
                  "Also by groups of regions: a grouping CSV (member,group) or a shipped name such as "
                  "four_regions (repeatable)");
  sub->add_flag("--gvc-c-split", o->gvc_c_split,
                "Also split GVC_C into GVC_C_home (made and absorbed in the origin's country) and "
                "GVC_C_abroad (one global solve per country more)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
