// SPDX-License-Identifier: MIT
// The PETSc backend (docs/petsc.md): I - A distributed over the MPI processes by rows in whole
// regions, KSPGMRES right-preconditioned by PCBJACOBI with one sparse LU per region (the region-local
// inverse L_R of methods.md §0.4, as in block_gmres.cc), one KSPSolve or KSPSolveTranspose per
// right-hand side, the result gathered to every process so that all that follows runs replicated.
// Without IRIO_WITH_PETSC only the refusal is built.
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

#ifdef IRIO_WITH_PETSC
#include <petscksp.h>
#include <cstdlib>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <limits>
#endif

namespace irio::solver {

#ifndef IRIO_WITH_PETSC

bool petsc_available() { return false; }

bool start_petsc(int*, char***) {
  throw InputError("PETSc: irio was built without it (-DIRIO_WITH_PETSC=ON, docs/petsc.md)");
}

std::unique_ptr<LinearSolver> make_petsc_gmres(const SparseMatrix&, const std::vector<std::vector<Index>>&,
                                               const IterativeOptions&, const std::string& what) {
  throw InputError(what + ": the petsc backend needs irio built with -DIRIO_WITH_PETSC=ON (docs/petsc.md)");
}

#else

bool petsc_available() { return true; }

bool start_petsc(int* argc, char*** argv) {
  PetscBool started = PETSC_FALSE;
  PetscInitialized(&started);
  if (started) return false;
  PetscBool finalized = PETSC_FALSE;
  PetscFinalized(&finalized);
  if (finalized) throw NumericalError("the petsc backend: PETSc was already finalized in this process");
  // PETSc's own signal handlers would turn any signal the process gets (also harmless ones a
  // launcher or job control sends) into an abort with PETSc's code 59; irio leaves signals alone.
  const char* given = std::getenv("PETSC_OPTIONS");
  const std::string options = given ? given : "";
  if (options.find("-no_signal_handler") == std::string::npos)
    setenv("PETSC_OPTIONS", (options + " -no_signal_handler").c_str(), 1);
  if (argc && argv) {
    // No help text, no options file: argv is irio's own command line, which CLI11 parses.
    if (PetscInitialize(argc, argv, nullptr, nullptr) != 0)
      throw NumericalError("the petsc backend: PetscInitialize failed");
    return true;  // finalized by the caller (the process group's Session)
  }
  if (PetscInitializeNoArguments() != 0) throw NumericalError("the petsc backend: PetscInitialize failed");
  static struct Finalizer {
    ~Finalizer() {
      PetscBool done = PETSC_FALSE;
      PetscFinalized(&done);
      if (!done) (void)PetscFinalize();
    }
  } finalizer;
  return true;
}

namespace {

bool petsc_finalized() {
  PetscBool done = PETSC_FALSE;
  PetscFinalized(&done);
  return done == PETSC_TRUE;
}

/// Stopping rule of IterativeOptions on the max norm: GMRES reports the 2-norm of the true
/// residual (right preconditioning), which bounds the max norm from above; when it is within
/// sqrt(n) of the target the max norm of the residual itself is checked.
struct StopRule {
  double target = 0;
  double sqrt_n = 1;
};

PetscErrorCode stop_test(KSP ksp, PetscInt, PetscReal rnorm, KSPConvergedReason* reason, void* ctx) {
  const auto* rule = static_cast<const StopRule*>(ctx);
  *reason = KSP_CONVERGED_ITERATING;
  if (!std::isfinite(rnorm)) {
    *reason = KSP_DIVERGED_NANORINF;
    return 0;
  }
  if (rnorm <= rule->target) {
    *reason = KSP_CONVERGED_ATOL;
    return 0;
  }
  if (rnorm <= rule->target * rule->sqrt_n) {
    Vec r = nullptr;
    PetscErrorCode e = KSPBuildResidual(ksp, nullptr, nullptr, &r);
    if (e) return e;
    PetscReal rmax = 0;
    e = VecNorm(r, NORM_INFINITY, &rmax);
    VecDestroy(&r);
    if (e) return e;
    if (rmax <= rule->target) *reason = KSP_CONVERGED_ATOL;
  }
  return 0;
}

class PetscGmres final : public LinearSolver {
 public:
  PetscGmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks, const IterativeOptions& opt,
             const std::string& what)
      : opt_(opt), what_(what) {
    if (auto e = opt_.validate(); !e.empty()) throw InputError(what + ": iterative options: " + e);
    start_petsc();
    n_ = A.rows();
    if (A.cols() != n_) throw InputError(what + ": the matrix is not square");
    PetscMPIInt rank = 0, size = 1;
    MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
    MPI_Comm_size(PETSC_COMM_WORLD, &size);
    size_ = size;
    partition(blocks, rank, size);
    build_matrix(A);
    build_solver();
  }

