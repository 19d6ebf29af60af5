// SPDX-License-Identifier: MIT
// Identity residuals reported with every run that has identities to check: value chains,
// footprints (methods.md §6.2, §8 "Reporting").
#pragma once

#include <string>

#include "irio/tables/io_table.h"
#include "irio/tables/tidy_table.h"

namespace irio::tables {

/// Collects the residual of each applicable §6.2 identity as a TidyTable with key columns
/// identity, scope, tolerance, pass and value column residual (docs/value-chains.md).
///
///   Diagnostics d(model.n());
///   d.check_vectors("21: row sums of the 7 terms = va", "region_sector", sum, model.va());
///   if (!d.all_pass()) ...
///
/// Tolerance (§6.2): |residual| <= rel * max(1, scale), rel = 1e-12 for n <= 100, else 1e-9;
/// scale is the largest absolute value entering the identity.
class Diagnostics {
 public:
  explicit Diagnostics(Eigen::Index n);
  /// Record one scalar residual with its scale.
  void check(const std::string& identity, const std::string& scope, double residual, double scale);
  /// max_i |lhs_i - rhs_i| over entries where both are finite, scale = max |lhs|, |rhs|.
  void check_vectors(const std::string& identity, const std::string& scope, const Vector& lhs, const Vector& rhs);
  /// Inequality lhs_i >= bound - tolerance; the residual is the worst violation (0 if none).
  void check_at_least(const std::string& identity, const std::string& scope, const Vector& lhs, double bound);
  bool all_pass() const { return failures_ == 0; }
  std::size_t failures() const { return failures_; }
  const TidyTable& table() const { return table_; }
  TidyTable& table() { return table_; }

 private:
  double rel_;
  std::size_t failures_ = 0;
  TidyTable table_;
};

}  // namespace irio::tables
