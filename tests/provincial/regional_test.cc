// SPDX-License-Identifier: MIT
// The provincial-research analyses (methods.md §10) on a CEADs-layout table (31 provinces x 6
// sectors, seeded, exogenous rest of the world): circulation by the shipped four regions as ratios
// of the province sums, disparity adding up, SDA between two seeded years, and the CLI verbs.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "irio/analysis/regional.h"
#include "irio/solver/gvc/chain_sda.h"
#include "tests/provincial/workbooks.h"
#include "tests/support/cli_runner.h"
#include "tests/test_util.h"

namespace {

namespace gvc = irio::solver::gvc;
using irio::testing::scratch;

int run_irio(const std::string& args, std::string& out) {
  return irio::testing::run_irio_logged(args, out, scratch("regional_" + std::to_string(std::rand()) + ".log"));
}

/// Two seeded CEADs workbooks: year 1 has more final demand and other intermediate flows.
std::pair<std::string, std::string> two_years() {
  const std::string a = scratch("regional_y0.xlsx"), b = scratch("regional_y1.xlsx");
  auto f = irio::testing::seeded_fixture(31, 6);
  irio::testing::write_fixture(f, a);
  for (Eigen::Index i = 0; i < f.Y.rows(); ++i) f.Y.row(i) *= 1.0 + 0.05 * static_cast<double>(i % 7);
  f.Z *= 1.1;
  f.ex *= 1.2;
  const irio::tables::Vector x = f.x();
  for (Eigen::Index j = 0; j < f.Z.cols(); ++j) {
    const double va = x(j) - f.Z.col(j).sum() - f.im(j);
    f.V.col(j) << 0.5 * va, 0.1 * va, 0.15 * va, 0.25 * va;
  }
  irio::testing::write_fixture(f, b);
  return {a, b};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(regional_provincial)

BOOST_AUTO_TEST_CASE(circulation_and_disparity_by_four_regions) {
  const auto [y0, y1] = two_years();
  const irio::Analysis a = irio::Analysis::open(y0);
  irio::CirculationRequest req;
  req.groups = {"four_regions"};
  const auto r = irio::circulation(a, req);
  BOOST_CHECK_EQUAL(r.u1, "nvc_backward");  // exogenous rest of the world: backward defaults
  BOOST_CHECK_EQUAL(r.u2, "gvc_backward");
  BOOST_REQUIRE_EQUAL(r.groups.size(), 1u);
  const auto& g = r.groups[0];
  BOOST_CHECK_EQUAL(g.units.size(), 4u);
  // Group values are ratios of the province sums (methods.md §6.1), recomputed here.
  const auto grouping = a.groupings({"four_regions"})[0];
  const auto& lab = a.table().labels;
  for (std::size_t k = 0; k < g.units.size(); ++k) {
    double nvc = 0, gvc_b = 0, y = 0;
    for (std::size_t p = 0; p < lab.num_regions(); ++p)
      if (grouping.group_of(lab.regions[p]) == g.units[k]) {
        const auto row = static_cast<Eigen::Index>(p);
        nvc += r.regions.backward(row, gvc::kNvcS) + r.regions.backward(row, gvc::kNvcC);
        gvc_b += r.regions.backward(row, gvc::kGvc);
        y += r.regions.y(row);
      }
    const auto row = static_cast<Eigen::Index>(k);
    BOOST_CHECK_CLOSE(g.indicators(row, gvc::kOrientationBackward), nvc / (nvc + gvc_b), 1e-10);
    BOOST_CHECK_CLOSE(g.indicators(row, gvc::kGvcBackward), gvc_b / y, 1e-10);
    BOOST_CHECK(std::isnan(g.indicators(row, gvc::kGvcForward)));  // not identified (§5.5)
    BOOST_CHECK_SMALL(
        g.indicators(row, gvc::kDomesticShareForward) + g.indicators(row, gvc::kInternationalShareForward) - 1, 1e-12);
  }
  irio::DisparityRequest d;
  d.groups = {"four_regions", "north_south"};
  d.indicator = "orientation_backward";
  d.weights = irio::DisparityWeights::kOutput;
  const auto dr = irio::disparity(a, d);
  BOOST_REQUIRE_EQUAL(dr.by_grouping.size(), 2u);
  for (const auto& part : dr.by_grouping) {
    BOOST_CHECK_SMALL(part.theil_t.between + part.theil_t.within - part.theil_t.total, 1e-14);
    BOOST_CHECK_SMALL(part.theil_l.between + part.theil_l.within - part.theil_l.total, 1e-14);
    BOOST_CHECK_CLOSE(part.theil_t.total, dr.by_grouping[0].theil_t.total, 1e-12);  // same total
  }
}

BOOST_AUTO_TEST_CASE(cli_on_ceads_workbooks) {
  const auto [y0, y1] = two_years();
  std::string out;
  const std::string c = scratch("regional_c.csv"), d = scratch("regional_d.csv"), s = scratch("regional_s.csv"),
                    p = scratch("regional_p.csv");
  BOOST_TEST(run_irio("circulation " + y0 + " --groups four_regions -o " + c + " --force", out) == 0, out);
  BOOST_TEST(out.find("U1 = nvc_backward, U2 = gvc_backward") != std::string::npos, out);
  BOOST_TEST(run_irio("disparity " + y0 + " --groups four_regions --indicator nvc_backward --weights value_added -o " +
                          d + " --force",
                      out) == 0,
             out);
  BOOST_TEST(
      run_irio("sda " + y0 + " " + y1 + " --quantity value_added --groups four_regions -o " + s + " --force", out) == 0,
      out);
  // The parts of the total add up to the change.
  std::ifstream in(s);
  std::string line;
  double parts = 0, change = std::nan("");
  while (std::getline(in, line)) {
    const std::string head = "value_added,total,all,(all),";  // tidy keys: quantity,scope,region,sector,factor
    if (line.rfind(head, 0) != 0) continue;
    const auto comma = line.find_last_of(',');
    const std::string factor =
        line.substr(head.size(), line.find(',', head.size()) - head.size());  // name columns follow
    const double v = std::stod(line.substr(comma + 1));
    if (factor == "change") change = v;
    else if (factor != "q0" && factor != "q1") parts += v;
  }
  BOOST_TEST(std::abs(parts - change) <= 1e-9 * std::abs(change), parts << " vs " << change);
  BOOST_TEST(run_irio("panel " + y0 + " " + y1 + " --years 2012 2017 --verb circulation --groups four_regions -o " + p +
                          " --force",
                      out) == 0,
             out);
}

BOOST_AUTO_TEST_CASE(scenario_file_on_ceads_workbook) {
  const auto [y0, y1] = two_years();
  const std::string sc = scratch("regional_scenarios.csv"), o = scratch("regional_sc.csv");
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination,closure,fd_factor\n"
         "east_west_half,0.5,East,West;Central,own_region,0.8\n"
         "all_more,1.2,all,all,imports,\n"
         "beijing_out,0.8,Beijing,all,,\n";
  }
  std::string out;
  BOOST_TEST(
      run_irio("scenario " + y0 + " --scenarios " + sc + " --groups four_regions -o " + o + " --force", out) == 0, out);
  BOOST_TEST(out.find("east_west_half") != std::string::npos, out);
  std::ifstream in(o);
  std::stringstream ss;
  ss << in.rdbuf();
  BOOST_TEST(ss.str().find("all_more,four_regions,East,output_change,") != std::string::npos);
  BOOST_TEST(ss.str().find("east_west_half,four_regions,West,nvc_backward_change,") != std::string::npos);
  BOOST_TEST(ss.str().find("east_west_half,total,all,gvc_backward_base,") != std::string::npos);
  // The library gives the same answer as the file.
  const irio::Analysis a = irio::Analysis::open(y0);
  irio::MarketScenarioRequest req;
  req.scenario_file = sc;
  req.groups = {"four_regions"};
  const auto r = irio::market_scenarios(a, req);
  BOOST_REQUIRE_EQUAL(r.scenarios.size(), 3u);
  BOOST_CHECK(r.scenarios[2].closure == irio::solver::MarketClosure::kOwnRegion);  // the default
  BOOST_CHECK_EQUAL(r.scenarios[0].final_demand_factor, 0.8);
  BOOST_CHECK_EQUAL(r.scenarios[1].final_demand_factor, 1.0);
  for (int k = 0; k < 3; ++k) BOOST_CHECK_LE(r.solved.residual[static_cast<std::size_t>(k)], 1e-12);
  // An unknown origin is refused, naming the file and line.
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination\nbad,0.5,Atlantis,all\n";
  }
  BOOST_TEST(run_irio("scenario " + y0 + " --scenarios " + sc + " -o " + o + " --force", out) == 2, out);
  BOOST_TEST(out.find(":2: origin 'Atlantis' is neither a region nor a group") != std::string::npos, out);
}

