// SPDX-License-Identifier: MIT
// Value added in trade (methods.md §3) against every cell of decompr 7.0.0's outputs on `leather`
// (WWZ, KWW, WWZ->KWW, Borin-Mancini variants, VBY) and the §7.3-§7.4 values.
#include "gvc_test_util.h"
#include "irio/solver/gvc/trade.h"
#include "irio/tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

int country_index(const std::string& c) {
  if (c == "Argentina") return 0;
  if (c == "Turkey") return 1;
  if (c == "Germany") return 2;
  BOOST_FAIL("unknown country " << c);
  return -1;
}
int industry_index(const std::string& s) {
  if (s == "Agriculture") return 0;
  if (s == "Textile_and_Leather") return 1;
  if (s == "Transport_Equipment") return 2;
  BOOST_FAIL("unknown industry " << s);
  return -1;
}

constexpr double kRel = 1e-10;

/// Compare every bilateral-sector cell of a decompr CSV (Exporting_Country, Exporting_Industry,
/// Importing_Country, measures...) with the result; returns the number of cells compared.
int compare_bilateral(const std::string& file, const gvc::TradeResult& r, const std::vector<std::string>& skip = {}) {
  const Csv c = read_csv(decompr(file));
  int compared = 0;
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int s = country_index(c.rows[row][0]);
    const int i = s * 3 + industry_index(c.rows[row][1]);
    const int imp = country_index(c.rows[row][2]);
    for (std::size_t k = 3; k < c.header.size(); ++k) {
      const std::string& meas = c.header[k];
      if (std::find(r.measures.begin(), r.measures.end(), meas) == r.measures.end()) {
        BOOST_CHECK_MESSAGE(std::find(skip.begin(), skip.end(), meas) != skip.end(),
                            file << ": measure " << meas << " not computed");
        continue;
      }
      const double want = c.num(row, meas);
      const double got = imp == s ? 0.0 : r[meas](i, imp);
      BOOST_CHECK_MESSAGE(close(got, want, kRel, 1e-3), file << " " << c.rows[row][0] << "/" << c.rows[row][1] << "->"
                                                             << c.rows[row][2] << " " << meas << ": " << got << " vs "
                                                             << want);
      ++compared;
    }
  }
  return compared;
}

/// Sector-level file (Exporting_Country, Exporting_Industry, measures...): sums over importers.
int compare_sector(const std::string& file, const gvc::TradeResult& r) {
  const Csv c = read_csv(decompr(file));
  int compared = 0;
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int s = country_index(c.rows[row][0]);
    const int i = s * 3 + industry_index(c.rows[row][1]);
    for (std::size_t k = 2; k < c.header.size(); ++k) {
      const std::string& meas = c.header[k];
      if (std::find(r.measures.begin(), r.measures.end(), meas) == r.measures.end()) continue;
      double got = 0;
      if (r[meas].cols() == 1) got = r[meas](i, 0);  // cells by exporter row (sector perspective)
      else
        for (int imp = 0; imp < 3; ++imp)
          if (imp != s) got += r[meas](i, imp);
      BOOST_CHECK_MESSAGE(close(got, c.num(row, meas), kRel, 1e-3), file << " " << c.rows[row][0] << "/"
                                                                         << c.rows[row][1] << " " << meas << ": " << got
                                                                         << " vs " << c.num(row, meas));
      ++compared;
    }
  }
  return compared;
}

/// Import files: Importing_Country[, Origin_Country], measures... against U x U cells (importer
/// row, origin column), summed over origins for the country file.
int compare_imports(const std::string& file, const gvc::TradeResult& r, bool by_origin) {
  const Csv c = read_csv(decompr(file));
  int compared = 0;
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int imp = country_index(c.rows[row][0]);
    const int org = by_origin ? country_index(c.rows[row][1]) : -1;
    for (std::size_t k = by_origin ? 2 : 1; k < c.header.size(); ++k) {
      const std::string& meas = c.header[k];
      const double got = by_origin ? r[meas](imp, org) : r[meas].row(imp).sum();
      BOOST_CHECK_MESSAGE(close(got, c.num(row, meas), kRel, 1e-3),
                          file << " " << c.rows[row][0] << " " << meas << ": " << got << " vs " << c.num(row, meas));
      ++compared;
    }
  }
  return compared;
}

