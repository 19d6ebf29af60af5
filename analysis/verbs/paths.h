// SPDX-License-Identifier: MIT
// `paths`: structural path analysis, the largest supply-chain paths of a footprint (issue 21 §1;
// methods.md §2.8; solver/structural_paths.h). Run it as irio::verb("paths"), `irio paths` or
// irio.Table.paths; the request is the verb's options.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/enum_names.h"

namespace irio {

/// Whose paths: a stressor's (s = F x^+ of one stressor), value added's (s = v) or output's (s = 1).
enum class PathsOf { kStressor, kValueAdded, kOutput };
inline constexpr EnumTable<PathsOf, 3> kPathsOfNames{
    "paths of",
    {{{PathsOf::kStressor, "stressor"}, {PathsOf::kValueAdded, "value-added"}, {PathsOf::kOutput, "output"}}}};
constexpr const auto& enum_table(PathsOf) { return kPathsOfNames; }

struct StructuralPathRequest {
  PathsOf of = PathsOf::kStressor;  ///< stressor needs `satellite`
  std::string satellite;            ///< the satellite account (of = stressor)
  std::string stressor;             ///< its stressor; required when the satellite has several
  std::string region;               ///< the consuming region's final demand; empty: all final demand
  double threshold = 1e-4;          ///< relative to the total
  long long max_order = 8;
  long long top = 1000;
  long long max_nodes = 5000000;

  std::string validate() const;                  ///< from its declaration (verbs/paths.cc)
  std::vector<std::string> table_names() const;  ///< paths, path_nodes, paths_by_order
};

}  // namespace irio
