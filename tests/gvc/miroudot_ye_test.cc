// SPDX-License-Identifier: MIT
// Miroudot-Ye (2021) as exvatools computes it (methods.md §3.4): every cell of leather at the four
// borders against exvatools' definitions evaluated densely in the test (the global inverse B, the
// inverse Bo after the border's coefficients are extracted, DVA = v_s' Bo_ss e, DDC = v_s' (B -
// Bo)_ss e, FVA and FDC from the blocks of other units), and the table under MY's names.
#include "gvc_test_util.h"
#include "irio/solver/gvc/trade.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

/// exvatools' four coefficients of column k: value added of the exporter s (own) or of other
/// units (foreign) in Bo (value added) and in B - Bo (double counting).
struct Coefficients {
  double dva = 0, ddc = 0, fva = 0, fdc = 0;
};

Coefficients my_coefficients(const Matrix& B, const Matrix& Bo, const Vector& v, Index k, Index s, Index N) {
  Coefficients c;
  for (Index j = 0; j < B.rows(); ++j) {
    const bool own = j / N == s;
    (own ? c.dva : c.fva) += v(j) * Bo(j, k);
    (own ? c.ddc : c.fdc) += v(j) * (B(j, k) - Bo(j, k));
  }
  return c;
}

void check_cell(const gvc::TradeResult& my, Index k, Index col, const Coefficients& c, double e) {
  BOOST_TEST_CONTEXT("cell " << k << ", column " << col) {
    GVC_CHECK_CLOSE(my["EXGR"](k, col), e, 1e-13);
    GVC_CHECK_CLOSE(my["DVA"](k, col), c.dva * e, 1e-12);
    GVC_CHECK_CLOSE(my["DDC"](k, col), c.ddc * e, 1e-12);
    GVC_CHECK_CLOSE(my["FVA"](k, col), c.fva * e, 1e-12);
    GVC_CHECK_CLOSE(my["FDC"](k, col), c.fdc * e, 1e-12);
    GVC_CHECK_CLOSE(my["DC"](k, col), (c.dva + c.ddc) * e, 1e-12);
    GVC_CHECK_CLOSE(my["FC"](k, col), (c.fva + c.fdc) * e, 1e-12);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(miroudot_ye)

BOOST_AUTO_TEST_CASE(every_cell_of_leather_equals_exvatools_definitions_at_four_borders) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const Matrix A = Matrix(m.A());
  const Matrix B = dense_leontief(A);
  const Vector v = m.v();
  const Index N = 3, G = 3;
  const auto country = gvc::miroudot_ye(gvc::bm_exporter_source(ctx), "my_exporter");
  const auto bilateral = gvc::miroudot_ye(gvc::bm_bilateral(ctx), "my_bilateral");
  const auto sector = gvc::miroudot_ye(gvc::bm_self(ctx, true), "my_sector");
  const auto sectoral_bilateral = gvc::miroudot_ye(gvc::bm_self(ctx, false), "my_sectoral_bilateral");
  int cells = 0;
  for (Index s = 0; s < G; ++s) {
    Matrix Ax = A;  // country: the exporter's coefficients toward every other unit
    for (Index u = 0; u < G; ++u)
      if (u != s) Ax.block(s * N, u * N, N, N).setZero();
    const Matrix Bo = dense_leontief(Ax);
    for (Index k = s * N; k < (s + 1) * N; ++k) {
      Matrix Ak = A;  // sector: row k toward every other unit
      for (Index u = 0; u < G; ++u)
        if (u != s) Ak.block(k, u * N, 1, N).setZero();
      check_cell(sector, k, 0, my_coefficients(B, dense_leontief(Ak), v, k, s, N), ctx.e_star(k));
      for (Index r = 0; r < G; ++r) {
        if (r == s) continue;
        const double e = ctx.ESR(k, r);
        check_cell(country, k, r, my_coefficients(B, Bo, v, k, s, N), e);
        Matrix Asr = A;  // bilateral: the block A^{sr}
        Asr.block(s * N, r * N, N, N).setZero();
        check_cell(bilateral, k, r, my_coefficients(B, dense_leontief(Asr), v, k, s, N), e);
        Matrix Akr = A;  // sectoral-bilateral: row k toward r
        Akr.block(k, r * N, 1, N).setZero();
        check_cell(sectoral_bilateral, k, r, my_coefficients(B, dense_leontief(Akr), v, k, s, N), e);
        ++cells;
      }
    }
  }
  BOOST_CHECK_EQUAL(cells, 18);
}

BOOST_AUTO_TEST_CASE(the_table_carries_my_names_and_bm_values) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto bm = gvc::bm_exporter_source(ctx);
  const auto my = gvc::miroudot_ye(bm, "my_exporter");
  BOOST_CHECK_EQUAL(my.table.name(), "my_exporter");
  BOOST_CHECK(my.table.key_columns() == bm.table.key_columns());
  BOOST_CHECK(my.table.levels(3) == (std::vector<std::string>{"EXGR", "DC", "DVA", "DDC", "FC", "FVA", "FDC"}));
  BOOST_CHECK_EQUAL(my.table.num_rows(), 7 * bm.table.num_rows() / bm.measures.size());
  const std::string s = bm.table.key(0, 0), i = bm.table.key(1, 0), r = bm.table.key(2, 0);
  GVC_CHECK_CLOSE(my.table.find({s, i, r, "EXGR"}), bm.table.find({s, i, r, "GEXP"}), 0.0);
  GVC_CHECK_CLOSE(my.table.find({s, i, r, "FDC"}), bm.table.find({s, i, r, "FDC"}), 0.0);
  // Additive at the exporter's border: EXGR = DVA + DDC + FVA + FDC in every cell (v' B = 1').
  const Matrix sum = my["DVA"] + my["DDC"] + my["FVA"] + my["FDC"];
  BOOST_CHECK_SMALL((sum - my["EXGR"]).cwiseAbs().maxCoeff(), 1e-12 * my["EXGR"].cwiseAbs().maxCoeff());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
