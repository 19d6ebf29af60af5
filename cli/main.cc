// SPDX-License-Identifier: MIT
// irio command-line entry point: parses arguments with CLI11, runs the chosen verb, and maps
// irio::Error subclasses to their exit codes (2 input, 3 balance, 4 numerical, 5 output); an
// command-line error (a CLI11 parse or validation error) is bad input too (2); --help and
// --version exit 0.
//
// Under `mpirun -np P` (a build with IRIO_WITH_PETSC, docs/petsc.md) every process runs the same
// command; this is the one place that makes rank 0 the only one that prints and writes: the other
// ranks' standard output goes nowhere, and a verb without --backend (nothing to share: import,
// export, info, ...) runs on rank 0 alone. The exit code is the largest over the ranks, and rank 0
// prints the error messages of the others that differ from its own.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <streambuf>

#include "cli/command.h"
#include "cli/numeric_checks.h"
#include "irio/analysis/runtime/process_group.h"
#include "irio/tables/error.h"
#include "irio/version.h"

namespace irio::cli {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
std::string& command_line() {
  static std::string line;
  return line;
}
bool& verb_runs_on_every_rank() {
  static bool every = false;
  return every;
}
}  // namespace irio::cli

namespace {

/// A stream buffer that drops everything: standard output of ranks other than 0.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return traits_type::not_eof(c); }
};

/// Rank 0 alone prints: the other ranks' std::cout, std::cerr and stdout go nowhere (their C
/// stderr stays, for what MPI or PETSc report about the process itself; their error messages
/// reach rank 0 through agree()).
void silence_other_ranks() {
  if (irio::parallel::is_root()) return;
  static NullBuffer null;
  std::cout.rdbuf(&null);
  std::cerr.rdbuf(&null);
  if (!std::freopen("/dev/null", "w", stdout)) std::fclose(stdout);
}

/// Verbs that solve (they take --backend) run on every rank, sharing the PETSc backend's solves,
/// and so does `batch`, which shares its work itself.
bool runs_on_every_rank(const CLI::App* sub) {
  return sub->get_option_no_throw("--backend") != nullptr || sub->get_name() == "batch";
}

/// The others would only repeat rank 0's work and writes, so the other ranks skip them: they do
/// not parse the command line at all (replacing the verb's callback instead freed the options it
/// had captured while CLI11 still filled them in: a crash under mpirun). Returns whether this
/// rank parses and runs the command.
bool this_rank_runs(CLI::App& app, int argc, char** argv) {
  const auto subs = app.get_subcommands([](CLI::App*) { return true; });
  for (auto* sub : subs) {
    const bool every = runs_on_every_rank(sub);
    sub->preparse_callback([every](std::size_t) { irio::cli::verb_runs_on_every_rank() = every; });
  }
  if (irio::parallel::is_root() || argc < 2) return true;
  for (const auto* sub : subs)
    if (sub->get_name() == argv[1]) return runs_on_every_rank(sub);
  return true;  // --help, --version or an unknown verb: every rank parses (and fails alike)
}

/// The exit code agreed by all ranks (the largest); rank 0 prints its error message and those of
/// the other ranks that differ from it.
int agree(int code, const std::string& message) {
  namespace par = irio::parallel;
  if (par::size() == 1) {
    if (!message.empty()) std::cerr << message << "\n";
    return code;
  }
  // Rank 0's std::cerr is the real one; the others' messages are printed there.
  const auto messages = par::gather_to_root(message);
  code = par::max_over_ranks(code);
  for (std::size_t r = 0; r < messages.size(); ++r)
    if (!messages[r].empty() && (r == 0 || messages[r] != messages[0]))
      std::cerr << (r == 0 ? "" : "rank " + std::to_string(r) + ": ") << messages[r] << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  irio::parallel::Session session(argc, argv);  // MPI under mpirun in a PETSc build; else nothing
  silence_other_ranks();
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
  irio::cli::add_numeric_checks(app);  // every numeric option by its type, in one place
  const bool runs = this_rank_runs(app, argc, argv);
  int code = 0;
  std::string message;
  try {
    if (runs) app.parse(argc, argv);
  } catch (const CLI::ValidationError& e) {
    app.exit(e);  // an option value outside its choices: bad input, as an InputError
    code = irio::InputError("").exit_code();
  } catch (const CLI::CallForHelp& e) {
    code = app.exit(e);  // --help: 0
  } catch (const CLI::CallForAllHelp& e) {
    code = app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    code = app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Any other command-line error (unknown option, missing or extra argument, a subcommand
    // missing): CLI11 would return its own codes (104-109); irio's table says 2 for bad input.
    app.exit(e);
    code = irio::InputError("").exit_code();
  } catch (const irio::Error& e) {
    message = std::string("irio: error: ") + e.what();
    code = e.exit_code();
  } catch (const std::exception& e) {
    message = std::string("irio: internal error: ") + e.what();
    code = 70;
  }
  return agree(code, message);
}
