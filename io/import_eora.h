// SPDX-License-Identifier: MIT
// Import of Eora26 (Lenzen et al. 2012, 2013): T, FD, VA, Q, QY as headerless tab-separated
// matrices with labels_T.txt, labels_FD.txt, labels_VA.txt, labels_Q.txt beside them or in
// indices.zip (docs/world-tables.md, "Eora26").
#pragma once

#include <string>

#include "irio/io/world_reader_util.h"

namespace irio::io {

struct EoraImportOptions {
  /// The year: picks Eora26_<year>_<price>_*.txt (or the zip Eora26_<year>_<price>.zip) from a
  /// folder that holds several years.
  std::string year;
  std::string price = "bp";  ///< "bp" (basic prices) or "pp" (purchasers' prices)

  std::string validate() const;
};

/// Read one Eora26 year: `path` is a folder with the files, or the zip Eora26_<year>_<price>.zip
/// (labels inside it, or in labels_*.txt / indices.zip beside it). The rest-of-world entry "ROW"
/// (the statistical-discrepancy row and column of T, its final-demand columns) is dropped and
/// reported; VA becomes V, Q and QY the satellite "Q" with the units given in its labels.
WorldImport import_eora26(const std::string& path, const EoraImportOptions& opt = {});

}  // namespace irio::io
