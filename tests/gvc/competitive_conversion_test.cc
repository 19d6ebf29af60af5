// SPDX-License-Identifier: MIT
// Competitive -> non-competitive conversion and the single-province decomposition (methods.md
// §5.5) on the §7.7 example, both variants, and the edge cases.
#include "gvc_test_util.h"
#include "irio/solver/gvc/competitive_conversion.h"
#include "irio/tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;

namespace {
gvc::CompetitiveTable example_7_7() {
  gvc::CompetitiveTable t;
  t.sectors = {"agriculture", "manufacturing", "services"};
  t.Z.resize(3, 3);
  t.Z << 10, 20, 5, 15, 60, 20, 5, 25, 30;
  t.f = Vector(3);
  t.f << 30, 40, 90;
  t.o = Vector(3);
  t.o << 20, 50, 15;
  t.e = Vector(3);
  t.e << 5, 40, 5;
  t.in = Vector(3);
  t.in << 10, 45, 10;
  t.im = Vector(3);
  t.im << 5, 30, 5;
  return t;
}

void all_pass(const tables::TidyTable& d) {
  BOOST_CHECK(d.num_rows() > 0);
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(d.key(3, i) == "true", d.key(0, i) << ": " << d.value(i));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(competitive_conversion)

BOOST_AUTO_TEST_CASE(no_reexport_values_7_7) {
  const auto nc = gvc::convert_competitive(example_7_7(), gvc::ImportConversion::kNoReexport);
  const double x[] = {75, 150, 155}, va[] = {45, 45, 100};
  const double d[] = {0.769231, 0.444444, 0.9}, sN[] = {0.153846, 0.333333, 0.066667},
               sM[] = {0.076923, 0.222222, 0.033333};
  for (int i = 0; i < 3; ++i) {
    GVC_CHECK_CLOSE(nc.x(i), x[i], 1e-12);
    GVC_CHECK_CLOSE(nc.va(i), va[i], 1e-12);
    GVC_CHECK_CLOSE(nc.d(i), d[i], 1e-6);
    GVC_CHECK_CLOSE(nc.sN(i), sN[i], 1e-5);
    GVC_CHECK_CLOSE(nc.sM(i), sM[i], 1e-5);
  }
  BOOST_CHECK_EQUAL(nc.flags.num_rows(), 0u);
  const auto r = gvc::single_region_decomposition(nc);
  const double m[] = {1.367626, 1.635951, 1.365640}, mc[] = {1.878077, 2.563251, 1.725243};
  const double vl[] = {0.786425, 0.617625, 0.847771}, nl[] = {0.131570, 0.234172, 0.093933},
               fl[] = {0.082005, 0.148203, 0.058296};
  const double fwd[3][3] = {
      {19.424121, 18.463204, 7.112674}, {9.761690, 19.920475, 15.317835}, {68.611920, 20.942623, 10.445457}};
  for (int i = 0; i < 3; ++i) {
    GVC_CHECK_CLOSE(r.output_multiplier(i), m[i], 1e-6);
    GVC_CHECK_CLOSE(r.competitive_output_multiplier(i), mc[i], 1e-6);
    GVC_CHECK_CLOSE(r.va_content(i), vl[i], 1e-5);
    GVC_CHECK_CLOSE(r.other_region_content(i), nl[i], 1e-5);
    GVC_CHECK_CLOSE(r.foreign_content(i), fl[i], 1e-5);
    for (int k = 0; k < 3; ++k) GVC_CHECK_CLOSE(r.forward(i, k), fwd[i][k], 1e-6);
  }
  GVC_CHECK_CLOSE(r.exports_dva, 32.875966, 1e-6);
  GVC_CHECK_CLOSE(r.exports_other_region, 10.494402, 1e-6);
  GVC_CHECK_CLOSE(r.exports_foreign, 6.629632, 1e-6);
  BOOST_CHECK(std::isnan(r.table.find({"all", "NVC_S:not_available"})));
  all_pass(r.diagnostics);
}

BOOST_AUTO_TEST_CASE(reexport_values_7_7) {
  const auto nc = gvc::convert_competitive(example_7_7(), gvc::ImportConversion::kReexport);
  const double d[] = {0.833333, 0.666667, 0.911765}, m[] = {1.509215, 1.895158, 1.461508};
  const auto r = gvc::single_region_decomposition(nc);
  for (int i = 0; i < 3; ++i) {
    GVC_CHECK_CLOSE(nc.d(i), d[i], 1e-6);
    GVC_CHECK_CLOSE(r.output_multiplier(i), m[i], 1e-6);
  }
  BOOST_CHECK_EQUAL(nc.flags.num_rows(), 3u);  // re-exported parts flagged
  GVC_CHECK_CLOSE(nc.reexported(0), (1 - nc.d(0)) * 25.0, 1e-12);
  all_pass(r.diagnostics);
}

BOOST_AUTO_TEST_CASE(edge_cases) {
  auto t = example_7_7();
  t.Z.row(2).setZero();
  t.f(2) = 0;
  BOOST_CHECK_THROW(gvc::convert_competitive(t, gvc::ImportConversion::kNoReexport), InputError);
  // Entrepot: imports of agriculture exceed domestic use -> d < 0 clipped and flagged.
  t = example_7_7();
  t.im(0) = 60;
  t.e(0) = 60;
  const auto nc = gvc::convert_competitive(t, gvc::ImportConversion::kNoReexport);
  BOOST_CHECK_EQUAL(nc.d(0), 0.0);
  BOOST_REQUIRE_EQUAL(nc.clipped.size(), 1u);
  BOOST_CHECK_LT(nc.flags.find({"agriculture", "d_clipped"}), 0.0);
  GVC_CHECK_CLOSE(nc.sN(0) + nc.sM(0), 1.0, 1e-14);
  BOOST_CHECK_THROW(gvc::import_conversion_from_string("bogus"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
