// SPDX-License-Identifier: MIT
// Import of Eurostat's FIGARO inter-country tables (industry-by-industry or product-by-product),
// as the matrix CSV (rowLabels + "CC_CODE" columns) or the flat file (refArea, rowPi,
// counterpartArea, colPi, obsValue) (docs/world-tables.md, "FIGARO").
#pragma once

#include <string>

#include "irio/io/world_reader_util.h"

namespace irio::io {

struct FigaroImportOptions {
  std::string year;  ///< picks the file from a folder (its name holds the year)
  std::string validate() const;
};

/// Read one FIGARO table: `path` is a matrix CSV, a flat CSV (recognised by its header), or a
/// folder (with opt.year). Labels "CC_CODE" are split at the first '_' ("AT_CPA_A01" is product
/// CPA_A01 of AT). Final-demand columns P3_S13, P3_S14, P3_S15, P51G, P5M per country; the
/// value-added rows (D1, D21X31, D29X39, B2A3G, and OP_RES / OP_NRES where present) become V.
WorldImport import_figaro(const std::string& path, const FigaroImportOptions& opt = {});

}  // namespace irio::io
