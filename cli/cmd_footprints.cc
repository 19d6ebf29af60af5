// SPDX-License-Identifier: MIT
// `irio footprints`: pymrio-compatible satellite accounts S, M, M_down, D_cba/pba/imp/exp (methods.md
// §2.3).
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/table_store.h"
#include "irio/solver/footprints.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

using solver::Index;
using solver::Vector;

struct Options : CommonOptions {
  std::string satellite, population;
  bool no_downstream = false;
};

/// Population CSV: a header line, then "region,value" lines; every region of the table needed.
Vector read_population(const std::string& path, const tables::Labels& lab) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open the population file");
  Vector pop = Vector::Constant(static_cast<Index>(lab.num_regions()), std::nan(""));
  std::string line;
  std::getline(in, line);  // header
  int lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos)
      throw InputError(path + ":" + std::to_string(lineno) + ": expected region,value");
    const int r = tables::Labels::find(lab.regions, line.substr(0, comma));
    if (r < 0)
      throw InputError(path + ":" + std::to_string(lineno) + ": unknown region '" +
                       line.substr(0, comma) + "'");
    try {
      pop(r) = std::stod(line.substr(comma + 1));
    } catch (const std::exception&) {
      throw InputError(path + ":" + std::to_string(lineno) + ": not a number: '" +
                       line.substr(comma + 1) + "'");
    }
  }
  for (Index r = 0; r < pop.size(); ++r)
    if (std::isnan(pop(r)))
      throw InputError(path + ": no population for region '" +
                       lab.regions[static_cast<std::size_t>(r)] + "'");
  return pop;
}

void run(const Options& o) {
  refuse_existing_output(o, {"footprints_" + o.satellite});
  const auto t = io::read_table(o.table);
  const auto* sat = t.satellite(o.satellite);
  if (!sat) {
    std::string names;
    for (const auto& s : t.satellites) names += (names.empty() ? "" : ", ") + s.name;
    throw InputError(o.table + ": no satellite '" + o.satellite +
                     "' (table has: " + (names.empty() ? "none" : names) + ")");
  }
  solver::LeontiefModel model(t, model_options(o));
  solver::FootprintOptions fo;
  fo.downstream = !o.no_downstream;
  if (!o.population.empty()) fo.population = read_population(o.population, t.labels);
  const auto acc = solver::compute_footprints(model, *sat, fo);
  std::cout << model.summary().brief_report() << "\n";
  for (Index q = 0; q < acc.D_cba_reg.rows(); ++q) {
    std::cout << "Stressor '" << sat->stressors[static_cast<std::size_t>(q)] << "' ["
              << sat->units[static_cast<std::size_t>(q)]
              << "]: consumption- vs production-based by region\n";
    for (Index r = 0; r < acc.D_cba_reg.cols(); ++r) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "  %-20s D_cba %14.6g  D_pba %14.6g  imp %14.6g  exp %14.6g\n",
                    t.labels.regions[static_cast<std::size_t>(r)].c_str(), acc.D_cba_reg(q, r),
                    acc.D_pba_reg(q, r), acc.D_imp_reg(q, r), acc.D_exp_reg(q, r));
      std::cout << buf;
    }
  }
  write_and_report({solver::footprints_table(model, *sat, acc)}, o, "footprints");
}

CommandRegistrar reg("footprints", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("footprints", "Footprint accounts of a satellite (pymrio-compatible)");
  add_common_options(sub, *o);
  sub->add_option("--satellite", o->satellite, "Satellite account name")->required();
  sub->add_option("--population", o->population, "CSV region,population for per-capita accounts");
  sub->add_flag("--no-downstream", o->no_downstream, "Skip M_down (saves k_F solves)");
  sub->callback([o] { run(*o); });
});

}  // namespace
}  // namespace irio::cli
