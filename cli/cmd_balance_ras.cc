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

/// Targets as label,value lines (one header line), ordered like `labels`.
tables::Vector read_targets(const std::string& path, const std::vector<std::string>& labels, const char* what) {
  const auto csv = io::read_csv(path);
  std::map<std::string, double> v;
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    if (!v.emplace(csv.cell(r, 0), csv.number(r, 1, what)).second)
      throw InputError(csv.where(r, 0) + ": " + what + " '" + csv.cell(r, 0) + "' appears twice");
  }
  tables::Vector out(static_cast<Eigen::Index>(labels.size()));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto it = v.find(labels[i]);
    if (it == v.end()) throw InputError(path + ": no " + what + " for '" + labels[i] + "'");
    out(static_cast<Eigen::Index>(i)) = it->second;
  }
  if (v.size() != labels.size())
    throw InputError(path + ": " + std::to_string(v.size()) + " " + what + "s for " + std::to_string(labels.size()) +
                     " matrix lines");
  return out;
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
    const auto csv = io::read_csv(a->matrix);
    if (csv.rows.size() < 2) throw InputError(a->matrix + ": needs a header row and at least one matrix row");
    const auto& head = csv.rows[0].fields;
    std::vector<std::string> col_labels(head.begin() + 1, head.end()), row_labels;
    csv.require_width(head.size());
    tables::Matrix A(static_cast<Eigen::Index>(csv.rows.size() - 1), static_cast<Eigen::Index>(col_labels.size()));
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
      row_labels.push_back(csv.cell(r, 0));
      for (std::size_t c = 0; c < col_labels.size(); ++c)
        A(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(c)) = csv.number(r, c + 1, "matrix");
    }
    const auto u = read_targets(a->rows, row_labels, "row total");
    const auto v = read_targets(a->cols, col_labels, "column total");
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
      out << quote(head[0]);
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
