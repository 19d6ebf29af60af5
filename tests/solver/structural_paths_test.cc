// SPDX-License-Identifier: MIT
// Structural path analysis (solver/structural_paths.h, methods.md §2.8) against a dense computation
// in the test: the series terms s'A^t y by dense powers of A, and every path by exhaustive
// enumeration over dense A. At threshold 0 the paths of each order sum to s'A^t y; with a threshold,
// every path reported reaches it, the list is sorted, found + the pruned bound covers each term,
// and the top K are the K largest of the exhaustive enumeration.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <random>

#include "irio/solver/structural_paths.h"
#include "tests/solver/pymrio_fixture.h"
#include "tests/test_util.h"

namespace {

using irio::tables::Matrix;
using irio::tables::Vector;
namespace sv = irio::solver;

struct Enumerated {
  double value;
  std::vector<Eigen::Index> nodes;
};

/// Every path of order <= T with a non-zero value of at least `min_abs`, by depth-first
/// enumeration over dense A.
std::vector<Enumerated> enumerate(const Matrix& A, const Vector& s, const Vector& y, int T, double min_abs = 0) {
  std::vector<Enumerated> out;
  std::vector<Eigen::Index> path;
  std::function<void(Eigen::Index, double)> visit = [&](Eigen::Index i, double w) {
    path.push_back(i);
    if (w * s(i) != 0 && std::abs(w * s(i)) >= min_abs) out.push_back({w * s(i), path});
    if (static_cast<int>(path.size()) <= T)
      for (Eigen::Index k = 0; k < A.rows(); ++k)
        if (A(k, i) != 0) visit(k, w * A(k, i));
    path.pop_back();
  };
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (y(i) != 0) visit(i, y(i));
  return out;
}

/// s'A^t y by dense powers, t = 0..T.
std::vector<double> dense_terms(const Matrix& A, const Vector& s, const Vector& y, int T) {
  std::vector<double> out;
  Vector v = y;
  for (int t = 0; t <= T; ++t) {
    if (t > 0) v = A * v;
    out.push_back(s.dot(v));
  }
  return out;
}

irio::tables::IoTable leather_with_satellite() {
  auto t = irio::testing::leather();
  irio::tables::Satellite s;
  s.name = "air";
  s.stressors = {"CO2"};
  s.units = {"kt"};
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0.5, 4.0);
  s.F = Matrix(1, t.n());
  for (Eigen::Index j = 0; j < s.F.cols(); ++j) s.F(0, j) = u(rng);
  s.F_Y = Matrix(1, 0);
  t.satellites.push_back(s);
  return t;
}

sv::ModelOptions dense() {
  sv::ModelOptions o;
  o.backend = sv::Backend::kDense;
  return o;
}

