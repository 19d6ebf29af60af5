// SPDX-License-Identifier: MIT
// `irio ras matrix.csv --rows u.csv --cols v.csv -o out.csv`: balance a labelled matrix to row and
// column totals with RAS, or GRAS when it has negative entries (tables/ras.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

struct RasArgs {
  std::string matrix, rows, cols, output, method = enum_name(tables::RasOptions{}.method);
  double tol = 1e-10;
  int max_iter = 10000;
  bool force = false;
};

CommandRegistrar reg("ras", [](CLI::App& app) {
  auto a = std::make_shared<RasArgs>();
  auto* s = app.add_subcommand("ras", "Balance a matrix to row and column totals (RAS; GRAS for negative entries)");
  s->add_option("matrix", a->matrix, "Labelled matrix CSV: header row of column labels, first column row labels")
      ->required();
  s->add_option("--rows", a->rows, "Row totals CSV: label,value")->required();
  s->add_option("--cols", a->cols, "Column totals CSV: label,value")->required();
  s->add_option("-o,--output", a->output, "Balanced matrix CSV")->required();
  add_choice<tables::RasMethod>(s, "--method", a->method, "RAS, or GRAS for negative entries (any case)", true);
  s->add_option("--tol", a->tol, "Relative tolerance on every row and column total (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  s->add_option("--max-iter", a->max_iter, "Iteration limit (1 to 10000000)")
      ->check(whole_in(1, 10000000))
      ->capture_default_str();
  s->add_flag("-f,--force", a->force, "Replace an existing output file");
  s->callback([a] {
    RasRequest r;
    r.matrix = a->matrix;
    r.rows = a->rows;
    r.cols = a->cols;
    r.output = a->output;
    r.options.method = parse_enum<tables::RasMethod>(a->method);
    r.options.tolerance = a->tol;
    r.options.max_iterations = a->max_iter;
    r.overwrite = a->force;
    r.on_report = [](const std::string& report) { std::cout << report; };
    balance_ras(r);
    std::cout << "wrote " << a->output << "\n";
  });
});

}  // namespace
}  // namespace irio::cli
