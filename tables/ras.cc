// SPDX-License-Identifier: MIT
// RAS and GRAS iterations with a convergence report.
#include "irio/tables/ras.h"

#include <cmath>
#include <map>
#include <sstream>

#include "irio/tables/error.h"

namespace irio::tables {

const char* to_string(RasMethod m) { return enum_name(m); }

std::string RasResult::report() const {
  std::ostringstream os;
  os << to_string(method) << (converged ? " converged" : " did NOT converge") << " after " << iterations << " iteration"
     << (iterations == 1 ? "" : "s") << "\n"
     << "  max |row sum - target| = " << max_row_residual << " (row " << worst_row << ")\n"
     << "  max |column sum - target| = " << max_col_residual << " (column " << worst_col << ")\n";
  if (!infeasible_rows.empty()) {
    os << "  rows that cannot reach their target:";
    for (std::size_t i = 0; i < infeasible_rows.size() && i < 10; ++i) os << " " << infeasible_rows[i];
    os << "\n";
  }
  if (!infeasible_cols.empty()) {
    os << "  columns that cannot reach their target:";
    for (std::size_t i = 0; i < infeasible_cols.size() && i < 10; ++i) os << " " << infeasible_cols[i];
    os << "\n";
  }
  return os.str();
}

namespace {

/// One GRAS half-step (Temurshoev et al. 2013, eq. 8): the multiplier of a line with positive
/// mass p, negative mass n and target t. Returns false (leaving *out) when no positive
/// multiplier reaches the target with this sign pattern.
bool gras_multiplier(double p, double n, double t, double* out) {
  if (p > 0.0) {
    if (n == 0.0 && t < 0.0) return false;                    // only positive entries, negative target
    *out = (t + std::sqrt(t * t + 4.0 * p * n)) / (2.0 * p);  // 0 only when t = 0 and n = 0
    return true;
  }
  if (n > 0.0) {
    if (t >= 0.0) return false;  // only negative entries, non-negative target
    *out = -n / t;
    return true;
  }
  return t == 0.0;  // an all-zero line keeps its multiplier
}

}  // namespace

std::string RasOptions::validate() const {
  if (max_iterations < 1) return "max_iterations must be >= 1";
  if (!(tolerance > 0)) return "tolerance must be positive";
  if (!(totals_tolerance >= 0)) return "totals_tolerance must be >= 0";
  return {};
}

RasResult ras(const Matrix& A, const Vector& u, const Vector& v, const RasOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("ras: " + e);
  const Eigen::Index m = A.rows(), n = A.cols();
  if (u.size() != m || v.size() != n)
    throw InputError("ras: the matrix is " + std::to_string(m) + " x " + std::to_string(n) + " but there are " +
                     std::to_string(u.size()) + " row totals and " + std::to_string(v.size()) + " column totals");
  if (!A.allFinite() || !u.allFinite() || !v.allFinite())
    throw InputError(
        "ras: the matrix, the row totals (--rows) or the column totals (--cols) hold a value that is "
        "not a finite number: give finite numbers only");
  const double su = u.sum(), sv = v.sum();
  if (std::abs(su - sv) > opt.totals_tolerance * std::max({1.0, std::abs(su), std::abs(sv)}))
    throw InputError("ras: the row totals sum to " + std::to_string(su) + " but the column totals to " +
                     std::to_string(sv) +
                     "; no matrix can meet both: correct the row totals (--rows) or the column totals (--cols) so "
                     "that they add up to the same total");
  const bool negative = (A.array() < 0.0).any();
  RasResult res;
  res.method = opt.method == RasMethod::kAuto ? (negative ? RasMethod::kGras : RasMethod::kRas) : opt.method;
  if (res.method == RasMethod::kRas && negative) {
    Eigen::Index i = 0, j = 0;
    (void)A.minCoeff(&i, &j);
    throw InputError("ras: the matrix has negative entries (the smallest, " + std::to_string(A(i, j)) + ", at row " +
                     std::to_string(i + 1) + ", column " + std::to_string(j + 1) +
                     "), which RAS cannot keep: use --method gras (or auto)");
  }
  // A = P - N with P, N >= 0 (for RAS, N = 0 and the GRAS step is exactly the RAS step).
  const Matrix P = A.cwiseMax(0.0);
  const Matrix Nn = (-A).cwiseMax(0.0);
  res.r = Vector::Ones(m);
  res.s = Vector::Ones(n);
  // A zero multiplier (zero target, positive entries only) has no negative entries to scale:
  // the safe reciprocal keeps 0 * inf out of the product.
  auto balanced = [&]() {
    return Matrix(res.r.asDiagonal() * P * res.s.asDiagonal() -
                  safe_reciprocal(res.r).asDiagonal() * Nn * safe_reciprocal(res.s).asDiagonal());
  };
  auto residuals = [&](const Matrix& X) {
    const Vector rs = X.rowwise().sum() - u;
    const Vector cs = X.colwise().sum().transpose() - v;
    Eigen::Index wr = 0, wc = 0;
    res.max_row_residual = m ? rs.cwiseAbs().maxCoeff(&wr) : 0.0;
    res.max_col_residual = n ? cs.cwiseAbs().maxCoeff(&wc) : 0.0;
    res.worst_row = static_cast<std::size_t>(wr);
    res.worst_col = static_cast<std::size_t>(wc);
    bool ok = true;
    for (Eigen::Index i = 0; i < m && ok; ++i) ok = std::abs(rs(i)) <= opt.tolerance * std::max(1.0, std::abs(u(i)));
    for (Eigen::Index j = 0; j < n && ok; ++j) ok = std::abs(cs(j)) <= opt.tolerance * std::max(1.0, std::abs(v(j)));
    return ok;
  };
  std::vector<char> bad_row(static_cast<std::size_t>(m), 0), bad_col(static_cast<std::size_t>(n), 0);
  for (res.iterations = 1; res.iterations <= opt.max_iterations; ++res.iterations) {
    // Rows given s.
    bool infeasible = false;
    const Vector p_r = P * res.s, n_r = Nn * safe_reciprocal(res.s);
    for (Eigen::Index i = 0; i < m; ++i) {
      double ri = res.r(i);
      if (gras_multiplier(p_r(i), n_r(i), u(i), &ri) && std::isfinite(ri)) {
        res.r(i) = ri;
      } else {
        bad_row[static_cast<std::size_t>(i)] = 1;
        infeasible = true;
      }
    }
    // Columns given r.
    const Vector p_c = P.transpose() * res.r, n_c = Nn.transpose() * safe_reciprocal(res.r);
    for (Eigen::Index j = 0; j < n; ++j) {
      double sj = res.s(j);
      if (gras_multiplier(p_c(j), n_c(j), v(j), &sj) && std::isfinite(sj)) {
        res.s(j) = sj;
      } else {
        bad_col[static_cast<std::size_t>(j)] = 1;
        infeasible = true;
      }
    }
    // The sign pattern never changes, so an unreachable target stays unreachable: stop.
    if (infeasible) break;
    // Columns are exact after the column step; test the rows (and columns, for zero lines).
    if (residuals(balanced())) {
      res.converged = true;
      break;
    }
  }
  if (res.iterations > opt.max_iterations) res.iterations = opt.max_iterations;
  res.X = balanced();
  residuals(res.X);
  for (std::size_t i = 0; i < bad_row.size(); ++i)
    if (bad_row[i]) res.infeasible_rows.push_back(i);
  for (std::size_t j = 0; j < bad_col.size(); ++j)
    if (bad_col[j]) res.infeasible_cols.push_back(j);
  return res;
}

void check_unique_labels(const std::vector<std::string>& labels, const std::string& what, const std::string& source) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto [it, fresh] = first.emplace(labels[i], i);
    if (!fresh)
      throw InputError(source + ": " + what + " '" + labels[i] + "' appears twice (positions " +
                       std::to_string(it->second + 1) + " and " + std::to_string(i + 1) +
                       "); targets are matched by label, so labels must be unique");
  }
}

}  // namespace irio::tables
