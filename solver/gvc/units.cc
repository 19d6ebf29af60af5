// SPDX-License-Identifier: MIT
// Perimeter units and shared block operations of the value-chain decompositions.
#include "irio/solver/gvc/units.h"

namespace irio::solver::gvc {

Units make_units(const LeontiefModel& model, Perimeter p) {
  const auto& lab = model.labels();
  Units u;
  u.perimeter = p;
  u.names = p == Perimeter::kRegion ? lab.regions : lab.countries;
  u.rows = model.blocks(p);
  u.unit_of_row.assign(static_cast<std::size_t>(model.n()), -1);
  for (std::size_t c = 0; c < u.rows.size(); ++c)
    for (Index i : u.rows[c]) u.unit_of_row[static_cast<std::size_t>(i)] = static_cast<Index>(c);
  u.unit_of_region.resize(lab.num_regions());
  for (std::size_t r = 0; r < lab.num_regions(); ++r)
    u.unit_of_region[r] = p == Perimeter::kRegion ? static_cast<Index>(r)
                                                  : static_cast<Index>(lab.country_of_region[r]);
  return u;
}

Matrix final_demand_by_unit(const LeontiefModel& model, const Units& u) {
  const Matrix Yd = model.table().final_demand_by_region();  // n x G
  Matrix Yu = Matrix::Zero(model.n(), u.size());
  for (Index r = 0; r < Yd.cols(); ++r) Yu.col(u.unit_of_region[static_cast<std::size_t>(r)]) += Yd.col(r);
  for (Index j = 0; j < model.n(); ++j)
    if (!model.is_active(j)) Yu.row(j).setZero();  // zero-output sectors carry no flows (§1.3)
  return Yu;
}

Matrix intermediate_by_unit(const LeontiefModel& model, const Units& u, const Vector& x) {
  const SparseMatrix& A = model.A();
  Matrix Zu = Matrix::Zero(model.n(), u.size());
  for (Index j = 0; j < A.outerSize(); ++j) {
    const Index c = u.unit(j);
    for (SparseMatrix::InnerIterator it(A, j); it; ++it) Zu(it.row(), c) += it.value() * x(j);
  }
  return Zu;
}

Matrix off_own_unit(const Matrix& M, const Units& u) {
  Matrix out = M;
  for (Index i = 0; i < M.rows(); ++i) out(i, u.unit(i)) = 0.0;
  return out;
}

Vector own_unit(const Matrix& M, const Units& u) {
  Vector out(M.rows());
  for (Index i = 0; i < M.rows(); ++i) out(i) = M(i, u.unit(i));
  return out;
}

Matrix split_by_column_unit(const SparseMatrix& A, const Vector& w, const Units& u) {
  Matrix F = Matrix::Zero(A.rows(), u.size());
  for (Index k = 0; k < A.outerSize(); ++k) {
    const Index c = u.unit(k);
    const double wk = w(k);
    if (wk == 0.0) continue;
    for (SparseMatrix::InnerIterator it(A, k); it; ++it) F(it.row(), c) += it.value() * wk;
  }
  return F;
}

Matrix split_by_column_unit_exporter(const SparseMatrix& A, const Matrix& X, const Units& u) {
  Matrix F = Matrix::Zero(A.rows(), u.size());
  for (Index k = 0; k < A.outerSize(); ++k) {
    const Index c = u.unit(k);
    for (SparseMatrix::InnerIterator it(A, k); it; ++it) F(it.row(), c) += it.value() * X(k, u.unit(it.row()));
  }
  return F;
}

Matrix place_by_unit(const Vector& w, const Units& u) {
  Matrix P = Matrix::Zero(w.size(), u.size());
  for (Index i = 0; i < w.size(); ++i) P(i, u.unit(i)) = w(i);
  return P;
}

Matrix sum_rows_by_unit(const Matrix& M, const Units& u) {
  Matrix S = Matrix::Zero(u.size(), M.cols());
  for (Index i = 0; i < M.rows(); ++i) S.row(u.unit(i)) += M.row(i);
  return S;
}

namespace {
/// Country of each row and whether any country has several regions (else A_N = 0).
struct RowMaps {
  std::vector<int> country, region;
  bool has_national = false;
};
RowMaps row_maps(const LeontiefModel& m) {
  const auto& lab = m.labels();
  const Index N = m.num_sectors();
  RowMaps r;
  r.country.resize(static_cast<std::size_t>(m.n()));
  r.region.resize(static_cast<std::size_t>(m.n()));
  for (Index i = 0; i < m.n(); ++i) {
    r.region[static_cast<std::size_t>(i)] = static_cast<int>(i / N);
    r.country[static_cast<std::size_t>(i)] = lab.country_of_region[static_cast<std::size_t>(i / N)];
  }
  r.has_national = lab.num_countries() < lab.num_regions();
  return r;
}

template <bool kTransposed>
Matrix multiply_part_impl(const LeontiefModel& m, CoefficientPart part, const Matrix& W) {
  const SparseMatrix& A = m.A();
  Matrix out = Matrix::Zero(A.rows(), W.cols());
  const RowMaps r = row_maps(m);
  if (part == CoefficientPart::kNational && !r.has_national) return out;
  const Index k = W.cols();
  for (Index j = 0; j < A.outerSize(); ++j) {
    const auto cj = r.country[static_cast<std::size_t>(j)];
    const auto rj = r.region[static_cast<std::size_t>(j)];
    for (SparseMatrix::InnerIterator it(A, j); it; ++it) {
      const auto i = static_cast<std::size_t>(it.row());
      const bool keep = part == CoefficientPart::kForeign ? r.country[i] != cj
                                                          : (r.country[i] == cj && r.region[i] != rj);
      if (!keep) continue;
      const double a = it.value();
      if (kTransposed) {
        for (Index c = 0; c < k; ++c) out(j, c) += a * W(it.row(), c);
      } else {
        for (Index c = 0; c < k; ++c) out(it.row(), c) += a * W(j, c);
      }
    }
  }
  return out;
}
}  // namespace

Matrix multiply_part(const LeontiefModel& m, CoefficientPart part, const Matrix& W) {
  return multiply_part_impl<false>(m, part, W);
}

Matrix multiply_part_transposed(const LeontiefModel& m, CoefficientPart part, const Matrix& W) {
  return multiply_part_impl<true>(m, part, W);
}

}  // namespace irio::solver::gvc
