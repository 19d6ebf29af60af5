// SPDX-License-Identifier: MIT
// Unified-market scenarios, second part (methods.md §10.6): the scaled inter-regional final-demand
// shares, and the NVC / GVC value added of a scenario's system A + dA, each inverse L_R', L_C',
// L' applied by Richardson iterations preconditioned by the base model's local and global solvers
// (see market_scenario.h). No new factorization.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "irio/solver/market_scenario.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

/// The entries of S whose row and column satisfy `keep(row, col)`.
SparseMatrix filter(const SparseMatrix& S, const std::function<bool(Index, Index)>& keep) {
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  for (Index j = 0; j < S.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(S, j); it; ++it)
      if (keep(it.row(), j)) trip.emplace_back(it.row(), j, it.value());
  SparseMatrix out(S.rows(), S.cols());
  out.setFromTriplets(trip.begin(), trip.end());
  return out;
}

/// (I - A_P - D)^{-1} B and its transpose for one perimeter P (region, country or the world) by
/// X <- S (B + D X), S the base model's solver of P: converges when rho(S D) < 1.
class PerturbedSolver {
 public:
  enum Scope { kRegion, kCountry, kGlobal };
  PerturbedSolver(const LeontiefModel& m, Scope scope, const SparseMatrix& A, const SparseMatrix& D,
                  const ScenarioOptions& opt, std::string name)
      : m_(m), scope_(scope), A_(A), D_(D), At_(A_.transpose()), Dt_(D_.transpose()), opt_(opt),
        name_(std::move(name)) {}

  Matrix solve(const Matrix& B, bool transposed) const {
    Matrix X = base(B, transposed);
    if (D_.nonZeros() == 0) return X;
    const SparseMatrix& A = transposed ? At_ : A_;
    const SparseMatrix& D = transposed ? Dt_ : D_;
    const double scale = std::max(B.cwiseAbs().maxCoeff(), 1e-300);
    double res = 0;
    for (int it = 1; it <= opt_.max_iterations; ++it) {
      X = base(B + D * X, transposed);
      const Matrix R = B - X + A * X + D * X;  // B - (I - A_P - D) X
      res = R.cwiseAbs().maxCoeff() / scale;
      if (res <= opt_.tolerance) return X;
      if (!std::isfinite(res) || (it > 20 && res > 1e3)) break;
    }
    throw NumericalError("scenario '" + name_ + "': the iteration for the NVC / GVC value added does not converge (" +
                         (scope_ == kRegion    ? "region-local"
                          : scope_ == kCountry ? "country-local"
                                               : "global") +
                         " inverse, relative residual " + std::to_string(res) + ")");
  }

 private:
  Matrix base(const Matrix& B, bool transposed) const {
    switch (scope_) {
      case kRegion:
        return transposed ? m_.local_solve_transposed(Perimeter::kRegion, B) : m_.local_solve(Perimeter::kRegion, B);
      case kCountry:
        return transposed ? m_.local_solve_transposed(Perimeter::kCountry, B) : m_.local_solve(Perimeter::kCountry, B);
      default: return transposed ? m_.solve_transposed(B) : m_.solve(B);
    }
  }

  const LeontiefModel& m_;
  Scope scope_;
  SparseMatrix A_, D_, At_, Dt_;
  const ScenarioOptions& opt_;
  std::string name_;
};

}  // namespace

