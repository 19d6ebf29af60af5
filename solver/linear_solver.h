// SPDX-License-Identifier: MIT
// One factorization of a square matrix M (normally I - A), answering solves and transposed solves
// from the same factors (methods.md §0.4). Backends: dense LAPACK, UMFPACK, KLU, block-diagonal dense,
// a block-Jacobi preconditioned iteration on sparse A, and (built with IRIO_WITH_PETSC) the same
// iteration in PETSc, distributed over MPI processes (docs/petsc.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "irio/tables/enum_names.h"
#include "irio/tables/io_table.h"

namespace irio::solver {

using tables::Matrix;
using tables::SparseMatrix;
using tables::Vector;
using Index = Eigen::Index;

enum class Backend { kAuto, kDense, kUmfpack, kKlu, kIterative, kPetsc };
inline constexpr EnumTable<Backend, 6> kBackendNames{"backend",
                                                     {{{Backend::kAuto, "auto"},
                                                       {Backend::kDense, "dense"},
                                                       {Backend::kUmfpack, "umfpack"},
                                                       {Backend::kKlu, "klu"},
                                                       {Backend::kIterative, "iterative"},
                                                       {Backend::kPetsc, "petsc"}}}};
constexpr const auto& enum_table(Backend) { return kBackendNames; }
const char* to_string(Backend b);
/// Outcome of LinearSolver::try_solve. Direct backends always converge (a singular matrix is
/// found when factorizing); the iterative backends report stagnation, divergence or an exhausted
/// iteration budget here, as data, so that the caller decides what follows (LeontiefModel falls
/// back to a factorization under Backend::kAuto).
struct SolveStatus {
  bool converged = true;
  int iterations = 0;   ///< iterative backends: steps taken (the most over the blocks of columns)
  std::string message;  ///< why it did not converge, naming the system
  explicit operator bool() const { return converged; }
  /// Non-convergence of the system `what` after `iterations` steps, for the reason `why`.
  static SolveStatus failure(const std::string& what, int iterations, const std::string& why) {
    return {false, iterations, what + ": " + why};
  }
};

/// Factorized (or preconditioned) square operator M. Solves overwrite their argument.
class LinearSolver {
 public:
  virtual ~LinearSolver() = default;
  /// B <- M^{-1} B (or M^{-T} B) reporting non-convergence as a status instead of throwing; on
  /// failure B is left unchanged. The default calls solve / solve_transposed.
  virtual SolveStatus try_solve(Matrix& B, bool transposed) const;
  /// B <- M^{-1} B, B is n x k. Cost: one solve per column (dense: 2 n^2 flops each).
  virtual void solve(Matrix& B) const = 0;
  /// B <- M^{-T} B. Row combinations c' M^{-1} are (M^{-T} c)'.
  virtual void solve_transposed(Matrix& B) const = 0;
  /// B <- M^{-1} B for a "staircase" right-hand side: column j of B is zero above row first[j]
  /// (first is non-decreasing), and only rows first[j].. of column j of the result are wanted;
  /// the rows above are left unspecified. Dense LU without row interchanges solves by row blocks
  /// over the active columns only, 2 (n - first[j])^2 flops for column j; other backends solve
  /// in full. Used for the diagonal blocks L^{ss} of the global inverse (methods.md §3.3 "Cost").
  virtual void solve_staircase(Matrix& B, const std::vector<Index>& first) const;
  virtual std::string name() const = 0;
  /// Reciprocal condition estimate (1-norm) where the backend provides one, else NaN.
  virtual double rcond() const;
};

/// Dense LAPACK getrf of M (n x n). Throws NumericalError naming `what` if singular.
std::unique_ptr<LinearSolver> make_dense_lu(Matrix M, const std::string& what);
/// Dense LAPACK getrf of I - A, formed straight from sparse A in page-mapped memory (no dense
/// copy of A; huge pages requested, see internal/page_buffer.h).
std::unique_ptr<LinearSolver> make_dense_lu_identity_minus(const SparseMatrix& A, const std::string& what);
/// UMFPACK (64-bit indices, no iterative refinement) of sparse M.
std::unique_ptr<LinearSolver> make_umfpack_lu(const SparseMatrix& M, const std::string& what);
/// KLU (64-bit indices) of sparse M.
std::unique_ptr<LinearSolver> make_klu_lu(const SparseMatrix& M, const std::string& what);

/// Block-diagonal matrix given by index sets (need not be contiguous): each block M[idx, idx] (or
/// I - M[idx, idx] when `identity_minus`) gets its own dense LU; entries of M outside the blocks
/// are ignored and indices in no block act as identity rows. With M = A and the region (country)
/// index sets this factorizes I - A_R (I - A_C) without copying A.
std::unique_ptr<LinearSolver> make_block_diagonal_lu(const SparseMatrix& M,
                                                     const std::vector<std::vector<Index>>& blocks,
                                                     const std::string& what, bool identity_minus = false);

/// Iterative methods: restarted GMRES (a Krylov method, the default) or the stationary
/// block-Jacobi (Richardson) iteration; both precondition with the region-local block LU.
enum class IterativeMethod { kGmres, kRichardson };
inline constexpr EnumTable<IterativeMethod, 2> kIterativeMethodNames{
    "iterative method", {{{IterativeMethod::kGmres, "gmres"}, {IterativeMethod::kRichardson, "richardson"}}}};
constexpr const auto& enum_table(IterativeMethod) { return kIterativeMethodNames; }

/// Options of the iterative backend.
struct IterativeOptions {
  double tolerance = 1e-14;  ///< stop when max |B - (I - A) X| <= tolerance * max |B|
  int max_iterations = 500;  ///< sparse products in total (GMRES: over all restarts)
  IterativeMethod method = IterativeMethod::kGmres;
  int restart = 30;  ///< GMRES(m): basis vectors per cycle (memory: (m+1) n k doubles)
  /// Empty if valid, else the reason.
  std::string validate() const;
};

/// Right-preconditioned GMRES(m) with the region-local inverse L_R (given by `blocks`; each block's
/// inverse formed from its LU) as preconditioner, all right-hand sides advanced in lockstep (one
/// sparse product and one block-diagonal product per step for the whole block). Converges for any non-singular I - A; each restart cycle
/// is checked on the true residual. Stagnation, divergence or too many iterations are a
/// non-converged SolveStatus from try_solve (solve / solve_transposed throw NumericalError with
/// its message); LeontiefModel checks the status and, under Backend::kAuto, falls back to a
/// factorization. A is referenced, not copied, and must outlive the solver.
std::unique_ptr<LinearSolver> make_block_gmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                               const IterativeOptions& opt, const std::string& what);

