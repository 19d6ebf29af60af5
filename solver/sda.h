// SPDX-License-Identifier: MIT
// Structural decomposition analysis of the change of q = e^ L(A) (s u) between two tables of the
// same classification (methods.md §10.4): technology A, final-demand level s = 1'y, final-demand
// mix u = y / s and the intensity e (value-added coefficients v, a stressor's intensities, or
// none for output). Each factor's contribution is the average of its effect over all n! orders
// of change (n = 3 or 4), which is exact: the parts add up to q1 - q0.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"

namespace irio::solver {

struct StructuralDecomposition {
  std::vector<std::string> factors;  ///< technology, fd_level, fd_mix[, intensity]
  Vector q0, q1;                     ///< the quantity in each year, n
  Matrix parts;                      ///< n x factors.size(): contributions, rows add to q1 - q0
};

/// Decompose the change of e^ L y from model m0 to model m1 (same labels: InputError otherwise).
/// `e0`, `e1`: the intensities (n each), or both empty for output (three factors). y is the
/// models' total final demand (incl. exogenous exports); its level must be non-zero. Cost: the
/// two models' factorizations and four solves (L_t u_s for t, s in {0, 1}); 2^n evaluations.
StructuralDecomposition structural_decomposition(const LeontiefModel& m0, const LeontiefModel& m1, const Vector& e0,
                                                 const Vector& e1);

/// Decompose the change of e^ L y with final demand split into parts, y = Y 1 (Y0, Y1: n x C, the
/// same C parts in both years, e.g. final-demand categories, or domestic final demand and exports):
/// factors technology, one per part ("fd_" + part_names[c]) and, with intensities, "intensity".
/// q is linear in y, so each part's contribution is the change of its own final demand times the
/// average of e^ L over the orders of technology and intensity, which is the average over all
/// (C + 2)! orders with each part as a factor of its own (methods.md §10.4). Cost: the two
/// factorizations and 2 solves of 2 C columns; any C.
StructuralDecomposition final_demand_split_decomposition(const LeontiefModel& m0, const LeontiefModel& m1,
                                                         const Vector& e0, const Vector& e1, const Matrix& Y0,
                                                         const Matrix& Y1, const std::vector<std::string>& part_names);

/// Consumption-based account of one stressor by destination, q_d = e' L (s u_d), u = Yd / s, s the
/// total final demand (Yd0, Yd1: n x D, final demand by destination: regions, then exports):
/// its change split into technology, fd_level, fd_mix (the destinations' product and origin
/// composition) and intensity, averaged over all 4! orders. q0, q1 and the rows of parts are
/// indexed by destination (D). Direct emissions of final demand (F_Y) are not part of e'Ly.
StructuralDecomposition consumption_footprint_decomposition(const LeontiefModel& m0, const LeontiefModel& m1,
                                                            const Vector& e0, const Vector& e1, const Matrix& Yd0,
                                                            const Matrix& Yd1);

/// The average over all k! orders of change of a quantity f(mask) (bit j of mask set: factor j at
/// its year-1 value), from its 2^k evaluations; rows of the result add up to f(all) - f(none).
/// Fills q0 = f(0) and q1 = f(all). k <= 8.
Matrix average_over_orders(int k, const std::function<Vector(unsigned)>& f, Vector& q0, Vector& q1);

/// Intensities of stressor `stressor` of satellite `satellite` (F / x, 0 at zero output); throws
/// InputError naming the satellite or stressor when the table lacks it.
Vector stressor_intensity(const LeontiefModel& m, const std::string& satellite, const std::string& stressor);

}  // namespace irio::solver
