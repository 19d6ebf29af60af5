// SPDX-License-Identifier: MIT
// irio command-line entry point: parses arguments with CLI11, runs the chosen verb, and maps
// irio::Error subclasses to their exit codes (2 input, 3 balance, 4 numerical, 5 output); an
// command-line error (a CLI11 parse or validation error) is bad input too (2); --help and
// --version exit 0.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "cli/command.h"
#include "irio/analysis/process_group.h"
#include "irio/version.h"
#include "irio/tables/error.h"

namespace irio::cli {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
std::string& command_line() {
  static std::string line;
  return line;
}
}  // namespace irio::cli

int main(int argc, char** argv) {
  irio::parallel::Session session(argc, argv);  // MPI under mpirun in a PETSc build; else nothing
  CLI::App app{"irio " IRIO_VERSION_STRING
               " - interregional input-output analysis: Leontief models, multipliers, footprints "
               "and value-chain decompositions"};
  app.set_version_flag("--version", IRIO_VERSION_STRING);
  app.require_subcommand(1);
  auto& line = irio::cli::command_line();
  line = "irio";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool plain = !arg.empty() && arg.find_first_of(" \t\"'$\\") == std::string::npos;
    line += " " + (plain ? arg : "'" + arg + "'");
  }
  auto& reg = irio::cli::command_registry();
  std::sort(reg.begin(), reg.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& c : reg) c.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ValidationError& e) {
    app.exit(e);  // an option value outside its choices: bad input, as an InputError
    return irio::InputError("").exit_code();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);  // --help: 0
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Any other command-line error (unknown option, missing or extra argument, a subcommand
    // missing): CLI11 would return its own codes (104-109); irio's table says 2 for bad input.
    app.exit(e);
    return irio::InputError("").exit_code();
  } catch (const irio::Error& e) {
    std::cerr << "irio: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "irio: internal error: " << e.what() << "\n";
    return 70;
  }
  return 0;
}
