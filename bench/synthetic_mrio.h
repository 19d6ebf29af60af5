// SPDX-License-Identifier: MIT
// Seeded synthetic multi-regional tables shaped like real MRIOs, for the benchmark.
#pragma once

#include <cstdint>

#include "irio/tables/io_table.h"

namespace irio::bench {

/// Shape of a synthetic MRIO: G regions x N sectors, dense domestic blocks (50-70% non-zero),
/// sparser trade blocks (5-15% non-zero), coefficient column sums 0.4-0.6 of which
/// `domestic_share` is bought at home (the backend costs in docs/performance.md, "Backends",
/// were measured on this shape).
struct SyntheticSpec {
  int regions = 49;
  int sectors = 200;
  int countries = 0;            ///< 0: every region its own country; else regions grouped evenly
  double domestic_share = 0.8;  ///< share of intermediate inputs bought in the own region
  int satellites = 2;           ///< stressor rows in one satellite "env"
  std::uint32_t seed = 42;
};

/// Build the table: Z is written column by column straight into CSC storage (no triplets), so
/// generation needs no more memory than Z itself. x is chosen first, Z = A x^, and final demand
/// closes the rows (x - Z 1, split over G destinations; a few cells may be negative).
tables::IoTable make_synthetic_mrio(const SyntheticSpec& spec);

}  // namespace irio::bench
