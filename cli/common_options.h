// SPDX-License-Identifier: MIT
// The options that every result verb shares (the table, -o/--output, --backend, --format,
// --force), choices checked against an enum's one name table, and the steps around the library
// call: refuse an existing output before computing, open the table through irio::Analysis and
// print its balance check, write the tidy results and list the files.
//
//   struct Options : CommonOptions { bool cv = false; };
//   add_common_options(sub, *o);                          // in the registrar
//   refuse_existing_output(o, req.table_names());         // first thing in run()
//   Analysis a = open_table(o);                           // prints the balance check's line
//   auto r = a.linkages(req);                             // the library does the work
//   write_and_report(r.tables, o, "linkages");
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "irio/analysis/analysis.h"
#include "irio/analysis/verb.h"
#include "irio/io/table_store.h"
#include "irio/tables/enum_names.h"
#include "irio/tables/tidy_table.h"

namespace irio::cli {

struct CommonOptions {
  std::string table, output, backend = enum_name(solver::ModelOptions{}.backend),
                             format = enum_name(OpenOptions{}.format);
  bool force = false;
  bool allow_identity_failures = false;
  bool quiet = false;  ///< --quiet: no progress display on stderr
};

/// An option whose value must be one of the names of enum E (its name table); the help lists
/// them. A value outside is refused while parsing (exit 2, the option named). `ignore_case`: the
/// value is matched in any case and stored in the table's spelling.
template <class E>
CLI::Option* add_choice(CLI::App* sub, const std::string& flags, std::string& target, const std::string& help,
                        bool ignore_case = false) {
  auto* opt = sub->add_option(flags, target, help);  // the check makes CLI11 list the choices
  // transform, not check: CLI11 discards what a check writes, and the value must become the
  // spelling the library parses ("ras" -> "RAS").
  if (ignore_case) opt->transform(CLI::IsMember(enum_names<E>(), CLI::ignore_case));
  else opt->check(CLI::IsMember(enum_names<E>()));
  return opt->capture_default_str();
}

/// Declare the positional table and -o/--output (both required), --backend, --format, -f/--force
/// --allow-identity-failures and --quiet.
void add_common_options(CLI::App* sub, CommonOptions& o, const std::string& output_help = "Result file (.csv or .h5)");

/// The one help text of --countries.
inline constexpr const char* kCountriesHelp =
    "CSV region,country: the region->country map replacing the table's own (each table's, where a verb reads "
    "several)";
/// Declare --countries (kCountriesHelp) into `target`.
CLI::Option* add_countries_option(CLI::App* sub, std::string& target);

/// Open options with the chosen --backend and --format and an optional region->country map.
OpenOptions open_options(const CommonOptions& o, const std::string& countries = "");

/// Open the table and print the balance check's one-line summary; the results refuse a table
/// whose check finds errors (BalanceError, exit 3).
Analysis open_table(const std::string& path, const OpenOptions& opt);
inline Analysis open_table(const CommonOptions& o, const std::string& countries = "") {
  return open_table(o.table, open_options(o, countries));
}

/// Exit 5 before any computation when an output CSV for these tables exists and --force is not
/// given (`shared_keys`: the tables share key columns, so a .csv output is one file).
void refuse_existing_output(const CommonOptions& o, const std::vector<std::string>& table_names,
                            bool shared_keys = false);

/// After the results are written: a failed identity check (methods.md §6.2) in `diagnostics` is
/// exit 4 (NumericalError naming the count), unless --allow-identity-failures was given.
void enforce_identities(const tables::TidyTable& diagnostics, const CommonOptions& o);

/// What produced a result from `table` read at `path`, for its manifest (command line, table).
io::ResultMeta result_meta(const std::string& path, const tables::IoTable& table);

/// Under mpirun (docs/petsc.md): true on rank 0 alone, the process that writes results, once every
/// rank has got here, so that no rank still checking its output (refuse_existing_output) finds
/// rank 0's file. Collective when the verb runs on every rank (verb_runs_on_every_rank). One process: true.
bool this_rank_writes();

/// Write the tidy results (io::write_results, with the manifest of result_meta) and print
/// "wrote PATH" for each file.
void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run,
                      const tables::IoTable& table);
/// Write a verb's finished result (names, finiteness and display names done by the library:
/// irio::finish_results) with its manifest, and print "wrote PATH" for each file.
void write_finished(const VerbResult& result, const CommonOptions& o, const tables::IoTable& table);
/// As above for results of several tables (the manifest names o.table and the command line only).
void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o, const std::string& run);

}  // namespace irio::cli
