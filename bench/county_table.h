// SPDX-License-Identifier: MIT
// Seeded generator of large sparse provincial-style tables (counties x sectors), for the scale
// benchmark (`irio_bench generate`, docs/scale.md).
#pragma once

#include <cstdint>

#include "irio/tables/io_table.h"

namespace irio::bench {

/// Shape of a county table: G counties x N sectors (n = G N), grouped into provinces (the table's
/// countries). Counties sit on a near-square grid; each county trades with its grid neighbours
/// and with a few hub counties (evenly spread, larger). Every column of A (a county's sector j)
/// buys from `own_inputs` of its own county's sectors (always including j itself), from
/// `neighbour_inputs` sectors of each neighbour and `hub_inputs` sectors of each hub, so that
/// nnz(Z) is about n (own + 4 neighbour + hubs hub) inputs: about 2.5 million at the defaults.
struct CountySpec {
  int counties = 2500;
  int sectors = 42;
  int provinces = 31;           ///< 0: every county its own province (country)
  int hubs = 8;                 ///< hub counties every county buys from
  int own_inputs = 8;           ///< non-zeros per column inside the county (<= sectors)
  int neighbour_inputs = 2;     ///< non-zeros per column in each grid neighbour (up to 4 neighbours)
  int hub_inputs = 1;           ///< non-zeros per column in each hub
  double domestic_share = 0.7;  ///< share of a column's intermediate inputs bought in the own county
  std::uint32_t seed = 1;
};

/// Build the table. Column sums of A are drawn in [0.3, 0.6] before output is adjusted (so
/// 1'A < 1: productive), Z = A x^ is written straight into CSC storage; where a row's sales to
/// industry reach 70 % of its output the output is raised to row sum / 0.7 (which only lowers
/// that column's coefficients), so final demand y = x - Z 1 is positive: 70 % bought at home,
/// 30 % in a neighbour. V holds one component, value_added = x - 1'Z (positive), and one
/// satellite "env" one stressor "co2" (t) with intensities drawn in [0.1, 2] per unit of output.
/// Y is n x G dense (the table format's layout), 8 n G bytes: 2.1 GB at the defaults.
tables::IoTable make_county_table(const CountySpec& spec);

}  // namespace irio::bench
