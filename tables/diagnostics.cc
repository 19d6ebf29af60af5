// SPDX-License-Identifier: MIT
// Identity residuals as a tidy diagnostics table (methods.md §6.2).
#include "irio/tables/diagnostics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace irio::tables {

Diagnostics::Diagnostics(Eigen::Index n)
    : rel_(n <= 100 ? 1e-12 : 1e-9), table_("diagnostics", {"identity", "scope", "tolerance", "pass"}, "residual") {}

void Diagnostics::check(const std::string& identity, const std::string& scope, double residual, double scale) {
  const double tol = rel_ * std::max(1.0, std::isfinite(scale) ? scale : 1.0);
  const bool pass = std::isfinite(residual) && std::abs(residual) <= tol;
  if (!pass) ++failures_;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", tol);
  table_.add_row({identity, scope, buf, pass ? "true" : "false"}, residual);
}

void Diagnostics::check_vectors(const std::string& identity, const std::string& scope, const Vector& lhs,
                                const Vector& rhs) {
  double res = 0, scale = 0;
  for (Eigen::Index i = 0; i < lhs.size(); ++i) {
    if (!std::isfinite(lhs(i)) || !std::isfinite(rhs(i))) continue;
    res = std::max(res, std::abs(lhs(i) - rhs(i)));
    scale = std::max({scale, std::abs(lhs(i)), std::abs(rhs(i))});
  }
  check(identity, scope, res, scale);
}

void Diagnostics::check_at_least(const std::string& identity, const std::string& scope, const Vector& lhs,
                                 double bound) {
  double worst = 0, scale = std::abs(bound);
  for (Eigen::Index i = 0; i < lhs.size(); ++i) {
    if (!std::isfinite(lhs(i))) continue;
    worst = std::max(worst, bound - lhs(i));
    scale = std::max(scale, std::abs(lhs(i)));
  }
  check(identity, scope, worst, scale);
}

}  // namespace irio::tables