/// Country-level file (first column exporter, measures...) against U x 1 cells.
int compare_country(const std::string& file, const gvc::TradeResult& r, bool sum_bilateral) {
  const Csv c = read_csv(decompr(file));
  int compared = 0;
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int s = country_index(c.rows[row][0]);
    for (std::size_t k = 1; k < c.header.size(); ++k) {
      const std::string& meas = c.header[k];
      double got = 0;
      if (sum_bilateral) {
        for (int i = s * 3; i < s * 3 + 3; ++i)
          for (int imp = 0; imp < 3; ++imp)
            if (imp != s) got += r[meas](i, imp);
      } else {
        got = r[meas](s, 0);
      }
      BOOST_CHECK_MESSAGE(close(got, c.num(row, meas), kRel, 1e-3),
                          file << " " << c.rows[row][0] << " " << meas << ": " << got << " vs " << c.num(row, meas));
      ++compared;
    }
  }
  return compared;
}

double gvc_sum_exporter(const gvc::TradeResult& w, int term, int exporter = 0) {
  double s = 0;
  for (int i = exporter * 3; i < exporter * 3 + 3; ++i)
    for (int imp = 0; imp < 3; ++imp)
      if (imp != exporter) s += w.cells[static_cast<std::size_t>(term)](i, imp);
  return s;
}

void all_pass(const gvc::TradeResult& r) {
  BOOST_CHECK(r.diagnostics.num_rows() > 0);
  for (std::size_t i = 0; i < r.diagnostics.num_rows(); ++i)
    BOOST_CHECK_MESSAGE(r.diagnostics.key(3, i) == "true", r.diagnostics.key(0, i)
                                                               << " [" << r.diagnostics.key(1, i) << "]: residual "
                                                               << r.diagnostics.value(i));
}

struct Leather {
  tables::IoTable t = leather();
  LeontiefModel m{t};
  gvc::TradeContext ctx{m, Perimeter::kRegion};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(trade)

BOOST_FIXTURE_TEST_CASE(wwz_every_cell_matches_decompr, Leather) {
  const auto w = gvc::wwz_decomposition(ctx);
  BOOST_CHECK_EQUAL(compare_bilateral("wwz.csv", w,
                                      {"texp", "texpint", "texpfd", "texpdiff", "texpdiffpercent", "texpfddiff",
                                       "texpfddiffpercent", "texpintdiff", "texpintdiffpercent", "DViX_Fsr"}),
                    27 * 16);
  all_pass(w);
  const auto k = gvc::wwz_to_kww(ctx, w);
  BOOST_CHECK_EQUAL(compare_bilateral("wwz2kww.csv", k), 27 * 9);
  // DViX_Fsr and the texp columns of wwz.csv.
  const auto dv = gvc::dvix_fsr(ctx);
  const Csv c = read_csv(decompr("wwz.csv"));
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int s = country_index(c.rows[row][0]), i = s * 3 + industry_index(c.rows[row][1]);
    const int imp = country_index(c.rows[row][2]);
    const double got = imp == s ? 0.0 : dv.cells[0](i, imp);
    BOOST_CHECK_MESSAGE(close(got, c.num(row, "DViX_Fsr"), kRel, 1e-3), "DViX_Fsr row " << row);
    BOOST_CHECK(close(imp == s ? 0.0 : ctx.ESR(i, imp), c.num(row, "texp"), kRel, 1e-3));
  }
  GVC_CHECK_CLOSE(dv.table.find({"ARG", "Agriculture", "TUR", "DViX_Fsr"}), 12.665326, 1e-6);
  // §7.3: 16 terms summed over sectors and partners, ARG.
  const double arg[] = {19.349405, 16.308543, 2.662650, 7.222700, 1.188791, 0.825972, 4.540501, 0.719000,
                        1.628260,  1.822335,  1.552387, 1.836229, 0.293148, 0.579247, 1.789426, 1.981406};
  for (int k2 = 0; k2 < 16; ++k2) GVC_CHECK_CLOSE(gvc_sum_exporter(w, k2), arg[k2], 1e-6);
}