  ~PetscGmres() override {
    if (petsc_finalized()) return;  // objects of a finalized PETSc are gone with it
    KSPDestroy(&ksp_);
    VecDestroy(&b_);
    VecDestroy(&x_);
    VecDestroy(&r_);
    MatDestroy(&M_);
  }
  PetscGmres(const PetscGmres&) = delete;
  PetscGmres& operator=(const PetscGmres&) = delete;

  void solve(Matrix& B) const override { throw_unless(run(B, false)); }
  void solve_transposed(Matrix& B) const override { throw_unless(run(B, true)); }
  SolveStatus try_solve(Matrix& B, bool transposed) const override { return run(B, transposed); }
  std::string name() const override {
    return "PETSc GMRES(" + std::to_string(opt_.restart) + "), block Jacobi with " + std::to_string(num_blocks_) +
           " region LUs, " + std::to_string(size_) + (size_ == 1 ? " process" : " processes");
  }

 private:
  void check(PetscErrorCode e, const char* call) const {
    if (e) throw NumericalError(what_ + ": PETSc " + call + " failed (error code " + std::to_string(e) + ")");
  }

  /// A vector lent the memory of `data` (this rank's rows of a column) until the end of scope.
  struct Placed {
    Vec v;
    Placed(Vec vec, double* data, const PetscGmres* self) : v(vec) {
      self->check(VecPlaceArray(v, data), "VecPlaceArray");
    }
    ~Placed() { VecResetArray(v); }
    Placed(const Placed&) = delete;
    Placed& operator=(const Placed&) = delete;
  };

  static void throw_unless(const SolveStatus& st) {
    if (!st) throw NumericalError(st.message);
  }

  /// Rank p owns regions G p / P .. G (p + 1) / P - 1, so that no block crosses two processes.
  void partition(const std::vector<std::vector<Index>>& blocks, int rank, int size) {
    const Index G = static_cast<Index>(blocks.size());
    start_.assign(static_cast<std::size_t>(G) + 1, 0);
    for (Index g = 0; g < G; ++g) {
      const auto& b = blocks[static_cast<std::size_t>(g)];
      const Index s = start_[static_cast<std::size_t>(g)];
      for (std::size_t i = 0; i < b.size(); ++i)
        if (b[i] != s + static_cast<Index>(i))
          throw InputError(what_ + ": the petsc backend needs each region's rows consecutive, region after region");
      start_[static_cast<std::size_t>(g) + 1] = s + static_cast<Index>(b.size());
    }
    if (start_.back() != n_) throw InputError(what_ + ": the regions do not cover the matrix");
    if (G < size)
      throw InputError(what_ + ": " + std::to_string(size) + " MPI processes but only " + std::to_string(G) +
                       " regions; the petsc backend gives each process whole regions, run with -np " +
                       std::to_string(std::max<Index>(G, 1)) + " or fewer");
    num_blocks_ = G;
    lens_.resize(static_cast<std::size_t>(G));
    for (Index g = 0; g < G; ++g)
      lens_[static_cast<std::size_t>(g)] =
          static_cast<PetscInt>(start_[static_cast<std::size_t>(g) + 1] - start_[static_cast<std::size_t>(g)]);
    rows_of_rank_.resize(static_cast<std::size_t>(size) + 1);
    for (int p = 0; p <= size; ++p)
      rows_of_rank_[static_cast<std::size_t>(p)] = start_[static_cast<std::size_t>(G * p / size)];
    r0_ = rows_of_rank_[static_cast<std::size_t>(rank)];
    r1_ = rows_of_rank_[static_cast<std::size_t>(rank) + 1];
  }