/// Block-Jacobi iteration X <- X + L_R (B - (I - A) X) on sparse A with the same preconditioner
/// (methods.md §0.4). Converges for productive non-negative A (regular splitting of an M-matrix).
/// Memory: the blocks only. Non-convergence is reported as for GMRES.
std::unique_ptr<LinearSolver> make_block_jacobi(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                                const IterativeOptions& opt, const std::string& what);

/// True when irio was built with -DIRIO_WITH_PETSC=ON, so that Backend::kPetsc can be made.
bool petsc_available();

/// Start PETSc, and with it MPI, unless it runs already: the one place where irio initialises
/// PETSc (docs/petsc.md). PETSc installs no signal handlers (-no_signal_handler is added to the
/// PETSC_OPTIONS environment variable), so that a signal keeps its usual meaning; other PETSc
/// options come from PETSC_OPTIONS only. With `argc`, `argv` (the process group's Session under
/// mpirun, analysis/runtime/process_group.h) MPI sees the command line and the caller finalizes PETSc;
/// without them (one process, a test, the Python module: make_petsc_gmres on first use) PETSc
/// starts as an MPI singleton and is finalized at exit. Returns true when this call started it.
/// Throws NumericalError if PETSc was finalized already in this process or fails to start; in a
/// build without PETSc, InputError naming the CMake option.
bool start_petsc(int* argc = nullptr, char*** argv = nullptr);

/// The iteration of make_block_gmres in PETSc, over the processes of PETSC_COMM_WORLD (one
/// process without mpirun): I - A distributed by rows in whole regions (`blocks`, consecutive
/// index ranges; rank p owns regions G p / P .. G (p + 1) / P - 1), KSPGMRES(opt.restart) right-
/// preconditioned by PCBJACOBI with one block per region and a sparse LU in each, the same stopping
/// rule (max |B - (I - A) X| <= opt.tolerance * max |B|, checked on the true residual). Collective:
/// every rank constructs it and calls each solve with the same full n x k B; each rank solves its
/// rows and the result is gathered to every rank (docs/petsc.md). Transposed solves use
/// KSPSolveTranspose with the same preconditioner. A is read while constructing only. In a build
/// without PETSc: InputError naming the CMake option.
std::unique_ptr<LinearSolver> make_petsc_gmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                               const IterativeOptions& opt, const std::string& what);

}  // namespace irio::solver
