// SPDX-License-Identifier: MIT
// `irio nest` in the library: nest a provincial table into a world table (tables/nesting.h,
// methods.md §5.6), check the result (step 5, including the §6.2 identities on the table
// aggregated back to one country) and write the nested table and its checks.
//
//   irio::NestRequest r;
//   r.provinces = "china2017.h5"; r.world = "icio2017.h5"; r.country = "CHN";
//   r.concordance = "tables/concordances/ceads42_to_icio2023.csv";
//   r.output = "nested.h5";
//   auto res = irio::nest(r);    // writes nested.h5 and nested_checks.csv
//   if (!res.all_pass) ...
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "irio/tables/nesting.h"
#include "irio/tables/tidy_table.h"

namespace irio {

struct NestRequest {
  std::string provinces, world;  ///< any layout Analysis::open reads (irio HDF5, CEADs, ...)
  std::string country;           ///< the world table's region that the provinces replace
  std::string output;            ///< the nested table (.h5); its checks go to checks_path()
  /// Sector concordance CSV (provincial,world[,weight]); empty: both tables have the same sectors.
  std::string concordance;
  tables::ExportKey key = tables::ExportKey::kExports;
  std::string key_file;  ///< region,sector,weight (sets key = kFile)
  tables::RasOptions ras;
  bool identities = true;  ///< also check the §6.2 identities on the table aggregated back
  bool overwrite = false;
  std::function<void(const std::string&)> on_report;  ///< progress lines, as each step ends

  std::string validate() const;
  /// `<output stem>_checks.csv` beside the output.
  std::string checks_path() const;
};

struct NestJobResult {
  tables::NestResult nest;
  tables::IoTable aggregated;  ///< the nested table with the provinces summed back to one region
  /// The checks of step 5: identity, scope, tolerance, pass (true | false | info), residual.
  tables::TidyTable checks;
  std::size_t failures = 0;
  std::vector<std::string> files;  ///< written: the table, the checks CSV (and its manifest)
};

/// Read both tables and the concordance, nest (tables::nest_table), check and write. Refuses an
/// existing output or checks file before any work unless overwrite (OutputError). The files are
/// written even when a check fails (failures > 0): the caller decides (the CLI exits 4).
NestJobResult nest(const NestRequest& r);

}  // namespace irio
