// SPDX-License-Identifier: MIT
// `irio check table.h5`: the balance report of methods.md §1.3; exit status 3 if it finds an error.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/numeric_checks.h"
#include "irio/tables/error.h"

namespace irio::cli {
namespace {

struct CheckArgs {
  std::string table, format = enum_name(OpenOptions{}.format);
  tables::BalanceOptions opt;
};

CommandRegistrar reg("check", [](CLI::App& app) {
  auto* sub = app.add_subcommand("check",
                                 "Balance report (row/column identities, zero or negative output, ...); "
                                 "exit status 3 on errors");
  auto a = std::make_shared<CheckArgs>();
  sub->add_option("table", a->table, "Table: irio HDF5, or a layout irio import reads (see --format)")->required();
  sub->add_option("--rel-tol", a->opt.rel_tol, "Relative mismatch reported as a warning (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  sub->add_option("--error-rel-tol", a->opt.error_rel_tol, "Relative mismatch reported as an error (> 0)")
      ->check(positive_number())
      ->capture_default_str();
  sub->add_option("--min-output-eps", a->opt.min_output_eps, "x_j <= eps * max(x) counts as zero output (0 to 1)")
      ->check(number_in(0, 1))
      ->capture_default_str();
  add_choice<TableFormat>(sub, "--format", a->format, "Table layout (auto: by extension, or by the files of a folder)");
  sub->callback([a] {
    OpenOptions opt;
    opt.format = parse_enum<TableFormat>(a->format);
    opt.balance = a->opt;
    const Analysis an = Analysis::open(a->table, opt);
    const auto& rep = an.validate();
    std::cout << a->table << "\n" << rep.full_report(an.table().labels);
    if (rep.status == tables::Severity::kError)
      throw BalanceError(a->table + ": the balance check found errors (see the report above)");
  });
});

}  // namespace
}  // namespace irio::cli