  /// This process's rows of I - A in CSR (columns ascending), from the replicated CSC matrix A.
  void build_matrix(const SparseMatrix& A) {
    const Index m = r1_ - r0_;
    std::vector<Index> count(static_cast<std::size_t>(m), 0);
    std::vector<char> has_diag(static_cast<std::size_t>(m), 0);
    for (Index j = 0; j < n_; ++j)
      for (SparseMatrix::InnerIterator it(A, j); it; ++it)
        if (it.row() >= r0_ && it.row() < r1_) {
          ++count[static_cast<std::size_t>(it.row() - r0_)];
          if (it.row() == j) has_diag[static_cast<std::size_t>(j - r0_)] = 1;
        }
    std::vector<PetscInt> ptr(static_cast<std::size_t>(m) + 1, 0);
    Index total = 0;
    for (Index i = 0; i < m; ++i) {
      total += count[static_cast<std::size_t>(i)] + (has_diag[static_cast<std::size_t>(i)] ? 0 : 1);
      if (total > std::numeric_limits<PetscInt>::max() || n_ > std::numeric_limits<PetscInt>::max())
        throw InputError(what_ +
                         ": too many non-zeros for this PETSc's index type; use more processes or a "
                         "PETSc built with 64-bit indices");
      ptr[static_cast<std::size_t>(i) + 1] = static_cast<PetscInt>(total);
    }
    std::vector<PetscInt> col(static_cast<std::size_t>(total));
    std::vector<PetscScalar> val(static_cast<std::size_t>(total));
    std::vector<PetscInt> pos(ptr.begin(), ptr.end() - 1);
    auto put = [&](Index i, Index j, double v) {
      const auto p = static_cast<std::size_t>(pos[static_cast<std::size_t>(i - r0_)]++);
      col[p] = static_cast<PetscInt>(j);
      val[p] = v;
    };
    for (Index j = 0; j < n_; ++j) {
      if (j >= r0_ && j < r1_ && !has_diag[static_cast<std::size_t>(j - r0_)]) put(j, j, 1.0);
      for (SparseMatrix::InnerIterator it(A, j); it; ++it)
        if (it.row() >= r0_ && it.row() < r1_) put(it.row(), j, it.row() == j ? 1.0 - it.value() : -it.value());
    }
    const auto ml = static_cast<PetscInt>(m), N = static_cast<PetscInt>(n_);
    check(MatCreateMPIAIJWithArrays(PETSC_COMM_WORLD, ml, ml, N, N, ptr.data(), col.data(), val.data(), &M_),
          "MatCreateMPIAIJWithArrays");
    check(MatCreateVecs(M_, &x_, &b_), "MatCreateVecs");
    check(VecDuplicate(b_, &r_), "VecDuplicate");
  }

