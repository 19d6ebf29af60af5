// SPDX-License-Identifier: MIT
// One output vector per model (methods.md §1.3): on the bundled WIOD 2011 table, whose rounded cells
// make the supplied x differ from L y (one SVN sector: x = 11 against L y = 1.99), upstreamness
// (position), the Ghosh total forward linkage (linkages) and the Ghosh row sum (ghosh) are the same
// vector x^-1 L x with x = L y, and the run summary says that x = L y was used.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/io/table_store.h"
#include "irio/solver/ghosh.h"
#include "irio/solver/gvc/position.h"
#include "irio/solver/linkages.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Vector;
using Index = Eigen::Index;

BOOST_AUTO_TEST_SUITE(one_output_vector)

BOOST_AUTO_TEST_CASE(upstreamness_is_the_ghosh_total_forward_linkage_on_wiod2011) {
  const auto t = io::read_table(std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5");
  solver::LeontiefModel m(t);
  const auto pos = solver::gvc::position_and_length(m);
  const auto lk = solver::compute_linkages(m);
  const auto gh = solver::ghosh_table(m);
  BOOST_TEST(m.output_gap() > 1e-6);  // the table as bundled does not balance exactly
  double worst = 0, worst_gh = 0;
  std::size_t compared = 0;
  for (Index j = 0; j < m.n(); ++j) {
    if (!m.is_active(j)) continue;
    const double u = pos.upstreamness(j);
    worst = std::max(worst, std::abs(u - lk.total_forward(j)) / std::abs(u));
    const auto& lab = m.labels();
    const double g = gh.find(
        {lab.region_of(static_cast<std::size_t>(j)), lab.sector_of(static_cast<std::size_t>(j)), "ghosh_row_sum"});
    worst_gh = std::max(worst_gh, std::abs(u - g) / std::abs(u));
    ++compared;
  }
  BOOST_TEST(compared > 1400u);
  BOOST_TEST(worst <= 1e-10);  // before: up to 80 % apart (supplied x in linkages, L y in position)
  BOOST_TEST(worst_gh <= 1e-10);
  const auto summary = m.summary().brief_report();
  BOOST_TEST(summary.find("differs from the model's x = L y") != std::string::npos, summary);
}

BOOST_AUTO_TEST_CASE(balanced_table_keeps_the_supplied_output) {
  const auto t = testing::miller_blair_2x2();  // x = Z 1 + Y 1 exactly
  solver::LeontiefModel m(t);
  BOOST_TEST(m.output_gap() == 0.0);
  BOOST_TEST((m.model_output() - m.x()).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(m.summary().brief_report().find("differs") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
