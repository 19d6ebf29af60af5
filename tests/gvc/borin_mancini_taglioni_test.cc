// SPDX-License-Identifier: MIT
// Borin-Mancini-Taglioni tripartite GVC trade (methods.md §3.4): every bilateral cell of leather
// against a dense computation written from the definitions (local inverses of each country, sums
// over third countries), against Borin-Mancini's exporter-source measures, and the participation
// measures by exporter.
#include "gvc_test_util.h"
#include "irio/solver/gvc/trade.h"
#include "irio/solver/gvc/units.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

BOOST_AUTO_TEST_SUITE(borin_mancini_taglioni)

BOOST_AUTO_TEST_CASE(tripartite_equals_the_dense_definitions_on_leather) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto bmt = gvc::bmt_tripartite(ctx);
  check_identities_pass(bmt.diagnostics, "BMT leather");
  // Dense oracle: 3 countries x 3 sectors, Y has one column per destination country.
  const Matrix A = Matrix(m.A());
  const Vector v = m.v();
  const Index N = 3, G = 3;
  auto blk = [&](const Matrix& M, Index a, Index b) { return Matrix(M.block(a * N, b * N, N, N)); };
  std::vector<Matrix> Lloc;
  for (Index g = 0; g < G; ++g) Lloc.push_back(dense_leontief(blk(A, g, g)));
  const Vector x = dense_leontief(A) * t.Y.rowwise().sum();
  auto exports = [&](Index s, Index r) {  // e^{sr} = Y^{sr} + A^{sr} x^r
    return Vector(t.Y.block(s * N, r, N, 1) + blk(A, s, r) * x.segment(r * N, N));
  };
  const Vector ones = Vector::Ones(N);
  for (Index s = 0; s < G; ++s)
    for (Index r = 0; r < G; ++r) {
      if (r == s) continue;
      const Vector y_sr = t.Y.block(s * N, r, N, 1), y_rr = t.Y.block(r * N, r, N, 1);
      Vector e_rstar = Vector::Zero(N);
      for (Index j = 0; j < G; ++j)
        if (j != r) e_rstar += exports(r, j);
      const Vector absorbed = y_sr + blk(A, s, r) * Lloc[r] * y_rr;
      const Vector reexported = blk(A, s, r) * Lloc[r] * e_rstar;
      const Vector vs = v.segment(s * N, N);
      double pb = 0, ts = 0;
      for (Index k = 0; k < G; ++k) {
        if (k == s) continue;
        pb += ones.dot(blk(A, k, s) * Lloc[s] * absorbed);
        ts += ones.dot(blk(A, k, s) * Lloc[s] * reexported);
      }
      const double davax = vs.dot(Lloc[s] * absorbed), pf = vs.dot(Lloc[s] * reexported);
      const double gexp = exports(s, r).sum();
      auto sum = [&](const char* measure) { return bmt[measure].block(s * N, r, N, 1).sum(); };
      BOOST_TEST_CONTEXT("exporter " << s << " importer " << r) {
        GVC_CHECK_CLOSE(sum("GEXP"), gexp, 1e-12);
        GVC_CHECK_CLOSE(sum("DAVAX"), davax, 1e-12);
        GVC_CHECK_CLOSE(sum("GVC_PF"), pf, 1e-12);
        GVC_CHECK_CLOSE(sum("GVC_TS"), ts, 1e-12);
        GVC_CHECK_CLOSE(sum("GVC_PB"), pb, 1e-12);
        GVC_CHECK_CLOSE(sum("GVC"), gexp - davax, 1e-12);
        // Every part is a flow of a nonnegative table: none is negative.
        BOOST_CHECK(davax > 0 && pf > 0 && ts > 0 && pb > 0);
      }
    }
}

BOOST_AUTO_TEST_CASE(tripartite_refines_borin_mancini_and_sums_to_the_participation_table) {
  const tables::IoTable t = leather();
  const LeontiefModel m(t);
  const gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto bmt = gvc::bmt_tripartite(ctx);
  const auto bm = gvc::bm_exporter_source(ctx);
  // Cell by cell: the same DAVAX and GVC; pure forward is BM's forward GVC trade (DVA - DAVAX);
  // two-sided and pure backward split BM's backward GVC trade (FC + DDC).
  BOOST_CHECK_SMALL((bmt["DAVAX"] - bm["DAVAX"]).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL((bmt["GVC"] - bm["GVC"]).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL((bmt["GVC_PF"] - bm["GVCF"]).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_SMALL((bmt["GVC_TS"] + bmt["GVC_PB"] - bm["GVCB"]).cwiseAbs().maxCoeff(), 1e-12);
  const auto p = gvc::bmt_participation(ctx, bmt);
  for (Index s = 0; s < 3; ++s) {
    const double gvc_s = bmt["GVC"].middleRows(s * 3, 3).sum();
    GVC_CHECK_CLOSE(p["GVC"](s, 0), gvc_s, 1e-12);
    GVC_CHECK_CLOSE(p["GVC_ratio"](s, 0), gvc_s / bmt["GEXP"].middleRows(s * 3, 3).sum(), 1e-12);
    GVC_CHECK_CLOSE(p["PF_share"](s, 0) + p["TS_share"](s, 0) + p["PB_share"](s, 0), 1.0, 1e-12);
    GVC_CHECK_CLOSE(p["forward_index"](s, 0), p["PF_share"](s, 0) - p["PB_share"](s, 0), 1e-12);
  }
  BOOST_CHECK_EQUAL(p.table.num_rows(), 3u * 10u);
  GVC_CHECK_CLOSE(p.table.find({"TUR", "GVC_PF"}), p["GVC_PF"](1, 0), 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
