// SPDX-License-Identifier: MIT
// Biproportional matrix balancing: RAS (Stone; Miller & Blair 2009, §7.4) and GRAS for matrices
// with negative entries (Junius & Oosterhaven 2003; Lenzen et al. 2007; Temurshoev et al. 2013).
#pragma once

#include <string>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::tables {

enum class RasMethod {
  kAuto,  ///< GRAS when the matrix has a negative entry, RAS otherwise
  kRas,   ///< classic RAS: X = r^ A s^ (refuses negative entries)
  kGras,  ///< GRAS: X = r^ P s^ - r^-1 N s^-1 with A = P - N, P, N >= 0
};
/// Names as in the literature; the command line accepts them in any case.
inline constexpr EnumTable<RasMethod, 3> kRasMethodNames{
    "RAS method", {{{RasMethod::kAuto, "auto"}, {RasMethod::kRas, "RAS"}, {RasMethod::kGras, "GRAS"}}}};
constexpr const auto& enum_table(RasMethod) { return kRasMethodNames; }
const char* to_string(RasMethod m);

struct RasOptions {
  RasMethod method = RasMethod::kAuto;
  int max_iterations = 10000;
  /// Converged when every row and column sum is within tolerance * max(1, |target|) of its target.
  double tolerance = 1e-10;
  /// sum(u) and sum(v) must agree within this relative tolerance (else InputError).
  double totals_tolerance = 1e-8;
  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// The balanced matrix and how it was obtained.
struct RasResult {
  Matrix X;     ///< balanced matrix, same shape and sign pattern as the input
  Vector r, s;  ///< row and column multipliers (X = r^ A s^ for RAS)
  RasMethod method = RasMethod::kRas;
  int iterations = 0;
  bool converged = false;
  double max_row_residual = 0, max_col_residual = 0;  ///< max |X 1 - u|, max |1'X - v|
  std::size_t worst_row = 0, worst_col = 0;
  /// Rows / columns that cannot reach a non-zero target (no entry of the needed sign).
  std::vector<std::size_t> infeasible_rows, infeasible_cols;
  std::string report() const;  ///< multi-line convergence report
};

/// Balance A (m x n) to row totals u (m) and column totals v (n).
/// RAS (M&B sect. 7.4.2): alternately r_i = u_i / (A s)_i and s_j = v_j / (r' A)_j.
/// GRAS (Junius & Oosterhaven 2003, as corrected by Lenzen, Wood & Gallego 2007 and written by
/// Temurshoev, Miller & Bouwmeester 2013, eq. 8-9): with p_i(s) = sum_j p_ij s_j and
/// n_i(s) = sum_j n_ij / s_j, r_i = (u_i + sqrt(u_i^2 + 4 p_i n_i)) / (2 p_i) (or -n_i/u_i when
/// p_i = 0), and the same for s_j given r; it reduces to RAS when N = 0.
/// All-zero rows/columns with zero target keep multiplier 1. Throws InputError for shape
/// mismatches, non-finite input, sum(u) != sum(v), or negative entries with method kRas.
/// Non-convergence is reported (converged = false), not thrown.
/// Complexity O(iterations * nnz(A)).
RasResult ras(const Matrix& A, const Vector& u, const Vector& v, const RasOptions& opt = {});

/// Targets are matched to the lines of a labelled matrix by label, so every label must be
/// unique: throws InputError "`source`: `what` 'a' appears twice (positions 1 and 3)" otherwise.
/// Complexity O(n log n).
void check_unique_labels(const std::vector<std::string>& labels, const std::string& what, const std::string& source);

}  // namespace irio::tables
