// SPDX-License-Identifier: MIT
// Disparity of a region-level indicator (methods.md §10.3): weighted Theil T and L with their exact
// between / within-group decomposition, Gini and coefficient of variation.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

using tables::Vector;

/// One disparity measure, total and its decomposition by groups.
struct DisparityParts {
  double total = 0, between = 0, within = 0;  ///< total = between + within (Theil only)
  std::vector<double> group_index;            ///< the index inside each group
  std::vector<double> group_contribution;     ///< each group's share of `within`
};

struct Disparity {
  std::vector<std::string> groups;  ///< group labels (the order of group indices)
  Vector group_weight;              ///< P_g: the groups' weight shares
  Vector group_mean;                ///< mu_g: weighted mean of the indicator in each group
  double mean = 0;                  ///< mu: weighted mean over all units
  DisparityParts theil_t, theil_l;
  /// Gini and CV: total over units; between = the measure of the group means with weights P_g;
  /// within = NaN (they do not decompose additively).
  DisparityParts gini, cv;
};

/// Disparity of `x` over units with weights `w` (>= 0, not all 0) and group index `group` (0 ..
/// groups.size()-1). Theil T needs x >= 0 with a positive mean, Theil L x > 0: otherwise they are
/// NaN (and `why` says so when given). Throws InputError for a negative weight, mismatched sizes or
/// a group without weight, naming `units[i]`.
Disparity disparity(const Vector& x, const Vector& w, const std::vector<int>& group,
                    const std::vector<std::string>& groups, const std::vector<std::string>& units,
                    std::string* why = nullptr);

/// Tidy table `disparity`: grouping,indicator,weights,measure,component,group -> value; components total,
/// between, within (group "all"), then group_index and group_contribution per group, and the
/// means (measure "mean").
tables::TidyTable disparity_table();
void append_disparity(const Disparity& d, const std::string& grouping, const std::string& indicator,
                      const std::string& weights, tables::TidyTable& out);

}  // namespace irio::solver