Matrix scenario_final_demand(const LeontiefModel& m, const MarketScenario& s) {
  const auto& lab = m.labels();
  const Index N = m.num_sectors(), n = m.n();
  Matrix Yd = m.table().final_demand_by_region();
  const Matrix Y0 = Yd;
  auto chosen = [](const std::vector<bool>& sel, Index region) {
    return sel.empty() || sel[static_cast<std::size_t>(region)];
  };
  const auto G = static_cast<Index>(lab.num_regions());
  for (Index t = 0; t < G; ++t) {
    if (!chosen(s.destination, t)) continue;
    for (Index i = 0; i < n; ++i) {
      const Index r = i / N;
      if (r == t ||
          lab.country_of_region[static_cast<std::size_t>(r)] != lab.country_of_region[static_cast<std::size_t>(t)] ||
          !chosen(s.origin, r))
        continue;
      const double d = (s.final_demand_factor - 1.0) * Y0(i, t);
      Yd(i, t) += d;
      if (s.closure == MarketClosure::kOwnRegion) Yd(t * N + i % N, t) -= d;
    }
  }
  if (s.closure == MarketClosure::kProportional)
    // The change of region t's inter-regional final purchases, offset by its purchases from its
    // own region in proportion, none below zero; the rest is bought abroad (methods.md §10.6).
    for (Index t = 0; t < G; ++t) {
      const double change = (Yd.col(t) - Y0.col(t)).sum();
      double own = 0;
      for (Index k = 0; k < N; ++k) own += std::max(Y0(t * N + k, t), 0.0);
      if (change == 0 || !(own > 0)) continue;
      const double share = std::max(-1.0, -change / own);
      for (Index k = 0; k < N; ++k) Yd(t * N + k, t) += share * std::max(Y0(t * N + k, t), 0.0);
    }
  if (s.closure == MarketClosure::kOwnRegion)
    for (Index t = 0; t < G; ++t)
      for (Index k = 0; k < N; ++k) {
        const Index i = t * N + k;
        // Final demand may be negative already (inventory changes): refuse only a new negative.
        if (Yd(i, t) < std::min(Y0(i, t), 0.0) - 1e-12 * std::max(1.0, std::abs(Y0(i, t))))
          throw InputError("scenario '" + s.name + "': the own-region closure makes the final demand of " +
                           lab.regions[static_cast<std::size_t>(t)] + " for its own " +
                           lab.sectors[static_cast<std::size_t>(k)] +
                           " negative (own supply cannot replace that much); use a smaller final-demand factor or "
                           "the imports closure");
      }
  return Yd;
}

ChainValueAdded scenario_chain_value_added(const LeontiefModel& m, const SparseMatrix& dA, const Vector& dM,
                                           const Matrix& Yd, const Vector& x, const ScenarioOptions& opt,
                                           const std::string& name) {
  const auto& lab = m.labels();
  const auto& t = m.table();
  const Index n = m.n(), N = m.num_sectors();
  const bool exo = t.exports.cols() > 0 || t.imports.rows() > 0;
  auto country = [&](Index i) { return lab.country_of_region[static_cast<std::size_t>(i / N)]; };
  // y_R, y_N, y_F of (5.1) from the scenario's final demand by destination; exports go to y_F.
  Vector yC = Vector::Zero(n), y = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    for (Index d = 0; d < Yd.cols(); ++d)
      if (lab.country_of_region[static_cast<std::size_t>(d)] == country(i)) yC(i) += Yd(i, d);
    y(i) = Yd.row(i).sum() + (t.exports.cols() > 0 ? t.exports.row(i).sum() : 0.0);
  }
  const SparseMatrix A1 = m.A() + dA;
  auto same_region = [&](Index i, Index j) { return i / N == j / N; };
  auto same_country = [&](Index i, Index j) { return country(i) == country(j); };
  const SparseMatrix A1_N = filter(A1, [&](Index i, Index j) { return !same_region(i, j) && same_country(i, j); });
  const SparseMatrix A_F = m.A_across(Perimeter::kCountry);  // dA stays inside countries
  const PerturbedSolver LR(m, PerturbedSolver::kRegion, m.A_within(Perimeter::kRegion), filter(dA, same_region), opt,
                           name);
  const PerturbedSolver LC(m, PerturbedSolver::kCountry, m.A_within(Perimeter::kCountry), dA, opt, name);
  const PerturbedSolver L(m, PerturbedSolver::kGlobal, m.A(), dA, opt, name);
  const Vector& v = m.v();
  ChainValueAdded out;
  out.va = v.cwiseProduct(x);
  out.y = y;
  out.numerators.resize(n, 4);
  // Forward: v o (L_R' A_N' L_C' y_C) and v o (L_C' A_F x').
  out.numerators.col(0) = v.cwiseProduct(LR.solve(A1_N * LC.solve(yC, false), false).col(0));
  out.numerators.col(1) = exo ? Vector::Constant(n, std::numeric_limits<double>::quiet_NaN())
                              : Vector(v.cwiseProduct(LC.solve(A_F * x, false).col(0)));
  // Backward: (v'L_R' A_N' L_C')' o y_C and (v'L_C' A_F L')' o y (with exogenous imports (a_M'L')' o y).
  const Vector a = LR.solve(v, true).col(0);
  out.numerators.col(2) = LC.solve(SparseMatrix(A1_N.transpose()) * a, true).col(0).cwiseProduct(yC);
  if (exo) {
    const Vector aM = dM.size() ? Vector(m.a_M() + dM) : m.a_M();
    out.numerators.col(3) = L.solve(aM, true).col(0).cwiseProduct(y);
  } else {
    out.numerators.col(3) =
        L.solve(SparseMatrix(A_F.transpose()) * LC.solve(v, true).col(0), true).col(0).cwiseProduct(y);
  }
  return out;
}

}  // namespace irio::solver
