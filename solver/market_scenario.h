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
  /// to (from) all of the buying column's own-region suppliers in proportion to their coefficients,
  /// none below zero; what they cannot absorb (the shortfall, 1'dA) goes to imports. Never refused.
  kProportional,
};
inline constexpr EnumTable<MarketClosure, 3> kMarketClosureNames{"market closure",
                                                                 {{{MarketClosure::kOwnRegion, "own_region"},
                                                                   {MarketClosure::kImports, "imports"},
                                                                   {MarketClosure::kProportional, "proportional"}}}};
constexpr const auto& enum_table(MarketClosure) { return kMarketClosureNames; }

struct MarketScenario {
  std::string name;
  double factor = 1.0;            ///< a_ij -> factor a_ij for the chosen inter-regional entries
  std::vector<bool> origin;       ///< per region: sells (row) is chosen; empty = every region
  std::vector<bool> destination;  ///< per region: buys (column) is chosen; empty = every region
  MarketClosure closure = MarketClosure::kOwnRegion;
  /// Also scale the inter-regional final-demand shares (the national off-diagonal blocks Y_N of
  /// final demand by destination region) for the same origins and destinations, with the same
  /// closure; 1 (default): final demand unchanged.
  double final_demand_factor = 1.0;
};

struct ScenarioOptions {
  double tolerance = 1e-12;  ///< stop when max |y + dA x - (I - A) x| <= tolerance max |y|
  int max_iterations = 500;
  bool multipliers = true;  ///< also the output multipliers 1'(I - A - dA)^{-1} (transposed iterations)
  /// Also the NVC / GVC value added of each scenario's system (forward and backward, methods.md
  /// §10.6): six more iterated solves per scenario (region-local, country-local, global).
  bool participation = true;
};

/// The numerators of the NVC / GVC participation indices of a system, by region-sector
/// (methods.md §5.2, §10.4): forward NVC v o (L_R A_N L_C y_C), forward GVC v o (L_C A_F L y),
/// backward NVC (v'L_R A_N L_C) o y_C', backward GVC (v'L_C A_F L) o y' ((a_M'L) o y' with an
/// exogenous rest of the world, where forward GVC is NaN), with the denominators va = v o x and y.
struct ChainValueAdded {
  Matrix numerators;  ///< n x 4: nvc_forward, gvc_forward, nvc_backward, gvc_backward
  Vector va, y;       ///< value added v o x and final production y, n
};

struct ScenarioResults {
  Vector y;                             ///< the final demand used, n (table's total, exports included)
  Vector x0;                            ///< base output L y, n
  Matrix x;                             ///< n x scenarios: new output
  Vector multipliers0;                  ///< base output multipliers 1'L, n (empty without opt.multipliers)
  Matrix multipliers;                   ///< n x scenarios: output multipliers of the scenario's system
  std::vector<int> iterations;          ///< per scenario, output and multiplier iterations together
  std::vector<double> residual;         ///< relative residual reached (output system)
  Matrix y_scenarios;                   ///< n x scenarios: the final demand of each scenario (y unless Y_N is scaled)
  ChainValueAdded chains0;              ///< the base system's NVC / GVC value added (with opt.participation)
  std::vector<ChainValueAdded> chains;  ///< per scenario (with opt.participation)
};

/// The change dA of one scenario (sparse, n x n). Throws InputError naming the scenario, region
/// and sector where the own-region closure would make a coefficient negative.
SparseMatrix scenario_change(const LeontiefModel& m, const MarketScenario& s);

/// Final demand by destination region (n x G, as IoTable::final_demand_by_region) of a scenario:
/// the inter-regional entries of the chosen origins and destinations scaled by
/// final_demand_factor; own-region closure: the destination buys the difference of each product
/// from its own region (InputError naming the scenario, region and product where that would be
/// negative); imports closure: the difference is bought abroad (outside the table).
Matrix scenario_final_demand(const LeontiefModel& m, const MarketScenario& s);

/// NVC / GVC value added of the system A + dA with final demand by destination `Yd` (n x G;
/// exogenous exports, if any, added unchanged) and its output `x`, from the base model's local and
/// global solvers by preconditioned iterations (no new factorization). `dM`: the change of the
/// import coefficients (tables with an exogenous rest of the world; empty: none). NumericalError
/// naming `name` if an iteration does not converge.
ChainValueAdded scenario_chain_value_added(const LeontiefModel& m, const SparseMatrix& dA, const Vector& dM,
                                           const Matrix& Yd, const Vector& x, const ScenarioOptions& opt,
                                           const std::string& name);

/// Solve every scenario on the base model's factorization (NumericalError naming the scenario if
/// the iteration does not converge: a scaling so strong that rho(L dA) >= 1 needs a new model).
ScenarioResults solve_market_scenarios(const LeontiefModel& m, const std::vector<MarketScenario>& scenarios,
                                       const ScenarioOptions& opt = {});

}  // namespace irio::solver
