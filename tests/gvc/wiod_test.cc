// SPDX-License-Identifier: MIT
// The §6.2 identities (14-22) on the real WIOD 2011 table (1435 x 1435) at both perimeters:
// regions, and countries with the 27 EU members grouped into one country.
#include <chrono>

#include "gvc_test_util.h"
#include "irio/solver/gvc/position.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/gvc/trade.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

/// WIOD 2011 with EU27 grouped (loaded once per process).
const tables::IoTable& wiod_eu() {
  static const tables::IoTable t = wiod("2011", true);
  return t;
}

void all_pass(const tables::TidyTable& d, const std::string& what) {
  BOOST_CHECK_MESSAGE(d.num_rows() > 0, what << ": no diagnostics");
  for (std::size_t i = 0; i < d.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(d.key(3, i) == "true", what << ": " << d.key(0, i) << " [" << d.key(1, i) << "] residual "
                                                    << d.value(i) << " > " << d.key(2, i));
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wiod2011)

BOOST_AUTO_TEST_CASE(table_shape) {
  const auto& t = wiod_eu();
  BOOST_CHECK_EQUAL(t.n(), 1435u);
  BOOST_CHECK_EQUAL(t.labels.num_countries(), 15u);  // 13 non-EU countries + EU27 + RoW
  LeontiefModel m(t);
  BOOST_CHECK_GT(m.zero_output().size(), 0u);  // real zero-output sectors are handled
}

BOOST_AUTO_TEST_CASE(three_level_and_cross_module_identity) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto& t = wiod_eu();
  LeontiefModel m(t);
  const auto r = gvc::three_level_decomposition(m);
  all_pass(r.diagnostics, "three-level (EU grouped)");
  // NVC terms exist only inside EU27; a non-EU country has none.
  const Index N = m.num_sectors();
  const int usa = tables::Labels::find(t.labels.regions, "USA");
  const int deu = tables::Labels::find(t.labels.regions, "DEU");
  BOOST_CHECK_SMALL(r.forward.block(usa * N, gvc::kNtf, N, 3).cwiseAbs().maxCoeff(), 1e-12);
  BOOST_CHECK_GT(r.forward.block(deu * N, gvc::kNvcS, N, 1).sum(), 0.0);
  // Forward RT + GVC summed over a country = the country's DVA in exports at the country
  // perimeter (v^ L_C e^F; KWW 1-5 = LTdV DVA), an identity across modules.
  gvc::TradeContext ctx(m, Perimeter::kCountry);
  const auto kww = gvc::kww_decomposition(ctx);
  all_pass(kww.diagnostics, "KWW country perimeter");
  const Matrix intl = gvc::sum_rows_by_unit(
      Matrix(r.forward.col(gvc::kRt) + r.forward.col(gvc::kGvcS) + r.forward.col(gvc::kGvcC)), ctx.units);
  for (Index c = 0; c < ctx.units.size(); ++c) {
    double dva = 0;
    for (int k = 0; k < 5; ++k) dva += kww.cells[static_cast<std::size_t>(k)](c, 0);
    GVC_CHECK_CLOSE(intl(c, 0), dva, 1e-9);
  }
  // Country table (no grouping): NVC terms vanish and the identities hold as WWYZ.
  tables::IoTable tc = t;
  tc.labels.set_each_region_own_country();
  LeontiefModel mc(tc);
  const auto rc = gvc::three_level_decomposition(mc);
  all_pass(rc.diagnostics, "three-level (countries)");
  BOOST_CHECK_SMALL(rc.forward.middleCols(1, 3).cwiseAbs().maxCoeff(), 1e-9);
  BOOST_TEST_MESSAGE("WIOD three-level: " << seconds_since(t0) << " s");
}

