// SPDX-License-Identifier: MIT
// Unified-market scenarios on the base factorization (see market_scenario.h; methods.md §10.6).
#include "irio/solver/market_scenario.h"

#include <algorithm>
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
  Vector change;  // proportional closure: the inter-regional change of each column
  if (s.closure == MarketClosure::kProportional) change = Vector::Zero(n);
  const SparseMatrix& A = m.A();
  for (Index j = 0; j < A.outerSize(); ++j) {
    const Index rs = j / N;
    for (SparseMatrix::InnerIterator it(A, j); it; ++it) {
      const Index i = it.row(), rr = i / N;
      if (rr == rs ||
          lab.country_of_region[static_cast<std::size_t>(rr)] != lab.country_of_region[static_cast<std::size_t>(rs)])
        continue;
      if (!chosen(s.origin, rr) || !chosen(s.destination, rs)) continue;
      const double d = (s.factor - 1.0) * it.value();
      if (d == 0) continue;
      trip.emplace_back(i, j, d);
      if (s.closure == MarketClosure::kOwnRegion) offset(i % N, j) -= d;
      if (s.closure == MarketClosure::kProportional) change(j) += d;
    }
  }
  if (s.closure == MarketClosure::kProportional)
    // Every own-region coefficient of column j moves by the same share -change_j / own_j of itself
    // (own_j: the column's own-region inputs), capped at -1 so that none turns negative; the rest
    // of the change is the shortfall 1'dA that imports take up (methods.md §10.6).
    for (Index j = 0; j < n; ++j) {
      if (change(j) == 0) continue;
      const Index first = (j / N) * N;
      double own = 0;
      for (Index k = 0; k < N; ++k) own += A.coeff(first + k, j);
      if (!(own > 0)) continue;
      const double share = std::max(-1.0, -change(j) / own);
      for (Index k = 0; k < N; ++k)
        if (const double a = A.coeff(first + k, j); a != 0) trip.emplace_back(first + k, j, share * a);
    }
  if (s.closure == MarketClosure::kOwnRegion)
    for (Index j = 0; j < n; ++j)
      for (Index k = 0; k < N; ++k) {
        if (offset(k, j) == 0) continue;
        const Index i = (j / N) * N + k;
        const double now = A.coeff(i, j) + offset(k, j);
        if (now < -1e-12 * std::max(1.0, std::abs(A.coeff(i, j))))
          throw InputError(
              "scenario '" + s.name + "': the own-region closure makes the coefficient of " +
              lab.regions[static_cast<std::size_t>(j / N)] + "/" + lab.sectors[static_cast<std::size_t>(k)] + " in " +
              lab.regions[static_cast<std::size_t>(j / N)] + "/" + lab.sectors[static_cast<std::size_t>(j % N)] +
              " negative (own supply cannot replace that much); use a smaller factor or the imports closure");
        trip.emplace_back(i, j, offset(k, j));
      }
  SparseMatrix dA(n, n);
  dA.setFromTriplets(trip.begin(), trip.end());
  return dA;
}

