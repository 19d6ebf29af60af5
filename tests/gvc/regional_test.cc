// SPDX-License-Identifier: MIT
// Provincial-research analyses (methods.md §10): circulation and coupling coordination against a
// dense evaluation of (5.1), the Theil decomposition adding up and matching textbook forms, and
// the structural decomposition against an explicit average over all k! orders of change, on a
// seeded provincial table and on WIOD 1995 / 2011 with the EU grouped as one country.
#include <algorithm>
#include <array>
#include <functional>
#include <numeric>
#include <random>

#include "gvc_test_util.h"
#include "irio/solver/disparity.h"
#include "irio/solver/gvc/chain_sda.h"
#include "irio/solver/gvc/circulation.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/market_scenario.h"
#include "irio/solver/sda.h"
#include "irio/tables/error.h"

namespace irio::testing {
namespace gvc = solver::gvc;
using solver::LeontiefModel;
using solver::Perimeter;

namespace {

/// Dense (5.1) by region-sector: n x 7 forward (row sums) and backward (column sums); written
/// here again so that this file's oracle does not share code with the solver.
void dense_terms(const LeontiefModel& m, Matrix& Fw, Matrix& Bw) {
  const Index n = m.n(), N = m.num_sectors();
  const Matrix A = Matrix(m.A());
  const Matrix A_R = Matrix(m.A_within(Perimeter::kRegion)), A_C = Matrix(m.A_within(Perimeter::kCountry));
  const Matrix A_N = A_C - A_R, A_F = A - A_C;
  const Matrix L = dense_leontief(A), LR = dense_leontief(A_R), LC = dense_leontief(A_C);
  const auto& lab = m.labels();
  const Matrix Yd = m.table().final_demand_by_region();
  Vector yR = Vector::Zero(n), yN = Vector::Zero(n), yF = Vector::Zero(n);
  for (Index i = 0; i < n; ++i)
    for (Index t = 0; t < Yd.cols(); ++t) {
      const auto r = static_cast<std::size_t>(i / N);
      if (static_cast<std::size_t>(t) == r) yR(i) += Yd(i, t);
      else if (lab.country_of_region[static_cast<std::size_t>(t)] == lab.country_of_region[r]) yN(i) += Yd(i, t);
      else yF(i) += Yd(i, t);
    }
  const Vector yC = yR + yN, y = yC + yF;
  const Vector v = m.v();
  // Row sums v o (M y) and column sums (v'M) o y' of each term, from the dense inverses.
  const Vector lr_yr = LR * yR, lc_yc = LC * yC;
  Fw.resize(n, 7);
  Fw.col(0) = v.cwiseProduct(lr_yr);
  Fw.col(1) = v.cwiseProduct(LR * yN);
  Fw.col(2) = v.cwiseProduct(LR * (A_N * lr_yr));
  Fw.col(3) = v.cwiseProduct(LR * (A_N * (lc_yc - lr_yr)));
  Fw.col(4) = v.cwiseProduct(LC * yF);
  Fw.col(5) = v.cwiseProduct(LC * (A_F * lc_yc));
  Fw.col(6) = v.cwiseProduct(LC * (A_F * (L * y - lc_yc)));
  const Eigen::RowVectorXd vLR = v.transpose() * LR, vLC = v.transpose() * LC;
  const Eigen::RowVectorXd vLRAN = vLR * A_N, vLCAF = vLC * A_F;
  const Eigen::RowVectorXd nvcS = vLRAN * LR, gvcS = vLCAF * LC;
  Bw.resize(n, 7);
  Bw.col(0) = vLR.transpose().cwiseProduct(yR);
  Bw.col(1) = vLR.transpose().cwiseProduct(yN);
  Bw.col(2) = nvcS.transpose().cwiseProduct(yR);
  Bw.col(3) = (vLRAN * LC).transpose().cwiseProduct(yC) - Bw.col(2);
  Bw.col(4) = vLC.transpose().cwiseProduct(yF);
  Bw.col(5) = gvcS.transpose().cwiseProduct(yC);
  Bw.col(6) = (vLCAF * L).transpose().cwiseProduct(y) - Bw.col(5);
}

/// Circulation indicators of units from dense terms: group index per region (-1: identity).
Matrix dense_circulation(const LeontiefModel& m, const std::vector<int>& group_of_region, Index G) {
  Matrix Fw, Bw;
  dense_terms(m, Fw, Bw);
  const Index N = m.num_sectors();
  Matrix F = Matrix::Zero(G, 7), B = Matrix::Zero(G, 7);
  for (Index i = 0; i < m.n(); ++i) {
    const Index g = group_of_region[static_cast<std::size_t>(i / N)];
    F.row(g) += Fw.row(i);
    B.row(g) += Bw.row(i);
  }
  // A unit none of whose regions shares its country with another region has no domestic border:
  // NVC, NTF and the orientation are undefined there (NaN, methods.md §10.1).
  const auto& lab = m.labels();
  std::vector<int> size(lab.num_countries(), 0);
  for (int k : lab.country_of_region) ++size[static_cast<std::size_t>(k)];
  std::vector<bool> domestic(static_cast<std::size_t>(G), false);
  for (std::size_t r = 0; r < lab.num_regions(); ++r)
    if (size[static_cast<std::size_t>(lab.country_of_region[r])] > 1)
      domestic[static_cast<std::size_t>(group_of_region[r])] = true;
  const double nan = std::nan("");
  Matrix out(G, gvc::kNumCirculationIndicators);
  for (Index g = 0; g < G; ++g) {
    const double va = F.row(g).sum(), y = B.row(g).sum();  // (5.1) property 1
    const double nf = F(g, 2) + F(g, 3), gf = F(g, 5) + F(g, 6), nb = B(g, 2) + B(g, 3), gb = B(g, 5) + B(g, 6);
    const bool dom = domestic[static_cast<std::size_t>(g)];
    out.row(g) << (dom ? nf / va : nan), gf / va, (dom ? nb / y : nan), gb / y, (dom ? nf / (nf + gf) : nan),
        (dom ? nb / (nb + gb) : nan), F(g, 0) / va, (dom ? F(g, 1) / va : nan), F(g, 4) / va,
        (F(g, 0) + F(g, 1) + nf) / va, (F(g, 4) + gf) / va, B(g, 0) / y, (dom ? B(g, 1) / y : nan), B(g, 4) / y,
        (B(g, 0) + B(g, 1) + nb) / y, (B(g, 4) + gb) / y, 0.0, 0.0;  // no ERR-type final demand here
  }
  return out;
}

/// Seeded provincial-style MRIO: country CN with 4 provinces, country JP with 1 region, RW.
tables::IoTable seeded_provincial(unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  const int G = 6, N = 3, n = G * N;
  Matrix Z(n, n), Y(n, G);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) Z(i, j) = (i / N == j / N ? 12.0 : 2.5) * U(gen);
    for (int r = 0; r < G; ++r) Y(i, r) = (i / N == r ? 50.0 : 6.0) * U(gen);
  }
  return make_table(Z, Y, {"East1", "East2", "West1", "West2", "JP", "RW"}, {"agr", "man", "ser"}, {"CN", "JP", "RW"},
                    {0, 0, 0, 0, 1, 2});
}

