// SPDX-License-Identifier: MIT
// LeontiefModel: technical coefficients of a table and the factorizations of I - A (global),
// I - A_R (region-local) and I - A_C (country-local), each made once and reused (methods.md §0.3-§1.3).
#pragma once

#include <limits>
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

class LeontiefModel;

struct ModelOptions {
  Backend backend = Backend::kAuto;
  /// Value added: the column residual x' - 1'Z - imports (default; methods.md §8.2 pitfall 3), or the
  /// sum of the supplied components V.
  enum class VaMode { kResidual, kSupplied } va_mode = VaMode::kResidual;
  /// x_j <= min_output_eps * max(x) counts as zero output and is compressed out (methods.md §1.3).
  double min_output_eps = 0.0;
  IterativeOptions iterative;
  /// n up to which kAuto uses dense LAPACK; larger systems iterate (see choose_backend).
  Index dense_max_n = 3000;
  /// Density nnz(A) / n^2 above which kAuto factorizes even for n > dense_max_n (choose_backend).
  double iterative_max_density = 0.5;
  /// Rule 6 of choose_backend: under kAuto, batches of many right-hand sides go to a dense LU
  /// when the cost model says it is cheaper (dense_break_even_rhs).
  bool rhs_cost_model = true;
  /// A model of a table of the same shape and zero-output set (the base table of `irio batch
  /// --reuse-factorization`, of which this is a draw) whose factorisation of I - A0 preconditions
  /// this model's global solves: X <- L0 (B + (A - A0) X), Richardson, from X = L0 B, until the
  /// true residual max |B - (I - A) X| <= 1e-12 max |B| per column (at most 200 iterations); if it
  /// stalls or diverges, or the shapes differ, this model factorises its own I - A as without it.
  /// Not owned: it must outlive this model. Block-local solves (L_R, L_C) are not affected.
  const LeontiefModel* precondition_with = nullptr;

  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// The one place where the backend for the global system I - A is chosen (n x n, nnz non-zeros
/// in A). `need_factorization`: the caller solves many right-hand sides (the trade decompositions'
/// diagonal blocks L^{ss}) or the iteration has just failed, so a factorization is wanted.
///
/// The rule (measured costs: docs/performance.md, "Backends"):
///   1. A backend named in opt.backend is used as given; only kIterative and kPetsc give way to kDense
///      when a factorization is needed (the iteration has none).
///   2. kAuto, n <= opt.dense_max_n (3000): kDense. LAPACK LU is the fastest factorization at
///      every size measured, about 0.3 s at n = 3000, and gives an rcond estimate.
///   3. kAuto, need_factorization: kDense.
///   4. kAuto, density nnz(A) / n^2 > opt.iterative_max_density (0.5): kDense. The iteration's
///      advantage is a product with sparse A at 2 nnz(A) flops per step and right-hand side;
///      when A is more than half full its sparse storage is larger than a dense matrix, a step
///      costs about as much as a dense product, and a run of a hundred right-hand sides pays for
///      the dense factorization. (Not measured: MRIO tables measured so far are <= 11 % dense,
///      where rule 5 applies.)
///   5. kAuto otherwise: kIterative (GMRES(30) preconditioned by the region-local LUs).
///   6. Cost model, applied per solve by LeontiefModel under kAuto for n > opt.dense_max_n: a
///      batch of at least dense_break_even_rhs(n, nnz) right-hand sides, or any batch of a request
///      that planned that many in all (LeontiefModel::plan_solves), is solved with a dense LU
///      (asked for as in rule 3), and once the model holds one every later batch uses it.
/// Sparse LU (kUmfpack, kKlu) is never chosen automatically: on MRIO matrices its factors fill in
/// to 80-100 % of n^2 even at 1.4 % density, and it loses to dense LU.
/// The iteration's non-convergence is not decided here: LeontiefModel checks the SolveStatus of
/// each iterative solve and, under kAuto only, repeats it with choose_backend(..., true, ...).
Backend choose_backend(Index n, Index nnz, bool need_factorization, const ModelOptions& opt);

/// The number of right-hand sides from which one dense LU of I - A (n x n, nnz non-zeros in A)
/// costs less than block GMRES: k* = c_LU n^3 / (c_GMRES nnz - c_solve n^2), with CPU-time
/// constants measured on the synthetic MRIO shape (docs/performance.md, "Dense LU or GMRES: the
/// cost model"); the largest Index when the iteration is never dearer per column.
Index dense_break_even_rhs(Index n, Index nnz);

/// What the model did, for reports and provenance.
struct SolveSummary {
  std::string backend;
  Index n = 0;
  Index nnz_A = 0;
  double rcond = 0;           ///< NaN for the iterative backend
  double max_column_sum = 0;  ///< max_j 1'A_{.j} (incl. import coefficients)
  std::size_t zero_output = 0;
  double factor_seconds = 0;
  /// Supplied vs. model output (LeontiefModel::output_gap), when a result used model_output();
  /// NaN otherwise. `output_gap_at`: the region-sector with the largest gap.
  double output_gap = std::numeric_limits<double>::quiet_NaN();
  std::string output_gap_at;
  /// Right-hand sides solved by the base-preconditioned iteration (ModelOptions::precondition_with)
  /// and the solves with the base factorisation it made (one per column and iteration, summed).
  std::size_t preconditioned_rhs = 0, preconditioned_iterations = 0;
  /// What the model has solved so far (`irio batch` states it per draw): factorisations made
  /// (the global solver, an iteration's preconditioner included, and each block-local LU of
  /// L_R / L_C), and right-hand sides solved with L or L' and with L_R / L_C.
  std::size_t factorizations = 0, global_rhs = 0, local_rhs = 0;
  /// One paragraph for the run summary of the CLI verbs; its last line names the BLAS library, kernel
  /// and threads (blas_info.h) and warns when a kernel without AVX2 runs on a CPU with it.
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