  void build_solver() {
    check(KSPCreate(PETSC_COMM_WORLD, &ksp_), "KSPCreate");
    check(KSPSetOperators(ksp_, M_, M_), "KSPSetOperators");
    check(KSPSetType(ksp_, KSPGMRES), "KSPSetType");
    check(KSPGMRESSetRestart(ksp_, static_cast<PetscInt>(std::max(1, opt_.restart))), "KSPGMRESSetRestart");
    // Classical Gram-Schmidt, always twice: one reduction per pass, an orthogonal basis to 1e-14.
    check(KSPGMRESSetCGSRefinementType(ksp_, KSP_GMRES_CGS_REFINE_ALWAYS), "KSPGMRESSetCGSRefinementType");
    check(KSPSetPCSide(ksp_, PC_RIGHT), "KSPSetPCSide");  // the residual GMRES sees is b - M x
    check(KSPSetNormType(ksp_, KSP_NORM_UNPRECONDITIONED), "KSPSetNormType");
    check(KSPSetInitialGuessNonzero(ksp_, PETSC_TRUE), "KSPSetInitialGuessNonzero");  // x0 = P^{-1} b, see run
    check(KSPSetTolerances(ksp_, 0.0, 0.0, PETSC_DEFAULT, static_cast<PetscInt>(opt_.max_iterations)),
          "KSPSetTolerances");
    check(KSPSetConvergenceTest(ksp_, stop_test, &rule_, nullptr), "KSPSetConvergenceTest");
    PC pc = nullptr;
    check(KSPGetPC(ksp_, &pc), "KSPGetPC");
    check(PCSetType(pc, PCBJACOBI), "PCSetType");
    check(PCBJacobiSetTotalBlocks(pc, static_cast<PetscInt>(num_blocks_), lens_.data()), "PCBJacobiSetTotalBlocks");
    check(KSPSetOptionsPrefix(ksp_, "irio_"), "KSPSetOptionsPrefix");  // PETSC_OPTIONS="-irio_ksp_monitor"
    check(KSPSetFromOptions(ksp_), "KSPSetFromOptions");
    check(KSPSetUp(ksp_), "KSPSetUp");
    PetscInt local = 0, first = 0;
    KSP* sub = nullptr;
    check(PCBJacobiGetSubKSP(pc, &local, &first, &sub), "PCBJacobiGetSubKSP");
    for (PetscInt i = 0; i < local; ++i) {
      PC spc = nullptr;
      check(KSPSetType(sub[i], KSPPREONLY), "KSPSetType (block)");
      check(KSPGetPC(sub[i], &spc), "KSPGetPC (block)");
      check(PCSetType(spc, PCLU), "PCSetType (block LU)");
      check(PCFactorSetMatSolverType(spc, MATSOLVERPETSC), "PCFactorSetMatSolverType");
    }
    check(KSPSetUpOnBlocks(ksp_), "KSPSetUpOnBlocks (region LU factorizations)");
  }

  /// B <- M^{-1} B or M^{-T} B; B is overwritten only when every column converged.
  SolveStatus run(Matrix& B, bool transposed) const {
    if (B.rows() != n_) throw InputError(what_ + ": right-hand side has the wrong number of rows");
    const Index k = B.cols(), m = r1_ - r0_;
    if (k == 0) return {};
    const double bmax = B.cwiseAbs().maxCoeff();
    rule_.target = opt_.tolerance * std::max(bmax, 1e-300);
    rule_.sqrt_n = std::sqrt(static_cast<double>(std::max<Index>(n_, 1)));
    Matrix X = Matrix::Zero(m, k);
    SolveStatus all;
    PC pc = nullptr;
    check(KSPGetPC(ksp_, &pc), "KSPGetPC");
    for (Index c = 0; c < k; ++c) {
      if (B.col(c).isZero(0.0)) continue;  // the same on every rank: B is replicated
      const Placed b(b_, B.col(c).data() + r0_, this), x(x_, X.col(c).data(), this);
      const SolveStatus st = solve_column(pc, transposed, bmax, c);
      if (!st) return st;
      all.iterations = std::max(all.iterations, st.iterations);
    }
    gather(X, B);
    return all;
  }