void check_circulation(const tables::IoTable& t, double tol) {
  LeontiefModel m(t);
  const auto d = gvc::three_level_decomposition(m);
  // by region
  std::vector<int> id(t.labels.num_regions());
  std::iota(id.begin(), id.end(), 0);
  const auto c = gvc::circulation(m, d);
  const Matrix ref = dense_circulation(m, id, static_cast<Index>(id.size()));
  BOOST_REQUIRE_EQUAL(c.indicators.rows(), ref.rows());
  for (Index r = 0; r < ref.rows(); ++r)
    for (Index k = 0; k < ref.cols(); ++k) {
      if (std::isnan(ref(r, k))) {
        BOOST_CHECK(std::isnan(c.indicators(r, k)));
        continue;
      }
      BOOST_CHECK_MESSAGE(std::abs(c.indicators(r, k) - ref(r, k)) <= tol,
                          c.units[static_cast<std::size_t>(r)]
                              << " " << gvc::circulation_indicator_names()[static_cast<std::size_t>(k)] << ": "
                              << c.indicators(r, k) << " vs " << ref(r, k));
    }
  // Routes add to one: domestic + international shares, forward and backward.
  for (Index r = 0; r < ref.rows(); ++r) {
    BOOST_CHECK_SMALL(
        c.indicators(r, gvc::kDomesticShareForward) + c.indicators(r, gvc::kInternationalShareForward) - 1, 1e-12);
    BOOST_CHECK_SMALL(
        c.indicators(r, gvc::kDomesticShareBackward) + c.indicators(r, gvc::kInternationalShareBackward) - 1, 1e-12);
  }
  // by the groups of a grouping: each country's regions in two halves, a ratio of sums
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<int> gid;
  std::vector<std::string> gnames;
  for (std::size_t r = 0; r < t.labels.num_regions(); ++r) {
    const std::string grp = t.labels.countries[static_cast<std::size_t>(t.labels.country_of_region[r])] +
                            (r % 2 ? "_odd" : "_even");
    pairs.emplace_back(t.labels.regions[r], grp);
    auto it = std::find(gnames.begin(), gnames.end(), grp);
    if (it == gnames.end()) {
      gnames.push_back(grp);
      it = gnames.end() - 1;
    }
    gid.push_back(static_cast<int>(it - gnames.begin()));
  }
  const auto g = tables::Grouping::from_pairs("halves", pairs);
  const auto cg = gvc::circulation(m, d, &g);
  const Matrix refg = dense_circulation(m, gid, static_cast<Index>(gnames.size()));
  for (std::size_t k = 0; k < gnames.size(); ++k) {
    const auto row = static_cast<Index>(std::find(cg.units.begin(), cg.units.end(), gnames[k]) - cg.units.begin());
    for (Index j = 0; j < refg.cols(); ++j)
      if (!std::isnan(refg(static_cast<Index>(k), j)))
        BOOST_CHECK_SMALL(cg.indicators(row, j) - refg(static_cast<Index>(k), j), tol);
  }
}

/// q = e^ L (s u) from a dense inverse, the factors at year 0 or 1 by `at1`.
Vector dense_q(const std::array<Matrix, 2>& L, const std::array<double, 2>& s, const std::array<Vector, 2>& u,
               const std::array<Vector, 2>& e, const std::vector<int>& at1) {
  Vector q = s[static_cast<std::size_t>(at1[1])] *
             (L[static_cast<std::size_t>(at1[0])] * u[static_cast<std::size_t>(at1[2])]);
  if (at1.size() > 3) q = q.cwiseProduct(e[static_cast<std::size_t>(at1[3])]);
  return q;
}

