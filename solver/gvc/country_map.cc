// SPDX-License-Identifier: MIT
// Region -> country maps: parsing and application to Labels.
#include "solver/gvc/country_map.h"

#include <algorithm>

#include "tables/error.h"

namespace irio::solver::gvc {
namespace {
std::string trim(std::string s) {
  auto ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '"'; };
  while (!s.empty() && ws(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && ws(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> parse_country_map(std::istream& in, const std::string& source) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    const auto comma = t.find(',');
    if (comma == std::string::npos)
      throw InputError(source + ":" + std::to_string(lineno) + ": expected 'region,country', got '" + t + "'");
    const std::string r = trim(t.substr(0, comma)), c = trim(t.substr(comma + 1));
    if (r.empty() || c.empty() || c.find(',') != std::string::npos)
      throw InputError(source + ":" + std::to_string(lineno) + ": expected 'region,country', got '" + t + "'");
    if (out.empty() && r == "region" && c == "country") continue;  // header
    out.emplace_back(r, c);
  }
  return out;
}

void assign_countries(tables::Labels& labels, const std::vector<std::pair<std::string, std::string>>& map,
                      const std::string& source) {
  std::vector<int> country(labels.num_regions(), -1);
  std::vector<std::string> countries;
  for (const auto& [r, c] : map) {
    const int ri = tables::Labels::find(labels.regions, r);
    if (ri < 0) throw InputError(source + ": region '" + r + "' is not a region of the table");
    if (country[static_cast<std::size_t>(ri)] >= 0)
      throw InputError(source + ": region '" + r + "' is mapped more than once");
    int ci = tables::Labels::find(countries, c);
    if (ci < 0) {
      ci = static_cast<int>(countries.size());
      countries.push_back(c);
    }
    country[static_cast<std::size_t>(ri)] = ci;
  }
  for (std::size_t r = 0; r < country.size(); ++r)
    if (country[r] < 0) throw InputError(source + ": region '" + labels.regions[r] + "' has no country");
  labels.countries = std::move(countries);
  labels.country_of_region = std::move(country);
}

}  // namespace irio::solver::gvc
