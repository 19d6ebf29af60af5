// SPDX-License-Identifier: MIT
// Derived quantities of an IoTable and its shape checks.
#include "irio/tables/io_table.h"

#include <cctype>

#include <cmath>
#include <functional>
#include <limits>

#include "irio/tables/error.h"

namespace irio::tables {

Vector IoTable::row_total() const {
  Vector r = Z * Vector::Ones(Z.cols());
  if (Y.cols() > 0) r += Y.rowwise().sum();
  if (exports.cols() > 0) r += exports.rowwise().sum();
  return r;
}

Vector IoTable::output() const { return x.size() > 0 ? x : row_total(); }

Vector IoTable::value_added_residual() const {
  Vector va = output();
  va -= (Vector::Ones(Z.rows()).transpose() * Z).transpose();
  if (imports.rows() > 0) va -= imports.colwise().sum().transpose();
  return va;
}

Vector IoTable::value_added_supplied() const {
  if (V.rows() == 0) return Vector();
  return V.colwise().sum().transpose();
}

Matrix IoTable::final_demand_by_region() const {
  const Eigen::Index G = static_cast<Eigen::Index>(labels.num_regions());
  const Eigen::Index K = static_cast<Eigen::Index>(labels.fd_categories.size());
  Matrix Yd = Matrix::Zero(static_cast<Eigen::Index>(n()), G);
  for (Eigen::Index r = 0; r < G; ++r)
    for (Eigen::Index k = 0; k < K; ++k) Yd.col(r) += Y.col(r * K + k);
  return Yd;
}

Vector IoTable::final_demand_total() const {
  Vector y = Vector::Zero(static_cast<Eigen::Index>(n()));
  if (Y.cols() > 0) y += Y.rowwise().sum();
  if (exports.cols() > 0) y += exports.rowwise().sum();
  return y;
}

bool is_other_final_demand(const std::string& label) {
  std::string l;
  for (char c : label) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* o : {"err", "error", "errors", "other", "others", "discrepancy", "statistical_discrepancy"})
    if (l == o) return true;
  return false;
}

Vector IoTable::exports_abroad() const {
  Vector e = Vector::Zero(static_cast<Eigen::Index>(n()));
  for (Eigen::Index k = 0; k < exports.cols(); ++k)
    if (static_cast<std::size_t>(k) >= export_labels.size() ||
        !is_other_final_demand(export_labels[static_cast<std::size_t>(k)]))
      e += exports.col(k);
  return e;
}

Vector IoTable::other_final_demand() const {
  Vector e = Vector::Zero(static_cast<Eigen::Index>(n()));
  for (Eigen::Index k = 0; k < exports.cols() && static_cast<std::size_t>(k) < export_labels.size(); ++k)
    if (is_other_final_demand(export_labels[static_cast<std::size_t>(k)])) e += exports.col(k);
  return e;
}

bool IoTable::has_other_final_demand() const {
  for (Eigen::Index k = 0; k < exports.cols() && static_cast<std::size_t>(k) < export_labels.size(); ++k)
    if (is_other_final_demand(export_labels[static_cast<std::size_t>(k)])) return true;
  return false;
}

Vector IoTable::import_total() const {
  if (imports.rows() == 0) return Vector::Zero(static_cast<Eigen::Index>(n()));
  return imports.colwise().sum().transpose();
}

const Satellite* IoTable::satellite(const std::string& name) const {
  for (const auto& s : satellites)
    if (s.name == name) return &s;
  return nullptr;
}

namespace {
std::string shape(Eigen::Index r, Eigen::Index c) { return std::to_string(r) + " x " + std::to_string(c); }

void check_finite(const Matrix& M, const std::string& source, const std::string& dataset,
                  const std::function<std::string(Eigen::Index, Eigen::Index)>& where) {
  for (Eigen::Index j = 0; j < M.cols(); ++j)
    for (Eigen::Index i = 0; i < M.rows(); ++i)
      if (!std::isfinite(M(i, j)))
        throw InputError(source + ": dataset '" + dataset + "' has a non-finite value (" + std::to_string(M(i, j)) +
                         ") at " + where(i, j));
}
}  // namespace

