// SPDX-License-Identifier: MIT
// OECD TiVA indicators (solver/gvc/tiva.h, methods.md §3.6): against KWW's nine terms (whose sums
// TiVA's content codes are) on WIOD 2011 at both perimeters, against a dense computation on
// decompr's leather table (the direct domestic content needs diag((I - A_P)^{-1})), and their
// identities.
#include <map>

#include "gvc_test_util.h"
#include "irio/solver/gvc/tiva.h"
#include "irio/solver/gvc/trade.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

void all_pass(const tables::TidyTable& d, const std::string& what) {
  BOOST_CHECK_MESSAGE(d.num_rows() > 0, what << ": no diagnostics");
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(d.key(3, i) == "true", what << ": " << d.key(0, i) << " [" << d.key(1, i) << "] residual "
                                                    << d.value(i) << " > " << d.key(2, i));
}

/// Sum of an n-vector over each unit's rows: U.
Vector by_unit(const gvc::TradeContext& ctx, const Vector& v) {
  return gvc::sum_rows_by_unit(Matrix(v), ctx.units).col(0);
}

double rel(const Vector& a, const Vector& b) {
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tiva)

BOOST_AUTO_TEST_CASE(content_codes_are_kww_sums_on_wiod_2011) {
  const auto t = wiod("2011", true);  // EU27 grouped: the country perimeter differs from regions
  LeontiefModel m(t);
  for (Perimeter p : {Perimeter::kRegion, Perimeter::kCountry}) {
    BOOST_TEST_CONTEXT(solver::to_string(p)) {
      gvc::TradeContext ctx(m, p);
      const auto tv = gvc::tiva_indicators(ctx);
      all_pass(tv.diagnostics, "TiVA");
      const auto kww = gvc::kww_decomposition(ctx);
      const auto term = [&](std::initializer_list<int> ks) {
        Vector s = Vector::Zero(ctx.units.size());
        for (int k : ks) s += kww.cells[static_cast<std::size_t>(k - 1)].col(0);
        return s;
      };
      // KWW (2014): 1-5 DVA = v_s L_P^{ss} e; 6 the double counting v_s (L^{ss} - L_P^{ss}) e; 7-9 FVA.
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["EXGR_DDC"] + tv["EXGR_IDC"]), term({1, 2, 3, 4, 5})), 1e-10);
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["EXGR_RIM"]), term({6})), 1e-10);
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["EXGR_DVA"]), term({1, 2, 3, 4, 5, 6})), 1e-10);
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["EXGR_FVA"]), term({7, 8, 9})), 1e-10);
      // Johnson-Noguera VAX = KWW 1-3 = FFD_DVA.
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["FFD_DVA"]), term({1, 2, 3})), 1e-10);
      BOOST_CHECK_SMALL(rel(by_unit(ctx, tv["EXGR"]), by_unit(ctx, ctx.e_star)), 1e-14);
    }
  }
}

