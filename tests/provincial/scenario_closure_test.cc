// SPDX-License-Identifier: MIT
// Unified-market scenarios that cannot fail (methods.md §10.6): on a 31-province table in the
// CEADs layout where one province buys little from itself, "all inter-provincial coefficients
// x 1.05" is refused under the own_region closure, runs under the proportional closure (own
// suppliers in proportion, none below zero, the rest to imports, reported), and the refused
// scenario is its own row while the other scenarios of the file run. Checked against a dense
// solve of the scaled system, built here entry by entry.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "irio/analysis/regional.h"
#include "tests/provincial/workbooks.h"
#include "tests/support/cli_runner.h"

namespace {

using irio::testing::scratch;
using irio::tables::Matrix;
using irio::tables::Vector;
using Index = Eigen::Index;

int run_irio(const std::string& args, std::string& out) {
  return irio::testing::run_irio_logged(args, out, scratch("closure_" + std::to_string(std::rand()) + ".log"));
}

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

constexpr Index kN = 6;       // sectors
constexpr Index kSmall = 25;  // Tibet: buys little from its own province

/// The seeded 31-province workbook with a home bias (each province buys most from itself, every
/// own-province entry positive), except Tibet, whose purchases from itself are a thousandth of that.
std::string small_own_supply() {
  auto f = irio::testing::seeded_fixture(31, kN);
  for (Index p = 0; p < 31; ++p) {
    auto own = f.Z.block(p * kN, p * kN, kN, kN);
    own = 20.0 * (own.array() + 500.0).matrix();
    if (p == kSmall) own *= 1e-3;
  }
  const Vector x = f.x();
  for (Index j = 0; j < f.Z.cols(); ++j) {
    const double va = x(j) - f.Z.col(j).sum() - f.im(j);
    f.V.col(j) << 0.5 * va, 0.1 * va, 0.15 * va, 0.25 * va;
  }
  const std::string path = scratch("closure_tibet.xlsx");
  irio::testing::write_fixture(f, path);
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scenario_closure)

BOOST_AUTO_TEST_CASE(proportional_closure_runs_where_own_region_is_refused) {
  const std::string table = small_own_supply();
  const irio::Analysis a = irio::Analysis::open(table);
  const auto& m = a.model();
  irio::solver::MarketScenario own;
  own.name = "unified_own";
  own.factor = 1.05;
  BOOST_CHECK_THROW(irio::solver::scenario_change(m, own), irio::InputError);  // Tibet's own supply is too small
  irio::solver::MarketScenario prop = own;
  prop.name = "unified_proportional";
  prop.closure = irio::solver::MarketClosure::kProportional;
  const Matrix dA = Matrix(irio::solver::scenario_change(m, prop));

  // The oracle, entry by entry: inter-provincial coefficients x 1.05; each column's own-province
  // coefficients all lose the same share of themselves, at most all of it; the rest is left to imports.
  const Matrix A = Matrix(m.A());
  const Index n = m.n();
  Matrix ref = Matrix::Zero(n, n);
  Vector shortfall = Vector::Zero(n);
  for (Index j = 0; j < n; ++j) {
    double change = 0, own_sum = 0;
    for (Index i = 0; i < n; ++i) {
      if (i / kN == j / kN) {
        own_sum += A(i, j);
      } else {
        ref(i, j) = 0.05 * A(i, j);
        change += ref(i, j);
      }
    }
    const double taken = std::min(change, own_sum);
    for (Index i = 0; i < n; ++i)
      if (i / kN == j / kN) ref(i, j) = -taken * A(i, j) / own_sum;
    shortfall(j) = change - taken;
  }
  BOOST_CHECK_SMALL((dA - ref).cwiseAbs().maxCoeff(), 1e-14);
  BOOST_CHECK_GE((A + dA).minCoeff(), 0.0);
  BOOST_CHECK_GT(shortfall.segment(kSmall * kN, kN).minCoeff(), 0.0);  // Tibet's own supply runs out
  BOOST_CHECK_SMALL(shortfall.head(kSmall * kN).cwiseAbs().maxCoeff(), 1e-15);
  const Vector col_sums = (Eigen::RowVectorXd::Ones(n) * dA).transpose();
  BOOST_CHECK_SMALL((col_sums - shortfall).cwiseAbs().maxCoeff(), 1e-14);

  // The scenario solves; its output is the dense solution of the scaled system.
  const auto r = irio::solver::solve_market_scenarios(m, {prop});
  const Vector y = a.table().final_demand_total();
  const Vector x1 = (Matrix::Identity(n, n) - A - ref).partialPivLu().solve(y);
  BOOST_CHECK_SMALL((r.x.col(0) - x1).cwiseAbs().maxCoeff() / x1.cwiseAbs().maxCoeff(), 1e-10);
}

BOOST_AUTO_TEST_CASE(a_refused_scenario_is_its_own_row_and_the_others_run) {
  const std::string table = small_own_supply();
  const std::string sc = scratch("closure_scenarios.csv"), o = scratch("closure_sc.csv");
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination,closure,fd_factor\n"
         "unified_own,1.05,all,all,own_region,\n"
         "unified_proportional,1.05,all,all,proportional,\n"
         "unified_fd,1.05,all,all,proportional,1.05\n"
         "half,0.5,all,all,own_region,\n";
  }
  std::string out;
  BOOST_REQUIRE_MESSAGE(
      run_irio("scenario " + table + " --scenarios " + sc + " --groups four_regions -o " + o, out) == 0, out);
  BOOST_CHECK_MESSAGE(contains(out, "unified_own") && contains(out, "refused: scenario 'unified_own'"), out);
  BOOST_CHECK_MESSAGE(contains(out, "to imports"), out);
  std::ifstream in(o);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  BOOST_CHECK_MESSAGE(csv.rfind("scenario,scope,unit,indicator,status,value\n", 0) == 0, csv.substr(0, 100));
  BOOST_CHECK(contains(csv, "\nunified_own,total,all,refused,refused: scenario 'unified_own': the own-region closure"));
  BOOST_CHECK(!contains(csv, "\nunified_own,total,all,output_change"));
  BOOST_CHECK(contains(csv, "\nunified_proportional,four_regions,West,output_change,ok,"));
  BOOST_CHECK(contains(csv, "\nhalf,total,all,value_added_change,ok,"));
  BOOST_CHECK(contains(csv, "\nhalf,total,all,closure_to_imports,ok,0\n"));

