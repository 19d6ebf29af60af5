// SPDX-License-Identifier: MIT
// The three-level decomposition (methods.md §5.2) summed over groups of regions, e.g. China's four
// regions or the "East Data, West Computing" hubs: terms are sums, participation indices are
// ratios of sums over the group's region-sectors (methods.md §6.1), never averages of ratios.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/gvc/production.h"
#include "irio/tables/grouping.h"

namespace irio::solver::gvc {

struct GroupedChains {
  std::string grouping;             ///< the grouping's name
  std::vector<std::string> groups;  ///< group labels, in the grouping's order
  bool other_final_demand = false;  ///< the table has an ERR-type column (term OTHER_FD written)
  Matrix forward, backward;         ///< groups x kNumProductionTerms: sums (NaN where not identified)
  /// groups x 4: nvc_forward, nvc_backward, gvc_forward, gvc_backward (ratios of sums)
  Matrix participation;
};

/// Names of the participation columns of GroupedChains, in order.
const std::vector<std::string>& grouped_participation_names();

/// Sum a decomposition over the groups of `g`, which must cover every region of the model
/// (InputError naming the uncovered regions otherwise).
GroupedChains group_three_level(const LeontiefModel& model, const ProductionDecomposition& d,
                                const tables::Grouping& g);

/// Empty tidy tables `chains_by_group` (grouping,group,direction,term) and
/// `participation_by_group` (grouping,group,indicator), and the rows of one grouping.
tables::TidyTable chains_by_group_table();
tables::TidyTable participation_by_group_table();
void append_grouped(const GroupedChains& gc, tables::TidyTable& terms, tables::TidyTable& participation);

}  // namespace irio::solver::gvc