  const SparseMatrix& A() const { return A_; }  ///< Z x^+, n x n (zero-output rows/cols zero)
  const Vector& x() const { return x_; }        ///< gross output as supplied (A = Z x^+), n
  /// The model's gross output x = L y, y = Y 1 + exports 1 with zero-output sectors set to 0: the
  /// supplied x itself when the table balances (max |x - A x - y| <= 1e-10 max(1, max x); no solve),
  /// else one solve, cached. Every result derived from L that needs output (Ghosh, forward
  /// linkages, upstreamness, lengths, value-chain and trade decompositions, footprints) uses this
  /// one vector, so that their identities hold together (methods.md §1.3).
  const Vector& model_output() const;
  /// max_j |x_j - (L y)_j| / max(1, max x): how far the supplied output is from the model's
  /// (0 for a balanced table); computes model_output() if needed.
  double output_gap() const;
  const Vector& va() const { return va_; }    ///< value added, n
  const Vector& v() const { return v_; }      ///< value-added coefficients va / x, n
  const Vector& a_M() const { return a_M_; }  ///< import coefficients 1'M x^+ (0 if none), n
  bool is_active(Index j) const { return active_[static_cast<std::size_t>(j)] != 0; }
  const std::vector<Index>& zero_output() const { return zero_output_; }
  /// Set entries of zero-output region-sectors to NaN (for intensive results).
  void mask_inactive(Vector& v) const;

  /// L B = (I - A)^{-1} B: column combinations of L (n x k).
  Matrix solve(Matrix B) const;
  /// L' B: row combinations of L, e.g. multipliers c'L = (L' c)'.
  Matrix solve_transposed(Matrix B) const;
  /// What a caller is about to solve in all, for the cost model (rule 6 of choose_backend): the
  /// right-hand sides of every batch to come, forward and transposed together. While the returned
  /// object lives, a batch goes to the dense LU when the plan reaches dense_break_even_rhs, however
  /// small the batch: the LU is paid once and every later batch reuses it. Without a plan the
  /// rule sees one batch at a time, and a request of two batches each below k* but together far
  /// above it (EXIOBASE's footprints: 1100 transposed and 1149 forward right-hand sides) would
  /// iterate through both (docs/performance.md, "Dense LU or GMRES: the cost model").
  class SolvePlan {
   public:
    SolvePlan(const SolvePlan&) = delete;
    SolvePlan& operator=(const SolvePlan&) = delete;
    ~SolvePlan() { model_.planned_rhs_ = previous_; }

