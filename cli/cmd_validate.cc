// SPDX-License-Identifier: MIT
// `irio validate`: reproduce published results and peer outputs; exit 1 on any failure.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/io/table_store.h"
#include "irio/validation/validation.h"

namespace irio::cli {
namespace {

struct Options {
  std::string data_dir = validation::default_data_dir();
  std::string filter;
  std::string output;
  bool all_rows = false;
  bool list = false;
  bool exact = false;
  bool force = false;
};

int run(const Options& o) {
  if (o.list) {
    for (const auto& c : validation::cases()) std::cout << c.name << "  " << c.description << "\n";
    return 0;
  }
  if (!o.output.empty()) {  // refuse an existing output before running the cases
    io::WriteOptions w;
    w.overwrite = o.force;
    io::check_results_writable(o.output, {"validation"}, true, w);
  }
  const auto rep = validation::run_cases(o.data_dir, o.filter, o.exact);
  std::cout << rep.text(!o.all_rows);
  if (!o.output.empty()) {
    io::WriteOptions w;
    w.overwrite = o.force;
    w.meta.command = command_line();
    for (const auto& p : io::write_results({rep.tidy()}, o.output, "validation", w)) std::cout << "wrote " << p << "\n";
  }
  return rep.failures() == 0 && !rep.checks.empty() ? 0 : 1;
}

CommandRegistrar reg("validate", [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("validate", "Reproduce published IO results (exit 1 on any failure)");
  sub->add_option("--data", o->data_dir, "Folder with the validation data")->capture_default_str();
  sub->add_option("--case", o->filter, "Run only cases whose name contains this");
  sub->add_flag("--exact", o->exact, "--case names one case exactly");
  sub->add_option("-o,--output", o->output, "Also write the comparison table (CSV or HDF5)");
  sub->add_flag("-f,--force", o->force, "Replace an existing output file");
  sub->add_flag("--all", o->all_rows, "Print every comparison, not only failures");
  sub->add_flag("--list", o->list, "List the cases");
  sub->callback([o] {
    const int rc = run(*o);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
});

}  // namespace
}  // namespace irio::cli