/// Average over every order of change (std::next_permutation): an independent oracle.
Matrix dense_sda(const LeontiefModel& m0, const LeontiefModel& m1, const Vector& e0, const Vector& e1) {
  const std::array<Matrix, 2> L{dense_leontief(Matrix(m0.A())), dense_leontief(Matrix(m1.A()))};
  const Vector y0 = m0.table().final_demand_total(), y1 = m1.table().final_demand_total();
  const std::array<double, 2> s{y0.sum(), y1.sum()};
  const std::array<Vector, 2> u{y0 / s[0], y1 / s[1]};
  const std::array<Vector, 2> e{e0, e1};
  const int k = e0.size() > 0 ? 4 : 3;
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  Matrix parts = Matrix::Zero(m0.n(), k);
  int count = 0;
  do {
    std::vector<int> at1(static_cast<std::size_t>(k), 0);
    Vector before = dense_q(L, s, u, e, at1);
    for (int f : order) {
      at1[static_cast<std::size_t>(f)] = 1;
      const Vector after = dense_q(L, s, u, e, at1);
      parts.col(f) += after - before;
      before = after;
    }
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  return parts / count;
}

void check_sda(const LeontiefModel& m0, const LeontiefModel& m1, const Vector& e0, const Vector& e1, double tol) {
  const auto d = solver::structural_decomposition(m0, m1, e0, e1);
  const Vector change = d.q1 - d.q0;
  const double scale = std::max(d.q0.cwiseAbs().maxCoeff(), d.q1.cwiseAbs().maxCoeff());
  // The parts add up to the change, by region-sector and in total.
  BOOST_CHECK_SMALL((d.parts.rowwise().sum() - change).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL(std::abs(d.parts.sum() - change.sum()) / std::abs(change.sum()), 1e-9);
  // Against the explicit average over all k! orders with dense inverses.
  const Matrix ref = dense_sda(m0, m1, e0, e1);
  BOOST_REQUIRE_EQUAL(ref.cols(), d.parts.cols());
  BOOST_CHECK_SMALL((d.parts - ref).cwiseAbs().maxCoeff() / scale, tol);
  // q1 itself equals an independent solve of e1^ L1 y1.
  Vector y1 = m1.table().final_demand_total();
  Vector q1 = m1.solve(Matrix(y1)).col(0);
  if (e1.size()) q1 = q1.cwiseProduct(e1);
  BOOST_CHECK_SMALL((q1 - d.q1).cwiseAbs().maxCoeff() / scale, 1e-12);
}

/// Dense oracle of a market scenario: dA entry by entry, x = (I - A - dA)^{-1} y.
Vector dense_scenario(const LeontiefModel& m, double factor, const std::vector<bool>& origin,
                      const std::vector<bool>& dest, bool own_region, Vector* multipliers = nullptr) {
  const Matrix A = Matrix(m.A());
  const Index n = m.n(), N = m.num_sectors();
  const auto& c = m.labels().country_of_region;
  Matrix dA = Matrix::Zero(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) {
      const auto r = static_cast<std::size_t>(i / N), s = static_cast<std::size_t>(j / N);
      if (r == s || c[r] != c[s] || !(origin.empty() || origin[r]) || !(dest.empty() || dest[s])) continue;
      const double d = (factor - 1) * A(i, j);
      dA(i, j) += d;
      if (own_region) dA(static_cast<Index>(s) * N + i % N, j) -= d;
    }
  const Matrix I = Matrix::Identity(n, n);
  const auto lu = (I - A - dA).partialPivLu();
  if (multipliers) *multipliers = lu.transpose().solve(Vector::Ones(n));  // 1'(I - A')^{-1}
  return lu.solve(m.table().final_demand_total());
}

/// Dense change dA and final demand by destination Yd' of a scenario (oracle, entry by entry).
void dense_scenario_system(const LeontiefModel& m, const solver::MarketScenario& sc, Matrix& dA, Matrix& Yd) {
  const Matrix A = Matrix(m.A());
  const Index n = m.n(), N = m.num_sectors();
  const auto& c = m.labels().country_of_region;
  const bool own = sc.closure == solver::MarketClosure::kOwnRegion;
  auto pick = [](const std::vector<bool>& sel, std::size_t r) { return sel.empty() || sel[r]; };
  dA = Matrix::Zero(n, n);
  const Matrix Y0 = m.table().final_demand_by_region();
  Yd = Y0;
  for (Index i = 0; i < n; ++i) {
    const auto r = static_cast<std::size_t>(i / N);
    for (Index j = 0; j < n; ++j) {
      const auto s = static_cast<std::size_t>(j / N);
      if (r == s || c[r] != c[s] || !pick(sc.origin, r) || !pick(sc.destination, s)) continue;
      const double d = (sc.factor - 1) * A(i, j);
      dA(i, j) += d;
      if (own) dA(static_cast<Index>(s) * N + i % N, j) -= d;
    }
    for (Index t = 0; t < Y0.cols(); ++t) {
      const auto ts = static_cast<std::size_t>(t);
      if (r == ts || c[r] != c[ts] || !pick(sc.origin, r) || !pick(sc.destination, ts)) continue;
      const double d = (sc.final_demand_factor - 1) * Y0(i, t);
      Yd(i, t) += d;
      if (own) Yd(t * N + i % N, t) -= d;
    }
  }
}

/// The dense inverses of one technology A, split by region and country (oracle only).
struct DenseSystem {
  Matrix A_N, A_F, L, LR, LC;
  DenseSystem(const Matrix& A, const std::vector<int>& country, Index N) {
    const Index n = A.rows();
    Matrix A_R = Matrix::Zero(n, n), A_C = Matrix::Zero(n, n);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < n; ++j) {
        if (i / N == j / N) A_R(i, j) = A(i, j);
        if (country[static_cast<std::size_t>(i / N)] == country[static_cast<std::size_t>(j / N)]) A_C(i, j) = A(i, j);
      }
    A_N = A_C - A_R;
    A_F = A - A_C;
    L = dense_leontief(A);
    LR = dense_leontief(A_R);
    LC = dense_leontief(A_C);
  }
};

/// Dense NVC / GVC value added (n x 4: forward NVC, GVC, backward NVC, GVC) of a closed system with
/// final demand by destination Yd and value-added coefficients v.
Matrix dense_chain_value_added(const DenseSystem& S, const Vector& v, const Matrix& Yd, const std::vector<int>& country,
                               Index N) {
  const Index n = S.L.rows();
  Vector yC = Vector::Zero(n);
  for (Index i = 0; i < n; ++i)
    for (Index t = 0; t < Yd.cols(); ++t)
      if (country[static_cast<std::size_t>(t)] == country[static_cast<std::size_t>(i / N)]) yC(i) += Yd(i, t);
  const Vector y = Yd.rowwise().sum();
  Matrix out(n, 4);
  out.col(0) = v.cwiseProduct(S.LR * (S.A_N * (S.LC * yC)));
  out.col(1) = v.cwiseProduct(S.LC * (S.A_F * (S.L * y)));
  const Eigen::RowVectorXd vLR = v.transpose() * S.LR, vLC = v.transpose() * S.LC;
  out.col(2) = ((vLR * S.A_N) * S.LC).transpose().cwiseProduct(yC);
  out.col(3) = ((vLC * S.A_F) * S.L).transpose().cwiseProduct(y);
  return out;
}

/// The contribution of each of 4 factors averaged over all 4! orders of change, written out with
/// std::next_permutation (independent of the library's average_over_orders): column f of the
/// result is factor f's part; q(at1) is the quantity (`rows` values) with factor j at its end
/// value where at1[j] = 1.
Matrix average_over_all_orders(const std::function<Vector(const std::vector<int>&)>& q, Index rows) {
  std::vector<int> order{0, 1, 2, 3};
  Matrix parts = Matrix::Zero(rows, 4);
  int count = 0;
  do {
    std::vector<int> at1(4, 0);
    Vector before = q(at1);
    for (int f : order) {
      at1[static_cast<std::size_t>(f)] = 1;
      const Vector after = q(at1);
      parts.col(f) += after - before;
      before = after;
    }
    ++count;
  } while (std::next_permutation(order.begin(), order.end()));
  return parts / count;
}

/// SDA of the four NVC / GVC quantities by explicit orders of change (std::next_permutation),
/// dense: 4n x 4 (forward NVC, GVC, backward NVC, GVC stacked).
Matrix dense_chain_sda(const LeontiefModel& m0, const LeontiefModel& m1) {
  const auto& c = m0.labels().country_of_region;
  const Index N = m0.num_sectors(), n = m0.n();
  const std::array<DenseSystem, 2> S{DenseSystem(Matrix(m0.A()), c, N), DenseSystem(Matrix(m1.A()), c, N)};
  const std::array<Matrix, 2> Y{m0.table().final_demand_by_region(), m1.table().final_demand_by_region()};
  const std::array<double, 2> s{Y[0].sum(), Y[1].sum()};
  const std::array<Vector, 2> v{m0.v(), m1.v()};
  auto q = [&](const std::vector<int>& at1) {
    const auto b = [&](int j) { return static_cast<std::size_t>(at1[static_cast<std::size_t>(j)]); };
    const Matrix r = dense_chain_value_added(S[b(0)], v[b(3)], s[b(1)] * (Y[b(2)] / s[b(2)]), c, N);
    Vector out(4 * n);
    out << r.col(0), r.col(1), r.col(2), r.col(3);
    return out;
  };
  return average_over_all_orders(q, 4 * n);
}

/// Scenario output and NVC / GVC value added against the dense oracle (relative to the largest).
void check_scenario_chains(const LeontiefModel& m, const std::vector<solver::MarketScenario>& sc, double tol) {
  const auto r = solver::solve_market_scenarios(m, sc);
  BOOST_REQUIRE_EQUAL(r.chains.size(), sc.size());
  const auto& c = m.labels().country_of_region;
  const Index N = m.num_sectors();
  // The base system: the same numbers as the three-level decomposition.
  const auto d = gvc::three_level_decomposition(m);
  const double s0 = d.va.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(0) - d.forward.col(gvc::kNvcS) - d.forward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() / s0,
      tol);
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(1) - d.forward.col(gvc::kGvcS) - d.forward.col(gvc::kGvcC)).cwiseAbs().maxCoeff() / s0,
      tol);
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(2) - d.backward.col(gvc::kNvcS) - d.backward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() /
          s0,
      tol);
  BOOST_CHECK_SMALL(
      (r.chains0.numerators.col(3) - d.backward.col(gvc::kGvcS) - d.backward.col(gvc::kGvcC)).cwiseAbs().maxCoeff() /
          s0,
      tol);
  for (std::size_t k = 0; k < sc.size(); ++k) {
    Matrix dA, Yd;
    dense_scenario_system(m, sc[k], dA, Yd);
    const Matrix A1 = Matrix(m.A()) + dA;
    const Vector x1 = (Matrix::Identity(m.n(), m.n()) - A1).partialPivLu().solve(Vector(Yd.rowwise().sum()));
    const Matrix ref = dense_chain_value_added(DenseSystem(A1, c, N), m.v(), Yd, c, N);
    const auto col = static_cast<Index>(k);
    const double scale = x1.cwiseAbs().maxCoeff();
    BOOST_CHECK_SMALL((r.x.col(col) - x1).cwiseAbs().maxCoeff() / scale, tol);
    BOOST_CHECK_SMALL((r.chains[k].numerators - ref).cwiseAbs().maxCoeff() / scale, tol);
    BOOST_CHECK_SMALL((r.chains[k].va - m.v().cwiseProduct(x1)).cwiseAbs().maxCoeff() / scale, tol);
    BOOST_CHECK_SMALL((r.chains[k].y - Yd.rowwise().sum()).cwiseAbs().maxCoeff() / scale, 1e-14);
    // The scenario moves NVC value added.
    BOOST_CHECK_GT((r.chains[k].numerators.col(0) - r.chains0.numerators.col(0)).cwiseAbs().maxCoeff(), 1e-6 * scale);
  }
}

