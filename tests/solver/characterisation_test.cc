// SPDX-License-Identifier: MIT
// Characterisation of stressors into impacts (methods.md §2.9): the impacts' accounts from the
// stressors' (no solve) equal those computed from the characterised satellite; regionalised factors
// against a dense computation; `irio footprints --characterisation` against pymrio 0.6.3's
// published accounts of its test MRIO, and the file's refusals.
// GCC 12 reports a false -Wuninitialized inside boost::function when a precondition decorator is
// stored (boost/function/function_template.hpp); it is not in our code.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "irio/tables/characterisation.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "irio/solver/footprints.h"
#include "tests/solver/csv_fixture.h"
#include "tests/solver/pymrio_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

using namespace irio;
using irio::tables::Matrix;
using Index = Eigen::Index;
namespace utf = boost::unit_test;

namespace {

double rel_diff(const Matrix& a, const Matrix& b) {
  BOOST_REQUIRE_EQUAL(a.rows(), b.rows());
  BOOST_REQUIRE_EQUAL(a.cols(), b.cols());
  if (a.size() == 0) return 0;
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

/// Two impacts of the pymrio test MRIO's two emissions (k_F = 2).
tables::Characterisation two_impacts() {
  tables::Characterisation c;
  c.impacts = {"total emissions", "weighted"};
  c.impact_units = {"kg", "kg eq"};
  c.factors = Matrix(2, 2);
  c.factors << 1.0, 1.0, 2.5, 0.4;
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(characterisation)

BOOST_AUTO_TEST_CASE(accounts_without_solves_equal_the_characterised_satellites) {
  const auto t = testing::pymrio_table();
  solver::LeontiefModel m(t);
  const auto& sat = t.satellites.at(0);
  solver::FootprintOptions fo;
  fo.population = tables::Vector::Constant(m.num_regions(), 1e6);
  fo.imports_by_sector = true;
  const auto c = two_impacts();
  const auto imp = tables::characterise(sat, c, t.labels, "impacts");
  BOOST_CHECK_EQUAL(imp.stressors.at(1), "weighted");
  BOOST_CHECK_EQUAL(imp.units.at(1), "kg eq");
  BOOST_CHECK_SMALL(rel_diff(imp.F.row(1), 2.5 * sat.F.row(0) + 0.4 * sat.F.row(1)), 1e-15);
  const auto stressors = solver::compute_footprints(m, sat, fo);
  const auto from_accounts = solver::characterise_accounts(stressors, c);
  const auto solved = solver::compute_footprints(m, imp, fo);
  for (auto [what, a, b] : {std::tuple{"S", &from_accounts.S, &solved.S},
                            {"S_Y", &from_accounts.S_Y, &solved.S_Y},
                            {"M", &from_accounts.M, &solved.M},
                            {"M_down", &from_accounts.M_down, &solved.M_down},
                            {"D_cba", &from_accounts.D_cba, &solved.D_cba},
                            {"D_pba", &from_accounts.D_pba, &solved.D_pba},
                            {"D_imp", &from_accounts.D_imp, &solved.D_imp},
                            {"D_exp", &from_accounts.D_exp, &solved.D_exp},
                            {"D_cba_reg", &from_accounts.D_cba_reg, &solved.D_cba_reg},
                            {"D_pba_cap", &from_accounts.D_pba_cap, &solved.D_pba_cap}}) {
    BOOST_TEST_CONTEXT(what) { BOOST_CHECK_SMALL(rel_diff(*a, *b), 1e-12); }
  }
  BOOST_CHECK_GT(from_accounts.D_cba_reg.cwiseAbs().maxCoeff(), 0.0);
  tables::Characterisation regional = c;
  regional.by_region.assign(t.labels.num_regions(), c.factors);
  BOOST_CHECK_THROW(solver::characterise_accounts(stressors, regional), InputError);
}

BOOST_AUTO_TEST_CASE(regionalised_factors_against_a_dense_computation) {
  const auto t = testing::pymrio_table();
  solver::LeontiefModel m(t);
  const auto& sat = t.satellites.at(0);
  const Index G = m.num_regions(), N = m.num_sectors(), n = m.n();
  tables::Characterisation c = two_impacts();
  for (Index r = 0; r < G; ++r) {  // region r weighs the first emission by 1 + r
    Matrix Cr = c.factors;
    Cr(1, 0) = 1.0 + static_cast<double>(r);
    c.by_region.push_back(Cr);
  }
  const auto imp = tables::characterise(sat, c, t.labels, "impacts");
  const auto acc = solver::compute_footprints(m, imp, {});
  // Dense: M_I = sum_r C_r S_r L, D_cba_reg(:, s) = M_I Y^d(:, s) + C_s F_Y 1_s.
  const Matrix A = Matrix(m.A());
  const Matrix L = (Matrix::Identity(n, n) - A).inverse();
  const tables::Vector xinv = tables::safe_reciprocal(m.x());
  const Matrix S = sat.F * xinv.asDiagonal();
  Matrix SI = Matrix::Zero(2, n);
  for (Index r = 0; r < G; ++r)
    SI.middleCols(r * N, N) = c.by_region[static_cast<std::size_t>(r)] * S.middleCols(r * N, N);
  const Matrix MI = SI * L;
  BOOST_CHECK_SMALL(rel_diff(acc.M, MI), 1e-12);
  const Matrix Yd = t.final_demand_by_region();
  const Index K = static_cast<Index>(t.labels.fd_categories.size());
  Matrix want = MI * Yd;
  for (Index s = 0; s < G; ++s)
    want.col(s) += c.by_region[static_cast<std::size_t>(s)] * sat.F_Y.middleCols(s * K, K).rowwise().sum();
  BOOST_CHECK_SMALL(rel_diff(acc.D_cba_reg, want), 1e-12);
  // Regionalised is not uniform: the first impact is, the second differs from any single C.
  BOOST_CHECK_GT(
      (acc.M.row(1) - solver::characterise_accounts(solver::compute_footprints(m, sat, {}), two_impacts()).M.row(1))
          .cwiseAbs()
          .maxCoeff(),
      0.0);
}

BOOST_AUTO_TEST_CASE(cli_against_pymrio_published_accounts, *utf::precondition(testing::BinaryBuilt{})) {
  testing::CliDir d("irio_charact_");
  std::string out;
  BOOST_REQUIRE_EQUAL(d.run("import pymrio '" + testing::validation_data("pymrio_test/raw") + "' -o t.h5", out), 0);
  // pymrio's long layout: stressor and compartment name irio's "emission_type1/air"; the rows of
  // an impact none of whose stressors the satellite has are left out and listed.
  d.write("cf.tsv",
          "impact\tstressor\tcompartment\tfactor\timpact_unit\tstressor_unit\n"
          "total emissions\temission_type1\tair\t1\tkg\tkg\n"
          "total emissions\temission_type2\twater\t1\tkg\tkg\n"
          "weighted\temission_type1\tair\t2.5\tkg eq\tkg\n"
          "weighted\temission_type2\twater\t0.4\tkg eq\tkg\n"
          "land\tcropland\t\t1\tha\tha\n");
  BOOST_REQUIRE_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation cf.tsv -o f.csv", out), 0);
  BOOST_CHECK(out.find("Characterised into 2 impacts (factors the same in every region: no solve)") !=
              std::string::npos);
  BOOST_CHECK(out.find("left out: 'land'") != std::string::npos);
  BOOST_CHECK(out.find("Identities (methods.md §6.2): 8 of 8 hold") != std::string::npos);
  // pymrio 0.6.3's D_cba_reg of the two emissions (Emissions__D_cba_reg.csv), combined.
  const auto pym = testing::read_csv(testing::validation_data("pymrio_test/pymrio_outputs/Emissions__D_cba_reg.csv"));
  const auto rows = testing::read_csv(d.file("f_footprints_Emissions_characterised.csv"));
  BOOST_REQUIRE(rows.size() > 1u);
  const auto& head = rows[0];
  BOOST_CHECK_EQUAL(head[head.size() - 2], "stressor_unit");
  std::size_t checked = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][1] != "(all)" || rows[i][3] != "D_cba_reg") continue;
    std::size_t col = 0;
    for (std::size_t k = 2; k < pym[0].size(); ++k)
      if (pym[0][k] == rows[i][0]) col = k;
    BOOST_REQUIRE(col > 0);
    const double e1 = testing::number(pym[1][col]), e2 = testing::number(pym[2][col]);
    const double want = rows[i][2] == "weighted" ? 2.5 * e1 + 0.4 * e2 : e1 + e2;
    BOOST_CHECK_EQUAL(rows[i][head.size() - 2], rows[i][2] == "weighted" ? "kg eq" : "kg");
    BOOST_CHECK_CLOSE(testing::number(rows[i].back()), want, 1e-9);
    ++checked;
  }
  BOOST_CHECK_EQUAL(checked, 12u);  // 6 regions x 2 impacts

