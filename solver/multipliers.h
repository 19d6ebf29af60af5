// SPDX-License-Identifier: MIT
// Output, value-added, income and employment multipliers: simple, Type I and Type II, the latter
// by household closure through Sherman-Morrison / Woodbury on the existing factorization
// (methods.md §2.1-§2.2).
#pragma once

#include <Eigen/LU>
#include <string>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// Simple output multipliers m_o' = 1'L (methods.md §2.1), n; NaN at zero-output sectors.
/// Cost: one transposed solve.
Vector output_multipliers(const LeontiefModel& model);

/// Simple multipliers c'L for a per-unit-of-output coefficient row c (n) (methods.md §2.2), masked.
Vector simple_multipliers(const LeontiefModel& model, const Vector& c);

/// Type I multipliers (c'L)_j / c_j (methods.md §2.2); NaN where c_j = 0 or the sector is inactive.
Vector type1_multipliers(const LeontiefModel& model, const Vector& c);

/// Household closure of the model (methods.md §2.1, eq. 2.1 and its multi-regional Woodbury form):
///   Abar = [A H_c; H_R 0],  K = I_H - H_R L H_c (H x H, H = 1 or G households),
///   Lbar_11 = L + L H_c K^{-1} H_R L,  Lbar_21 = K^{-1} H_R L.
/// The closed (n+H) matrix is never formed or factorized: L H_c costs S(H), H_R L costs S'(H).
/// Keeps a reference to `model`, which must outlive the closure.
class HouseholdClosure {
 public:
  /// H_c: n x H household consumption coefficients (consumption of each product per unit of
  /// total household income); H_R: H x n labour-income coefficients (income per unit of output).
  /// Throws InputError on shape mismatch and NumericalError if K is singular or (H = 1) k <= 0.
  HouseholdClosure(const LeontiefModel& model, Matrix H_c, Matrix H_R);

  const Matrix& K() const { return K_; }  ///< I - H_R L H_c (k = K(0,0) for one household)
  /// Row c'Lbar_11 = c'L + (c'L H_c) K^{-1} H_R L for a coefficient row c, given c'L (n each).
  Vector closed_row(const Vector& cL) const;
  /// 1'Lbar_21: the household rows of Lbar summed (income generated per unit of final demand).
  Vector household_rows_sum() const;
  /// Total closed output multipliers 1'Lbar_11 + 1'Lbar_21 and truncated 1'Lbar_11 (§2.1).
  Vector total_output_multipliers() const;
  Vector truncated_output_multipliers() const;

 private:
  const LeontiefModel& model_;
  Matrix H_c_, H_R_, L_Hc_, HR_L_, K_;
  Eigen::PartialPivLU<Matrix> K_lu_;
  Matrix Kinv_HR_L_;  ///< K^{-1} H_R L (H x n), i.e. Lbar_21
};

/// Household closure built from the table: national (one household, rank-1 Sherman-Morrison) or
/// regional (one household per region, Woodbury with G x G capacitance).
enum class HouseholdMode { kNational, kRegional };
inline constexpr EnumTable<HouseholdMode, 2> kHouseholdModeNames{
    "household closure", {{{HouseholdMode::kNational, "national"}, {HouseholdMode::kRegional, "regional"}}}};
constexpr const auto& enum_table(HouseholdMode) { return kHouseholdModeNames; }
HouseholdMode household_mode_from_string(const std::string& s);

/// Coefficients of the closure from the table:
///   H_R = x^+ w (row per household, restricted to the household's region when regional);
///   h_c = (sum of the final-demand columns of `categories`, over all destination regions for
///         kNational, or of region r's columns for household r) / (total labour income 1'w, or
///         region r's income). Documented in docs/indicators.md.
/// Throws InputError for unknown categories or zero total income.
struct HouseholdCoefficients {
  Matrix H_c, H_R;
};
HouseholdCoefficients household_coefficients(const LeontiefModel& model, const Vector& income,
                                             const std::vector<std::string>& categories, HouseholdMode mode);

struct MultiplierOptions {
  bool va_components = true;                      ///< one VA multiplier per row of table.V
  std::string income;                             ///< w: V component or SATELLITE/STRESSOR (empty: none)
  std::string employment;                         ///< epsilon: SATELLITE/STRESSOR or V-style name (empty: none)
  std::vector<std::string> household_categories;  ///< non-empty: Type II (needs income)
  HouseholdMode households = HouseholdMode::kNational;
  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// All multipliers as a tidy table region,sector,indicator,value (names in docs/indicators.md).
/// `closure_k` (optional) receives diag(K) (k for the national closure); `output` (optional) the
/// simple output multipliers 1'L of the same solve (output_multipliers without a solve of its own).
/// `solved` (optional): C'L already solved for C = multiplier_coefficients(model, opt), n x k (as
/// in another block of transposed solves); then the table costs no solve.
tables::TidyTable multipliers_table(const LeontiefModel& model, const MultiplierOptions& opt,
                                    Vector* closure_k = nullptr, Vector* output = nullptr,
                                    const Matrix* solved = nullptr);
/// The coefficient rows c whose c'L the table shows, as the columns of an n x k matrix (zero on
/// zero-output sectors): output (1), value added (v), then the options' rows.
Matrix multiplier_coefficients(const LeontiefModel& model, const MultiplierOptions& opt);

}  // namespace irio::solver
