// SPDX-License-Identifier: MIT
// Small fixtures shared by the test suites: textbook tables built in code.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/io_table.h"

namespace irio::testing {

/// A real table under tests/data (see tests/data/README.md); the root is set by CMake.
inline std::string test_data(const std::string& rel) { return std::string(IRIO_TEST_DATA) + "/" + rel; }
/// A validation case's input or published result under validation/data.
inline std::string validation_data(const std::string& rel) { return std::string(IRIO_VALIDATION_DATA) + "/" + rel; }

/// Dense -> sparse helper.
inline tables::SparseMatrix sparse(const tables::Matrix& M) { return M.sparseView(); }

/// Build a table from dense Z (n x n), Y^d (n x G, one category "fd"), region/sector labels,
/// each region its own country unless `country_of_region` is given.
inline tables::IoTable make_table(const tables::Matrix& Z, const tables::Matrix& Y, std::vector<std::string> regions,
                                  std::vector<std::string> sectors, std::vector<std::string> countries = {},
                                  std::vector<int> country_of_region = {}) {
  tables::IoTable t;
  t.labels.regions = std::move(regions);
  t.labels.sectors = std::move(sectors);
  if (countries.empty()) {
    t.labels.set_each_region_own_country();
  } else {
    t.labels.countries = std::move(countries);
    t.labels.country_of_region = std::move(country_of_region);
  }
  t.labels.fd_categories = {"fd"};
  t.Z = sparse(Z);
  t.Y = Y;
  t.V.resize(0, Z.cols());
  t.meta.name = "test";
  return t;
}

/// Miller & Blair (2009) Table 2.3: Z, f, x = (1000, 2000).
inline tables::IoTable miller_blair_2x2() {
  tables::Matrix Z(2, 2), Y(2, 1);
  Z << 150, 500, 200, 100;
  Y << 350, 1700;
  return make_table(Z, Y, {"R"}, {"s1", "s2"});
}

/// decompr's `leather` table (methods.md §7.3): 3 countries x 3 industries.
inline tables::IoTable leather() {
  tables::Matrix Z(9, 9), Y(9, 3);
  Z << 16.1, 5.1, 1.8, 3.2, 4.3, 0.4, 3.1, 2.8, 4.9, 2.4, 8.0, 3.2, 0.1, 3.2, 1.6, 1.2, 3.9, 11.5, 0.9, 0.5, 4.0, 0.0,
      0.1, 0.3, 0.0, 0.4, 0.5, 1.1, 1.9, 0.2, 18.0, 13.2, 6.1, 9.0, 3.1, 8.9, 0.3, 2.8, 0.1, 6.1, 28.1, 6.3, 2.1, 2.5,
      25.6, 0.0, 0.1, 0.3, 4.1, 3.2, 8.9, 0.2, 0.0, 1.8, 1.2, 4.2, 0.3, 4.1, 1.2, 0.6, 29.0, 19.5, 17.9, 1.3, 1.1, 0.0,
      3.2, 4.8, 2.6, 5.1, 29.1, 24.1, 2.1, 1.4, 3.0, 4.1, 3.1, 3.9, 11.3, 8.1, 51.3;
  Y << 21.5, 6.1, 8.4, 16.2, 1.9, 5.1, 11.0, 0.5, 0.8, 7.5, 29.5, 14.2, 8.9, 24.9, 16.9, 1.2, 18.5, 4.9, 9.2, 17.9,
      51.2, 7.9, 10.1, 38.5, 25.1, 35.2, 68.4;
  return make_table(Z, Y, {"ARG", "TUR", "DEU"}, {"Agriculture", "Textile", "Transport"});
}

}  // namespace irio::testing