BOOST_AUTO_TEST_CASE(trade_identities_both_perimeters) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto& t = wiod_eu();
  LeontiefModel m(t);
  for (Perimeter p : {Perimeter::kRegion, Perimeter::kCountry}) {
    const std::string ps = solver::to_string(p);
    gvc::TradeContext ctx(m, p);
    all_pass(gvc::value_added_absorption(ctx).diagnostics, "VBY " + ps);
    all_pass(gvc::vax(ctx).diagnostics, "VAX " + ps);
    const auto kww = gvc::kww_decomposition(ctx);
    all_pass(kww.diagnostics, "KWW " + ps);
    const auto wwz = gvc::wwz_decomposition(ctx);
    all_pass(wwz.diagnostics, "WWZ " + ps);
    const auto map = gvc::wwz_to_kww(ctx, wwz);
    for (std::size_t k = 0; k < 9; ++k) {
      const Matrix agg = gvc::sum_rows_by_unit(Matrix(map.cells[k].rowwise().sum()), ctx.units);
      BOOST_CHECK_SMALL((agg - kww.cells[k]).cwiseAbs().maxCoeff() / std::max(1.0, kww.cells[k].cwiseAbs().maxCoeff()),
                        1e-9);
    }
    const auto src = gvc::bm_exporter_source(ctx);
    const auto snk = gvc::bm_exporter_sink(ctx);
    all_pass(snk.diagnostics, "BM sink " + ps);
    // Source / sink totals per exporter equal; BM DVA/VAX/REF country totals equal KWW (18).
    const Matrix dva_src = gvc::sum_rows_by_unit(Matrix(src["DVA"].rowwise().sum()), ctx.units);
    const Matrix dva_snk = gvc::sum_rows_by_unit(Matrix(snk["DVA"].rowwise().sum()), ctx.units);
    const Matrix vax_src = gvc::sum_rows_by_unit(Matrix(src["VAX"].rowwise().sum()), ctx.units);
    const double sc = std::max(1.0, dva_src.cwiseAbs().maxCoeff());
    BOOST_CHECK_SMALL((dva_src - dva_snk).cwiseAbs().maxCoeff() / sc, 1e-9);
    BOOST_CHECK_SMALL((vax_src - (kww.cells[0] + kww.cells[1] + kww.cells[2])).cwiseAbs().maxCoeff() / sc, 1e-9);
    BOOST_CHECK_SMALL(
        (dva_src - (kww.cells[0] + kww.cells[1] + kww.cells[2] + kww.cells[3] + kww.cells[4])).cwiseAbs().maxCoeff() /
            sc,
        1e-9);
    // BMT tripartite: its identity on a real table, and its forward and backward parts equal
    // Borin-Mancini's GVCF and GVCB cell by cell at both perimeters.
    const auto bmt = gvc::bmt_tripartite(ctx);
    check_identities_pass(bmt.diagnostics, "BMT " + ps);
    const double esc = std::max(1.0, src["GEXP"].cwiseAbs().maxCoeff());
    BOOST_CHECK_SMALL((bmt["GVC_PF"] - src["GVCF"]).cwiseAbs().maxCoeff() / esc, 1e-9);
    BOOST_CHECK_SMALL((bmt["GVC_TS"] + bmt["GVC_PB"] - src["GVCB"]).cwiseAbs().maxCoeff() / esc, 1e-9);
    // World perspective: source and sink FVA have the same world total.
    const auto ws = gvc::bm_world(ctx, false), wk = gvc::bm_world(ctx, true);
    GVC_CHECK_CLOSE(ws["FVA"].sum(), wk["FVA"].sum(), 1e-9);
    all_pass(gvc::ltdv(ctx).by_exporter.diagnostics, "LTdV " + ps);
    // Perimeter changes what counts as an export: EU-internal trade is domestic at P = C.
    BOOST_CHECK_EQUAL(ctx.units.size(), p == Perimeter::kRegion ? 41 : 15);
    // Source diagnostics except the nonnegativity oracles (negative va on real data, §1.3).
    for (std::size_t i = 0; i < src.diagnostics.num_rows(); ++i)
      if (src.diagnostics.key(0, i).find(">= 0") == std::string::npos)
        BOOST_CHECK_MESSAGE(src.diagnostics.key(3, i) == "true",
                            "BM source " << ps << ": " << src.diagnostics.key(0, i));
  }
  BOOST_TEST_MESSAGE("WIOD trade, both perimeters: " << seconds_since(t0) << " s");
}

