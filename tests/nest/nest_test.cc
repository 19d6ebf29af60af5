// SPDX-License-Identifier: MIT
// `irio nest` (methods.md §5.1): a small hand-checkable MRIO and WIOD 2011 with the EU members as
// the provinces of one country, cut out of the world table and nested back into it; the RAS step
// on inconsistent data; the sector concordance; `chains --export-split` (methods.md §5.5).
#include <cmath>

#include "irio/analysis/analysis.h"
#include "irio/analysis/nest.h"
#include "irio/io/table_store.h"
#include "irio/solver/gvc/production.h"
#include "irio/tables/error.h"
#include "irio/tables/nesting.h"
#include "nest_util.h"

namespace irio::testing {
namespace {

using solver::gvc::kGvcC;
using solver::gvc::kGvcS;
using solver::gvc::kRt;

double participation(const ChainResults& c, const std::string& scope, const std::string& unit, const char* ind) {
  return c.decomposition.participation.find({scope, unit, "all", ind});
}

/// Write P and W into `dir`, nest P into W in place of `country`.
NestJobResult nest_files(const TempDir& dir, const tables::IoTable& P, const tables::IoTable& W,
                         const std::string& country) {
  io::write_table(P, dir / "provinces.h5");
  io::write_table(W, dir / "world.h5");
  NestRequest r;
  r.provinces = dir / "provinces.h5";
  r.world = dir / "world.h5";
  r.country = country;
  r.output = dir / "nested.h5";
  return nest(r);
}

BOOST_AUTO_TEST_SUITE(nesting)

BOOST_AUTO_TEST_CASE(small_table_by_hand) {
  const auto full = small_world();
  const auto P = cut_provinces(full, {"P1", "P2"}, "CN");
  const auto W = world_with_group(full, {"P1", "P2"}, "CN");
  TempDir dir;
  const auto res = nest_files(dir, P, W, "CN");
  const auto& T = res.nest.table;
  BOOST_TEST(T.labels.regions == (std::vector<std::string>{"P1", "P2", "RW"}), boost::test_tools::per_element());
  BOOST_TEST(T.labels.countries[static_cast<std::size_t>(T.labels.country_of_region[0])] == "CN");
  BOOST_TEST(T.labels.country_of_region[0] == T.labels.country_of_region[1]);
  BOOST_TEST(T.labels.country_of_region[2] != T.labels.country_of_region[0]);
  const Matrix Z = Matrix(T.Z);
  // Step 2 by hand: P1 exports of a = 6 + 3 + 8 = 17, P2's = 5 + 1 + 9 = 15; the country's
  // intermediate exports of a to RW/a are 6 + 5 = 11, so P1/a -> RW/a = 17/32 * 11.
  BOOST_TEST(Z(0, 4) == 17.0 / 32.0 * 11.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(Z(2, 5) == 15.0 / 32.0 * (3.0 + 1.0), boost::test_tools::tolerance(1e-12));
  // Step 3 by hand: imports used by P1/a = 5 + 1 = 6, by P2/a = 3 + 2 = 5; RW/b -> CN/a = 1 + 2.
  BOOST_TEST(Z(5, 0) == 6.0 / 11.0 * 3.0, boost::test_tools::tolerance(1e-12));
  // Final imports: RW/a -> CN = 6 + 4, split by the domestic final use of a: P1 30 + 4, P2 5 + 25.
  BOOST_TEST(T.Y(4, 0) == 34.0 / 64.0 * 10.0, boost::test_tools::tolerance(1e-12));
  // Step 1: the provincial blocks are the provincial table's.
  BOOST_TEST(rel_diff(Z.topLeftCorner(4, 4), Matrix(P.Z)) < 1e-12);
  BOOST_TEST(rel_diff(T.Y.topLeftCorner(4, 2), P.Y) < 1e-12);
  BOOST_TEST(rel_diff(T.x.head(4), P.x) < 1e-12);
  BOOST_TEST(rel_diff(T.V.leftCols(4), P.V) < 1e-12);
  // Aggregated back, it is the world table.
  BOOST_TEST(rel_diff(Matrix(res.aggregated.Z), Matrix(W.Z)) < 1e-12);
  BOOST_TEST(rel_diff(res.aggregated.Y, W.Y) < 1e-12);
  BOOST_TEST(rel_diff(res.aggregated.V, W.V) < 1e-12);
  BOOST_TEST(res.failures == 0u);
  BOOST_TEST(res.checks.num_rows() > 10u);
  BOOST_TEST(std::ifstream(dir / "nested_checks.csv").good());
  BOOST_TEST(std::ifstream(dir / "nested.h5").good());
  // The nested table is an ordinary MRIO: the provinces get a finite forward GVC participation.
  Analysis a = Analysis::open(dir / "nested.h5");
  const auto ch = a.chains();
  for (const char* reg : {"P1", "P2"}) BOOST_TEST(std::isfinite(participation(ch, "region", reg, "gvc_forward")));
}

// Satellites (methods.md §5.6): the world table's account is carried, the country's columns split
// among the provinces by the provincial satellite when it has one, else by output; the other
// regions' columns are the world's, and the table aggregated back has the world's account.
BOOST_AUTO_TEST_CASE(satellites_are_carried_and_split_among_the_provinces) {
  const auto full = small_world();
  auto P = cut_provinces(full, {"P1", "P2"}, "CN");
  auto W = world_with_group(full, {"P1", "P2"}, "CN");
  tables::Satellite ws;
  ws.name = "air";
  ws.stressors = {"CO2", "SO2"};
  ws.units = {"kt", "t"};
  ws.F = Matrix(2, W.n());
  ws.F << 10, 20, 3, 4, 1, 2, 0.5, 0.25;  // CN/a, CN/b, RW/a, RW/b
  ws.F_Y = Matrix(2, 2);
  ws.F_Y << 7, 1, 0.3, 0.1;  // CN's final demand, RW's
  W.satellites.push_back(ws);
  for (const bool own : {false, true}) {
    BOOST_TEST_CONTEXT((own ? "with" : "without") << " a provincial satellite") {
      auto Pi = P;
      if (own) {
        tables::Satellite s = ws;
        s.F = Matrix(2, P.n());
        s.F << 1, 2, 3, 1, 1, 1, 1, 3;  // P1/a, P1/b, P2/a, P2/b: the key, not the values
        s.F_Y = Matrix(2, 0);
        Pi.satellites.push_back(s);
      }
      TempDir dir;
      const auto res = nest_files(dir, Pi, W, "CN");
      const auto& T = res.nest.table;
      BOOST_REQUIRE_EQUAL(T.satellites.size(), 1u);
      const auto& F = T.satellites[0].F;
      BOOST_TEST(T.satellites[0].stressors == ws.stressors, boost::test_tools::per_element());
      BOOST_TEST(rel_diff(F.rightCols(2), ws.F.rightCols(2)) < 1e-15);  // RW's columns
      for (Eigen::Index q = 0; q < 2; ++q)
        for (Eigen::Index j = 0; j < 2; ++j) {
          // P1 holds columns j, P2 columns 2 + j; the key is P's satellite or the nested outputs.
          const double k1 = own ? Pi.satellites[0].F(q, j) : T.x(j),
                       k2 = own ? Pi.satellites[0].F(q, 2 + j) : T.x(2 + j);
          BOOST_TEST(F(q, j) == ws.F(q, j) * k1 / (k1 + k2), boost::test_tools::tolerance(1e-12));
          BOOST_TEST(F(q, j) + F(q, 2 + j) == ws.F(q, j), boost::test_tools::tolerance(1e-12));
        }
      // F_Y: the country's column by the provinces' final demand; RW's as the world's.
      const double fd1 = T.Y.col(0).sum(), fd2 = T.Y.col(1).sum();
      BOOST_TEST(T.satellites[0].F_Y(0, 0) == 7 * fd1 / (fd1 + fd2), boost::test_tools::tolerance(1e-12));
      BOOST_TEST(T.satellites[0].F_Y(1, 2) == 0.1, boost::test_tools::tolerance(1e-15));
      // Aggregated back, the account is the world's.
      BOOST_REQUIRE_EQUAL(res.aggregated.satellites.size(), 1u);
      BOOST_TEST(rel_diff(res.aggregated.satellites[0].F, ws.F) < 1e-12);
      BOOST_TEST(rel_diff(res.aggregated.satellites[0].F_Y, ws.F_Y) < 1e-12);
      BOOST_TEST(res.failures == 0u);
      bool noted = false;
      for (const auto& n : res.nest.notes)
        noted = noted ||
                n.find(own ? "provincial satellite of the same name" : "the national intensity") != std::string::npos;
      BOOST_TEST(noted);
      // The nested table's footprints run: the world's production-based total is kept.
      Analysis a = Analysis::open(dir / "nested.h5");
      BOOST_REQUIRE_EQUAL(a.table().satellites.size(), 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(ras_rebalances_inconsistent_tables) {
  // The world table's country sells d more of a to RW/a than the provinces report: its output of a
  // is d higher (RW's value added d lower, CN/a's value added d higher).
  auto full = small_world();
  const auto P = cut_provinces(full, {"P1", "P2"}, "CN");
  const double d = 3.0;
  Matrix Z = Matrix(full.Z);
  Z(0, 4) += d;
  full.Z = Z.sparseView();
  full.x(0) += d;
  full.V(0, 0) += d;
  full.V(0, 4) -= d;
  const auto W = world_with_group(full, {"P1", "P2"}, "CN");
  TempDir dir;
  const auto res = nest_files(dir, P, W, "CN");
  BOOST_TEST(res.failures == 0u);
  BOOST_TEST(res.nest.ras.converged);
  BOOST_TEST(res.nest.ras.iterations > 1);
  const double change = res.checks.find({"RAS: sum |change| / sum |flows|", "country rows", "NA", "info"});
  BOOST_TEST(change > 0);
  const auto& T = res.nest.table;
  // Provincial outputs are scaled to the national output of a and matched by the rows.
  BOOST_TEST(T.x(0) + T.x(2) == W.output()(0), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(rel_diff(T.row_total(), T.x) < 1e-9);
  // Every partner block sums over the provinces to the world table's block.
  BOOST_TEST(rel_diff(Matrix(res.aggregated.Z).block(0, 2, 2, 2), Matrix(W.Z).block(0, 2, 2, 2)) < 1e-12);
  BOOST_TEST(rel_diff(Matrix(res.aggregated.Z).block(2, 0, 2, 2), Matrix(W.Z).block(2, 0, 2, 2)) < 1e-12);
  bool scaled = false;
  for (const auto& n : res.nest.notes) scaled = scaled || n.find("scaled") != std::string::npos;
  BOOST_TEST(scaled);
}

BOOST_AUTO_TEST_CASE(tables_that_cannot_be_reconciled) {
  // The world table says the country imports 200 more inputs for sector a than the provinces
  // use in all (its own value added of a goes negative): no rebalancing of the provinces' rows can
  // reach inputs of x - va - imports < 0, so nest stops with a NumericalError naming the column,
  // and writes nothing.
  auto full = small_world();
  const auto P = cut_provinces(full, {"P1", "P2"}, "CN");
  Matrix Z = Matrix(full.Z);
  Z(4, 0) += 200;
  full.Z = Z.sparseView();
  full.x(4) += 200;
  full.V(0, 0) -= 200;
  const auto W = world_with_group(full, {"P1", "P2"}, "CN");
  TempDir dir;
  try {
    nest_files(dir, P, W, "CN");
    BOOST_FAIL("an unreachable target was accepted");
  } catch (const NumericalError& e) {
    BOOST_TEST_MESSAGE(e.what());
    BOOST_TEST(std::string(e.what()).find("inputs of P") != std::string::npos);
  }
  BOOST_TEST(!std::ifstream(dir / "nested.h5").good());
  BOOST_TEST(!std::ifstream(dir / "nested_checks.csv").good());
}

BOOST_AUTO_TEST_CASE(finer_provincial_sectors_through_a_concordance) {
  // The provinces in three sectors a1, a2, b, where a1 and a2 split sector a 40 : 60 in every row
  // and column; the concordance a1 -> a, a2 -> a, b -> b aggregates them back exactly, so the
  // nested table equals the one nested from the two-sector provincial table.
  const auto full = small_world();
  const auto P = cut_provinces(full, {"P1", "P2"}, "CN");
  const auto W = world_with_group(full, {"P1", "P2"}, "CN");
  Matrix T(3, 2);
  T << 0.4, 0, 0.6, 0, 0, 1;
  Matrix T2 = Matrix::Zero(6, 4);  // both provinces
  T2.topLeftCorner(3, 2) = T;
  T2.bottomRightCorner(3, 2) = T;
  tables::IoTable F = P;
  F.labels.sectors = {"a1", "a2", "b"};
  F.Z = (T2 * Matrix(P.Z) * T2.transpose()).sparseView();
  F.Y = T2 * P.Y;
  F.exports = T2 * P.exports;
  F.imports = P.imports * T2.transpose();
  F.x = T2 * P.x;
  F.V = P.V * T2.transpose();
  TempDir dir;
  io::write_table(F, dir / "fine.h5");
  io::write_table(W, dir / "world.h5");
  dir.write("conc.csv", "provincial,world\na1,a\na2,a\nb,b\n");
  NestRequest r;
  r.provinces = dir / "fine.h5";
  r.world = dir / "world.h5";
  r.country = "CN";
  r.concordance = dir / "conc.csv";
  r.output = dir / "fine_nested.h5";
  const auto fine = nest(r);
  TempDir dir2;
  const auto coarse = nest_files(dir2, P, W, "CN");
  BOOST_TEST(fine.failures == 0u);
  BOOST_TEST(fine.nest.table.labels.sectors == W.labels.sectors, boost::test_tools::per_element());
  BOOST_TEST(rel_diff(Matrix(fine.nest.table.Z), Matrix(coarse.nest.table.Z)) < 1e-12);
  BOOST_TEST(rel_diff(fine.nest.table.Y, coarse.nest.table.Y) < 1e-12);
  BOOST_TEST(rel_diff(fine.nest.table.V, coarse.nest.table.V) < 1e-12);
  // Without the concordance the sectors do not match: an error naming both files.
  r.concordance.clear();
  r.output = dir / "other.h5";
  try {
    nest(r);
    BOOST_FAIL("different sectors without a concordance were accepted");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("concordance") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace irio::testing