// NVC / GVC value added of scenarios on a table with an exogenous rest of the world (one country:
// L_C = L, A_F = 0; backward GVC (a_M'L') o y', the imports closure moving a_M by -1'dA) against
// dense inverses; forward GVC is not identified (NaN).
BOOST_AUTO_TEST_CASE(scenario_participation_on_ceads_workbook_matches_dense) {
  using irio::tables::Matrix;
  using irio::tables::Vector;
  using Index = Eigen::Index;
  const auto [y0, y1] = two_years();
  const irio::Analysis a = irio::Analysis::open(y0);
  const auto& m = a.model();
  std::vector<irio::solver::MarketScenario> sc(2);
  sc[0].name = "half_own";
  sc[0].factor = 0.5;
  sc[0].final_demand_factor = 0.7;
  sc[1].name = "more_imports";
  sc[1].factor = 1.2;
  sc[1].final_demand_factor = 0.8;
  sc[1].closure = irio::solver::MarketClosure::kImports;
  const auto r = irio::solver::solve_market_scenarios(m, sc);
  const Index n = m.n(), N = m.num_sectors();
  auto inv = [&](const Matrix& M) {
    return Matrix((Matrix::Identity(n, n) - M).partialPivLu().solve(Matrix::Identity(n, n)));
  };
  for (std::size_t k = 0; k < sc.size(); ++k) {
    const Matrix dA = Matrix(irio::solver::scenario_change(m, sc[k]));
    const Matrix A1 = Matrix(m.A()) + dA;
    Matrix A_R = Matrix::Zero(n, n);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < n; ++j)
        if (i / N == j / N) A_R(i, j) = A1(i, j);
    const Matrix A_N = A1 - A_R, L = inv(A1), LR = inv(A_R);
    const Matrix Yd = irio::solver::scenario_final_demand(m, sc[k]);
    const Vector yC = Yd.rowwise().sum();
    const Vector y = yC + m.table().exports.rowwise().sum();
    Vector aM = m.a_M();
    if (sc[k].closure == irio::solver::MarketClosure::kImports) aM -= (Eigen::RowVectorXd::Ones(n) * dA).transpose();
    const Vector v = m.v();
    const Vector x1 = L * y;
    const auto& c = r.chains[k].numerators;
    const double scale = x1.cwiseAbs().maxCoeff();
    BOOST_CHECK_SMALL((r.x.col(static_cast<Index>(k)) - x1).cwiseAbs().maxCoeff() / scale, 1e-10);
    BOOST_CHECK_SMALL((c.col(0) - v.cwiseProduct(LR * (A_N * (L * yC)))).cwiseAbs().maxCoeff() / scale, 1e-10);
    BOOST_CHECK(std::isnan(c(0, 1)));
    const Eigen::RowVectorXd vLRAN = (v.transpose() * LR) * A_N;
    BOOST_CHECK_SMALL((c.col(2) - (vLRAN * L).transpose().cwiseProduct(yC)).cwiseAbs().maxCoeff() / scale, 1e-10);
    BOOST_CHECK_SMALL((c.col(3) - (aM.transpose() * L).transpose().cwiseProduct(y)).cwiseAbs().maxCoeff() / scale,
                      1e-10);
  }
  // The base system agrees with the three-level decomposition (backward GVC total).
  const auto d = gvc::three_level_decomposition(m);
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(3) - d.backward.col(gvc::kGvc)).cwiseAbs().maxCoeff() / d.y.cwiseAbs().maxCoeff(),
      1e-10);
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(2) - d.backward.col(gvc::kNvcS) - d.backward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() /
          d.y.cwiseAbs().maxCoeff(),
      1e-10);
}

