// SPDX-License-Identifier: MIT
// Hypothetical extraction (methods.md §2.6): Miller & Blair §7.1 values, Woodbury == refactorized and
// the empty set (§6.2 (13)), block extractions against an explicit dense solve.
#include "irio/solver/extraction.h"

#include <boost/test/unit_test.hpp>

#include "irio/tables/error.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

BOOST_AUTO_TEST_SUITE(extraction)

BOOST_AUTO_TEST_CASE(miller_blair_hem_values) {
  auto t = testing::miller_blair_2x2();
  solver::LeontiefModel m(t);
  // methods.md §7.1: total output 3000; losses for sector 1 and 2.
  const double want[2][3] = {{1210.526316, 272.445820, 588.235294}, {2588.235294, 712.074303, 359.133127}};
  const solver::ExtractionKind kinds[3] = {solver::ExtractionKind::kTotal, solver::ExtractionKind::kBackward,
                                           solver::ExtractionKind::kForward};
  for (Index s = 0; s < 2; ++s)
    for (int k = 0; k < 3; ++k)
      for (auto meth : {solver::ExtractionMethod::kWoodbury, solver::ExtractionMethod::kRefactorize}) {
        solver::ExtractionOptions o;
        o.method = meth;
        const auto r = solver::extract(m, kinds[k], {s}, o);
        BOOST_TEST_CONTEXT("sector " << s << " " << solver::to_string(kinds[k]) << " " << r.method) {
          BOOST_CHECK_CLOSE(r.x_base.sum(), 3000.0, 1e-12);
          BOOST_CHECK_SMALL(r.output_loss - want[s][k], 5.000001e-7);
        }
      }
  const auto byname = solver::sector_indices(m, {"R/s2"});
  BOOST_REQUIRE_EQUAL(byname.size(), 1u);
  BOOST_CHECK_EQUAL(byname[0], 1);
}

BOOST_AUTO_TEST_CASE(woodbury_equals_refactorized_and_empty_set) {
  auto t = testing::leather();
  tables::Satellite s;
  s.name = "co2";
  s.stressors = {"co2"};
  s.units = {"kt"};
  s.F = Matrix::Constant(1, 9, 2.0);
  t.satellites.push_back(s);
  solver::LeontiefModel m(t);
  const std::vector<std::vector<Index>> sets{{0}, {4, 7}, {1, 2, 8}};
  for (auto kind :
       {solver::ExtractionKind::kTotal, solver::ExtractionKind::kBackward, solver::ExtractionKind::kForward}) {
    for (bool keep : {true, false}) {
      for (const auto& J : sets) {
        solver::ExtractionOptions w, r;
        w.method = solver::ExtractionMethod::kWoodbury;
        r.method = solver::ExtractionMethod::kRefactorize;
        w.keep_diagonal = r.keep_diagonal = keep;
        const auto a = solver::extract(m, kind, J, w), b = solver::extract(m, kind, J, r);
        BOOST_TEST_CONTEXT(solver::to_string(kind) << " keep " << keep << " |J| " << J.size()) {
          BOOST_CHECK_EQUAL(a.method, "woodbury");
          BOOST_CHECK_EQUAL(b.method, "refactorize");
          BOOST_CHECK_SMALL((a.x_extracted - b.x_extracted).cwiseAbs().maxCoeff(), 1e-10);
          BOOST_CHECK(a.output_loss > 0);
          BOOST_CHECK_SMALL(a.stressor_loss(0) - b.stressor_loss(0), 1e-10);
        }
      }
      // §6.2 (13): extracting nothing changes nothing.
      const auto e = solver::extract(m, kind, {});
      BOOST_CHECK_EQUAL(e.method, "none");
      BOOST_CHECK_SMALL(e.output_loss, 1e-12);
      BOOST_CHECK_SMALL(e.va_loss, 1e-12);
      BOOST_CHECK_SMALL(e.stressor_loss(0), 1e-12);
    }
  }
  // Total extraction against its definition: delete rows and columns J.
  const std::vector<Index> keep{0, 1, 3, 5, 6, 8};
  const Matrix A(m.A());
  Matrix Ak(6, 6);
  Vector yk(6);
  const Vector y = t.final_demand_total();
  for (Index a = 0; a < 6; ++a) {
    yk(a) = y(keep[static_cast<std::size_t>(a)]);
    for (Index b = 0; b < 6; ++b) Ak(a, b) = A(keep[static_cast<std::size_t>(a)], keep[static_cast<std::size_t>(b)]);
  }
  const Vector xk = (Matrix::Identity(6, 6) - Ak).lu().solve(yk);
  const auto r = solver::extract(m, solver::ExtractionKind::kTotal, {2, 4, 7});
  BOOST_CHECK_CLOSE(r.x_extracted.sum(), xk.sum(), 1e-10);
  BOOST_CHECK_EQUAL(r.x_extracted(4), 0.0);
}