  // The library: three scenarios solved in the file's order, one refused with its reason.
  const irio::Analysis a = irio::Analysis::open(table);
  irio::MarketScenarioRequest req;
  req.scenario_file = sc;
  const auto r = irio::market_scenarios(a, req);
  BOOST_REQUIRE_EQUAL(r.scenarios.size(), 3u);
  BOOST_CHECK_EQUAL(r.scenarios[0].name, "unified_proportional");
  BOOST_REQUIRE_EQUAL(r.refused.size(), 1u);
  BOOST_CHECK(contains(r.refused[0].reason, "Tibet"));
  BOOST_CHECK_GT(r.shortfall[0], 0.0);
  BOOST_CHECK_EQUAL(r.shortfall[2], 0.0);
  for (double res : r.solved.residual) BOOST_CHECK_LE(res, 1e-12);
  // Final demand under the proportional closure: no entry turns negative.
  const Matrix Yd = irio::solver::scenario_final_demand(a.model(), r.scenarios[1]);
  BOOST_CHECK_GE(Yd.minCoeff(), std::min(0.0, a.table().final_demand_by_region().minCoeff()));

  // Every scenario refused: an error naming them, nothing written.
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination\nonly,1.05,all,all\n";
  }
  const std::string o2 = scratch("closure_sc2.csv");
  BOOST_CHECK_EQUAL(run_irio("scenario " + table + " --scenarios " + sc + " -o " + o2, out), 2);
  BOOST_CHECK_MESSAGE(contains(out, "every scenario was refused") && contains(out, "only"), out);
}

BOOST_AUTO_TEST_SUITE_END()