BOOST_FIXTURE_TEST_CASE(kww_matches_decompr_and_wwz_mapping, Leather) {
  const auto k = gvc::kww_decomposition(ctx);
  const Csv c = read_csv(decompr("kww.csv"));
  for (std::size_t row = 0; row < c.rows.size(); ++row) {
    const int s = country_index(c.rows[row][0]);
    for (std::size_t j = 1; j < c.header.size(); ++j)
      BOOST_CHECK_MESSAGE(close(k[c.header[j]](s, 0), c.num(row, c.header[j]), kRel, 1e-3),
                          "KWW " << c.rows[row][0] << " " << c.header[j]);
  }
  all_pass(k);
  // Aggregated WWZ -> KWW equals KWW (§6.2 identity 17).
  const auto mapped = gvc::wwz_to_kww(ctx, gvc::wwz_decomposition(ctx));
  for (std::size_t j = 0; j < 9; ++j) {
    const Matrix agg = solver::gvc::sum_rows_by_unit(Matrix(mapped.cells[j].rowwise().sum()), ctx.units);
    for (int s = 0; s < 3; ++s) GVC_CHECK_CLOSE(agg(s, 0), k.cells[j](s, 0), 1e-12);
  }
}

BOOST_FIXTURE_TEST_CASE(borin_mancini_matches_decompr, Leather) {
  const auto src = gvc::bm_exporter_source(ctx);
  BOOST_CHECK_EQUAL(compare_bilateral("bm_bilateral_exporter_source.csv", src), 18 * 13);
  BOOST_CHECK_EQUAL(compare_sector("bm_sector_exporter_source.csv", src), 9 * 13);
  BOOST_CHECK_EQUAL(compare_country("bm_country_exporter_source.csv", src, true), 3 * 13);
  all_pass(src);
  const auto snk = gvc::bm_exporter_sink(ctx);
  BOOST_CHECK_EQUAL(compare_bilateral("bm_bilateral_exporter_sink.csv", snk), 18 * 10);
  BOOST_CHECK_EQUAL(compare_sector("bm_sector_exporter_sink.csv", snk), 9 * 9);  // no VAXIM in this file
  all_pass(snk);
  // §7.4 bilateral DVA source / sink.
  GVC_CHECK_CLOSE(src["DVA"].row(0).sum() + src["DVA"].row(1).sum() + src["DVA"].row(2).sum(), 52.817562, 1e-6);
  GVC_CHECK_CLOSE(snk["DVA"].block(0, 1, 3, 1).sum(), 18.161513, 1e-6);
  GVC_CHECK_CLOSE(src["DVA"].block(0, 1, 3, 1).sum(), 18.190817, 1e-6);
  // Sink and source totals per exporter are equal; DC and FC equal cell by cell (identity 18).
  for (int s = 0; s < 3; ++s)
    GVC_CHECK_CLOSE(src["DVA"].middleRows(s * 3, 3).sum(), snk["DVA"].middleRows(s * 3, 3).sum(), 1e-12);
  BOOST_CHECK_SMALL((src["DC"] - snk["DC"]).cwiseAbs().maxCoeff(), 1e-13);
  const auto ws = gvc::bm_world(ctx, false), wk = gvc::bm_world(ctx, true);
  BOOST_CHECK_EQUAL(compare_country("bm_country_world_source.csv", ws, false), 27);
  BOOST_CHECK_EQUAL(compare_country("bm_country_world_sink.csv", wk, false), 27);
  GVC_CHECK_CLOSE(ws["FVA"].sum(), wk["FVA"].sum(), 1e-12);  // same world total
  GVC_CHECK_CLOSE(ws["FVA"].sum(), 59.865522, 1e-6);
}

