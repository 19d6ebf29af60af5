// SPDX-License-Identifier: MIT
// LeontiefModel: technical coefficients of a table and the factorizations of I - A (global),
// I - A_R (region-local) and I - A_C (country-local), each made once and reused (methods.md §0.3-§1.3).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "irio/solver/linear_solver.h"
#include "irio/tables/io_table.h"

namespace irio::solver {

/// Which border counts as "domestic": the region's own (A_R, L_R) or the country's (A_C, L_C).
enum class Perimeter { kRegion, kCountry };
inline constexpr EnumTable<Perimeter, 2> kPerimeterNames{
    "perimeter", {{{Perimeter::kRegion, "region"}, {Perimeter::kCountry, "country"}}}};
constexpr const auto& enum_table(Perimeter) { return kPerimeterNames; }
const char* to_string(Perimeter p);
Perimeter perimeter_from_string(const std::string& s);

struct ModelOptions {
  Backend backend = Backend::kAuto;
  /// Value added: the column residual x' - 1'Z - imports (default; methods.md §8.2 pitfall 3), or the
  /// sum of the supplied components V.
  enum class VaMode { kResidual, kSupplied } va_mode = VaMode::kResidual;
  /// x_j <= min_output_eps * max(x) counts as zero output and is compressed out (methods.md §1.3).
  double min_output_eps = 0.0;
  IterativeOptions iterative;
  /// n up to which kAuto uses dense LAPACK; larger systems use the block-Jacobi iteration
  /// (a handful of right-hand sides) unless a caller asks for a factorization.
  Index dense_max_n = 3000;

  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// What the model did, for reports and provenance.
struct SolveSummary {
  std::string backend;
  Index n = 0;
  Index nnz_A = 0;
  double rcond = 0;            ///< NaN for the iterative backend
  double max_column_sum = 0;   ///< max_j 1'A_{.j} (incl. import coefficients)
  std::size_t zero_output = 0;
  double factor_seconds = 0;
  std::string brief_report() const;
};

/// The demand-driven model of a table.
///
///   LeontiefModel m(table);
///   Matrix ones = Matrix::Ones(m.n(), 1);
///   Matrix out_mult = m.solve_transposed(ones);   // (1'L)'
///
/// Zero-output region-sectors are compressed out: their rows and columns of A are zero, so the
/// system decouples and (L b)_j = b_j there; intensive results are masked with NaN by callers
/// through `mask_inactive`. The table must outlive the model.
class LeontiefModel {
 public:
  explicit LeontiefModel(const tables::IoTable& table, ModelOptions opt = {});
  ~LeontiefModel();
  LeontiefModel(const LeontiefModel&) = delete;
  LeontiefModel& operator=(const LeontiefModel&) = delete;

  const tables::IoTable& table() const { return table_; }
  const tables::Labels& labels() const { return table_.labels; }
  const ModelOptions& options() const { return opt_; }
  Index n() const { return x_.size(); }
  Index num_regions() const { return static_cast<Index>(labels().num_regions()); }
  Index num_sectors() const { return static_cast<Index>(labels().num_sectors()); }

  const SparseMatrix& A() const { return A_; }   ///< Z x^+, n x n (zero-output rows/cols zero)
  const Vector& x() const { return x_; }         ///< gross output used, n
  const Vector& va() const { return va_; }       ///< value added, n
  const Vector& v() const { return v_; }         ///< value-added coefficients va / x, n
  const Vector& a_M() const { return a_M_; }     ///< import coefficients 1'M x^+ (0 if none), n
  bool is_active(Index j) const { return active_[static_cast<std::size_t>(j)] != 0; }
  const std::vector<Index>& zero_output() const { return zero_output_; }
  /// Set entries of zero-output region-sectors to NaN (for intensive results).
  void mask_inactive(Vector& v) const;

  /// L B = (I - A)^{-1} B: column combinations of L (n x k).
  Matrix solve(Matrix B) const;
  /// L' B: row combinations of L, e.g. multipliers c'L = (L' c)'.
  Matrix solve_transposed(Matrix B) const;
  /// L_R B or L_C B (block-diagonal local inverses).
  Matrix local_solve(Perimeter p, Matrix B) const;
  Matrix local_solve_transposed(Perimeter p, Matrix B) const;

  /// A_R / A_C: the entries of A inside the perimeter's blocks.
  SparseMatrix A_within(Perimeter p) const;
  /// A - A_R or A - A_C: the entries crossing the perimeter.
  SparseMatrix A_across(Perimeter p) const;
  /// Index sets of each region (G sets) or country (C sets), region-major order.
  const std::vector<std::vector<Index>>& blocks(Perimeter p) const;

  /// The global factorization (created on first use). `need_factorization` asks for a direct
  /// backend even where kAuto would iterate (many right-hand sides, e.g. WWZ diagonal blocks).
  const LinearSolver& global_solver(bool need_factorization = false) const;
  SolveSummary summary() const;

 private:
  const tables::IoTable& table_;
  ModelOptions opt_;
  SparseMatrix A_;
  Vector x_, va_, v_, a_M_;
  std::vector<char> active_;
  std::vector<Index> zero_output_;
  std::vector<std::vector<Index>> region_blocks_, country_blocks_;
  double max_colsum_ = 0;
  bool countries_are_regions_ = false;  ///< every country has one region: L_C = L_R
  mutable std::unique_ptr<LinearSolver> global_, global_direct_, local_region_, local_country_;
  mutable double factor_seconds_ = 0;

  void check_productive() const;
  std::unique_ptr<LinearSolver> factorize(Backend b) const;
};

}  // namespace irio::solver
