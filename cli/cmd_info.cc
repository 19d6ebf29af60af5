// SPDX-License-Identifier: MIT
// `irio info table.h5`: dimensions, metadata, countries and their regions, satellites
// (irio::table_info).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/analysis/table_jobs.h"

namespace irio::cli {
namespace {

std::string list(const std::vector<std::string>& v, std::size_t max = 12) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < max; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > max) s += ", ... (" + std::to_string(v.size() - max) + " more)";
  return s;
}

/// "code (name)" for each code with a name that differs from it; the code otherwise.
std::vector<std::string> with_names(const std::vector<std::string>& codes, const std::vector<std::string>& names) {
  std::vector<std::string> out = codes;
  for (std::size_t k = 0; k < out.size() && k < names.size(); ++k)
    if (!names[k].empty() && names[k] != codes[k]) out[k] += " (" + names[k] + ")";
  return out;
}

void print_info(const std::string& path) {
  const TableInfo t = table_info(path);
  auto& os = std::cout;
  os << t.path << "\n";
  os << "  name:        " << t.meta.name << "\n";
  if (!t.meta.year.empty()) os << "  year:        " << t.meta.year << "\n";
  os << "  unit:        " << (t.meta.unit.empty() ? "not stated" : t.meta.unit)
     << (t.meta.price_basis.empty() ? "" : ", " + t.meta.price_basis) << "\n";
  if (!t.meta.source.empty()) os << "  source:      " << t.meta.source << "\n";
  os << "  dimensions:  " << t.regions << " regions x " << t.sectors << " sectors = " << t.n << " region-sectors; "
     << t.countries << " countries\n";
  os << "  Z:           " << t.z_nonzeros << " non-zeros (density " << t.z_density << ")\n";
  os << "  sectors:     " << list(with_names(t.sector_labels, t.sector_names)) << "\n";
  os << "  final demand: " << t.fd_categories.size()
     << " categories per region: " << list(with_names(t.fd_categories, t.fd_category_names)) << "\n";
  os << "  value added: " << (t.va_components.empty() ? "column residual only" : list(t.va_components)) << "\n";
  os << "  gross output: " << t.gross_output << "\n";
  if (!t.export_labels.empty()) os << "  exogenous exports: " << list(t.export_labels) << "\n";
  if (!t.import_labels.empty()) os << "  exogenous imports: " << list(t.import_labels) << "\n";
  if (t.each_region_own_country) {
    os << "  countries:   each region is its own country: " << list(with_names(t.region_labels, t.region_names))
       << "\n";
  } else {
    os << "  countries and their regions:\n";
    for (const auto& [country, regs] : t.country_regions) {
      os << "    " << country;
      std::vector<std::string> names;  // the regions' display names, in the order of regs
      for (const auto& reg : regs) {
        std::size_t r = 0;
        while (r < t.region_labels.size() && t.region_labels[r] != reg) ++r;
        names.push_back(r < t.region_names.size() ? t.region_names[r] : "");
      }
      if (!(regs.size() == 1 && regs[0] == country)) os << ": " << list(with_names(regs, names), 40);
      else if (!names[0].empty() && names[0] != country) os << " (" << names[0] << ")";
      os << "\n";
    }
  }
  os << "  satellites:  " << (t.satellites.empty() ? "none" : "stressors with their units in [ ]") << "\n";
  for (const auto& s : t.satellites) {
    os << "    " << s.name << " (" << s.stressors.size() << " stressors" << (s.has_F_Y ? ", with F_Y" : "") << "):";
    for (std::size_t k = 0; k < s.stressors.size() && k < 8; ++k)
      os << (k ? "," : "") << " " << s.stressors[k] << (s.units[k].empty() ? "" : " [" + s.units[k] + "]");
    if (s.stressors.size() > 8) os << ", ... (" << s.stressors.size() - 8 << " more)";
    os << "\n";
  }
  if (!t.meta.history.empty()) {
    os << "  history:\n";
    for (const auto& h : t.meta.history) os << "    " << h << "\n";
  }
}

CommandRegistrar reg("info", [](CLI::App& app) {
  auto* sub = app.add_subcommand("info", "Describe a table: dimensions, units, countries and regions, satellites");
  auto path = std::make_shared<std::string>();
  sub->add_option("table", *path, "irio HDF5 table")->required();
  sub->callback([path] { print_info(*path); });
});

}  // namespace
}  // namespace irio::cli
