// SPDX-License-Identifier: MIT
// Consistency checks and counts of a report's charts (report_document.h).
#include "irio/io/report_document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
      if (std::isfinite(v) && (v != 0 || dumbbell)) ++n;  // a dumbbell's dot at 0 is drawn
  return n;
}

std::vector<std::string> BarChart::groups() const {
  std::vector<std::string> out;
  auto present = [&](const std::string& g) {
    return std::find(category_groups.begin(), category_groups.end(), g) != category_groups.end();
  };
  for (const auto& g : group_order)
    if (present(g) && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  for (const auto& g : category_groups)
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  return out;
}

std::size_t BarChart::colour_slot(const std::string& group) const {
  const auto it = std::find(group_order.begin(), group_order.end(), group);
  if (it != group_order.end()) return static_cast<std::size_t>(it - group_order.begin());
  std::size_t extra = 0;
  for (const auto& g : groups()) {
    if (std::find(group_order.begin(), group_order.end(), g) != group_order.end()) continue;
    if (g == group) break;
    ++extra;
  }
  return group_order.size() + extra;
}

std::string ReportTable::number_format(std::size_t j) const {
  if (j >= columns.size()) return {};
  const auto it = number_formats.find(columns[j]);
  return it == number_formats.end() ? std::string() : it->second;
}

std::string format_number(double v, const std::string& format) {
  if (!std::isfinite(v)) return "NA";
  char buf[64];
  const auto dot = format.find('.');
  int decimals = 0;
  if (dot != std::string::npos)
    while (dot + 1 + static_cast<std::size_t>(decimals) < format.size() &&
           format[dot + 1 + static_cast<std::size_t>(decimals)] == '0')
      ++decimals;
  if (format.empty()) std::snprintf(buf, sizeof buf, "%.4f", v);
  else if (format.find('E') != std::string::npos) std::snprintf(buf, sizeof buf, "%.*e", decimals, v);
  else if (format.back() == '%') std::snprintf(buf, sizeof buf, "%.*f %%", decimals, 100 * v);
  else std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace irio::io
