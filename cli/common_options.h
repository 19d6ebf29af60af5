// SPDX-License-Identifier: MIT
// The options that every result verb shares (the table, -o/--output, --backend, --force) and the
// steps around its computation: refuse an existing output before computing, build the model
// options, write the tidy results and list the files.
//
//   struct Options : CommonOptions { bool cv = false; };
//   add_common_options(sub, *o);                     // in the registrar
//   refuse_existing_output(o, {"linkages"});         // first thing in run()
//   solver::LeontiefModel model(t, model_options(o));
//   write_and_report({table}, o, "linkages");
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace CLI {
class App;
}

namespace irio::cli {

struct CommonOptions {
  std::string table, output, backend = "auto";
  bool force = false;
};

/// Declare the positional table and -o/--output (both required), --backend and --force.
void add_common_options(CLI::App* sub, CommonOptions& o,
                        const std::string& output_help = "Result file (.csv or .h5)");

/// Model options with the chosen --backend (InputError for an unknown name).
solver::ModelOptions model_options(const CommonOptions& o);

/// Exit 5 before any computation when an output CSV for these tables exists and --force is not
/// given (`shared_keys`: the tables share key columns, so a .csv output is one file).
void refuse_existing_output(const CommonOptions& o, const std::vector<std::string>& table_names,
                            bool shared_keys = false);

/// Write the tidy results (io::write_results) and print "wrote PATH" for each file.
void write_and_report(const std::vector<tables::TidyTable>& results, const CommonOptions& o,
                      const std::string& run);

}  // namespace irio::cli
