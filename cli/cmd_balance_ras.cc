// SPDX-License-Identifier: MIT
// `irio ras matrix.csv --rows u.csv --cols v.csv -o out.csv`: balance a labelled matrix to row and
// column totals with RAS, or GRAS when it has negative entries (tables/ras.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "irio/io/csv_reader.h"
#include "irio/io/ras_reader.h"
#include "irio/tables/error.h"
#include "irio/tables/ras.h"

namespace irio::cli {
namespace {

struct RasArgs {
  std::string matrix, rows, cols, output, method = enum_name(tables::RasOptions{}.method);
  double tol = 1e-10;
  int max_iter = 10000;
  bool force = false;
};

std::string quote(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

CommandRegistrar reg("ras", [](CLI::App& app) {
  auto a = std::make_shared<RasArgs>();
  auto* s = app.add_subcommand("ras", "Balance a matrix to row and column totals (RAS; GRAS for negative entries)");
  s->add_option("matrix", a->matrix, "Labelled matrix CSV: header row of column labels, first column row labels")
      ->required();
  s->add_option("--rows", a->rows, "Row totals CSV: label,value")->required();
  s->add_option("--cols", a->cols, "Column totals CSV: label,value")->required();
  s->add_option("-o,--output", a->output, "Balanced matrix CSV")->required();
  add_choice<tables::RasMethod>(s, "--method", a->method, "RAS, or GRAS for negative entries (any case)", true);
  s->add_option("--tol", a->tol, "Relative tolerance on every row and column total")->capture_default_str();
  s->add_option("--max-iter", a->max_iter, "Iteration limit")->capture_default_str();
  s->add_flag("-f,--force", a->force, "Replace an existing output file");
  s->callback([a] {
    // Labels are matched by name; repeated labels and targets without a matrix line are errors.
    const io::RasInput in = io::read_ras_input(a->matrix, a->rows, a->cols);
    const auto& A = in.A;
    const auto& u = in.u;
    const auto& v = in.v;
    const auto& row_labels = in.row_labels;
    const auto& col_labels = in.col_labels;
    tables::RasOptions o;
    o.method = parse_enum<tables::RasMethod>(a->method);
    o.tolerance = a->tol;
    o.max_iterations = a->max_iter;
    const auto res = tables::ras(A, u, v, o);
    std::cout << res.report();
    if (!res.converged)
      throw NumericalError(a->matrix + ": " + tables::to_string(res.method) + " did not converge to tolerance " +
                           std::to_string(a->tol) + " (no output written)");
    std::error_code ec;
    if (!a->force && std::filesystem::exists(a->output, ec))
      throw OutputError(a->output + ": file exists (use --force to replace it)");
    if (std::filesystem::equivalent(a->matrix, a->output, ec))
      throw OutputError(a->output + ": the output would replace the input");
    const std::string tmp = a->output + ".tmp-irio";
    {
      std::ofstream out(tmp);
      out.precision(17);
      out << quote(in.corner);
      for (const auto& c : col_labels) out << "," << quote(c);
      out << "\n";
      for (std::size_t r = 0; r < row_labels.size(); ++r) {
        out << quote(row_labels[r]);
        for (Eigen::Index c = 0; c < res.X.cols(); ++c) out << "," << res.X(static_cast<Eigen::Index>(r), c);
        out << "\n";
      }
      if (!out) throw OutputError(a->output + ": cannot write");
    }
    std::filesystem::rename(tmp, a->output, ec);
    if (ec) {
      std::remove(tmp.c_str());
      throw OutputError(a->output + ": " + ec.message());
    }
    std::cout << "wrote " << a->output << "\n";
  });
});

}  // namespace
}  // namespace irio::cli
