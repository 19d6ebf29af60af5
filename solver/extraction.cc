// SPDX-License-Identifier: MIT
// Hypothetical extraction by Woodbury or refactorization (methods.md §2.6).
#include "irio/solver/extraction.h"

#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "irio/solver/indicator_common.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {

const char* to_string(ExtractionKind k) { return enum_name(k); }

std::string ExtractionOptions::validate() const {
  return refactorize_fraction > 0 ? "" : "refactorize_fraction must be positive";
}

std::vector<Index> sector_indices(const LeontiefModel& model, const std::vector<std::string>& specs) {
  const auto& lab = model.labels();
  std::vector<Index> out;
  for (const auto& s : specs) {
    const auto slash = s.find('/');
    const std::string sec = slash == std::string::npos ? s : s.substr(slash + 1);
    const int i = tables::Labels::find(lab.sectors, sec);
    if (i < 0)
      throw InputError("extraction set (--sectors): unknown sector '" + sec + "' in '" + s + "' (nearest: " +
                       tables::Labels::nearest(lab.sectors, sec, 2) + "); write SECTOR or REGION/SECTOR");
    if (slash == std::string::npos) {
      for (std::size_t r = 0; r < lab.num_regions(); ++r)
        out.push_back(static_cast<Index>(lab.index(r, static_cast<std::size_t>(i))));
    } else {
      const int r = tables::Labels::find(lab.regions, s.substr(0, slash));
      if (r < 0)
        throw InputError("extraction set (--sectors): unknown region '" + s.substr(0, slash) + "' in '" + s +
                         "' (nearest: " + tables::Labels::nearest(lab.regions, s.substr(0, slash), 2) +
                         "); write SECTOR or REGION/SECTOR");
      out.push_back(static_cast<Index>(lab.index(static_cast<std::size_t>(r), static_cast<std::size_t>(i))));
    }
  }
  return out;
}

namespace {

/// The update as "columns J of the operator change by U": (I - A') = (I - A) + U E_J' (for
/// Leontief kinds), or (I - B'^T) = (I - B^T) + U E_J' (forward kind, transposed Ghosh system).
/// U is sparse (n x |cols|): block extractions may change up to n columns.
struct Update {
  std::vector<Index> cols;
  SparseMatrix U;
};

/// The entries of sparse M with removed(i, j), grouped by changed column.
Update column_update(const SparseMatrix& M, const std::function<bool(Index, Index)>& removed) {
  Update u;
  std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
  for (Index j = 0; j < M.outerSize(); ++j) {
    bool any = false;
    for (SparseMatrix::InnerIterator it(M, j); it; ++it)
      if (it.value() != 0.0 && removed(it.row(), j)) {
        trip.emplace_back(it.row(), static_cast<Index>(u.cols.size()), it.value());
        any = true;
      }
    if (any) u.cols.push_back(j);
  }
  u.U.resize(M.rows(), static_cast<Index>(u.cols.size()));
  u.U.setFromTriplets(trip.begin(), trip.end());
  return u;
}

}  // namespace

