// SPDX-License-Identifier: MIT
// The pymrio test MRIO (6 regions x 8 sectors, 2 satellites) rebuilt from pymrio 0.6.3's saved
// calc_all() outputs (Z.csv, Y.csv, F, F_Y), for the solver tests.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>

#include "irio/tables/io_table.h"
#include "tests/solver/csv_fixture.h"
#include "tests/test_util.h"

namespace irio::testing {

inline std::string pymrio(const std::string& f) { return validation_data("pymrio_test/pymrio_outputs/" + f); }

/// A pymrio saved matrix: `header` header rows, `idx` index columns, the rest numbers.
inline tables::Matrix read_pymrio(const std::string& f, std::size_t header, std::size_t idx) {
  const auto rows = read_csv(pymrio(f));
  const std::size_t nr = rows.size() - header, nc = rows.at(header).size() - idx;
  return numeric_block<tables::Matrix>(rows, header, nr, idx, nc);
}

inline tables::IoTable pymrio_table() {
  const auto zr = read_csv(pymrio("Z.csv"));
  const auto yr = read_csv(pymrio("Y.csv"));
  tables::IoTable t;
  for (std::size_t j = 2; j < zr[0].size(); ++j) {
    if (tables::Labels::find(t.labels.regions, zr[0][j]) < 0) t.labels.regions.push_back(zr[0][j]);
    if (tables::Labels::find(t.labels.sectors, zr[1][j]) < 0) t.labels.sectors.push_back(zr[1][j]);
  }
  for (std::size_t j = 2; j < yr[1].size(); ++j)
    if (tables::Labels::find(t.labels.fd_categories, yr[1][j]) < 0) t.labels.fd_categories.push_back(yr[1][j]);
  t.labels.set_each_region_own_country();
  const std::size_t n = t.n();
  // Region-major order in the file: check that the labels line up with ours.
  for (std::size_t j = 0; j < n; ++j) {
    BOOST_REQUIRE_EQUAL(zr[0][2 + j], t.labels.region_of(j));
    BOOST_REQUIRE_EQUAL(zr[3 + j][0], t.labels.region_of(j));
    BOOST_REQUIRE_EQUAL(zr[3 + j][1], t.labels.sector_of(j));
  }
  t.Z = sparse(numeric_block<tables::Matrix>(zr, 3, n, 2, n));
  t.Y = numeric_block<tables::Matrix>(yr, 3, n, 2, t.num_fd_columns());
  t.V.resize(0, static_cast<Eigen::Index>(n));
  t.meta.name = "pymrio test MRIO";
  const auto er = read_csv(pymrio("Emissions__F.csv"));
  tables::Satellite em;
  em.name = "Emissions";
  for (std::size_t i = 3; i < er.size(); ++i) {
    em.stressors.push_back(er[i][0] + " " + er[i][1]);
    em.units.push_back("kg");
  }
  em.F = numeric_block<tables::Matrix>(er, 3, em.stressors.size(), 2, n);
  em.F_Y = read_pymrio("Emissions__F_Y.csv", 3, 2);
  tables::Satellite fi;
  fi.name = "Factor Inputs";
  fi.stressors = {"Value Added"};
  fi.units = {"M.EUR"};
  fi.F = read_pymrio("Factor_Inputs__F.csv", 3, 1);
  t.satellites = {em, fi};
  t.validate_shapes("pymrio_outputs");
  return t;
}

}  // namespace irio::testing