BOOST_AUTO_TEST_CASE(gvc_indicators_and_leontief_identities) {
  const auto& t = wiod_eu();
  LeontiefModel m(t);
  const Index n = m.n(), N = m.num_sectors();
  for (Perimeter p : {Perimeter::kRegion, Perimeter::kCountry}) {
    BOOST_TEST_CONTEXT("perimeter " << solver::to_string(p)) {
      gvc::TradeContext ctx(m, p);
      const auto g = gvc::gvc_indicators(ctx);
      const double se = ctx.e_star.cwiseAbs().maxCoeff();
      // i2e = f e and d + f = 1: i2e + d e = e.
      BOOST_CHECK_SMALL((g.i2e + ctx.d.cwiseProduct(ctx.e_star) - ctx.e_star).cwiseAbs().maxCoeff() / se, 1e-10);
      // World VS equals world VS1: sum_j i2e_j = sum_i e2r_i.
      GVC_CHECK_CLOSE(g.i2e.sum(), g.e2r.sum(), 1e-10);
      // ffddva + own absorption = v x; dfddva + dfdfva sum to world final demand.
      const Matrix VBY = m.v().asDiagonal() * ctx.Xd;
      const Vector va = m.v().cwiseProduct(ctx.x);
      BOOST_CHECK_SMALL(
          (g.ffddva + gvc::own_unit(VBY, ctx.units) - va).cwiseAbs().maxCoeff() / va.cwiseAbs().maxCoeff(), 1e-10);
      GVC_CHECK_CLOSE(g.dfddva.sum() + g.dfdfva.sum(), ctx.Yu.sum(), 1e-10);
      // nrca: within each unit, sum_i nrca_i (sector share of the world) = 1.
      Vector f = Vector::Zero(n);  // recover the weights: nrca_i * Enj / Ent = Eij sums to 1 per unit
      Vector sector_share = Vector::Zero(N);
      const Matrix Xe = ctx.solve_per_unit(ctx.e_star);
      const Vector dva = m.v().cwiseProduct(gvc::own_unit(Xe, ctx.units));
      for (Index i = 0; i < n; ++i) sector_share(i % N) += dva(i);
      sector_share /= dva.sum();
      Vector per_unit = Vector::Zero(ctx.units.size());
      for (Index i = 0; i < n; ++i)
        if (std::isfinite(g.nrca(i))) per_unit(ctx.units.unit(i)) += g.nrca(i) * sector_share(i % N);
      BOOST_CHECK_SMALL((per_unit.array() - 1.0).abs().maxCoeff(), 1e-10);
    }
  }
  // Leontief decomposition (region perimeter): v^ L with final demand gives VBY's row sums = va,
  // and its column sums are 1 (identity 1.1); post = exports scales the columns by e.
  gvc::TradeContext ctx(m, Perimeter::kRegion);
  const auto none = gvc::leontief_decomposition(ctx, "none");
  all_pass(none.diagnostics, "leontief none");
  const Vector va = m.v().cwiseProduct(ctx.x);
  BOOST_CHECK_SMALL((none.cells[0] * ctx.Yu.rowwise().sum() - va).cwiseAbs().maxCoeff() / va.cwiseAbs().maxCoeff(),
                    1e-10);
  const auto ex = gvc::leontief_decomposition(ctx, "exports");
  all_pass(ex.diagnostics, "leontief exports");
  BOOST_CHECK_SMALL((ex.cells[0] - none.cells[0] * ctx.e_star.asDiagonal()).cwiseAbs().maxCoeff(), 1e-9);
  BOOST_CHECK_EQUAL(ex.table.num_rows(), static_cast<std::size_t>(n * n));
}

BOOST_AUTO_TEST_CASE(position_both_perimeters) {
  const auto& t = wiod_eu();
  LeontiefModel m(t);
  for (Perimeter p : {Perimeter::kRegion, Perimeter::kCountry}) {
    gvc::PositionOptions o;
    o.perimeter = p;
    const auto r = gvc::position_and_length(m, o);
    all_pass(r.diagnostics, std::string("position ") + solver::to_string(p));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