BOOST_FIXTURE_TEST_CASE(borin_mancini_self_and_imports_match_decompr, Leather) {
  // decompr's "self" files: the sectoral-bilateral and the sector perspectives.
  const auto sb = gvc::bm_self(ctx, false), sec = gvc::bm_self(ctx, true);
  BOOST_CHECK_EQUAL(compare_bilateral("bm_bilateral_self.csv", sb), 18 * 9);
  BOOST_CHECK_EQUAL(compare_sector("bm_sector_self.csv", sec), 9 * 9);
  all_pass(sb);
  all_pass(sec);
  const auto src = gvc::bm_exporter_source(ctx);
  for (Index i = 0; i < 9; ++i) {
    // Content is perimeter-free; a narrower border leaves less double counting: the sector's DVA
    // is at least the exporter's, and one partner's at least the sector's share of it.
    GVC_CHECK_CLOSE(sec["DC"](i, 0), src["DC"].row(i).sum(), 1e-12);
    BOOST_CHECK_GE(sec["DVA"](i, 0), src["DVA"].row(i).sum() - 1e-12);
    for (Index r = 0; r < 3; ++r) {
      if (r == i / 3) continue;
      BOOST_CHECK_GE(sb["DVA"](i, r), src["DVA"](i, r) - 1e-12);
      BOOST_CHECK_GE(sb["DVA"](i, r) / sb["GEXP"](i, r), sec["DVA"](i, 0) / sec["GEXP"](i, 0) - 1e-12);
    }
  }
  // Imports: GIMP = VA + DC per importer, and GIMP by partner is the partner's exports to it.
  const auto im = gvc::bm_imports(ctx);
  BOOST_CHECK_EQUAL(compare_imports("bm_imports_country.csv", im, false), 3 * 3);
  BOOST_CHECK_EQUAL(compare_imports("bm_imports_bilateral.csv", im, true), 9 * 2);
  all_pass(im);
  for (Index r = 0; r < 3; ++r) {
    GVC_CHECK_CLOSE(im["GIMP"].row(r).sum(), im["VA"].row(r).sum() + im["DC"].row(r).sum(), 1e-12);
    GVC_CHECK_CLOSE(im["GIMP"].row(r).sum(), ctx.ESR.col(r).sum(), 1e-12);
  }
}

BOOST_FIXTURE_TEST_CASE(vby_vax_ltdv, Leather) {
  const auto vby = gvc::value_added_absorption(ctx);
  const Csv c = read_csv(decompr("leontief_final_demand.csv"));
  for (std::size_t row = 0; row < c.rows.size(); ++row)
    for (int r = 0; r < 3; ++r)
      BOOST_CHECK(close(vby.cells[0](static_cast<Index>(row), r),
                        std::stod(c.rows[row][static_cast<std::size_t>(r) + 1]), kRel, 1e-3));
  all_pass(vby);
  const auto v = gvc::vax(ctx);
  const double want[] = {46.732088, 77.341444, 96.719142}, ratio[] = {0.726782, 0.680823, 0.655279};
  for (int s = 0; s < 3; ++s) {
    GVC_CHECK_CLOSE(v["VAX"].row(s).sum(), want[s], 1e-6);
    GVC_CHECK_CLOSE(v["VAX_ratio"](s, 0), ratio[s], 1e-6);
  }
  GVC_CHECK_CLOSE(v.table.find({"TUR", "all", "GEXP"}), 113.6, 1e-12);
  all_pass(v);
  const auto l = gvc::ltdv(ctx);
  GVC_CHECK_CLOSE(l.by_exporter["DVA_hem"](0, 0), 52.817562, 1e-6);
  all_pass(l.by_exporter);
  BOOST_CHECK_EQUAL(l.by_sector.num_rows(), 9u);
}