void IoTable::validate_shapes(const std::string& source) const {
  labels.check(source);
  const auto nn = static_cast<Eigen::Index>(n());
  const auto gk = static_cast<Eigen::Index>(num_fd_columns());
  if (Z.rows() != nn || Z.cols() != nn)
    throw InputError(source + ": dataset 'Z' is " + shape(Z.rows(), Z.cols()) + " but the labels give " +
                     shape(nn, nn) + " (" + std::to_string(labels.num_regions()) + " regions x " +
                     std::to_string(labels.num_sectors()) + " sectors)");
  if (Y.rows() != nn || Y.cols() != gk)
    throw InputError(source + ": dataset 'Y' is " + shape(Y.rows(), Y.cols()) + " but the labels give " +
                     shape(nn, gk) + " (regions x final-demand categories)");
  if (V.cols() != nn || static_cast<std::size_t>(V.rows()) != va_components.size())
    throw InputError(source + ": dataset 'V' is " + shape(V.rows(), V.cols()) + " but expected " +
                     shape(static_cast<Eigen::Index>(va_components.size()), nn));
  if (x.size() != 0 && x.size() != nn)
    throw InputError(source + ": dataset 'x' has " + std::to_string(x.size()) + " entries, expected " +
                     std::to_string(nn));
  if (exports.cols() > 0 && (exports.rows() != nn || static_cast<std::size_t>(exports.cols()) != export_labels.size()))
    throw InputError(source + ": dataset 'exports' is " + shape(exports.rows(), exports.cols()) + ", expected " +
                     shape(nn, static_cast<Eigen::Index>(export_labels.size())));
  if (imports.rows() > 0 && (imports.cols() != nn || static_cast<std::size_t>(imports.rows()) != import_labels.size()))
    throw InputError(source + ": dataset 'imports' is " + shape(imports.rows(), imports.cols()) + ", expected " +
                     shape(static_cast<Eigen::Index>(import_labels.size()), nn));
  auto rs = [&](Eigen::Index i, Eigen::Index) { return labels.describe(static_cast<std::size_t>(i)); };
  auto cs = [&](Eigen::Index, Eigen::Index j) { return labels.describe(static_cast<std::size_t>(j)); };
  for (Eigen::Index j = 0; j < Z.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(Z, j); it; ++it)
      if (!std::isfinite(it.value()))
        throw InputError(source + ": dataset 'Z' has a non-finite value at row " +
                         labels.describe(static_cast<std::size_t>(it.row())) + ", column " +
                         labels.describe(static_cast<std::size_t>(j)));
  check_finite(Y, source, "Y", rs);
  check_finite(V, source, "V", cs);
  if (x.size() > 0) check_finite(x, source, "x", rs);
  check_finite(exports, source, "exports", rs);
  check_finite(imports, source, "imports", cs);
  for (const auto& s : satellites) {
    if (s.F.cols() != nn || static_cast<std::size_t>(s.F.rows()) != s.stressors.size())
      throw InputError(source + ": satellite '" + s.name + "' F is " + shape(s.F.rows(), s.F.cols()) + ", expected " +
                       shape(static_cast<Eigen::Index>(s.stressors.size()), nn));
    if (s.F_Y.cols() != 0 && (s.F_Y.cols() != gk || s.F_Y.rows() != s.F.rows()))
      throw InputError(source + ": satellite '" + s.name + "' F_Y is " + shape(s.F_Y.rows(), s.F_Y.cols()) +
                       ", expected " + shape(s.F.rows(), gk));
    if (s.units.size() != s.stressors.size())
      throw InputError(source + ": satellite '" + s.name + "' has " + std::to_string(s.units.size()) + " units for " +
                       std::to_string(s.stressors.size()) + " stressors");
    check_finite(s.F, source, "satellites/" + s.name + "/F", cs);
    check_finite(s.F_Y, source, "satellites/" + s.name + "/F_Y", [](Eigen::Index i, Eigen::Index j) {
      return "row " + std::to_string(i) + ", column " + std::to_string(j);
    });
  }
  if (x.size() > 0)
    for (Eigen::Index i = 0; i < nn; ++i)
      if (x(i) < 0)
        throw InputError(source + ": negative gross output " + std::to_string(x(i)) + " at " +
                         labels.describe(static_cast<std::size_t>(i)));
}

Vector safe_reciprocal(const Vector& z) {
  Vector r(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) r(i) = z(i) != 0.0 ? 1.0 / z(i) : 0.0;
  return r;
}

double ratio_or_nan(double num, double den) {
  return den != 0.0 ? num / den : std::numeric_limits<double>::quiet_NaN();
}

Vector ratio_or_nan(const Vector& num, const Vector& den) {
  Vector r(num.size());
  for (Eigen::Index i = 0; i < num.size(); ++i) r(i) = ratio_or_nan(num(i), den(i));
  return r;
}

}  // namespace irio::tables
