// SPDX-License-Identifier: MIT
// `irio nest PROVINCES --into WORLD --country C -o nested.h5`: nest a provincial table into a
// world table (methods.md §5.6; irio::nest, analysis/nest.h) and print the checks of step 5.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/nest.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct NestArgs {
  std::string provinces, world, country, output, concordance, key = "exports", key_file,
                                                              method = enum_name(tables::RasOptions{}.method);
  double tol = 1e-10;
  int max_iter = 10000;
  bool force = false, allow_check_failures = false;
};

void run(const NestArgs& a) {
  NestRequest r;
  r.provinces = a.provinces;
  r.world = a.world;
  r.country = a.country;
  r.output = a.output;
  r.concordance = a.concordance;
  r.key = parse_enum<tables::ExportKey>(a.key);
  r.key_file = a.key_file;
  r.ras.method = parse_enum<tables::RasMethod>(a.method);
  r.ras.tolerance = a.tol;
  r.ras.max_iterations = a.max_iter;
  r.overwrite = a.force;
  r.on_report = [](const std::string& s) {
    std::cout << s << (s.empty() || s.back() != '\n' ? "\n" : "");
    std::cout.flush();
  };
  const auto res = nest(r);
  std::cout << "Checks (methods.md §5.6 step 5; pass = true | false | info):\n";
  const auto& c = res.checks;
  for (std::size_t i = 0; i < c.num_rows(); ++i)
    std::printf("  %-5s %-70s %-34s %12.3g\n", c.key(3, i).c_str(), c.key(0, i).c_str(), c.key(1, i).c_str(),
                c.value(i));
  for (const auto& f : res.files) std::cout << "wrote " << f << "\n";
  if (res.failures > 0 && !a.allow_check_failures)
    throw NumericalError("nest: " + std::to_string(res.failures) + " check(s) failed (see " + r.checks_path() +
                         "); the nested table was written; --allow-check-failures exits 0");
}

CommandRegistrar reg("nest", [](CLI::App& app) {
  auto a = std::make_shared<NestArgs>();
  auto* s = app.add_subcommand("nest",
                               "Nest a provincial table (rest of the world exogenous) into a world table: the "
                               "provinces replace their country (methods.md §5.6)");
  s->add_option("provinces", a->provinces, "Provincial table (.h5, CEADs .xlsx, ...): one country's regions")
      ->required();
  s->add_option("--into", a->world, "World table (.h5, ...) without an exogenous rest of the world")->required();
  s->add_option("--country", a->country, "The world table's region that the provinces replace, e.g. CHN")->required();
  s->add_option("-o,--output", a->output, "Nested table (.h5); the checks go to <stem>_checks.csv beside it")
      ->required();
  s->add_option("--concordance", a->concordance,
                "Sector concordance CSV provincial,world[,weight] (default: the two tables share their sectors), "
                "e.g. tables/concordances/ceads42_to_icio2023.csv");
  add_choice<tables::ExportKey>(s, "--key", a->key,
                                "How the country's exports are allocated to the provinces: exports (each province's "
                                "share of the country's exports of the product), output, or file (--key-file)");
  s->add_option("--key-file", a->key_file,
                "Allocation key CSV region,sector,weight (world sectors); implies --key file");
  add_choice<tables::RasMethod>(s, "--method", a->method, "Rebalancing: RAS, GRAS or auto (GRAS when negative)", true);
  s->add_option("--tol", a->tol, "Relative tolerance of the rebalancing (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  s->add_option("--max-iter", a->max_iter, "Iteration limit of the rebalancing (1 to 10000000)")
      ->check(whole_in(1, 10000000))
      ->capture_default_str();
  s->add_flag("-f,--force", a->force, "Replace existing outputs");
  s->add_flag("--allow-check-failures", a->allow_check_failures, "Exit 0 even when a check fails");
  s->callback([a] { run(*a); });
});

}  // namespace
}  // namespace irio::cli