// SDA of the participation numerators on CEADs-layout tables (exogenous rest of the world): forward
// and backward NVC, backward GVC (a_M'L)' o y, against all 4! orders with dense inverses; the parts
// add up to the change; forward GVC is not reported.
BOOST_AUTO_TEST_CASE(sda_participation_on_ceads_workbooks_matches_dense) {
  using irio::tables::Matrix;
  using irio::tables::Vector;
  using Index = Eigen::Index;
  const auto [y0, y1] = two_years();
  const irio::Analysis a0 = irio::Analysis::open(y0), a1 = irio::Analysis::open(y1);
  const auto c = gvc::chain_structural_decomposition(a0.model(), a1.model());
  BOOST_CHECK(c.exogenous_rest_of_world);
  BOOST_CHECK_EQUAL(c.gvc.q0.size(), 0);
  const std::array<const irio::solver::LeontiefModel*, 2> m{&a0.model(), &a1.model()};
  const Index n = m[0]->n(), N = m[0]->num_sectors();
  struct Dense {
    Matrix A_N, L, LR;
    Vector aM, v, yC, y;
    double s = 0;
  };
  std::array<Dense, 2> d;
  for (std::size_t t = 0; t < 2; ++t) {
    const Matrix A = Matrix(m[t]->A());
    Matrix A_R = Matrix::Zero(n, n);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < n; ++j)
        if (i / N == j / N) A_R(i, j) = A(i, j);
    const Matrix I = Matrix::Identity(n, n);
    d[t].A_N = A - A_R;
    d[t].L = (I - A).partialPivLu().solve(I);
    d[t].LR = (I - A_R).partialPivLu().solve(I);
    d[t].aM = m[t]->a_M();
    d[t].v = m[t]->v();
    const Vector yd = m[t]->table().final_demand_by_region().rowwise().sum();
    const Vector y = yd + m[t]->table().exports.rowwise().sum();
    d[t].s = y.sum();
    d[t].yC = yd / d[t].s;
    d[t].y = y / d[t].s;
  }
  auto q = [&](const std::array<std::size_t, 4>& b) {  // technology, level, mix, v
    const Dense &T = d[b[0]], &U = d[b[2]];
    const Vector& v = d[b[3]].v;
    const double s = d[b[1]].s;
    Vector out(3 * n);
    out << s * v.cwiseProduct(T.LR * (T.A_N * (T.L * U.yC))),
        s * (((v.transpose() * T.LR) * T.A_N) * T.L).transpose().cwiseProduct(U.yC),
        s * (T.aM.transpose() * T.L).transpose().cwiseProduct(U.y);
    return out;
  };
  std::array<int, 4> order{0, 1, 2, 3};
  Matrix parts = Matrix::Zero(3 * n, 4);
  int count = 0;
  do {
    std::array<std::size_t, 4> b{};
    Vector before = q(b);
    for (int f : order) {
      b[static_cast<std::size_t>(f)] = 1;
      const Vector after = q(b);
      parts.col(f) += after - before;
      before = after;
    }
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  parts /= count;
  const double scale = c.gvc_backward.q1.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((c.nvc.parts - parts.topRows(n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.nvc_backward.parts - parts.middleRows(n, n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.gvc_backward.parts - parts.bottomRows(n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  for (const auto* p : {&c.nvc, &c.nvc_backward, &c.gvc_backward})
    BOOST_CHECK_SMALL((p->parts.rowwise().sum() - (p->q1 - p->q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL(c.gvc_backward.parts.col(3).cwiseAbs().maxCoeff(), 1e-12 * scale);  // v plays no part
  // End points: each year's three-level decomposition.
  const auto d1 = gvc::three_level_decomposition(a1.model());
  BOOST_CHECK_SMALL((c.gvc_backward.q1 - d1.backward.col(gvc::kGvc)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.nvc.q1 - d1.forward.col(gvc::kNvcS) - d1.forward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() / scale,
                    1e-10);
  // Through the CLI: the three quantities, no forward GVC.
  std::string out;
  const std::string o = irio::testing::scratch("regional_sda_part.csv");
  BOOST_TEST(run_irio("sda " + y0 + " " + y1 + " --quantity participation --groups four_regions -o " + o + " --force",
                      out) == 0,
             out);
  std::ifstream in(o);
  std::stringstream ss;
  ss << in.rdbuf();
  BOOST_TEST(ss.str().find("nvc_value_added_backward,four_regions,East,(all),technology,") != std::string::npos);
  BOOST_TEST(ss.str().find("gvc_value_added_backward,total,all,(all),change,") != std::string::npos);
  BOOST_TEST(ss.str().find("gvc_value_added,") == std::string::npos);
  // The report's provincial sections on such tables: disparity, scenarios, change from year 0.
  const std::string sc = irio::testing::scratch("regional_report_sc.csv"),
                    html = irio::testing::scratch("regional.html");
  {
    std::ofstream f(sc);
    f << "scenario,factor,origin,destination,closure,fd_factor\nhalf,0.5,East,all,own_region,0.5\n";
  }
  BOOST_TEST(
      run_irio("report " + y1 + " --groups four_regions --scenarios " + sc + " --compare " + y0 + " -q -f -o " + html,
               out) == 0,
      out);
  std::ifstream hin(html);
  const std::string page((std::istreambuf_iterator<char>(hin)), std::istreambuf_iterator<char>());
  for (const char* id :
       {"chart-disparity_theil", "chart-scenario_va_1", "chart-scenario_nvc_1", "chart-sda_value_added",
        "chart-sda_nvc_value_added", "chart-sda_gvc_value_added_backward", "table-sda_table"})
    BOOST_TEST(page.find(std::string("id=\"") + id + "\"") != std::string::npos, id);
  BOOST_TEST(page.find("id=\"chart-sda_gvc_value_added\"") == std::string::npos);  // not identified
}

BOOST_AUTO_TEST_SUITE_END()
