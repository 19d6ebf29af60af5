// SPDX-License-Identifier: MIT
// Structural decomposition by the average over all orders of change (see sda.h; Dietzenbacher &
// Los 1998; methods.md §10.4).
#include "irio/solver/sda.h"

#include <array>

#include "irio/tables/error.h"

namespace irio::solver {
namespace {

double factorial(int n) { return n <= 1 ? 1.0 : n * factorial(n - 1); }

void require_same_labels(const tables::Labels& a, const tables::Labels& b) {
  if (a.regions != b.regions) throw InputError("structural decomposition: the two tables' regions differ");
  if (a.sectors != b.sectors) throw InputError("structural decomposition: the two tables' sectors differ");
}

}  // namespace

StructuralDecomposition structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1, const Vector& e0,
                                                 const Vector& e1) {
  require_same_labels(m0.labels(), m1.labels());
  const Index n = m0.n();
  const bool intensity = e0.size() > 0;
  if (e0.size() != e1.size() || (intensity && e0.size() != n))
    throw InputError("structural decomposition: intensities of the wrong length");
  const std::array<const LeontiefModel*, 2> model{&m0, &m1};
  std::array<double, 2> level{};
  std::array<Vector, 2> mix;
  for (int t = 0; t < 2; ++t) {
    const Vector y = model[static_cast<std::size_t>(t)]->table().final_demand_total();
    level[static_cast<std::size_t>(t)] = y.sum();
    if (level[static_cast<std::size_t>(t)] == 0)
      throw InputError("structural decomposition: the total final demand of table " + std::to_string(t + 1) + " is 0");
    mix[static_cast<std::size_t>(t)] = y / level[static_cast<std::size_t>(t)];
  }
  // L_t u_s for t (technology) and s (mix): four solves.
  std::array<std::array<Vector, 2>, 2> Lu;
  for (int t = 0; t < 2; ++t) {
    Matrix rhs(n, 2);
    rhs.col(0) = mix[0];
    rhs.col(1) = mix[1];
    const Matrix sol = model[static_cast<std::size_t>(t)]->solve(rhs);
    Lu[static_cast<std::size_t>(t)][0] = sol.col(0);
    Lu[static_cast<std::size_t>(t)][1] = sol.col(1);
  }
  StructuralDecomposition out;
  out.factors = {"technology", "fd_level", "fd_mix"};
  if (intensity) out.factors.push_back("intensity");
  const int k = static_cast<int>(out.factors.size());
  // f(mask): bit j set = factor j at its year-1 value.
  auto f = [&](unsigned mask) -> Vector {
    const auto bit = [&](int j) { return static_cast<std::size_t>((mask >> j) & 1U); };
    Vector q = level[bit(1)] * Lu[bit(0)][bit(2)];
    if (intensity) q = q.cwiseProduct(bit(3) ? e1 : e0);
    return q;
  };
  out.parts = average_over_orders(k, f, out.q0, out.q1);
  return out;
}

StructuralDecomposition final_demand_split_decomposition(const LeontiefModel& m0, const LeontiefModel& m1,
                                                         const Vector& e0, const Vector& e1, const Matrix& Y0,
                                                         const Matrix& Y1, const std::vector<std::string>& part_names) {
  require_same_labels(m0.labels(), m1.labels());
  const Index n = m0.n(), C = Y0.cols();
  const bool intensity = e0.size() > 0;
  if (e0.size() != e1.size() || (intensity && e0.size() != n))
    throw InputError("structural decomposition: intensities of the wrong length");
  if (Y1.cols() != C || Y0.rows() != n || Y1.rows() != n || static_cast<Index>(part_names.size()) != C)
    throw InputError("structural decomposition: the final-demand parts of the two tables differ in number");
  const std::array<const LeontiefModel*, 2> model{&m0, &m1};
  // LY[t][s] = L_t Y_s (n x C): two solves of 2 C columns.
  std::array<std::array<Matrix, 2>, 2> LY;
  for (std::size_t t = 0; t < 2; ++t) {
    Matrix rhs(n, 2 * C);
    rhs << Y0, Y1;
    const Matrix sol = model[t]->solve(rhs);
    LY[t][0] = sol.leftCols(C);
    LY[t][1] = sol.rightCols(C);
  }
  // The game of technology (bit 0), final demand as one factor (bit 1) and intensity (bit 2).
  const int k = intensity ? 3 : 2;
  auto f = [&](unsigned mask) -> Vector {
    const auto bit = [&](int j) { return static_cast<std::size_t>((mask >> j) & 1U); };
    Vector q = LY[bit(0)][bit(1)].rowwise().sum();
    if (intensity) q = q.cwiseProduct(bit(2) ? e1 : e0);
    return q;
  };
  StructuralDecomposition out;
  const Matrix three = average_over_orders(k, f, out.q0, out.q1);
  // Part c: sum over the subsets S of {technology, intensity} of |S|! (k-1-|S|)! / k! times
  // e_S o L_S (Y1 - Y0)_c (the marginal of switching part c after S; q is linear in y).
  Matrix split = Matrix::Zero(n, C);
  for (unsigned s = 0; s < (intensity ? 4U : 2U); ++s) {
    const std::size_t tech = s & 1U, inten = (s >> 1) & 1U;
    const int size = static_cast<int>(tech + inten);
    const double w = factorial(size) * factorial(k - 1 - size) / factorial(k);
    Matrix d = LY[tech][1] - LY[tech][0];
    if (intensity) d = (inten ? e1 : e0).asDiagonal() * d;
    split += w * d;
  }
  out.factors = {"technology"};
  for (const auto& p : part_names) out.factors.push_back("fd_" + p);
  if (intensity) out.factors.push_back("intensity");
  out.parts.resize(n, static_cast<Index>(out.factors.size()));
  out.parts.col(0) = three.col(0);
  out.parts.middleCols(1, C) = split;
  if (intensity) out.parts.col(C + 1) = three.col(2);
  return out;
}