   private:
    friend class LeontiefModel;
    SolvePlan(const LeontiefModel& model, Index total) : model_(model), previous_(model.planned_rhs_) {
      model.planned_rhs_ = total;
    }
    const LeontiefModel& model_;
    Index previous_;
  };
  [[nodiscard]] SolvePlan plan_solves(Index total_rhs) const { return SolvePlan(*this, total_rhs); }

  /// L_R B or L_C B (block-diagonal local inverses).
  Matrix local_solve(Perimeter p, Matrix B) const;
  Matrix local_solve_transposed(Perimeter p, Matrix B) const;

  /// A_R / A_C: the entries of A inside the perimeter's blocks.
  SparseMatrix A_within(Perimeter p) const;
  /// A - A_R or A - A_C: the entries crossing the perimeter.
  SparseMatrix A_across(Perimeter p) const;
  /// Index sets of each region (G sets) or country (C sets), region-major order.
  const std::vector<std::vector<Index>>& blocks(Perimeter p) const;

  /// The global solver of choose_backend (created on first use). `need_factorization` asks for a
  /// direct backend even where kAuto would iterate (many right-hand sides, e.g. WWZ diagonal blocks).
  const LinearSolver& global_solver(bool need_factorization = false) const;
  SolveSummary summary() const;

 private:
  const tables::IoTable& table_;
  ModelOptions opt_;
  SparseMatrix A_;
  Vector x_, va_, v_, a_M_;
  mutable Vector x_model_;          ///< model_output(), empty until asked for
  mutable double output_gap_ = -1;  ///< < 0 until model_output() was computed
  mutable Index output_gap_at_ = -1;
  std::vector<char> active_;
  std::vector<Index> zero_output_;
  std::vector<std::vector<Index>> region_blocks_, country_blocks_;
  double max_colsum_ = 0;
  bool countries_are_regions_ = false;  ///< every country has one region: L_C = L_R
  /// The global solvers: the iteration and a factorization (each made at most once).
  mutable std::unique_ptr<LinearSolver> iterative_, direct_, local_region_, local_country_;
  mutable bool fell_back_ = false;  ///< an iterative solve failed and was repeated with direct_
  mutable double factor_seconds_ = 0;
  mutable std::size_t factorizations_ = 0, global_rhs_ = 0, local_rhs_ = 0;  ///< SolveSummary's counts
  mutable std::size_t preconditioned_rhs_ = 0, preconditioned_iterations_ = 0;
  mutable SparseMatrix dA_, dAt_;     ///< A - A0 and its transpose (precondition_with), made on first use
  mutable bool base_failed_ = false;  ///< the base-preconditioned iteration failed once: factorise
  mutable Index planned_rhs_ = 0;     ///< plan_solves: right-hand sides the caller will solve in all

  /// X with (I - A) X = B (or the transpose) by the iteration preconditioned by
  /// opt_.precondition_with; false when it cannot be used or does not converge.
  bool base_preconditioned(Matrix& B, bool transposed) const;

  void check_productive() const;
  std::unique_ptr<LinearSolver> factorize(Backend b) const;
  /// L B or L' B with the chosen backend; under kAuto a failed iteration is repeated with the
  /// factorization.
  Matrix global_solve(Matrix B, bool transposed) const;
  /// One block of global_solve: with `factor` the dense LU of the cost model, else the chosen
  /// backend (the iteration, and its fallback to the factorization under kAuto).
  Matrix solve_columns(Matrix B, bool transposed, bool factor) const;
};

}  // namespace irio::solver