BOOST_AUTO_TEST_CASE(direct_content_and_bilateral_origins_against_a_dense_computation) {
  const auto t = leather();
  LeontiefModel m(t);
  gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto tv = gvc::tiva_indicators(ctx);
  all_pass(tv.diagnostics, "TiVA leather");
  const Index n = m.n(), N = m.num_sectors(), G = m.num_regions();
  const Matrix A = Matrix(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const Vector& v = m.v();
  const Vector& e = ctx.e_star;
  for (Index r = 0; r < G; ++r) {
    const Matrix Lrr = (Matrix::Identity(N, N) - A.block(r * N, r * N, N, N)).inverse();
    for (Index i = 0; i < N; ++i) {
      const Index row = r * N + i;
      BOOST_TEST(tv["EXGR_DDC"](row) == v(row) * Lrr(i, i) * e(row), boost::test_tools::tolerance(1e-12));
      const double ell = v.segment(r * N, N).dot(Lrr.col(i));
      BOOST_TEST(tv["EXGR_IDC"](row) == (ell - v(row) * Lrr(i, i)) * e(row), boost::test_tools::tolerance(1e-12));
    }
  }
  // EXGR_BSCI(origin t, exporter u) = sum_{j in u} (v_t' L^{t.})_j e_j, read from the tidy table.
  const auto& b = tv.bilateral;
  std::size_t checked = 0;
  for (std::size_t k = 0; k < b.num_rows(); ++k) {
    if (b.key(2, k) != "EXGR_BSCI") continue;
    const Index o = tables::Labels::find(t.labels.regions, b.key(0, k));
    const Index u = tables::Labels::find(t.labels.regions, b.key(1, k));
    const double want = (v.segment(o * N, N).transpose() * L.block(o * N, u * N, N, N)).dot(e.segment(u * N, N));
    BOOST_TEST(b.value(k) == want, boost::test_tools::tolerance(1e-12));
    ++checked;
  }
  BOOST_CHECK_EQUAL(checked, static_cast<std::size_t>(G * G));
  // FEXDVAP (forward participation) by origin row: v_i sum_{j not in unit(i)} L_ij e_j.
  for (Index i = 0; i < n; ++i) {
    double want = 0;
    for (Index j = 0; j < n; ++j)
      if (j / N != i / N) want += v(i) * L(i, j) * e(j);
    BOOST_TEST(tv["FEXDVAP"](i) == want, boost::test_tools::tolerance(1e-12));
  }
  // The unit-by-sector codes: the world's imports are its exports; DOM + EXGR by final and
  // intermediate use are the rows' sales; BALVAFD = FFD_DVA - DFD_FVA summed over the world is 0.
  const auto& bs = tv.by_sector;
  std::map<std::string, double> world;
  for (std::size_t k = 0; k < bs.num_rows(); ++k) world[bs.key(2, k)] += bs.value(k);
  BOOST_TEST(world["IMGR"] == world["EXGR"], boost::test_tools::tolerance(1e-12));
  BOOST_TEST(world["IMGR_FNL"] == world["EXGR_FNL"], boost::test_tools::tolerance(1e-12));
  BOOST_TEST(world["IMGR_INT"] == world["EXGR_INT"], boost::test_tools::tolerance(1e-12));
  BOOST_TEST(world["DOM_FNL"] + world["EXGR_FNL"] == t.Y.sum(), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(world["DOM_INT"] + world["EXGR_INT"] + world["DOM_FNL"] + world["EXGR_FNL"] == ctx.x.sum(),
             boost::test_tools::tolerance(1e-12));
  BOOST_CHECK_SMALL(world["BALVAFD"] / world["FFD_DVA"], 1e-12);
  BOOST_CHECK_SMALL(world["BALGR"] / world["EXGR"], 1e-12);
  // Shares in percent, as TiVA publishes them: DVASH + FVASH = 100.
  const auto& u = tv.by_unit;
  for (Index r = 0; r < G; ++r) {
    const double dsh = u.find({t.labels.regions[static_cast<std::size_t>(r)], "EXGR_DVASH"});
    const double fsh = u.find({t.labels.regions[static_cast<std::size_t>(r)], "EXGR_FVASH"});
    BOOST_TEST(dsh + fsh == 100.0, boost::test_tools::tolerance(1e-10));
  }
  BOOST_CHECK_THROW(tv["NO_SUCH_CODE"], InputError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing

namespace irio::testing {

BOOST_AUTO_TEST_SUITE(wwz_third_country)

// WWZ's DVA_INTrex terms by third country (methods.md §3.3): they add up over t to WWZ's terms, and
// single triples (s, r, t) equal the formulas computed densely on WIOD 2011.
BOOST_AUTO_TEST_CASE(terms_by_third_country_add_up_and_match_a_dense_computation) {
  const auto t = wiod("2011", false);
  LeontiefModel m(t);
  gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto w = gvc::wwz_decomposition(ctx);
  const auto x = gvc::wwz_intrex_by_third(ctx);
  const Index U = ctx.units.size(), n = m.n(), N = m.num_sectors();
  for (int k = 0; k < 3; ++k) {
    const Matrix wwz = gvc::sum_rows_by_unit(w.cells[static_cast<std::size_t>(2 + k)], ctx.units);  // U x U
    Matrix sum = Matrix::Zero(U, U);
    for (Index r = 0; r < U; ++r)
      for (Index th = 0; th < U; ++th) sum.col(r) += x.cells[static_cast<std::size_t>(k)].col(r * U + th);
    BOOST_CHECK_SMALL((sum - wwz).cwiseAbs().maxCoeff() / wwz.cwiseAbs().maxCoeff(), 1e-10);
  }
  // Dense: L in full; term 5 for (s, r, t) = sum_{i in s} l_i (A^{sr} L^{rt} sum_{u != s,t} Y^{tu})_i.
  const Matrix A = Matrix(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const Matrix Yd = t.final_demand_by_region();
  const auto reg = [&](const char* c) { return static_cast<Index>(tables::Labels::find(t.labels.regions, c)); };
  for (auto [s, r, th] : {std::tuple{reg("CHN"), reg("KOR"), reg("USA")}, {reg("DEU"), reg("CZE"), reg("FRA")}}) {
    Vector y3 = Vector::Zero(N), y5 = Vector::Zero(N);
    for (Index u2 = 0; u2 < U; ++u2)
      if (u2 != s && u2 != th) y5 += Yd.block(th * N, u2, N, 1);
    y3 = Yd.block(th * N, th, N, 1);
    const Vector f3 = A.block(s * N, r * N, N, N) * (L.block(r * N, th * N, N, N) * y3);
    const Vector f4 = A.block(s * N, r * N, N, N) * (L.block(r * N, r * N, N, N) * Yd.block(r * N, th, N, 1));
    const Vector f5 = A.block(s * N, r * N, N, N) * (L.block(r * N, th * N, N, N) * y5);
    const Vector ell = ctx.ell.segment(s * N, N);
    const double want[3] = {ell.dot(f3), ell.dot(f4), ell.dot(f5)};
    for (int k = 0; k < 3; ++k)
      BOOST_TEST(x.cells[static_cast<std::size_t>(k)](s, r * U + th) == want[k], boost::test_tools::tolerance(1e-10));
  }
  // No triple with t = s or t = r.
  BOOST_CHECK_EQUAL(x.table.num_rows(), static_cast<std::size_t>(3 * U * (U - 1) * (U - 2)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
