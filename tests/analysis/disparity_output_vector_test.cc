// SPDX-License-Identifier: MIT
// One output vector everywhere (methods.md §1.3, issue 18 §1): `disparity` weights by the same
// x = L y and va = v o L y that `chains` and `circulation` use. On the bundled WIOD 2011 table the
// supplied and the model output differ (Malta's value added by about 5 %).
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/analysis/regional.h"
#include "irio/tables/labels.h"

namespace irio {
namespace {

const std::string kWiod = std::string(IRIO_SOURCE_DIR) + "/tables/data/wiod2011.h5";

}  // namespace

BOOST_AUTO_TEST_SUITE(disparity_output_vector)

BOOST_AUTO_TEST_CASE(weights_are_the_model_output_of_chains_and_circulation) {
  const Analysis a = Analysis::open(kWiod);
  const auto& lab = a.table().labels;
  const auto c = circulation(a, {});
  DisparityRequest va_req;
  va_req.indicator = "value_added";
  va_req.weights = DisparityWeights::kValueAdded;
  const auto dv = disparity(a, va_req);
  DisparityRequest x_req;
  x_req.indicator = "output";
  x_req.weights = DisparityWeights::kOutput;
  const auto dx = disparity(a, x_req);
  const auto& m = a.model();
  const auto N = static_cast<Eigen::Index>(lab.num_sectors());
  BOOST_REQUIRE_EQUAL(dv.regions.size(), lab.num_regions());
  double worst_gap = 0;
  for (std::size_t r = 0; r < lab.num_regions(); ++r) {
    const auto g = static_cast<Eigen::Index>(r);
    BOOST_TEST_CONTEXT(lab.regions[r]) {
      // Value added: the circulation's (= chains') va of the region.
      BOOST_TEST(dv.weights(g) == c.regions.va(g), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(dv.values(g) == c.regions.va(g), boost::test_tools::tolerance(1e-12));
      // Output: the model's x = L y summed over the region's active sectors.
      double xr = 0, xs = 0;
      for (Eigen::Index j = g * N; j < (g + 1) * N; ++j)
        if (m.is_active(j)) {
          xr += m.model_output()(j);
          xs += m.x()(j);
        }
      BOOST_TEST(dx.weights(g) == xr, boost::test_tools::tolerance(1e-12));
      worst_gap = std::max(worst_gap, std::abs(xs - xr) / std::abs(xr));
    }
  }
  // The test can fail: the supplied output differs from L y on this table.
  const auto mlt = static_cast<Eigen::Index>(tables::Labels::find(lab.regions, "MLT"));
  double va_supplied = 0;
  for (Eigen::Index j = mlt * N; j < (mlt + 1) * N; ++j)
    if (m.is_active(j)) va_supplied += m.va()(j);
  BOOST_CHECK_GT(std::abs(va_supplied - c.regions.va(mlt)) / std::abs(c.regions.va(mlt)), 0.01);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio
