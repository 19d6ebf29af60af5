// SPDX-License-Identifier: MIT
// Benchmark task "wwz": the Wang-Wei-Zhu 16-term decomposition (methods.md §3.3) by irio and by
// decompr's dense method, transcribed from decompr::wwz (see wwz_tasks.cc).
#pragma once

#include "irio/tables/io_table.h"

namespace irio::bench {

/// irio: gvc::TradeContext at the region perimeter, then gvc::wwz_decomposition. The 16 term
/// matrices (exporter-sector x importer) as the columns of an (n U) x 16 result.
tables::Matrix wwz_irio(const tables::IoTable& t);

/// decompr's method: the global inverse B and the local inverse L formed in full, then the
/// terms of decompr::wwz with its n x n products. Same layout as wwz_irio.
tables::Matrix wwz_decompr(const tables::IoTable& t);

}  // namespace irio::bench
