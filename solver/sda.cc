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
