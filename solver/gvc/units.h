// SPDX-License-Identifier: MIT
// Perimeter units (regions or countries) of a model and the block operations that the
// value-chain decompositions share: final demand and exports by destination unit, and
// "A^{sr} w^r" products for every exporter row and importer unit at sparse-product cost.
#pragma once

#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"

namespace irio::solver::gvc {

using tables::Matrix;
using tables::SparseMatrix;
using tables::Vector;

/// The units of a perimeter (methods.md §3, §5.3): each region (P = R) or each country (P = C).
/// Rows of unit u are `rows[u]` (region-major, sorted); `unit_of_row[i]` is the inverse map.
struct Units {
  Perimeter perimeter = Perimeter::kRegion;
  std::vector<std::string> names;        ///< U unit names (region or country codes)
  std::vector<std::vector<Index>> rows;  ///< U index sets into 0..n-1
  std::vector<Index> unit_of_row;        ///< n
  std::vector<Index> unit_of_region;     ///< G
  Index size() const { return static_cast<Index>(names.size()); }
  Index unit(Index row) const { return unit_of_row[static_cast<std::size_t>(row)]; }
};

/// Units of `p` for the model's labels.
Units make_units(const LeontiefModel& model, Perimeter p);

/// Final demand Y^d summed over the destination regions of each unit: n x U (methods.md §0.2).
Matrix final_demand_by_unit(const LeontiefModel& model, const Units& u);

/// Intermediate flows Z = A x^ (the model's A, zero-output sectors removed) summed over the
/// destination columns of each unit: n x U. `x` is the output to use (L y; methods.md §1.3: with a
/// supplied x that differs from L y, identities must use L y).
Matrix intermediate_by_unit(const LeontiefModel& model, const Units& u, const Vector& x);

/// Keep entry (i, c) only where unit(i) != c (exports: flows leaving the row's unit).
Matrix off_own_unit(const Matrix& M, const Units& u);

/// Entry (i, unit(i)) of each row: the flow that stays in the row's own unit, n.
Vector own_unit(const Matrix& M, const Units& u);

/// F(i, c) = sum_{k in unit c} A_ik w_k, n x U: the vectors A^{sr} w^r for every exporter row i
/// (in unit s) and importer unit r at once. Cost: nnz(A).
Matrix split_by_column_unit(const SparseMatrix& A, const Vector& w, const Units& u);

/// F(i, c) = sum_{k in unit c} A_ik X(k, unit(i)), n x U: like split_by_column_unit, but the
/// vector multiplied depends on the exporter's unit s = unit(i) (e.g. L^{rs} Y^{ss}). Cost nnz(A).
Matrix split_by_column_unit_exporter(const SparseMatrix& A, const Matrix& X, const Units& u);

/// Rows restricted to unit c: column c of the result is w on rows of c, 0 elsewhere (n x U).
Matrix place_by_unit(const Vector& w, const Units& u);

/// Sum of the rows of each unit: U x k.
Matrix sum_rows_by_unit(const Matrix& M, const Units& u);

/// The part of A a product uses (methods.md §0.3): A_N (same country, other region) or A_F (other
/// country). Products read A in place, so the n x n coefficients are never copied.
enum class CoefficientPart { kNational, kForeign };
/// A_part W, n x k. Cost: one pass over A's non-zeros per call (times k).
Matrix multiply_part(const LeontiefModel& model, CoefficientPart part, const Matrix& W);
/// A_part' W, n x k.
Matrix multiply_part_transposed(const LeontiefModel& model, CoefficientPart part, const Matrix& W);

/// tables::ratio_or_nan under its old name, kept only because solver/gvc/production.cc still calls
/// it; new code calls tables::ratio_or_nan.
inline double ratio(double num, double den) { return tables::ratio_or_nan(num, den); }

}  // namespace irio::solver::gvc
