// SPDX-License-Identifier: MIT
// Unified-market scenarios (methods.md §10.6): scale the inter-regional coefficients inside a
// country (the off-diagonal blocks A_N) by a factor, for all pairs of regions or for chosen origin
// and destination regions, with a closure for the change, and solve the new output without a new
// factorization: preconditioned fixed-point iterations x <- L (y + dA x) on the base model, all
// scenarios at once as the columns of one blocked solve per iteration.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/enum_names.h"

namespace irio::solver {

/// Where a change of inter-regional purchases goes (methods.md §10.6).
enum class MarketClosure {
  kOwnRegion,  ///< to (from) the buying region's own supply of the same product: columns of A keep their sums
  kImports,    ///< to (from) imports from abroad: A changes by dA only, the import coefficient by -1'dA
};
inline constexpr EnumTable<MarketClosure, 2> kMarketClosureNames{
    "market closure", {{{MarketClosure::kOwnRegion, "own_region"}, {MarketClosure::kImports, "imports"}}}};
constexpr const auto& enum_table(MarketClosure) { return kMarketClosureNames; }

struct MarketScenario {
  std::string name;
  double factor = 1.0;             ///< a_ij -> factor a_ij for the chosen inter-regional entries
  std::vector<bool> origin;        ///< per region: sells (row) is chosen; empty = every region
  std::vector<bool> destination;   ///< per region: buys (column) is chosen; empty = every region
  MarketClosure closure = MarketClosure::kOwnRegion;
};

struct ScenarioOptions {
  double tolerance = 1e-12;  ///< stop when max |y + dA x - (I - A) x| <= tolerance max |y|
  int max_iterations = 500;
  bool multipliers = true;  ///< also the output multipliers 1'(I - A - dA)^{-1} (transposed iterations)
};

struct ScenarioResults {
  Vector y;                   ///< the final demand used, n (table's total, exports included)
  Vector x0;                  ///< base output L y, n
  Matrix x;                   ///< n x scenarios: new output
  Vector multipliers0;        ///< base output multipliers 1'L, n (empty without opt.multipliers)
  Matrix multipliers;         ///< n x scenarios: output multipliers of the scenario's system
  std::vector<int> iterations;  ///< per scenario, output and multiplier iterations together
  std::vector<double> residual;  ///< relative residual reached (output system)
};

/// The change dA of one scenario (sparse, n x n). Throws InputError naming the scenario, region
/// and sector where the own-region closure would make a coefficient negative.
SparseMatrix scenario_change(const LeontiefModel& m, const MarketScenario& s);

/// Solve every scenario on the base model's factorization (NumericalError naming the scenario if
/// the iteration does not converge: a scaling so strong that rho(L dA) >= 1 needs a new model).
ScenarioResults solve_market_scenarios(const LeontiefModel& m, const std::vector<MarketScenario>& scenarios,
                                       const ScenarioOptions& opt = {});

}  // namespace irio::solver