  /// One right-hand side (in b_, the solution into x_): x0 = P^{-1} b (one block-Jacobi step, as
  /// block_gmres.cc starts), then GMRES until the true residual meets the stopping rule; when GMRES
  /// stops on its own estimate of the residual but the true one is above the target (rounding near
  /// 1e-14), it starts again from where it is, as block_gmres.cc restarts on the true residual.
  SolveStatus solve_column(PC pc, bool transposed, double bmax, Index c) const {
    check(transposed ? PCApplyTranspose(pc, b_, x_) : PCApply(pc, b_, x_), "PCApply");
    int total = 0;
    double previous = INFINITY;
    while (true) {
      const auto left = static_cast<PetscInt>(std::max(1, opt_.max_iterations - total));
      check(KSPSetTolerances(ksp_, 0.0, 0.0, PETSC_DEFAULT, left), "KSPSetTolerances");
      check(transposed ? KSPSolveTranspose(ksp_, b_, x_) : KSPSolve(ksp_, b_, x_),
            transposed ? "KSPSolveTranspose" : "KSPSolve");
      KSPConvergedReason reason = KSP_CONVERGED_ITERATING;
      PetscInt its = 0;
      check(KSPGetConvergedReason(ksp_, &reason), "KSPGetConvergedReason");
      check(KSPGetIterationNumber(ksp_, &its), "KSPGetIterationNumber");
      total += static_cast<int>(its);
      PetscReal rmax = 0;
      if (reason > 0) {
        check(transposed ? MatMultTranspose(M_, x_, r_) : MatMult(M_, x_, r_), "MatMult");
        check(VecAYPX(r_, -1.0, b_), "VecAYPX");  // r = b - M x
        check(VecNorm(r_, NORM_INFINITY, &rmax), "VecNorm");
        if (rmax <= rule_.target) {
          SolveStatus ok;
          ok.iterations = total;
          return ok;
        }
      }
      std::string why;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.3g", rmax / bmax);
      if (reason == KSP_DIVERGED_NANORINF) why = "diverged (non-finite values); the system may not be productive";
      else if (reason <= 0 && total >= opt_.max_iterations)
        why = "did not converge in " + std::to_string(total) + " iterations";
      else if (reason <= 0) why = std::string("stopped: ") + KSPConvergedReasons[reason];
      else if (!(rmax < previous) || total >= opt_.max_iterations)
        why = std::string("stagnated at a residual of ") + buf + " (relative)";
      if (!why.empty())
        return SolveStatus::failure(
            what_, total,
            "PETSc GMRES " + why + " (right-hand side " + std::to_string(c + 1) + "); use --backend dense");
      previous = rmax;
    }
  }

  /// Every rank's rows of X into B on every rank (MPI_Allgatherv in chunks of columns that keep
  /// the counts within int).
  void gather(const Matrix& X, Matrix& B) const {
    const Index k = X.cols();
    const Index chunk = std::max<Index>(1, std::min<Index>(k, INT_MAX / std::max<Index>(n_, 1)));
    std::vector<int> counts(static_cast<std::size_t>(size_)), displs(static_cast<std::size_t>(size_));
    std::vector<double> all;
    for (Index c0 = 0; c0 < k; c0 += chunk) {
      const Index w = std::min(chunk, k - c0);
      for (int p = 0; p < size_; ++p) {
        const Index rows = rows_of_rank_[static_cast<std::size_t>(p) + 1] - rows_of_rank_[static_cast<std::size_t>(p)];
        counts[static_cast<std::size_t>(p)] = static_cast<int>(rows * w);
        displs[static_cast<std::size_t>(p)] = static_cast<int>(rows_of_rank_[static_cast<std::size_t>(p)] * w);
      }
      all.resize(static_cast<std::size_t>(n_ * w));
      const int mine = static_cast<int>(X.rows() * w);
      check(MPI_Allgatherv(X.data() + X.rows() * c0, mine, MPI_DOUBLE, all.data(), counts.data(), displs.data(),
                           MPI_DOUBLE, PETSC_COMM_WORLD),
            "MPI_Allgatherv");
      for (int p = 0; p < size_; ++p) {
        const Index s = rows_of_rank_[static_cast<std::size_t>(p)];
        const Index rows = rows_of_rank_[static_cast<std::size_t>(p) + 1] - s;
        for (Index c = 0; c < w; ++c)
          B.col(c0 + c).segment(s, rows) =
              Eigen::Map<const Vector>(all.data() + displs[static_cast<std::size_t>(p)] + c * rows, rows);
      }
    }
  }

  IterativeOptions opt_;
  std::string what_;
  Index n_ = 0, r0_ = 0, r1_ = 0, num_blocks_ = 0;
  int size_ = 1;
  std::vector<Index> start_, rows_of_rank_;
  std::vector<PetscInt> lens_;
  mutable StopRule rule_;
  Mat M_ = nullptr;
  Vec b_ = nullptr, x_ = nullptr, r_ = nullptr;
  KSP ksp_ = nullptr;
};

}  // namespace

std::unique_ptr<LinearSolver> make_petsc_gmres(const SparseMatrix& A, const std::vector<std::vector<Index>>& blocks,
                                               const IterativeOptions& opt, const std::string& what) {
  return std::make_unique<PetscGmres>(A, blocks, opt, what);
}

#endif  // IRIO_WITH_PETSC

}  // namespace irio::solver