void check_exhaustive_sums(const sv::LeontiefModel& m, const Vector& s, const Vector& y, int T) {
  sv::StructuralPathOptions o;
  o.threshold = 0;
  o.max_order = T;
  o.top = 10000000;
  const auto r = sv::structural_paths(m, s, y, o);
  const Matrix A = Matrix(m.A());
  const auto terms = dense_terms(A, s, y, T);
  const Matrix L = (Matrix::Identity(m.n(), m.n()) - A).inverse();
  BOOST_TEST(r.total == s.dot(L * y), boost::test_tools::tolerance(1e-12));
  BOOST_REQUIRE_EQUAL(r.by_order.size(), static_cast<std::size_t>(T + 1));
  std::size_t count = 0;
  for (int t = 0; t <= T; ++t) {
    const auto& o_t = r.by_order[static_cast<std::size_t>(t)];
    BOOST_TEST_CONTEXT("order " << t) {
      BOOST_TEST(o_t.found == terms[static_cast<std::size_t>(t)], boost::test_tools::tolerance(1e-12));
      BOOST_TEST(o_t.series_term == terms[static_cast<std::size_t>(t)], boost::test_tools::tolerance(1e-12));
      BOOST_TEST(o_t.pruned_bound == 0.0);
    }
    count += o_t.paths;
  }
  const auto all = enumerate(A, s, y, T);
  BOOST_TEST(count == all.size());
  BOOST_TEST(r.paths.size() == all.size());
  BOOST_TEST(!r.capped);
  // Each path's value is the product along it, recomputed densely.
  for (const auto& p : r.paths) {
    double w = y(p.nodes[0]);
    for (std::size_t k = 1; k < p.nodes.size(); ++k) w *= A(p.nodes[k], p.nodes[k - 1]);
    BOOST_TEST(p.value == w * s(p.nodes.back()), boost::test_tools::tolerance(1e-14));
    BOOST_TEST(p.flows.back() == w, boost::test_tools::tolerance(1e-14));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(structural_paths)

BOOST_AUTO_TEST_CASE(at_threshold_zero_the_paths_of_each_order_sum_to_the_series_term) {
  const auto t = leather_with_satellite();
  const sv::LeontiefModel m(t, dense());
  const Vector s = sv::stressor_intensity(m, "air", "");
  check_exhaustive_sums(m, s, sv::final_demand_of(m, ""), 4);
  check_exhaustive_sums(m, s, sv::final_demand_of(m, t.labels.regions[1]), 3);
  // Either sign: a negative final demand cell and a negative intensity (the bound takes |.|).
  Vector s2 = s, y2 = sv::final_demand_of(m, "");
  s2(2) = -s2(2);
  y2(4) = -0.5 * y2(4);
  check_exhaustive_sums(m, s2, y2, 4);
}

BOOST_AUTO_TEST_CASE(on_pymrio_with_a_threshold_the_paths_reach_it_sorted_and_bounded) {
  const auto t = irio::testing::pymrio_table();
  const sv::LeontiefModel m(t, dense());
  const Vector s = sv::stressor_intensity(m, "Emissions", t.satellites[0].stressors[0]);
  const Vector y = sv::final_demand_of(m, "reg2");
  const Matrix A = Matrix(m.A());
  sv::StructuralPathOptions o;
  o.threshold = 1e-4;
  o.max_order = 8;
  o.top = 100000;
  const auto r = sv::structural_paths(m, s, y, o);
  BOOST_TEST_REQUIRE(!r.paths.empty());
  BOOST_TEST(r.threshold_abs == 1e-4 * r.total, boost::test_tools::tolerance(1e-12));  // s, y >= 0 here
  for (std::size_t k = 0; k < r.paths.size(); ++k) {
    BOOST_TEST(std::abs(r.paths[k].value) >= r.threshold_abs);
    if (k > 0) BOOST_TEST(std::abs(r.paths[k].value) <= std::abs(r.paths[k - 1].value));
  }
  const auto terms = dense_terms(A, s, y, o.max_order);
  double found = 0;
  for (std::size_t k = 0; k < r.by_order.size(); ++k) {
    const auto& ot = r.by_order[k];
    BOOST_TEST(ot.series_term == terms[k], boost::test_tools::tolerance(1e-12));
    BOOST_TEST(ot.found + ot.pruned_bound >= ot.series_term, "order " << k);
    BOOST_TEST(ot.found <= ot.series_term * (1 + 1e-12), "order " << k);
    found += ot.found;
  }
  BOOST_TEST(found / r.total > 0.9);  // most of the footprint lies on paths above 1e-4
  BOOST_TEST(r.expansions < 2000u);   // the bound prunes: 48 sectors, 48^9 paths up to order 8

  // Top K: the K largest of the exhaustive enumeration up to order 3 (5.4 million paths,
  // those above the threshold kept), node by node.
  o.max_order = 3;
  o.threshold = 1e-6;
  o.top = 40;
  const auto top = sv::structural_paths(m, s, y, o);
  auto all = enumerate(A, s, y, 3, top.threshold_abs);
  std::sort(all.begin(), all.end(),
            [](const Enumerated& a, const Enumerated& b) { return std::abs(a.value) > std::abs(b.value); });
  BOOST_REQUIRE_EQUAL(top.paths.size(), 40u);
  BOOST_TEST(top.top_reached);
  for (std::size_t k = 0; k < 40; ++k) {
    BOOST_TEST(top.paths[k].value == all[k].value, boost::test_tools::tolerance(1e-13));
    BOOST_TEST(top.paths[k].nodes == all[k].nodes, "rank " << k + 1);
  }
}

BOOST_AUTO_TEST_CASE(the_node_cap_stops_the_search_and_the_bound_still_covers_each_term) {
  const auto t = irio::testing::pymrio_table();
  const sv::LeontiefModel m(t, dense());
  const Vector s = Vector::Ones(m.n());
  const Vector y = sv::final_demand_of(m, "");
  sv::StructuralPathOptions o;
  o.threshold = 1e-7;
  o.max_order = 6;
  o.max_nodes = 500;
  const auto r = sv::structural_paths(m, s, y, o);
  BOOST_TEST(r.capped);
  BOOST_TEST(r.nodes <= 500u);
  for (const auto& ot : r.by_order) BOOST_TEST(ot.found + ot.pruned_bound >= ot.series_term * (1 - 1e-12));
}

BOOST_AUTO_TEST_CASE(inputs_are_checked_with_what_to_do) {
  auto t = leather_with_satellite();
  t.satellites[0].stressors = {"CO2"};
  const sv::LeontiefModel m(t, dense());
  auto message = [](const std::function<void()>& f) -> std::string {
    try {
      f();
    } catch (const irio::InputError& e) {
      return e.what();
    }
    return "(no InputError)";
  };
  BOOST_TEST(message([&] { (void)sv::final_demand_of(m, "XYZ"); }).find("--region 'XYZ' is not a region") !=
             std::string::npos);
  BOOST_TEST(message([&] { (void)sv::stressor_intensity(m, "water", ""); }).find("satellites: 'air'") !=
             std::string::npos);
  BOOST_TEST(message([&] { (void)sv::stressor_intensity(m, "air", "CO"); }).find("nearest: 'CO2'") !=
             std::string::npos);
  auto t2 = t;
  t2.satellites[0].stressors = {"CO2", "CH4"};
  t2.satellites[0].units = {"kt", "t"};
  t2.satellites[0].F = Matrix::Ones(2, t.n());
  const sv::LeontiefModel m2(t2, dense());
  BOOST_TEST(message([&] { (void)sv::stressor_intensity(m2, "air", ""); }).find("name one with --stressor") !=
             std::string::npos);
  // A negative coefficient: the bound does not hold, refused naming the cell.
  auto t3 = irio::testing::leather();
  Matrix Z = Matrix(t3.Z);
  Z(1, 0) = -Z(1, 0) - 1;
  t3.Z = Z.sparseView();
  t3.x = t3.row_total();
  const sv::LeontiefModel m3(t3, dense());
  const auto neg = message([&] {
    (void)sv::structural_paths(m3, Vector::Ones(m3.n()), sv::final_demand_of(m3, ""), sv::StructuralPathOptions{});
  });
  BOOST_TEST(neg.find("needs A >= 0") != std::string::npos, neg);
}

BOOST_AUTO_TEST_SUITE_END()