/// Backward NVC value added (NVC_S + NVC_C column sums) of the three-level decomposition.
Vector d1_backward_nvc(const LeontiefModel& m) {
  const auto d = gvc::three_level_decomposition(m);
  return d.backward.col(gvc::kNvcS) + d.backward.col(gvc::kNvcC);
}

const tables::IoTable& wiod_year(const std::string& year) {
  static const tables::IoTable t95 = wiod("1995", true), t11 = wiod("2011", true);
  return year == "1995" ? t95 : t11;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(regional)

BOOST_AUTO_TEST_CASE(circulation_matches_dense_on_seeded_provincial_table) {
  check_circulation(seeded_provincial(11), 1e-12);
  check_circulation(provincial_7_6(), 1e-12);
}

BOOST_AUTO_TEST_CASE(circulation_matches_dense_on_wiod2011_eu_grouped) { check_circulation(wiod_year("2011"), 1e-9); }

BOOST_AUTO_TEST_CASE(coupling_coordination_values) {
  // U1 = 0.25, U2 = 1: C = 2 sqrt(0.25) / 1.25 = 0.8, T = 0.625, D = sqrt(0.5).
  Vector a(3), b(3);
  a << 0.25, 0.0, 0.6;
  b << 1.0, 0.0, 0.6;
  gvc::CouplingOptions opt;
  opt.normalize = false;
  const auto k = gvc::coupling_coordination(a, b, {"p", "q", "r"}, opt);
  BOOST_CHECK_CLOSE(k.coupling(0), 0.8, 1e-12);
  BOOST_CHECK_CLOSE(k.development(0), 0.625, 1e-12);
  BOOST_CHECK_CLOSE(k.coordination(0), std::sqrt(0.5), 1e-12);
  BOOST_CHECK_EQUAL(gvc::coordination_band_names()[static_cast<std::size_t>(k.band[0])], "intermediate_coordination");
  // U1 + U2 = 0: C = T = D = 0, the lowest band.
  BOOST_CHECK_EQUAL(k.coupling(1), 0.0);
  BOOST_CHECK_EQUAL(k.coordination(1), 0.0);
  BOOST_CHECK_EQUAL(k.band[1], 0);
  // U1 = U2: C = 1, D = sqrt(U).
  BOOST_CHECK_CLOSE(k.coupling(2), 1.0, 1e-12);
  BOOST_CHECK_CLOSE(k.coordination(2), std::sqrt(0.6), 1e-12);
  // Min-max normalisation: the extremes map to 0 and 1.
  const auto kn = gvc::coupling_coordination(a, b, {"p", "q", "r"});
  BOOST_CHECK_CLOSE(kn.u1(2), 1.0, 1e-12);
  BOOST_CHECK_EQUAL(kn.u1(1), 0.0);
  BOOST_CHECK_CLOSE(kn.u1(0), 0.25 / 0.6, 1e-12);
  // Weights other than alpha + beta = 1 and negative indices are refused.
  opt.alpha = 0.7;
  BOOST_CHECK_THROW(gvc::coupling_coordination(a, b, {"p", "q", "r"}, opt), InputError);
  opt.alpha = 0.5;
  a(0) = -0.1;
  BOOST_CHECK_THROW(gvc::coupling_coordination(a, b, {"p", "q", "r"}, opt), InputError);
}

BOOST_AUTO_TEST_CASE(theil_decomposition_adds_up_and_matches_textbook_forms) {
  std::mt19937 gen(7);
  std::uniform_real_distribution<double> U(0.05, 1.0);
  const int n = 31;
  Vector x(n), w(n);
  std::vector<int> grp(n);
  std::vector<std::string> units;
  for (int i = 0; i < n; ++i) {
    x(i) = U(gen);
    w(i) = 10 * U(gen);
    grp[static_cast<std::size_t>(i)] = i % 4;
    units.push_back("r" + std::to_string(i));
  }
  const std::vector<std::string> groups{"East", "Central", "West", "Northeast"};
  // Weighted: between + within = total.
  const auto d = solver::disparity(x, w, grp, groups, units);
  BOOST_CHECK_SMALL(d.theil_t.between + d.theil_t.within - d.theil_t.total, 1e-14);
  BOOST_CHECK_SMALL(d.theil_l.between + d.theil_l.within - d.theil_l.total, 1e-14);
  BOOST_CHECK_GT(d.theil_t.between, 0);
  BOOST_CHECK_GT(d.theil_t.within, 0);
  // Equal weights against the unweighted textbook forms.
  const auto e = solver::disparity(x, Vector::Ones(n), grp, groups, units);
  const double mu = x.mean();
  double T = 0, L = 0, cv = 0, gini = 0;
  for (int i = 0; i < n; ++i) {
    T += x(i) / mu * std::log(x(i) / mu) / n;
    L += std::log(mu / x(i)) / n;
    cv += (x(i) - mu) * (x(i) - mu) / n;
  }
  std::vector<double> s(x.data(), x.data() + n);
  std::sort(s.begin(), s.end());
  for (int i = 0; i < n; ++i) gini += (2.0 * (i + 1) - n - 1) * s[static_cast<std::size_t>(i)];
  gini /= n * n * mu;
  BOOST_CHECK_CLOSE(e.theil_t.total, T, 1e-10);
  BOOST_CHECK_CLOSE(e.theil_l.total, L, 1e-10);
  BOOST_CHECK_CLOSE(e.cv.total, std::sqrt(cv) / mu, 1e-10);
  BOOST_CHECK_CLOSE(e.gini.total, gini, 1e-10);
  // A weight is a count of identical units: doubling unit 0's weight = listing it twice.
  Vector x2(n + 1), w2 = Vector::Ones(n + 1);
  x2 << x, x(0);
  std::vector<int> grp2 = grp;
  grp2.push_back(grp[0]);
  auto units2 = units;
  units2.push_back("copy");
  Vector w1 = Vector::Ones(n);
  w1(0) = 2;
  const auto a1 = solver::disparity(x, w1, grp, groups, units), a2 = solver::disparity(x2, w2, grp2, groups, units2);
  BOOST_CHECK_CLOSE(a1.theil_t.between, a2.theil_t.between, 1e-10);
  BOOST_CHECK_CLOSE(a1.theil_l.within, a2.theil_l.within, 1e-10);
  BOOST_CHECK_CLOSE(a1.gini.total, a2.gini.total, 1e-10);
  // Equal values: no disparity at all.
  const auto z = solver::disparity(Vector::Constant(n, 0.3), w, grp, groups, units);
  BOOST_CHECK_SMALL(z.theil_t.total, 1e-15);
  BOOST_CHECK_SMALL(z.gini.total, 1e-15);
  // A zero value: Theil L is not defined (NaN), T is; a negative weight is refused.
  x(3) = 0;
  std::string why;
  const auto q = solver::disparity(x, w, grp, groups, units, &why);
  BOOST_CHECK(std::isnan(q.theil_l.total));
  BOOST_CHECK(!std::isnan(q.theil_t.total));
  BOOST_CHECK(!why.empty());
  BOOST_CHECK_SMALL(q.theil_t.between + q.theil_t.within - q.theil_t.total, 1e-14);
  w(2) = -1;
  BOOST_CHECK_THROW(solver::disparity(x, w, grp, groups, units), InputError);
}

BOOST_AUTO_TEST_CASE(sda_matches_all_orders_on_seeded_tables) {
  const auto t0 = seeded_provincial(1), t1 = seeded_provincial(2);
  LeontiefModel m0(t0), m1(t1);
  check_sda(m0, m1, Vector(), Vector(), 1e-12);  // output: three factors
  check_sda(m0, m1, m0.v(), m1.v(), 1e-12);      // value added: four factors
  // Different labels are refused.
  auto t2 = t1;
  t2.labels.sectors[0] = "other";
  LeontiefModel m2(t2);
  BOOST_CHECK_THROW(solver::structural_decomposition(m0, m2, Vector(), Vector()), InputError);
}

BOOST_AUTO_TEST_CASE(sda_wiod_1995_2011_adds_up) {
  LeontiefModel m0(wiod_year("1995")), m1(wiod_year("2011"));
  check_sda(m0, m1, m0.v(), m1.v(), 1e-9);
}

BOOST_AUTO_TEST_CASE(market_scenarios_match_dense_solves) {
  const auto t = seeded_provincial(5);
  LeontiefModel m(t);
  // East1, East2 -> West1, West2 halved (own-region closure); all inter-provincial trade x1.3 into
  // imports; everything x0 (the national blocks extracted, own supply replaces them).
  std::vector<solver::MarketScenario> sc(3);
  sc[0].name = "east_to_west_half";
  sc[0].factor = 0.5;
  sc[0].origin = {true, true, false, false, false, false};
  sc[0].destination = {false, false, true, true, false, false};
  sc[1].name = "all_more";
  sc[1].factor = 1.3;
  sc[1].closure = solver::MarketClosure::kImports;
  sc[2].name = "none";
  sc[2].factor = 0.0;
  const auto r = solver::solve_market_scenarios(m, sc);
  Vector mult0, mult1;
  const Vector ref0 = dense_scenario(m, 0.5, sc[0].origin, sc[0].destination, true, &mult0);
  const Vector ref1 = dense_scenario(m, 1.3, {}, {}, false, &mult1);
  BOOST_CHECK_SMALL((r.multipliers.col(0) - mult0).cwiseAbs().maxCoeff(), 1e-10);
  BOOST_CHECK_SMALL((r.multipliers.col(1) - mult1).cwiseAbs().maxCoeff(), 1e-10);
  BOOST_CHECK_GT((r.multipliers.col(1) - r.multipliers0).maxCoeff(), 1e-6);  // more domestic inputs
  const Vector ref2 = dense_scenario(m, 0.0, {}, {}, true);
  const double scale = ref0.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((r.x.col(0) - ref0).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((r.x.col(1) - ref1).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((r.x.col(2) - ref2).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_GT((r.x.col(0) - r.x0).cwiseAbs().maxCoeff(), 1e-6 * scale);  // the scenarios change x
  // The own-region closure keeps the column sums of A.
  const tables::SparseMatrix dA = solver::scenario_change(m, sc[0]);
  const Eigen::RowVectorXd column_sums = Eigen::RowVectorXd::Ones(m.n()) * dA;
  BOOST_CHECK_SMALL(column_sums.cwiseAbs().maxCoeff(), 1e-15);
  // A factor so large that own supply cannot absorb the change is refused with the scenario named.
  solver::MarketScenario big;
  big.name = "too_big";
  big.factor = 50;
  BOOST_CHECK_THROW(solver::scenario_change(m, big), InputError);
}

BOOST_AUTO_TEST_CASE(market_scenarios_wiod2011_eu_grouped) {
  LeontiefModel m(wiod_year("2011"));
  std::vector<solver::MarketScenario> sc(2);
  sc[0].name = "eu_half";
  sc[0].factor = 0.5;
  sc[1].name = "eu_more_imports";
  sc[1].factor = 1.2;
  sc[1].closure = solver::MarketClosure::kImports;
  const auto r = solver::solve_market_scenarios(m, sc);
  const Vector ref0 = dense_scenario(m, 0.5, {}, {}, true), ref1 = dense_scenario(m, 1.2, {}, {}, false);
  const double scale = ref0.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((r.x.col(0) - ref0).cwiseAbs().maxCoeff() / scale, 1e-9);
  BOOST_CHECK_SMALL((r.x.col(1) - ref1).cwiseAbs().maxCoeff() / scale, 1e-9);
  BOOST_TEST_MESSAGE("iterations: " << r.iterations[0] << ", " << r.iterations[1]);
}

BOOST_AUTO_TEST_CASE(sda_of_nvc_and_gvc_value_added_matches_all_orders) {
  const auto t0 = seeded_provincial(3), t1 = seeded_provincial(4);
  LeontiefModel m0(t0), m1(t1);
  const auto c = gvc::chain_structural_decomposition(m0, m1);
  // Oracle: explicit orders of change; each combination a table (Z = A x^, Y = s U, V = v o x)
  // whose forward NVC / GVC come from the dense formulas.
  const std::array<const LeontiefModel*, 2> mod{&m0, &m1};
  const std::array<double, 2> s{t0.Y.sum(), t1.Y.sum()};
  const std::array<Matrix, 2> U{t0.Y / s[0], t1.Y / s[1]};
  auto q = [&](const std::vector<int>& at1) {
    const Matrix A = Matrix(mod[static_cast<std::size_t>(at1[0])]->A());
    const Matrix Y = s[static_cast<std::size_t>(at1[1])] * U[static_cast<std::size_t>(at1[2])];
    const Vector x = dense_leontief(A) * Y.rowwise().sum();
    auto tc = make_table(A * x.asDiagonal(), Y, t0.labels.regions, t0.labels.sectors, t0.labels.countries,
                         t0.labels.country_of_region);
    tc.labels.fd_categories = t0.labels.fd_categories;
    tc.x = x;
    tc.va_components = {"va"};
    tc.V = mod[static_cast<std::size_t>(at1[3])]->v().cwiseProduct(x).transpose();
    solver::ModelOptions mo;
    mo.va_mode = solver::ModelOptions::VaMode::kSupplied;
    LeontiefModel m(tc, mo);
    Matrix Fw, Bw;
    dense_terms(m, Fw, Bw);
    Vector out(4 * m.n());
    out << Fw.col(2) + Fw.col(3), Fw.col(5) + Fw.col(6), Bw.col(2) + Bw.col(3), Bw.col(5) + Bw.col(6);
    return out;
  };
  const Index n = m0.n();
  const Matrix parts = average_over_all_orders(q, 4 * n);
  const double scale = c.nvc.q0.cwiseAbs().maxCoeff() + c.gvc.q0.cwiseAbs().maxCoeff();
  BOOST_CHECK_SMALL((c.nvc.parts - parts.topRows(n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.gvc.parts - parts.middleRows(n, n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.nvc_backward.parts - parts.middleRows(2 * n, n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  BOOST_CHECK_SMALL((c.gvc_backward.parts - parts.middleRows(3 * n, n)).cwiseAbs().maxCoeff() / scale, 1e-10);
  for (const auto* b : {&c.nvc_backward, &c.gvc_backward})
    BOOST_CHECK_SMALL((b->parts.rowwise().sum() - (b->q1 - b->q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL((c.nvc_backward.q1 - d1_backward_nvc(m1)).cwiseAbs().maxCoeff() / scale, 1e-10);
  // The parts add up to the change, and the end points are the tables' own NVC / GVC.
  BOOST_CHECK_SMALL((c.nvc.parts.rowwise().sum() - (c.nvc.q1 - c.nvc.q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
  BOOST_CHECK_SMALL((c.gvc.parts.rowwise().sum() - (c.gvc.q1 - c.gvc.q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
  const auto d1 = gvc::three_level_decomposition(m1);
  BOOST_CHECK_SMALL((c.nvc.q1 - d1.forward.col(gvc::kNvcS) - d1.forward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() / scale,
                    1e-10);
}

BOOST_AUTO_TEST_CASE(sda_of_participation_wiod_1995_2011_adds_up) {
  LeontiefModel m0(wiod_year("1995")), m1(wiod_year("2011"));
  const auto c = gvc::chain_structural_decomposition(m0, m1);
  const auto d0 = gvc::three_level_decomposition(m0), d1 = gvc::three_level_decomposition(m1);
  const double scale = d1.va.cwiseAbs().maxCoeff();
  for (const auto* q : {&c.nvc, &c.gvc, &c.nvc_backward, &c.gvc_backward}) {
    BOOST_CHECK_SMALL((q->parts.rowwise().sum() - (q->q1 - q->q0)).cwiseAbs().maxCoeff() / scale, 1e-12);
    BOOST_CHECK_SMALL(std::abs(q->parts.sum() - (q->q1 - q->q0).sum()) / scale, 1e-10);
  }
  // Against the explicit average over all 4! orders with dense inverses.
  const Matrix ref = dense_chain_sda(m0, m1);
  const Index n = m0.n();
  BOOST_CHECK_SMALL((c.nvc.parts - ref.middleRows(0, n)).cwiseAbs().maxCoeff() / scale, 1e-9);
  BOOST_CHECK_SMALL((c.gvc.parts - ref.middleRows(n, n)).cwiseAbs().maxCoeff() / scale, 1e-9);
  BOOST_CHECK_SMALL((c.nvc_backward.parts - ref.middleRows(2 * n, n)).cwiseAbs().maxCoeff() / scale, 1e-9);
  BOOST_CHECK_SMALL((c.gvc_backward.parts - ref.middleRows(3 * n, n)).cwiseAbs().maxCoeff() / scale, 1e-9);
  // The end points are each year's decomposition (independently computed, not the SDA's solves).
  BOOST_CHECK_SMALL(
      (c.gvc_backward.q0 - d0.backward.col(gvc::kGvcS) - d0.backward.col(gvc::kGvcC)).cwiseAbs().maxCoeff() / scale,
      1e-9);
  BOOST_CHECK_SMALL(
      (c.gvc_backward.q1 - d1.backward.col(gvc::kGvcS) - d1.backward.col(gvc::kGvcC)).cwiseAbs().maxCoeff() / scale,
      1e-9);
  BOOST_CHECK_SMALL(
      (c.nvc_backward.q1 - d1.backward.col(gvc::kNvcS) - d1.backward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() / scale,
      1e-9);
  BOOST_CHECK_SMALL((c.nvc.q0 - d0.forward.col(gvc::kNvcS) - d0.forward.col(gvc::kNvcC)).cwiseAbs().maxCoeff() / scale,
                    1e-9);
}

BOOST_AUTO_TEST_CASE(market_scenario_participation_matches_dense_on_seeded_table) {
  const auto t = seeded_provincial(5);
  LeontiefModel m(t);
  std::vector<solver::MarketScenario> sc(3);
  sc[0].name = "east_to_west_half_with_fd";
  sc[0].factor = 0.5;
  sc[0].final_demand_factor = 0.6;
  sc[0].origin = {true, true, false, false, false, false};
  sc[0].destination = {false, false, true, true, false, false};
  sc[1].name = "all_more_imports";
  sc[1].factor = 1.3;
  sc[1].final_demand_factor = 1.2;
  sc[1].closure = solver::MarketClosure::kImports;
  sc[2].name = "fd_only";
  sc[2].factor = 1.0;
  sc[2].final_demand_factor = 0.0;
  check_scenario_chains(m, sc, 1e-10);
  // The own-region closure of final demand keeps each destination's purchases of each product.
  const Matrix Y0 = t.final_demand_by_region(), Y1 = solver::scenario_final_demand(m, sc[0]);
  for (Index d = 0; d < 4; ++d)
    for (Index k = 0; k < 3; ++k) {
      double a = 0, b = 0;
      for (Index r = 0; r < 4; ++r) {
        a += Y0(r * 3 + k, d);
        b += Y1(r * 3 + k, d);
      }
      BOOST_CHECK_SMALL(a - b, 1e-12 * std::abs(a));
    }
  BOOST_CHECK_GT((Y1 - Y0).cwiseAbs().maxCoeff(), 1e-6);
  // A final-demand factor that own supply cannot absorb is refused, naming the scenario.
  solver::MarketScenario big;
  big.name = "fd_too_big";
  big.final_demand_factor = 50;
  BOOST_CHECK_THROW(solver::scenario_final_demand(m, big), InputError);
}

BOOST_AUTO_TEST_CASE(market_scenario_participation_wiod2011_eu_grouped) {
  LeontiefModel m(wiod_year("2011"));
  std::vector<solver::MarketScenario> sc(2);
  sc[0].name = "eu_half";
  sc[0].factor = 0.5;
  sc[0].final_demand_factor = 0.5;
  sc[1].name = "eu_more_imports";
  sc[1].factor = 1.2;
  sc[1].closure = solver::MarketClosure::kImports;
  check_scenario_chains(m, sc, 1e-9);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace irio::testing