BOOST_AUTO_TEST_CASE(country_perimeter_on_split_table_equals_country_table) {
  // §5.3 + §6.1: at the country perimeter the split leather table reproduces the country
  // table's exporter totals (proportional split is exact).
  const auto base = leather();
  const auto split = leather_split(0.4);
  LeontiefModel mb(base), ms(split);
  gvc::TradeContext cb(mb, Perimeter::kRegion), cs(ms, Perimeter::kCountry);
  const auto kb = gvc::kww_decomposition(cb), ks = gvc::kww_decomposition(cs);
  for (std::size_t j = 0; j < 9; ++j)
    for (int s = 0; s < 3; ++s) GVC_CHECK_CLOSE(ks.cells[j](s, 0), kb.cells[j](s, 0), 1e-12);
  all_pass(ks);
  const auto wb = gvc::wwz_decomposition(cb), wsplit = gvc::wwz_decomposition(cs);
  all_pass(wsplit);
  for (std::size_t j = 0; j < 16; ++j) {
    const Matrix a = gvc::sum_rows_by_unit(Matrix(wb.cells[j].rowwise().sum()), cb.units);
    const Matrix b = gvc::sum_rows_by_unit(Matrix(wsplit.cells[j].rowwise().sum()), cs.units);
    for (int s = 0; s < 3; ++s) GVC_CHECK_CLOSE(b(s, 0), a(s, 0), 1e-11);
  }
  const auto bs = gvc::bm_exporter_source(cs);
  all_pass(bs);
  all_pass(gvc::bm_exporter_sink(cs));
  const auto bb = gvc::bm_exporter_source(cb);
  for (const char* meas : {"DVA", "VAX", "FVA", "GVC"}) {
    const Matrix a = gvc::sum_rows_by_unit(Matrix(bb[meas].rowwise().sum()), cb.units);
    const Matrix b = gvc::sum_rows_by_unit(Matrix(bs[meas].rowwise().sum()), cs.units);
    for (int s = 0; s < 3; ++s) GVC_CHECK_CLOSE(b(s, 0), a(s, 0), 1e-11);
  }
  BOOST_CHECK_EQUAL(gvc::exporter_sector_label(cs, 0), "ARG1:Agriculture");
}

