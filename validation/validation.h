// SPDX-License-Identifier: MIT
// Reproduction of published input-output results through irio's public API: each case loads a
// textbook or peer table from validation/data, computes with the same functions users call, and
// compares with the published value at its printed precision (or a peer's output to 1e-10).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "irio/tables/tidy_table.h"

namespace irio::validation {

/// One comparison: published (or peer) value against irio's.
struct Check {
  std::string case_name, quantity, key;
  double published = 0, computed = 0, tolerance = 0;
  bool pass = false;
};

struct Report {
  std::vector<Check> checks;
  std::vector<std::string> errors;  ///< cases that could not run (missing data, exceptions)

  std::size_t failures() const;
  /// Compare at printed precision: |computed - published| <= terms * 0.5 * 10^-decimals (+ slack),
  /// where `terms` > 1 for a published value that is a sum of that many printed (rounded) numbers.
  void printed(const std::string& case_name, const std::string& quantity, const std::string& key, double published,
               int decimals, double computed, int terms = 1);
  /// Compare with a relative tolerance (peer outputs: 1e-10), absolute near zero.
  void relative(const std::string& case_name, const std::string& quantity, const std::string& key, double expected,
                double computed, double rel_tol);
  /// Text table: case, quantity, key, published, computed, difference, pass. `failures_only`
  /// prints only failing rows plus a per-case summary.
  std::string text(bool failures_only) const;
  /// Tidy form for CSV: case,quantity,key,column(published|computed|difference|tolerance|pass),value.
  tables::TidyTable tidy() const;
};

struct Case {
  std::string name;
  std::string description;  ///< source and what is compared
  std::function<void(const std::string& data_dir, Report&)> run;
};

/// All cases, in a fixed order.
const std::vector<Case>& cases();

/// Run the cases whose name contains `filter` (all if empty; with `exact`, only the case of that
/// name). Exceptions of a case are recorded in Report::errors and count as failures.
Report run_cases(const std::string& data_dir, const std::string& filter = "", bool exact = false);

/// $IRIO_VALIDATION_DATA, or share/irio/validation beside the binary (validation/data of the
/// source, copied there by the build and by `cmake --install`).
std::string default_data_dir();

}  // namespace irio::validation
