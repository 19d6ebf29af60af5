// SPDX-License-Identifier: MIT
// Borin-Mancini pure bilateral perspective (methods.md §3.4): every cell of leather against the
// extracted inverse formed densely in the test, and the order of the borders (exporter <= bilateral
// <= sectoral-bilateral domestic value added).
#include "gvc_test_util.h"
#include "irio/solver/gvc/trade.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

BOOST_AUTO_TEST_SUITE(borin_mancini_bilateral)

BOOST_AUTO_TEST_CASE(pure_bilateral_equals_the_dense_extracted_inverse_on_leather) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto bil = gvc::bm_bilateral(ctx);
  check_identities_pass(bil.diagnostics, "BM bilateral leather");
  const Matrix A = Matrix(m.A());
  const Matrix L = dense_leontief(A);
  const Vector v = m.v();
  const Index N = 3, G = 3;
  int cells = 0;
  for (Index s = 0; s < G; ++s)
    for (Index r = 0; r < G; ++r) {
      if (r == s) continue;
      Matrix Ax = A;  // A^{/sr}: the block A^{sr} extracted
      Ax.block(s * N, r * N, N, N).setZero();
      const Matrix B = dense_leontief(Ax);
      // R's form of the double counting (gvcAnalyzer bm_2023_bilateral_pure):
      // DDC* = v_s' B^{/sr}_{ss} A^{sr} L^{rs} e^{sr}, summed over the exporter's sectors.
      const Vector e = ctx.ESR.block(s * N, r, N, 1);
      const Vector path = A.block(s * N, r * N, N, N) * (L.block(r * N, s * N, N, N) * e);
      double ddc = 0, fdc = 0;
      for (Index tt = 0; tt < G; ++tt) {
        const double c = v.segment(tt * N, N).dot(B.block(tt * N, s * N, N, N) * path);
        (tt == s ? ddc : fdc) += c;
      }
      for (Index i = 0; i < N; ++i) {
        const Index k = s * N + i;
        double dva = 0, fva = 0;
        for (Index j = 0; j < A.rows(); ++j) (j / N == s ? dva : fva) += v(j) * B(j, k);
        BOOST_TEST_CONTEXT("cell " << k << " -> " << r) {
          GVC_CHECK_CLOSE(bil["DVA"](k, r), dva * e(i), 1e-12);
          GVC_CHECK_CLOSE(bil["FVA"](k, r), fva * e(i), 1e-12);
          ++cells;
        }
      }
      GVC_CHECK_CLOSE(bil["DDC"].block(s * N, r, N, 1).sum(), ddc, 1e-11);
      GVC_CHECK_CLOSE(bil["FDC"].block(s * N, r, N, 1).sum(), fdc, 1e-11);
    }
  BOOST_CHECK_EQUAL(cells, 18);
}

BOOST_AUTO_TEST_CASE(a_narrower_border_leaves_less_double_counting) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto bil = gvc::bm_bilateral(ctx), src = gvc::bm_exporter_source(ctx), sb = gvc::bm_self(ctx, false);
  for (Index k = 0; k < 9; ++k)
    for (Index r = 0; r < 3; ++r) {
      if (r == k / 3) continue;
      BOOST_CHECK_GE(bil["DVA"](k, r), src["DVA"](k, r) - 1e-12);
      BOOST_CHECK_GE(sb["DVA"](k, r), bil["DVA"](k, r) - 1e-12);
      GVC_CHECK_CLOSE(bil["DC"](k, r), src["DC"](k, r), 1e-14);
    }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
