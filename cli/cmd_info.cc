// SPDX-License-Identifier: MIT
// `irio info table.h5`: dimensions, metadata, countries and their regions, satellites.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "irio/io/table_store.h"

namespace irio::cli {
namespace {

std::string list(const std::vector<std::string>& v, std::size_t max = 12) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < max; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > max) s += ", ... (" + std::to_string(v.size() - max) + " more)";
  return s;
}

void print_info(const std::string& path) {
  const auto t = io::read_table(path);
  const auto& L = t.labels;
  auto& os = std::cout;
  os << path << "\n";
  os << "  name:        " << t.meta.name << "\n";
  if (!t.meta.year.empty()) os << "  year:        " << t.meta.year << "\n";
  os << "  unit:        " << t.meta.unit << (t.meta.price_basis.empty() ? "" : ", " + t.meta.price_basis) << "\n";
  if (!t.meta.source.empty()) os << "  source:      " << t.meta.source << "\n";
  os << "  dimensions:  " << L.num_regions() << " regions x " << L.num_sectors() << " sectors = " << t.n()
     << " region-sectors; " << L.num_countries() << " countries\n";
  const double n2 = static_cast<double>(t.n()) * static_cast<double>(t.n());
  os << "  Z:           " << t.Z.nonZeros() << " non-zeros (density " << (n2 > 0 ? static_cast<double>(t.Z.nonZeros()) / n2 : 0.0)
     << ")\n";
  os << "  sectors:     " << list(L.sectors) << "\n";
  os << "  final demand: " << L.fd_categories.size() << " categories per region: " << list(L.fd_categories) << "\n";
  os << "  value added: " << (t.va_components.empty() ? "column residual only" : list(t.va_components)) << "\n";
  os << "  gross output: "
     << (t.x.size() > 0 ? "supplied" : t.exports.cols() > 0 ? "row sums Z 1 + Y 1 + exports 1" : "row sums Z 1 + Y 1")
     << "\n";
  if (!t.export_labels.empty()) os << "  exogenous exports: " << list(t.export_labels) << "\n";
  if (!t.import_labels.empty()) os << "  exogenous imports: " << list(t.import_labels) << "\n";
  bool own = L.num_countries() == L.num_regions();
  for (std::size_t r = 0; r < L.num_regions() && own; ++r)
    own = L.countries[static_cast<std::size_t>(L.country_of_region[r])] == L.regions[r];
  if (own) os << "  countries:   each region is its own country: " << list(L.regions) << "\n";
  else os << "  countries and their regions:\n";
  for (std::size_t c = 0; c < L.num_countries() && !own; ++c) {
    std::vector<std::string> regs;
    for (std::size_t r = 0; r < L.num_regions(); ++r)
      if (L.country_of_region[r] == static_cast<int>(c)) regs.push_back(L.regions[r]);
    os << "    " << L.countries[c];
    if (!(regs.size() == 1 && regs[0] == L.countries[c])) os << ": " << list(regs, 40);
    os << "\n";
  }
  os << "  satellites:  " << (t.satellites.empty() ? "none" : "") << "\n";
  for (const auto& s : t.satellites) {
    os << "    " << s.name << " (" << s.stressors.size() << " stressors" << (s.F_Y.cols() > 0 ? ", with F_Y" : "")
       << "):";
    for (std::size_t k = 0; k < s.stressors.size() && k < 8; ++k)
      os << (k ? "," : "") << " " << s.stressors[k] << (s.units[k].empty() ? "" : " [" + s.units[k] + "]");
    if (s.stressors.size() > 8) os << ", ...";
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
