// SPDX-License-Identifier: MIT
// Ghosh model via G = x^-1 L x on the Leontief factorization (methods.md §1.2).
#include "irio/solver/ghosh.h"

#include "irio/solver/indicator_common.h"

namespace irio::solver {

SparseMatrix ghosh_allocation(const LeontiefModel& model) {
  // B = x^+ Z = x^+ A x with the model output x = L y (A already has the zero-output rows/columns
  // removed); G = x^-1 L x then equals the upstreamness U (methods.md §1.2, §4.3).
  const Vector& x = model.model_output();
  const Vector xinv = tables::safe_reciprocal(x);
  SparseMatrix B = xinv.asDiagonal() * model.A() * x.asDiagonal();
  B.prune(0.0, 0.0);
  return B;
}

Matrix ghosh_solve(const LeontiefModel& model, const Matrix& M) {
  const Vector& x = model.model_output();
  Matrix R = model.solve(x.asDiagonal() * M);
  return tables::safe_reciprocal(x).asDiagonal() * R;
}

Matrix ghosh_solve_transposed(const LeontiefModel& model, const Matrix& C) {
  const Vector& x = model.model_output();
  Matrix R = model.solve_transposed(tables::safe_reciprocal(x).asDiagonal() * C);
  return x.asDiagonal() * R;
}

Vector ghosh_output(const LeontiefModel& model, const Vector& va) {
  return ghosh_solve_transposed(model, va).col(0);  // x' = va'G, one transposed solve
}

tables::TidyTable ghosh_table(const LeontiefModel& model) {
  const Index n = model.n();
  auto t = make_region_sector_table(model, "ghosh");
  Vector out = ghosh_output(model, model.va());
  add_region_sector_rows(t, model, "ghosh_output", out);
  Vector rs = ghosh_solve(model, Matrix(Vector::Ones(n))).col(0);
  model.mask_inactive(rs);
  add_region_sector_rows(t, model, "ghosh_row_sum", rs);
  Vector cs = ghosh_solve_transposed(model, Matrix(Vector::Ones(n))).col(0);
  model.mask_inactive(cs);
  add_region_sector_rows(t, model, "ghosh_column_sum", cs);
  Vector d = ghosh_allocation(model) * Vector::Ones(n);
  model.mask_inactive(d);
  add_region_sector_rows(t, model, "direct_forward", d);
  return t;
}

}  // namespace irio::solver