  // Refusals, each naming the line and what to do; nothing is written.
  d.write("partial.csv", "impact,stressor,factor\nall,emission_type1/air,1\nall,emission_type3/soil,1\n");
  BOOST_CHECK_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation partial.csv -o p.csv", out), 2);
  BOOST_CHECK(out.find("partial.csv:3: impact 'all' needs stressor 'emission_type3/soil'") != std::string::npos);
  BOOST_CHECK(out.find("would be understated") != std::string::npos);
  BOOST_CHECK(!d.exists("p_footprints_Emissions.csv"));
  d.write("units.csv", "impact,stressor,factor,stressor_unit\nall,emission_type1/air,1,t\n");
  BOOST_CHECK_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation units.csv -o u.csv", out), 2);
  BOOST_CHECK(out.find("is in 't' here but in 'kg' in satellite 'Emissions'") != std::string::npos);
  d.write("region.csv",
          "impact,stressor,factor,region\nall,emission_type1/air,1,reg1\nall,emission_type1/air,2,reg9\n");
  BOOST_CHECK_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation region.csv -o r.csv", out), 2);
  BOOST_CHECK(out.find("region.csv:3:4: unknown region 'reg9'") != std::string::npos);
  d.write("gap.csv", "impact,stressor,factor,region\nall,emission_type1/air,1,reg1\n");
  BOOST_CHECK_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation gap.csv -o g.csv", out), 2);
  BOOST_CHECK(out.find("but none for region 'reg2'") != std::string::npos);
  // Regionalised factors: the impacts' own solves, said so.
  d.write("reg.csv", "impact,stressor,factor,region\nall,emission_type1/air,1,\nall,emission_type1/air,3,reg2\n");
  BOOST_CHECK_EQUAL(d.run("footprints t.h5 --satellite Emissions --characterisation reg.csv -o g.csv", out), 0);
  BOOST_CHECK(out.find("regionalised factors: ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