BOOST_AUTO_TEST_CASE(block_extractions) {
  // §7.6 provincial table: CN = {P1, P2}, RW.
  Matrix Z(6, 6), Y(6, 3);
  Z << 20, 10, 6, 4, 3, 2, 8, 25, 5, 7, 2, 4, 4, 3, 30, 12, 5, 3, 2, 6, 9, 22, 1, 6, 3, 2, 4, 3, 60, 30, 2, 4, 3, 5, 25,
      70;
  Y << 40, 8, 10, 35, 6, 12, 7, 50, 14, 5, 45, 9, 6, 5, 150, 4, 6, 160;
  auto t = testing::make_table(Z, Y, {"P1", "P2", "RW"}, {"a", "b"}, {"CN", "RW"}, {0, 0, 1});
  solver::LeontiefModel m(t);
  const Matrix A(m.A());
  const Vector y = t.final_demand_total();
  for (auto kind : {solver::ExtractionKind::kInterRegional, solver::ExtractionKind::kNational}) {
    Matrix Ax = A;
    for (Index i = 0; i < 6; ++i)
      for (Index j = 0; j < 6; ++j) {
        const bool cross = i / 2 != j / 2;
        const bool same_country = (i / 2 < 2) == (j / 2 < 2);
        if (kind == solver::ExtractionKind::kInterRegional ? cross : cross && same_country) Ax(i, j) = 0;
      }
    const Vector xref = (Matrix::Identity(6, 6) - Ax).lu().solve(y);
    for (auto meth : {solver::ExtractionMethod::kAuto, solver::ExtractionMethod::kWoodbury,
                      solver::ExtractionMethod::kRefactorize}) {
      solver::ExtractionOptions o;
      o.method = meth;
      const auto r = solver::extract(m, kind, {}, o);
      BOOST_TEST_CONTEXT(solver::to_string(kind) << " " << r.method) {
        BOOST_CHECK_SMALL((r.x_extracted - xref).cwiseAbs().maxCoeff(), 1e-10);
      }
    }
  }
  BOOST_CHECK_EQUAL(solver::extract(m, solver::ExtractionKind::kNational, {}).rank, 4);
  const auto tt = solver::extraction_table({solver::extract(m, solver::ExtractionKind::kNational, {})}, {"A_N"});
  BOOST_CHECK(tt.find({"A_N", "national", "output_loss"}) > 0);
}

BOOST_AUTO_TEST_CASE(bad_inputs) {
  auto t = testing::leather();
  solver::LeontiefModel m(t);
  auto expect = [&](auto f, const std::string& msg) {
    try {
      f();
      BOOST_ERROR("no exception for " << msg);
    } catch (const InputError& e) {
      BOOST_CHECK_EQUAL(std::string(e.what()), msg);
    }
  };
  expect([&] { solver::extract(m, solver::ExtractionKind::kTotal, {9}); },
         "extraction sector index 9 out of range [0, 9)");
  expect(
      [&] {
        solver::extract(m, solver::ExtractionKind::kBackward, {3, 3});
      },
      "extraction set lists region 'TUR', sector 'Agriculture' twice");
  expect([&] { solver::extract(m, solver::ExtractionKind::kInterRegional, {3}); },
         "the inter-regional block extraction takes no sector list");
  expect([&] { solver::sector_indices(m, {"ARG/Mining"}); },
         "extraction set (--sectors): unknown sector 'Mining' in 'ARG/Mining' (nearest: 'Textile', "
         "'Transport'); write SECTOR or REGION/SECTOR");
  expect([&] { solver::sector_indices(m, {"BRA/Textile"}); },
         "extraction set (--sectors): unknown region 'BRA' in 'BRA/Textile' (nearest: 'ARG', 'TUR'); "
         "write SECTOR or REGION/SECTOR");
  BOOST_CHECK_EQUAL(solver::sector_indices(m, {"Textile"}).size(), 3u);
}

BOOST_AUTO_TEST_SUITE_END()
