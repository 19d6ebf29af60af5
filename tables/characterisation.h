// SPDX-License-Identifier: MIT
// Characterisation of stressors into impacts (methods.md §2.9): impact_p = sum_q c_pq stressor_q,
// with factors that may differ by producing region (regionalised factors). A pure table
// operation; io/characterisation_reader.h reads the factors from pymrio's long layout.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::tables {

/// Factors from the stressors of one satellite (k_F) to impacts (k_I).
struct Characterisation {
  std::vector<std::string> impacts;       ///< k_I impact names, in the file's order of first use
  std::vector<std::string> impact_units;  ///< k_I units ("" when the file gives none)
  /// C (k_I x k_F), the same for every region; or, when `by_region` is not empty, one C_r per
  /// region (G matrices), applied to the columns of the region that produces (or, for F_Y, the
  /// region whose final demand emits).
  Matrix factors;
  std::vector<Matrix> by_region;

  bool regionalised() const { return !by_region.empty(); }
  /// C_r: the factors that apply to region r.
  const Matrix& of_region(std::size_t r) const { return regionalised() ? by_region.at(r) : factors; }
};

/// The impacts satellite: F_I[:, (r,j)] = C_r F[:, (r,j)] and F_Y,I[:, (r,k)] = C_r F_Y[:, (r,k)],
/// named `name`, with the impacts as stressors and their units. InputError when the shapes do not
/// match the satellite (k_F columns of C) or the labels (G regions of C_r).
Satellite characterise(const Satellite& satellite, const Characterisation& c, const Labels& labels,
                       const std::string& name);

}  // namespace irio::tables
