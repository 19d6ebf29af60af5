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

/// The average over all k! orders of change of a quantity f(mask) (bit j of mask set: factor j at
/// its year-1 value), from its 2^k evaluations; rows of the result add up to f(all) - f(none).
/// Fills q0 = f(0) and q1 = f(all). k <= 8.
Matrix average_over_orders(int k, const std::function<Vector(unsigned)>& f, Vector& q0, Vector& q1);

/// Intensities of stressor `stressor` of satellite `satellite` (F / x, 0 at zero output); throws
/// InputError naming the satellite or stressor when the table lacks it.
Vector stressor_intensity(const LeontiefModel& m, const std::string& satellite, const std::string& stressor);

}  // namespace irio::solver
