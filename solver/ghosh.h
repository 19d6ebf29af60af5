// SPDX-License-Identifier: MIT
// The Ghosh (supply-side) model through the similarity transform G = x^-1 L x, reusing the
// Leontief factorization (methods.md §1.2). Descriptive use only: forward linkages, allocation,
// downstream multipliers -- as a causal supply-push model it is implausible (Oosterhaven 1988).
#pragma once

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// B = x^+ Z (Ghosh allocation coefficients, n x n, sparse), methods.md §0.3.
SparseMatrix ghosh_allocation(const LeontiefModel& model);

/// G M = x^+ L (x o M) for an n x k block M (methods.md §1.2): columns of the Ghosh inverse.
/// Cost S(k). Zero-output rows are 0 (they carry no sales).
Matrix ghosh_solve(const LeontiefModel& model, const Matrix& M);

/// G' C = x L' (x^+ o C) for an n x k block C: row combinations c'G as columns. Cost S'(k).
Matrix ghosh_solve_transposed(const LeontiefModel& model, const Matrix& C);

/// Ghosh output x' = va' G for a vector of primary inputs va (n), methods.md §1.2.
Vector ghosh_output(const LeontiefModel& model, const Vector& va);

/// Tidy table region,sector,indicator,value with the Ghosh indicators (docs/indicators.md):
/// ghosh_output (va'G with the model's va; equals x on a consistent table), ghosh_row_sum (G 1,
/// total forward linkage), ghosh_column_sum (1'G), direct_forward (B 1).
tables::TidyTable ghosh_table(const LeontiefModel& model);

}  // namespace irio::solver
