// SPDX-License-Identifier: MIT
// Registry of CLI subcommands. Each cli/cmd_*.cc file registers its verbs with a static
// CommandRegistrar, so adding a command touches no other file:
//
//   static cli::CommandRegistrar reg("multipliers", [](CLI::App& app) {
//     auto* sub = app.add_subcommand("multipliers", "Output, value-added, ... multipliers");
//     auto opts = std::make_shared<Options>();
//     sub->add_option("table", opts->table)->required();
//     sub->callback([opts] { run(*opts); });   // throw irio::Error subclasses on failure
//   });
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace irio::cli {

using CommandSetup = std::function<void(CLI::App&)>;

struct CommandEntry {
  std::string name;
  CommandSetup setup;
};

std::vector<CommandEntry>& command_registry();

/// The command line as typed (set by main), recorded in result manifests.
std::string& command_line();

/// Under mpirun (docs/petsc.md): whether the verb being run runs on every rank (it takes --backend,
/// or it is `batch`) rather than on rank 0 alone; set by main when the verb is parsed.
bool& verb_runs_on_every_rank();

struct CommandRegistrar {
  CommandRegistrar(std::string name, CommandSetup setup) {
    command_registry().push_back({std::move(name), std::move(setup)});
  }
};

}  // namespace irio::cli