BOOST_FIXTURE_TEST_CASE(leontief_decompositions_and_gvc_indicators_match_decompr_and_gvc, Leather) {
  // decompr::leontief(post = exports | output | none): wide files, id x "Country.Industry".
  auto row_of = [](const std::string& id) {
    const auto dot = id.find('.');
    return country_index(id.substr(0, dot)) * 3 + industry_index(id.substr(dot + 1));
  };
  int compared = 0;
  for (const std::string post : {"exports", "output", "none"}) {
    const auto d = gvc::leontief_decomposition(ctx, post);
    all_pass(d);
    const Csv c = read_csv(decompr("leontief_" + post + ".csv"));
    for (std::size_t r = 0; r < c.rows.size(); ++r)
      for (std::size_t k = 1; k < c.header.size(); ++k) {
        const double want = c.num(r, c.header[k]), got = d.cells[0](row_of(c.rows[r][0]), row_of(c.header[k]));
        BOOST_CHECK_MESSAGE(close(got, want, kRel, 1e-3),
                            post << " " << c.rows[r][0] << " " << c.header[k] << ": " << got << " vs " << want);
        ++compared;
      }
  }
  BOOST_CHECK_EQUAL(compared, 3 * 81);
  BOOST_CHECK_THROW(gvc::leontief_decomposition(ctx, "final"), irio::InputError);
  // gvc 6.4: i2e, e2r, ffddva by country-sector; nrca by id; dfddva / dfdfva by importer x industry.
  const auto g = gvc::gvc_indicators(ctx);
  auto check_rows = [&](const std::string& file, const tables::Vector& v, const std::string& col) {
    const Csv c = read_csv(decompr(file));
    for (std::size_t r = 0; r < c.rows.size(); ++r) {
      const int i = c.header[0] == "id" ? row_of(c.rows[r][0])
                                        : country_index(c.rows[r][0]) * 3 + industry_index(c.rows[r][1]);
      BOOST_CHECK_MESSAGE(close(v(i), c.num(r, col), kRel, 1e-3),
                          file << " row " << r << ": " << v(i) << " vs " << c.num(r, col));
    }
    BOOST_CHECK_EQUAL(c.rows.size(), 9u);
  };
  check_rows("gvc_i2e.csv", g.i2e, "i2e");
  check_rows("gvc_e2r.csv", g.e2r, "e2r");
  check_rows("gvc_ffddva.csv", g.ffddva, "ffddva");
  check_rows("gvc_nrca.csv", g.nrca, "nrca");
  for (const auto& [file, M] :
       {std::pair<std::string, const Matrix*>{"gvc_dfddva.csv", &g.dfddva}, {"gvc_dfdfva.csv", &g.dfdfva}}) {
    const Csv c = read_csv(decompr(file));
    for (std::size_t r = 0; r < c.rows.size(); ++r) {
      const double got = (*M)(country_index(c.rows[r][0]), industry_index(c.rows[r][1]));
      BOOST_CHECK_MESSAGE(close(got, c.num(r, "dfdfva"), kRel, 1e-3), file << " row " << r << ": " << got);
    }
  }
  BOOST_CHECK_EQUAL(g.by_sector.num_rows(), 9u * 4u);
  BOOST_CHECK_EQUAL(g.by_absorber.num_rows(), 3u * 3u * 2u);
}

BOOST_AUTO_TEST_CASE(bilateral_ltdv_equals_dense_extraction) {
  // §3.5 bilateral LTdV: zero A^{sr} and Y^{sr} only, re-solve densely, DVA = GDP_s - v_s' xbar.
  // Leather at the region perimeter and the §7.6 table at the country perimeter (CN = P1 + P2:
  // non-contiguous units are not needed there, but the units hold two regions).
  struct Case {
    tables::IoTable t;
    Perimeter p;
  };
  for (const auto& c : {Case{leather(), Perimeter::kRegion}, Case{provincial_7_6(), Perimeter::kCountry}}) {
    LeontiefModel m(c.t);
    gvc::TradeContext ctx(m, c.p);
    const auto bil = gvc::ltdv_bilateral(ctx);
    const Index n = m.n(), U = ctx.units.size();
    const Matrix A = Matrix(m.A());
    const Vector y = ctx.Yu.rowwise().sum();
    const Vector x = dense_leontief(A) * y;
    for (Index s = 0; s < U; ++s)
      for (Index r = 0; r < U; ++r) {
        if (r == s) continue;
        Matrix Ab = A;
        Vector yb = y;
        for (Index i : ctx.units.rows[static_cast<std::size_t>(s)]) {
          for (Index j : ctx.units.rows[static_cast<std::size_t>(r)]) Ab(i, j) = 0.0;
          yb(i) -= ctx.Yu(i, r);
        }
        const Vector xb = dense_leontief(Ab) * yb;
        double want = 0;
        for (Index i : ctx.units.rows[static_cast<std::size_t>(s)]) want += m.v()(i) * (x(i) - xb(i));
        GVC_CHECK_CLOSE(bil.cells[0](s, r), want, 1e-10);
      }
    if (U == 2) {  // with one partner the bilateral extraction is the exporter-level one
      const auto l = gvc::ltdv(ctx);
      GVC_CHECK_CLOSE(bil.cells[0](0, 1), l.by_exporter["DVA_hem"](0, 0), 1e-10);
    }
    BOOST_CHECK_EQUAL(bil.table.num_rows(), static_cast<std::size_t>(U * (U - 1)));
    (void)n;
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
