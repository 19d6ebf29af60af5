// SPDX-License-Identifier: MIT
// Unified-market scenarios on the base factorization (see market_scenario.h; methods.md §10.6).
#include "irio/solver/market_scenario.h"

#include <cmath>

#include "irio/tables/error.h"

namespace irio::solver {

SparseMatrix scenario_change(const LeontiefModel& m, const MarketScenario& s) {
  const auto& lab = m.labels();
  const Index N = m.num_sectors(), n = m.n();
  auto chosen = [](const std::vector<bool>& sel, Index region) {
    return sel.empty() || sel[static_cast<std::size_t>(region)];
  };
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  // Own-region closure: the opposite change on (buying region, same product), by column.
  Matrix offset;  // N x n, dense per column: product k of column j's own region
  if (s.closure == MarketClosure::kOwnRegion) offset = Matrix::Zero(N, n);
  const SparseMatrix& A = m.A();
  for (Index j = 0; j < A.outerSize(); ++j) {
    const Index rs = j / N;
    for (SparseMatrix::InnerIterator it(A, j); it; ++it) {
      const Index i = it.row(), rr = i / N;
      if (rr == rs || lab.country_of_region[static_cast<std::size_t>(rr)] != lab.country_of_region[static_cast<std::size_t>(rs)])
        continue;
      if (!chosen(s.origin, rr) || !chosen(s.destination, rs)) continue;
      const double d = (s.factor - 1.0) * it.value();
      if (d == 0) continue;
      trip.emplace_back(i, j, d);
      if (s.closure == MarketClosure::kOwnRegion) offset(i % N, j) -= d;
    }
  }
  if (s.closure == MarketClosure::kOwnRegion)
    for (Index j = 0; j < n; ++j)
      for (Index k = 0; k < N; ++k) {
        if (offset(k, j) == 0) continue;
        const Index i = (j / N) * N + k;
        const double now = A.coeff(i, j) + offset(k, j);
        if (now < -1e-12 * std::max(1.0, std::abs(A.coeff(i, j))))
          throw InputError("scenario '" + s.name + "': the own-region closure makes the coefficient of " +
                           lab.regions[static_cast<std::size_t>(j / N)] + "/" + lab.sectors[static_cast<std::size_t>(k)] +
                           " in " + lab.regions[static_cast<std::size_t>(j / N)] + "/" +
                           lab.sectors[static_cast<std::size_t>(j % N)] +
                           " negative (own supply cannot replace that much); use a smaller factor or the imports closure");
        trip.emplace_back(i, j, offset(k, j));
      }
  SparseMatrix dA(n, n);
  dA.setFromTriplets(trip.begin(), trip.end());
  return dA;
}

ScenarioResults solve_market_scenarios(const LeontiefModel& m, const std::vector<MarketScenario>& scenarios,
                                       const ScenarioOptions& opt) {
  const Index n = m.n();
  const auto S = static_cast<Index>(scenarios.size());
  std::vector<SparseMatrix> dA;
  for (const auto& s : scenarios) dA.push_back(scenario_change(m, s));
  ScenarioResults out;
  out.y = m.table().final_demand_total();
  out.x0 = m.solve(Matrix(out.y)).col(0);
  out.x = out.x0.replicate(1, S);
  out.iterations.assign(static_cast<std::size_t>(S), 0);
  out.residual.assign(static_cast<std::size_t>(S), 0.0);
  const double scale = std::max(out.y.cwiseAbs().maxCoeff(), 1e-300);
  // x_{k+1} = L (y + dA x_k): Richardson iteration preconditioned by the base factorization; its
  // fixed point solves (I - A - dA) x = y. Converged columns are kept, the others re-solved.
  std::vector<bool> done(static_cast<std::size_t>(S), false);
  for (int it = 1; it <= opt.max_iterations; ++it) {
    std::vector<Index> open;
    for (Index s = 0; s < S; ++s)
      if (!done[static_cast<std::size_t>(s)]) open.push_back(s);
    if (open.empty()) break;
    Matrix rhs(n, static_cast<Index>(open.size()));
    for (std::size_t c = 0; c < open.size(); ++c)
      rhs.col(static_cast<Index>(c)) = out.y + dA[static_cast<std::size_t>(open[c])] * out.x.col(open[c]);
    const Matrix next = m.solve(rhs);
    for (std::size_t c = 0; c < open.size(); ++c) {
      const Index s = open[c];
      const double step = (next.col(static_cast<Index>(c)) - out.x.col(s)).cwiseAbs().maxCoeff();
      out.x.col(s) = next.col(static_cast<Index>(c));
      out.iterations[static_cast<std::size_t>(s)] = it;
      // True residual of the scenario system: y - (I - A - dA) x.
      const Vector xs = out.x.col(s);
      const Vector r = out.y - xs + m.A() * xs + dA[static_cast<std::size_t>(s)] * xs;
      out.residual[static_cast<std::size_t>(s)] = r.cwiseAbs().maxCoeff() / scale;
      if (out.residual[static_cast<std::size_t>(s)] <= opt.tolerance) done[static_cast<std::size_t>(s)] = true;
      else if (!std::isfinite(step) || (it > 20 && step > 1e3 * scale))
        throw NumericalError("scenario '" + scenarios[static_cast<std::size_t>(s)].name +
                             "': the iteration diverges (the scaled system is far from the base one)");
    }
  }
  for (Index s = 0; s < S; ++s)
    if (!done[static_cast<std::size_t>(s)])
      throw NumericalError("scenario '" + scenarios[static_cast<std::size_t>(s)].name + "': no convergence in " +
                           std::to_string(opt.max_iterations) + " iterations (relative residual " +
                           std::to_string(out.residual[static_cast<std::size_t>(s)]) + ")");
  return out;
}

}  // namespace irio::solver
