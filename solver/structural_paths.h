// SPDX-License-Identifier: MIT
// Structural path analysis (issue 21 §1, methods.md §2.8; Defourny & Thorbecke 1984, Lenzen &
// Crawford 2009, Peters & Hertwich 2006). The footprint s'L y of a final demand y is the power series
//   s'L y = s'y + s'A y + s'A^2 y + ...,
// and each term s'A^t y is the sum of the paths of order t,
//   s_{i_t} a_{i_t i_{t-1}} ... a_{i_1 i_0} y_{i_0}
// (i_0 the sector delivering to final demand, i_t the sector whose intensity s_{i_t} counts). The
// largest paths are found by a best-first search from the final-demand cells up the columns of A,
// pruned by the total intensity m = |s|'L: no path below a node reached with weight w
// (w = a_{i_t i_{t-1}} ... y_{i_0}) exceeds |w| m_{i_t}, so a node is expanded only while |w| m_{i_t}
// can reach the threshold (or, once `top` paths are held, the smallest of them).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

struct StructuralPathOptions {
  double threshold = 1e-4;          ///< relative: a path counts when |value| >= threshold * total
  int max_order = 8;                ///< longest path: max_order coefficients a between y and s
  std::size_t top = 1000;           ///< keep the `top` largest paths (by |value|)
  std::size_t max_nodes = 5000000;  ///< memory cap: nodes stored by the search (32 bytes each)
};

/// One path: nodes[0] = i_0 (delivers to final demand) ... nodes[t] = i_t (the emitter).
struct StructuralPath {
  double value = 0;           ///< s_{i_t} a_{i_t i_{t-1}} ... a_{i_1 i_0} y_{i_0}
  std::vector<Index> nodes;   ///< t + 1 region-sector indices
  std::vector<double> flows;  ///< flows[k] = a_{i_k i_{k-1}} ... y_{i_0}: output of i_k along the path
  int order() const { return static_cast<int>(nodes.size()) - 1; }
};

/// Per order t = 0..max_order.
struct PathOrder {
  double series_term = 0;   ///< s'A^t y (t sparse products)
  double found = 0;         ///< sum of the reported paths of order t
  double pruned_bound = 0;  ///< bound on |series_term - found|: what the search left out of order t
  std::size_t paths = 0;    ///< reported paths of order t
};

struct StructuralPaths {
  double total = 0;                   ///< s'L y (one transposed solve)
  double total_abs = 0;               ///< |s|'L|y|: the reference of the threshold (= total when s, y >= 0)
  double threshold_abs = 0;           ///< threshold * total_abs
  std::vector<StructuralPath> paths;  ///< sorted by |value|, largest first
  std::vector<PathOrder> by_order;    ///< 0..max_order
  double beyond_max_order = 0;        ///< total - sum of the series terms up to max_order
  std::size_t nodes = 0;              ///< nodes the search stored
  std::size_t expansions = 0;         ///< nodes whose column of A was searched
  bool capped = false;                ///< max_nodes was reached: some nodes left unexpanded
  bool top_reached = false;           ///< `top` paths were held and raised the threshold
};

/// The largest paths of s'L y. `s` and `y` have the model's size n. A must be non-negative (the
/// bound needs it; InputError naming the most negative coefficient otherwise); s and y may have
/// either sign (the bound then uses |s| and |y|).
StructuralPaths structural_paths(const LeontiefModel& m, const Vector& s, const Vector& y,
                                 const StructuralPathOptions& opt);

/// Stressor intensities s = F_q x^+ of stressor `stressor` of satellite `satellite` (zero at
/// zero-output sectors). An empty `stressor` is allowed when the satellite has one stressor.
/// InputError naming the satellites or stressors there are when one is not found.
Vector stressor_intensity(const LeontiefModel& m, const std::string& satellite, const std::string& stressor,
                          std::string* chosen = nullptr);
/// Final demand of region `region` (the columns of Y of its categories, summed), or of every
/// region when `region` is empty; InputError naming the nearest regions when it is not one.
Vector final_demand_of(const LeontiefModel& m, const std::string& region);

/// "REGION/SECTOR <- REGION/SECTOR <- ...": from the sector delivering to final demand (i_0) to the
/// emitter (i_t), each arrow read "is supplied by".
std::string path_text(const tables::Labels& labels, const StructuralPath& p);

/// paths: rank, order, path, indicator (value, share) -> value; share = value / total.
tables::TidyTable paths_table(const LeontiefModel& m, const StructuralPaths& r);
/// path_nodes: rank, step, region, sector -> the flow of that node along the path (flows[step]).
tables::TidyTable path_nodes_table(const LeontiefModel& m, const StructuralPaths& r);
/// paths_by_order: order, indicator (series_term, found, pruned_bound, paths) -> value.
tables::TidyTable paths_by_order_table(const StructuralPaths& r);

}  // namespace irio::solver
