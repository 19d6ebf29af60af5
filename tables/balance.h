// SPDX-License-Identifier: MIT
// Load-time balance checks of methods.md §1.3: row and column identities, zero/negative output,
// negative value added, coefficient column sums >= 1, negative final demand.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::tables {

enum class Severity { kOk = 0, kWarning = 1, kError = 2 };
inline constexpr EnumTable<Severity, 3> kSeverityNames{
    "severity", {{{Severity::kOk, "ok"}, {Severity::kWarning, "warning"}, {Severity::kError, "error"}}}};
constexpr const auto& enum_table(Severity) { return kSeverityNames; }
const char* to_string(Severity s);
inline Severity worse(Severity a, Severity b) { return a > b ? a : b; }

/// One finding of the balance check, e.g. "row balance" at the worst region-sector.
struct Finding {
  Severity severity = Severity::kOk;
  std::string check;    ///< short name: "row balance", "zero output", ...
  std::string message;  ///< human-readable, names the region/sector at fault
};

/// Result of check_balance. Findings are data, never thrown (HiGHS style).
struct BalanceReport {
  Severity status = Severity::kOk;
  double max_row_abs = 0, max_row_rel = 0;  ///< |x - Z1 - Y1 - e| worst absolute / relative
  double max_col_abs = 0, max_col_rel = 0;  ///< |x' - 1'Z - 1'M - 1'V| (only with supplied V)
  double weighted_row_rel = 0;              ///< sum |row residual| / sum x
  std::size_t worst_row = 0, worst_col = 0;
  std::vector<std::size_t> zero_output;           ///< x_j == 0 (or below min_output_eps * max x)
  std::vector<std::size_t> negative_value_added;  ///< residual va_j < 0
  std::vector<std::size_t> column_sum_ge_one;     ///< 1'A_{.j} >= 1
  std::size_t negative_final_demand = 0;          ///< count of Y < 0
  std::vector<Finding> findings;

  void add(Severity s, std::string check, std::string message);
  /// Multi-line text for the terminal.
  std::string full_report(const Labels& labels) const;
  /// One line: "Balance check: warning (row balance, zero output)" -- the status and the checks
  /// that found something, worst first.
  std::string brief() const;
  /// The messages of the findings of severity `s`, "; "-separated (e.g. the errors of a refusal).
  std::string messages(Severity s) const;
};

struct BalanceOptions {
  double rel_tol = 1e-6;        ///< relative row/column mismatch above this is a warning
  double error_rel_tol = 1e-2;  ///< above this it is an error
  double min_output_eps = 0.0;  ///< x_j <= eps * max(x) counts as zero output
  std::size_t max_listed = 5;   ///< how many offenders a message names

  /// Empty if valid, else the reason (negative tolerances, error_rel_tol < rel_tol, eps outside [0, 1)).
  std::string validate() const;
};

/// Run every §1.3 check. Complexity O(nnz(Z) + n K).
BalanceReport check_balance(const IoTable& t, const BalanceOptions& opt = {});

}  // namespace irio::tables