ExtractionResult extract(const LeontiefModel& model, ExtractionKind kind, const std::vector<Index>& sectors,
                         const ExtractionOptions& opt) {
  const Index n = model.n();
  const auto& lab = model.labels();
  const Index N = model.num_sectors();
  const bool by_sector = kind == ExtractionKind::kTotal || kind == ExtractionKind::kBackward ||
                         kind == ExtractionKind::kForward;
  if (!by_sector && !sectors.empty())
    throw InputError(std::string("the ") + to_string(kind) + " block extraction takes no sector list");
  std::set<Index> J;
  for (Index j : sectors) {
    if (j < 0 || j >= n)
      throw InputError("extraction sector index " + std::to_string(j) + " out of range [0, " + std::to_string(n) + ")");
    if (!J.insert(j).second)
      throw InputError("extraction set lists " + lab.describe(static_cast<std::size_t>(j)) + " twice");
  }
  if (auto e = opt.validate(); !e.empty()) throw InputError(e);

  ExtractionResult res;
  res.kind = kind;
  res.sectors.assign(J.begin(), J.end());
  const Vector& x = model.x();
  // Baseline: x = L y with y the table's total final demand (x_mode rowsum); use L y so that
  // the extraction differences are exact even for supplied x (methods.md §1.3).
  const Vector yfd = model.table().final_demand_total();
  Vector yb = yfd;
  for (Index j : model.zero_output()) yb(j) = 0.0;
  const Vector va = model.va();
  const Vector xinv = tables::safe_reciprocal(x);
  const bool forward = kind == ExtractionKind::kForward;

  // The update, as changed columns of (I - A) (or of (I - B)' for the forward kind).
  Update u;
  Vector rhs = forward ? va : yb;
  switch (kind) {
    case ExtractionKind::kTotal:  // zero columns J (all of them) and y_J; rows J are zeroed after
      u = column_update(model.A(), [&](Index, Index j) { return J.count(j) > 0; });
      for (Index j : J) rhs(j) = 0.0;
      break;
    case ExtractionKind::kBackward:
      u = column_update(model.A(), [&](Index i, Index j) { return J.count(j) > 0 && (i != j || !opt.keep_diagonal); });
      break;
    case ExtractionKind::kForward: {
      // (I - B^f)' xbar = va, B^f' = B' minus columns J of B' (= rows J of B).
      const SparseMatrix Bt = SparseMatrix((xinv.asDiagonal() * model.A() * x.asDiagonal()).transpose());
      u = column_update(Bt, [&](Index i, Index j) { return J.count(j) > 0 && (i != j || !opt.keep_diagonal); });
      break;
    }
    case ExtractionKind::kInterRegional:
      u = column_update(model.A(), [&](Index i, Index j) { return i / N != j / N; });
      break;
    case ExtractionKind::kNational:
      u = column_update(model.A(), [&](Index i, Index j) {
        const auto ri = static_cast<std::size_t>(i / N), rj = static_cast<std::size_t>(j / N);
        return ri != rj && lab.country_of_region[ri] == lab.country_of_region[rj];
      });
      break;
  }
  const Index k = static_cast<Index>(u.cols.size());
  res.rank = k;
  ExtractionMethod method = opt.method;
  if (method == ExtractionMethod::kAuto)
    method = static_cast<double>(k) > opt.refactorize_fraction * static_cast<double>(n) ? ExtractionMethod::kRefactorize
                                                                                        : ExtractionMethod::kWoodbury;
  // Apply M^{-1} (block) with M = I - A (Leontief) or (I - B)' = x L' x^-1 (forward, via G').
  auto apply_inv = [&](const Matrix& Bm) -> Matrix {
    if (!forward) return model.solve(Bm);
    return x.asDiagonal() * model.solve_transposed(xinv.asDiagonal() * Bm);
  };
  // Baseline with the same operator: x = L y (Leontief kinds, exact even for a supplied x, §1.3)
  // or x' = va'G (forward kind; equals x when the columns balance without exogenous imports).
  res.x_base = apply_inv(forward ? va : yb).col(0);
  if (k == 0) {
    res.method = "none";
    res.x_extracted = apply_inv(rhs).col(0);
  } else if (method == ExtractionMethod::kWoodbury) {
    // methods.md §2.6: (M + U W')^{-1} r = z - M^{-1}U (I + W'M^{-1}U)^{-1} W'z, z = M^{-1} r,
    // with W = E_J (the changed columns). (I - A') = (I - A) + U E_J' because A' = A - U E_J'.
    res.method = "woodbury";
    Matrix blk(n, k + 1);
    blk.leftCols(k) = Matrix(u.U);
    blk.col(k) = rhs;
    const Matrix Z = apply_inv(blk);  // S(k+1)
    Matrix cap = Matrix::Identity(k, k);
    Vector Wz(k);
    for (Index c = 0; c < k; ++c) {
      cap.row(c) += Z.row(u.cols[static_cast<std::size_t>(c)]).leftCols(k);
      Wz(c) = Z(u.cols[static_cast<std::size_t>(c)], k);
    }
    Eigen::PartialPivLU<Matrix> lu(cap);
    const double det = lu.determinant();
    if (!std::isfinite(det) || std::abs(det) < 1e-300)
      throw NumericalError("extraction: the Woodbury capacitance matrix I + W'LU is singular");
    res.x_extracted = Z.col(k) - Z.leftCols(k) * lu.solve(Wz);
  } else {
    // Refactorize the modified operator: dense LU up to the model's dense_max_n (extractions
    // beyond ~n/10 change much of it), UMFPACK on the sparse matrix above that.
    res.method = "refactorize";
    SparseMatrix Mod = forward ? SparseMatrix((xinv.asDiagonal() * model.A() * x.asDiagonal()).transpose()) : model.A();
    SparseMatrix Uc(n, n);
    {
      std::vector<Eigen::Triplet<double, std::ptrdiff_t>> trip;
      for (Index c = 0; c < k; ++c)
        for (SparseMatrix::InnerIterator it(u.U, c); it; ++it)
          trip.emplace_back(it.row(), u.cols[static_cast<std::size_t>(c)], it.value());
      Uc.setFromTriplets(trip.begin(), trip.end());
    }
    SparseMatrix I(n, n);
    I.setIdentity();
    SparseMatrix M = I - (Mod - Uc);
    M.prune(0.0, 0.0);
    const std::string what = std::string("I - A after ") + to_string(kind) + " extraction";
    auto lu = n <= model.options().dense_max_n ? make_dense_lu(Matrix(M), what) : make_umfpack_lu(M, what);
    Matrix r = rhs;
    lu->solve(r);
    res.x_extracted = r.col(0);
  }
  if (kind == ExtractionKind::kTotal)
    for (Index j : J) res.x_extracted(j) = 0.0;  // extracted sectors produce nothing
  for (Index j : model.zero_output()) res.x_extracted(j) = 0.0;

  const Vector dx = res.x_base - res.x_extracted;
  res.output_loss = dx.sum();
  res.va_loss = model.v().dot(dx);
  std::vector<double> sl;
  for (const auto& s : model.table().satellites)
    for (Index q = 0; q < s.F.rows(); ++q) {
      res.stressor_names.push_back(s.name + "/" + s.stressors[static_cast<std::size_t>(q)]);
      sl.push_back(per_unit_output(model, s.F.row(q).transpose()).dot(dx));
    }
  res.stressor_loss = Eigen::Map<Vector>(sl.data(), static_cast<Index>(sl.size()));
  return res;
}

tables::TidyTable extraction_table(const std::vector<ExtractionResult>& results,
                                   const std::vector<std::string>& names) {
  tables::TidyTable t("extraction", {"extraction", "variant", "indicator"});
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string& nm = i < names.size() ? names[i] : std::to_string(i);
    const std::string var = to_string(r.kind);
    const double base = r.x_base.sum();
    t.add_row({nm, var, "output_base"}, base);
    t.add_row({nm, var, "output_extracted"}, r.x_extracted.sum());
    t.add_row({nm, var, "output_loss"}, r.output_loss);
    t.add_row({nm, var, "output_loss_share"}, base != 0 ? r.output_loss / base : std::nan(""));
    t.add_row({nm, var, "va_loss"}, r.va_loss);
    for (std::size_t q = 0; q < r.stressor_names.size(); ++q)
      t.add_row({nm, var, r.stressor_names[q] + "_loss"}, r.stressor_loss(static_cast<Index>(q)));
  }
  return t;
}

}  // namespace irio::solver