StructuralDecomposition consumption_footprint_decomposition(const LeontiefModel& m0, const LeontiefModel& m1,
                                                            const Vector& e0, const Vector& e1, const Matrix& Yd0,
                                                            const Matrix& Yd1) {
  require_same_labels(m0.labels(), m1.labels());
  const Index n = m0.n(), D = Yd0.cols();
  if (e0.size() != n || e1.size() != n) throw InputError("structural decomposition: intensities of the wrong length");
  if (Yd1.cols() != D) throw InputError("structural decomposition: the two tables' destinations differ in number");
  const std::array<const LeontiefModel*, 2> model{&m0, &m1};
  const std::array<double, 2> level{Yd0.sum(), Yd1.sum()};
  for (std::size_t t = 0; t < 2; ++t)
    if (level[t] == 0)
      throw InputError("structural decomposition: the total final demand of table " + std::to_string(t + 1) + " is 0");
  // e_a' L_t u_s for t, s in {0, 1}: two solves of 2 D columns.
  std::array<std::array<Matrix, 2>, 2> Lu;
  for (std::size_t t = 0; t < 2; ++t) {
    Matrix rhs(n, 2 * D);
    rhs << Yd0 / level[0], Yd1 / level[1];
    const Matrix sol = model[t]->solve(rhs);
    Lu[t][0] = sol.leftCols(D);
    Lu[t][1] = sol.rightCols(D);
  }
  StructuralDecomposition out;
  out.factors = {"technology", "fd_level", "fd_mix", "intensity"};
  auto f = [&](unsigned mask) -> Vector {
    const auto bit = [&](int j) { return static_cast<std::size_t>((mask >> j) & 1U); };
    return level[bit(1)] * (Lu[bit(0)][bit(2)].transpose() * (bit(3) ? e1 : e0));
  };
  out.parts = average_over_orders(4, f, out.q0, out.q1);
  return out;
}

Matrix average_over_orders(int k, const std::function<Vector(unsigned)>& f, Vector& q0, Vector& q1) {
  if (k < 1 || k > 8) throw InputError("structural decomposition: 1 to 8 factors");
  const unsigned all = (1U << k) - 1;
  std::vector<Vector> value(all + 1);
  for (unsigned s = 0; s <= all; ++s) value[s] = f(s);
  q0 = value[0];
  q1 = value[all];
  Matrix parts = Matrix::Zero(q0.size(), k);
  // Shapley weights |S|! (k-1-|S|)! / k!: the average over all k! orders of change.
  for (int j = 0; j < k; ++j)
    for (unsigned s = 0; s <= all; ++s) {
      if (s & (1U << j)) continue;
      const int size = __builtin_popcount(s);
      const double w = factorial(size) * factorial(k - 1 - size) / factorial(k);
      parts.col(j) += w * (value[s | (1U << j)] - value[s]);
    }
  return parts;
}

Vector stressor_intensity(const LeontiefModel& m, const std::string& satellite, const std::string& stressor) {
  const tables::Satellite* sat = m.table().satellite(satellite);
  if (!sat) throw InputError("structural decomposition: the table has no satellite '" + satellite + "'");
  const int q = tables::Labels::find(sat->stressors, stressor);
  if (q < 0)
    throw InputError("structural decomposition: satellite '" + satellite + "' has no stressor '" + stressor + "'");
  Vector e(m.n());
  for (Index i = 0; i < m.n(); ++i) e(i) = m.x()(i) != 0 ? sat->F(q, i) / m.x()(i) : 0.0;
  return e;
}

}  // namespace irio::solver
