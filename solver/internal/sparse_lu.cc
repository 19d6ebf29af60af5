// SPDX-License-Identifier: MIT
// UMFPACK and KLU (SuiteSparse, 64-bit index routines) behind the LinearSolver interface. One
// numeric factorization answers both M x = b (UMFPACK_A / klu_l_solve) and M' x = b
// (UMFPACK_At / klu_l_tsolve). Eigen's UmfPackLU cannot do the latter, hence the C API.
#include <klu.h>
#include <umfpack.h>

#include <cmath>

#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {
namespace {

using SsLong = SuiteSparse_long;

/// Compressed copy of M with SuiteSparse's index type.
struct Csc {
  std::vector<SsLong> p, i;
  std::vector<double> x;
  SsLong n = 0;
  explicit Csc(const SparseMatrix& M) {
    SparseMatrix C = M;
    C.makeCompressed();
    n = static_cast<SsLong>(C.rows());
    p.assign(C.outerIndexPtr(), C.outerIndexPtr() + C.cols() + 1);
    i.assign(C.innerIndexPtr(), C.innerIndexPtr() + C.nonZeros());
    x.assign(C.valuePtr(), C.valuePtr() + C.nonZeros());
  }
};

class UmfpackLu final : public LinearSolver {
 public:
  UmfpackLu(const SparseMatrix& M, const std::string& what) : a_(M) {
    umfpack_dl_defaults(control_);
    control_[UMFPACK_IRSTEP] = 0;  // refinement makes each solve 4-5x slower (docs/performance.md, "Backends")
    void* symbolic = nullptr;
    SsLong st = umfpack_dl_symbolic(a_.n, a_.n, a_.p.data(), a_.i.data(), a_.x.data(), &symbolic, control_, info_);
    if (st != UMFPACK_OK)
      throw NumericalError(what + ": UMFPACK symbolic analysis failed (status " + std::to_string(st) + ")");
    st = umfpack_dl_numeric(a_.p.data(), a_.i.data(), a_.x.data(), symbolic, &numeric_, control_, info_);
    umfpack_dl_free_symbolic(&symbolic);
    if (st == UMFPACK_WARNING_singular_matrix || st != UMFPACK_OK) {
      if (numeric_) umfpack_dl_free_numeric(&numeric_);
      throw NumericalError(what + ": UMFPACK numeric factorization failed (status " + std::to_string(st) +
                           (st == UMFPACK_WARNING_singular_matrix ? ", singular" : "") + ")");
    }
  }
  ~UmfpackLu() override {
    if (numeric_) umfpack_dl_free_numeric(&numeric_);
  }
  UmfpackLu(const UmfpackLu&) = delete;
  UmfpackLu& operator=(const UmfpackLu&) = delete;
  void solve(Matrix& B) const override { run(B, UMFPACK_A); }
  void solve_transposed(Matrix& B) const override { run(B, UMFPACK_At); }
  std::string name() const override { return "UMFPACK sparse LU"; }
  double rcond() const override { return info_[UMFPACK_RCOND]; }

 private:
  void run(Matrix& B, int sys) const {
    Vector out(B.rows());
    double info[UMFPACK_INFO];
    for (Index k = 0; k < B.cols(); ++k) {
      umfpack_dl_solve(sys, a_.p.data(), a_.i.data(), a_.x.data(), out.data(), B.col(k).data(), numeric_, control_,
                       info);
      B.col(k) = out;
    }
  }
  Csc a_;
  double control_[UMFPACK_CONTROL];
  double info_[UMFPACK_INFO];
  void* numeric_ = nullptr;
};

class KluLu final : public LinearSolver {
 public:
  KluLu(const SparseMatrix& M, const std::string& what) : a_(M) {
    klu_l_defaults(&common_);
    symbolic_ = klu_l_analyze(a_.n, a_.p.data(), a_.i.data(), &common_);
    if (!symbolic_) throw NumericalError(what + ": KLU analysis failed");
    numeric_ = klu_l_factor(a_.p.data(), a_.i.data(), a_.x.data(), symbolic_, &common_);
    if (!numeric_ || common_.status == KLU_SINGULAR) {
      release();
      throw NumericalError(what + ": KLU factorization failed (singular matrix)");
    }
    klu_l_rcond(symbolic_, numeric_, &common_);
    rcond_ = common_.rcond;
  }
  ~KluLu() override { release(); }
  KluLu(const KluLu&) = delete;
  KluLu& operator=(const KluLu&) = delete;
  void solve(Matrix& B) const override {
    if (B.size()) klu_l_solve(symbolic_, numeric_, a_.n, static_cast<SsLong>(B.cols()), B.data(), &common_);
  }
  void solve_transposed(Matrix& B) const override {
    if (B.size()) klu_l_tsolve(symbolic_, numeric_, a_.n, static_cast<SsLong>(B.cols()), B.data(), &common_);
  }
  std::string name() const override { return "KLU sparse LU"; }
  double rcond() const override { return rcond_; }

 private:
  void release() {
    if (numeric_) klu_l_free_numeric(&numeric_, &common_);
    if (symbolic_) klu_l_free_symbolic(&symbolic_, &common_);
  }
  Csc a_;
  mutable klu_l_common common_;
  klu_l_symbolic* symbolic_ = nullptr;
  klu_l_numeric* numeric_ = nullptr;
  double rcond_ = 0;
};

}  // namespace

std::unique_ptr<LinearSolver> make_umfpack_lu(const SparseMatrix& M, const std::string& what) {
  return std::make_unique<UmfpackLu>(M, what);
}

std::unique_ptr<LinearSolver> make_klu_lu(const SparseMatrix& M, const std::string& what) {
  return std::make_unique<KluLu>(M, what);
}

}  // namespace irio::solver
