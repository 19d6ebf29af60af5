// SPDX-License-Identifier: MIT
// irio command-line entry point: parses arguments with CLI11, runs the chosen verb, and maps
// irio::Error subclasses to their exit codes (2 input, 3 balance, 4 numerical, 5 output); an
// option value outside its choices (a CLI11 validation error) is bad input too (2).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "cli/command.h"
#include "irio/version.h"
#include "irio/tables/error.h"

namespace irio::cli {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
}  // namespace irio::cli

int main(int argc, char** argv) {
  CLI::App app{"irio " IRIO_VERSION_STRING
               " - interregional input-output analysis: Leontief models, multipliers, footprints "
               "and value-chain decompositions"};
  app.set_version_flag("--version", IRIO_VERSION_STRING);
  app.require_subcommand(1);
  auto& reg = irio::cli::command_registry();
  std::sort(reg.begin(), reg.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& c : reg) c.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ValidationError& e) {
    app.exit(e);  // an option value outside its choices: bad input, as an InputError
    return irio::InputError("").exit_code();
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const irio::Error& e) {
    std::cerr << "irio: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "irio: internal error: " << e.what() << "\n";
    return 70;
  }
  return 0;
}