namespace {

/// Solve (I - A - dA_s) X_s = b (or its transpose) for every scenario s by X <- L (b + dA X)
/// (Richardson iteration preconditioned by the base factorization; L' and dA' when transposed):
/// one blocked solve per iteration for the scenarios not converged yet. Stops at a true residual
/// max |b - (I - A - dA) X| <= tolerance max |b|.
Matrix iterate(const LeontiefModel& m, const std::vector<SparseMatrix>& dA, const Matrix& B, bool transposed,
               const ScenarioOptions& opt, const std::vector<MarketScenario>& scenarios, std::vector<int>& iterations,
               std::vector<double>& residual) {
  const Index n = m.n();
  const auto S = static_cast<Index>(dA.size());
  Matrix X = transposed ? m.solve_transposed(B) : m.solve(B);
  iterations.assign(static_cast<std::size_t>(S), 0);
  residual.assign(static_cast<std::size_t>(S), 0.0);
  const SparseMatrix At = transposed ? SparseMatrix(m.A().transpose()) : SparseMatrix();
  const SparseMatrix& A = transposed ? At : m.A();
  std::vector<SparseMatrix> dAt;
  if (transposed)
    for (const auto& d : dA) dAt.emplace_back(d.transpose());
  const std::vector<SparseMatrix>& D = transposed ? dAt : dA;
  std::vector<bool> done(static_cast<std::size_t>(S), false);
  for (int it = 1; it <= opt.max_iterations; ++it) {
    std::vector<Index> open;
    for (Index s = 0; s < S; ++s)
      if (!done[static_cast<std::size_t>(s)]) open.push_back(s);
    if (open.empty()) break;
    Matrix rhs(n, static_cast<Index>(open.size()));
    for (std::size_t c = 0; c < open.size(); ++c)
      rhs.col(static_cast<Index>(c)) = B.col(open[c]) + D[static_cast<std::size_t>(open[c])] * X.col(open[c]);
    const Matrix next = transposed ? m.solve_transposed(rhs) : m.solve(rhs);
    for (std::size_t c = 0; c < open.size(); ++c) {
      const Index s = open[c];
      const auto su = static_cast<std::size_t>(s);
      X.col(s) = next.col(static_cast<Index>(c));
      iterations[su] = it;
      const Vector xs = X.col(s);
      const Vector r = B.col(s) - xs + A * xs + D[su] * xs;  // b - (I - A - dA) x
      residual[su] = r.cwiseAbs().maxCoeff() / std::max(B.col(s).cwiseAbs().maxCoeff(), 1e-300);
      if (residual[su] <= opt.tolerance) done[su] = true;
      else if (!std::isfinite(residual[su]) || (it > 20 && residual[su] > 1e3))
        throw NumericalError("scenario '" + scenarios[su].name +
                             "': the iteration diverges (the scaled system is far from the base one)");
    }
  }
  for (Index s = 0; s < S; ++s)
    if (!done[static_cast<std::size_t>(s)])
      throw NumericalError("scenario '" + scenarios[static_cast<std::size_t>(s)].name + "': no convergence in " +
                           std::to_string(opt.max_iterations) + " iterations (relative residual " +
                           std::to_string(residual[static_cast<std::size_t>(s)]) + ")");
  return X;
}

}  // namespace

ScenarioResults solve_market_scenarios(const LeontiefModel& m, const std::vector<MarketScenario>& scenarios,
                                       const ScenarioOptions& opt) {
  std::vector<SparseMatrix> dA;
  for (const auto& s : scenarios) dA.push_back(scenario_change(m, s));
  ScenarioResults out;
  const auto S = static_cast<Index>(scenarios.size());
  out.y = m.table().final_demand_total();
  out.x0 = m.solve(Matrix(out.y)).col(0);
  // Final demand of each scenario: y, or y with the inter-regional shares Y_N scaled.
  const Matrix Yd0 = m.table().final_demand_by_region();
  std::vector<Matrix> Yd(static_cast<std::size_t>(S));
  out.y_scenarios = out.y.replicate(1, S);
  for (Index k = 0; k < S; ++k) {
    const auto& sc = scenarios[static_cast<std::size_t>(k)];
    Yd[static_cast<std::size_t>(k)] = sc.final_demand_factor == 1.0 ? Yd0 : scenario_final_demand(m, sc);
    out.y_scenarios.col(k) += (Yd[static_cast<std::size_t>(k)] - Yd0).rowwise().sum();
  }
  out.x = iterate(m, dA, out.y_scenarios, false, opt, scenarios, out.iterations, out.residual);
  if (opt.multipliers) {
    const Matrix ones = Matrix::Ones(m.n(), S);
    out.multipliers0 = m.solve_transposed(Matrix(Vector::Ones(m.n()))).col(0);
    std::vector<int> it;
    std::vector<double> res;
    out.multipliers = iterate(m, dA, ones, true, opt, scenarios, it, res);
    for (std::size_t s = 0; s < it.size(); ++s) out.iterations[s] += it[s];
  }
  if (opt.participation) {
    const SparseMatrix none(m.n(), m.n());
    out.chains0 = scenario_chain_value_added(m, none, Vector(), Yd0, out.x0, opt, "base");
    for (Index k = 0; k < S; ++k) {
      const auto& sc = scenarios[static_cast<std::size_t>(k)];
      // Imports closure: the import coefficients take up -1'dA (tables with exogenous imports).
      Vector dM;
      if (sc.closure != MarketClosure::kOwnRegion && m.table().imports.rows() > 0)
        dM = -(Eigen::RowVectorXd::Ones(m.n()) * dA[static_cast<std::size_t>(k)]).transpose();
      out.chains.push_back(scenario_chain_value_added(m, dA[static_cast<std::size_t>(k)], dM,
                                                      Yd[static_cast<std::size_t>(k)], out.x.col(k), opt, sc.name));
    }
  }
  return out;
}

}  // namespace irio::solver
