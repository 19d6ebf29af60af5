// SPDX-License-Identifier: MIT
// Consistency checks and counts of a report's charts (report_document.h).
#include "irio/io/report_document.h"

#include <algorithm>
#include <cmath>

namespace irio::io {

std::string BarChart::validate() const {
  if (categories.empty()) return "chart '" + id + "' has no categories";
  if (series.empty()) return "chart '" + id + "' has no series";
  if (!category_groups.empty() && category_groups.size() != categories.size())
    return "chart '" + id + "': " + std::to_string(category_groups.size()) + " groups for " +
           std::to_string(categories.size()) + " categories";
  if (!category_labels.empty() && category_labels.size() != categories.size())
    return "chart '" + id + "': " + std::to_string(category_labels.size()) + " labels for " +
           std::to_string(categories.size()) + " categories";
  for (const auto& s : series)
    if (s.values.size() != categories.size())
      return "chart '" + id + "', series '" + s.name + "': " + std::to_string(s.values.size()) + " values for " +
             std::to_string(categories.size()) + " categories";
  return {};
}

const std::string& BarChart::label(std::size_t i) const {
  return i < category_labels.size() && !category_labels[i].empty() ? category_labels[i] : categories[i];
}

std::size_t BarChart::num_marks() const {
  std::size_t n = 0;
  for (const auto& s : series)
    for (double v : s.values)
      if (std::isfinite(v) && v != 0) ++n;
  return n;
}

std::vector<std::string> BarChart::groups() const {
  std::vector<std::string> out;
  for (const auto& g : category_groups)
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  return out;
}

}  // namespace irio::io
