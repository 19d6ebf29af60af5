// SPDX-License-Identifier: MIT
// LeontiefModel: A = Z x^+, v = va x^+, and the factorizations of I - A, I - A_R, I - A_C.
#include "irio/solver/leontief_model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "irio/solver/blas_info.h"
#include "irio/tables/error.h"

namespace irio::solver {

const char* to_string(Perimeter p) { return enum_name(p); }

std::string ModelOptions::validate() const {
  if (min_output_eps < 0 || min_output_eps >= 1) return "min_output_eps must be in [0, 1)";
  if (auto e = iterative.validate(); !e.empty()) return "iterative " + e;
  if (dense_max_n < 0) return "dense_max_n must be >= 0";
  if (!(iterative_max_density > 0 && iterative_max_density <= 1)) return "iterative_max_density must be in (0, 1]";
  if (backend == Backend::kPetsc && !petsc_available())
    return "the petsc backend needs irio built with -DIRIO_WITH_PETSC=ON (docs/petsc.md)";
  return {};
}

Backend choose_backend(Index n, Index nnz, bool need_factorization, const ModelOptions& opt) {
  if (opt.backend != Backend::kAuto) {  // rule 1; the iterations (also PETSc's) have no factorization
    const bool iterates = opt.backend == Backend::kIterative || opt.backend == Backend::kPetsc;
    return iterates && need_factorization ? Backend::kDense : opt.backend;
  }
  if (n <= opt.dense_max_n || need_factorization) return Backend::kDense;  // rules 2, 3
  const double density = static_cast<double>(nnz) / (static_cast<double>(n) * static_cast<double>(n));
  if (density > opt.iterative_max_density) return Backend::kDense;  // rule 4
  return Backend::kIterative;                                       // rule 5
}

std::string SolveSummary::brief_report() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "n = %lld, nnz(A) = %lld (%.1f%%), backend: %s, rcond = %.3g, max column sum of A = "
                "%.4f, zero-output sectors: %zu, factorization %.3f s",
                static_cast<long long>(n), static_cast<long long>(nnz_A),
                n > 0 ? 100.0 * static_cast<double>(nnz_A) / (static_cast<double>(n) * static_cast<double>(n)) : 0.0,
                backend.c_str(), rcond, max_column_sum, zero_output, factor_seconds);
  std::string out = buf;
  if (std::isfinite(output_gap) && output_gap > 1e-9) {
    std::snprintf(buf, sizeof buf,
                  "\n  supplied output x differs from the model's x = L y by up to %.3g of max x (at %s): every "
                  "result derived from L uses x = L y (methods.md §1.3)",
                  output_gap, output_gap_at.c_str());
    out += buf;
  }
  // The BLAS kernel sets the speed of every dense path (docs/performance.md, "BLAS kernel").
  static const BlasInfo blas = blas_info();
  out += "\n  " + blas.brief();
  if (const auto w = blas.warning(); !w.empty()) out += "\n  warning: " + w;
  return out;
}

LeontiefModel::LeontiefModel(const tables::IoTable& table, ModelOptions opt) : table_(table), opt_(opt) {
  if (auto err = opt_.validate(); !err.empty()) throw InputError("model options: " + err);
  const auto& labels = table_.labels;
  x_ = table_.output();
  const Index n = x_.size();
  const double xmax = n > 0 ? x_.cwiseAbs().maxCoeff() : 0.0;
  active_.assign(static_cast<std::size_t>(n), 1);
  for (Index j = 0; j < n; ++j) {
    if (x_(j) < 0)
      throw InputError("negative gross output " + std::to_string(x_(j)) + " at " +
                       labels.describe(static_cast<std::size_t>(j)));
    if (x_(j) <= opt_.min_output_eps * xmax) {
      active_[static_cast<std::size_t>(j)] = 0;
      zero_output_.push_back(j);
    }
  }
  Vector xinv = tables::safe_reciprocal(x_);
  for (Index j : zero_output_) xinv(j) = 0.0;

  // A = Z x^+ with the rows and columns of zero-output sectors removed (compression, §1.3).
  // Scaling the columns of a copy of Z keeps peak memory at nnz(Z), with no triplet list.
  A_ = table_.Z;
  for (Index j = 0; j < A_.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(A_, j); it; ++it) it.valueRef() *= xinv(j);
  if (!zero_output_.empty())
    A_.prune([&](Index i, Index j, double) {
      return active_[static_cast<std::size_t>(i)] && active_[static_cast<std::size_t>(j)];
    });
  A_.makeCompressed();

  va_ = opt_.va_mode == ModelOptions::VaMode::kResidual || table_.V.rows() == 0 ? table_.value_added_residual()
                                                                                : table_.value_added_supplied();
  for (Index j : zero_output_) va_(j) = 0.0;
  v_ = va_.cwiseProduct(xinv);
  a_M_ = table_.import_total().cwiseProduct(xinv);

  // Region and country index sets (region-major).
  const Index N = static_cast<Index>(labels.num_sectors());
  region_blocks_.resize(labels.num_regions());
  country_blocks_.resize(labels.num_countries());
  for (std::size_t r = 0; r < labels.num_regions(); ++r)
    for (Index i = 0; i < N; ++i) {
      const Index idx = static_cast<Index>(r) * N + i;
      region_blocks_[r].push_back(idx);
      country_blocks_[static_cast<std::size_t>(labels.country_of_region[r])].push_back(idx);
    }
  for (auto& b : country_blocks_) std::sort(b.begin(), b.end());
  countries_are_regions_ = std::all_of(country_blocks_.begin(), country_blocks_.end(),
                                       [&](const auto& b) { return b.empty() || static_cast<Index>(b.size()) == N; });

  const Vector colsum = (Vector::Ones(n).transpose() * A_).transpose() + a_M_;
  max_colsum_ = n > 0 ? colsum.maxCoeff() : 0.0;
  check_productive();
}

LeontiefModel::~LeontiefModel() = default;

void LeontiefModel::check_productive() const {
  if (max_colsum_ < 1.0) return;  // column diagonal dominance: productive (§1.3)
  // Power iteration for rho(A); A >= 0 assumed (negative entries make it a heuristic).
  const Index n = this->n();
  Vector z = Vector::Ones(n) / std::sqrt(static_cast<double>(std::max<Index>(n, 1)));
  double rho = 0;
  for (int it = 0; it < 2000; ++it) {
    Vector w = A_.cwiseAbs() * z;
    const double nrm = w.norm();
    if (nrm == 0) {
      rho = 0;
      break;
    }
    const double prev = rho;
    rho = nrm;
    z = w / nrm;
    if (it > 10 && std::abs(rho - prev) <= 1e-12 * rho) break;
  }
  if (rho >= 1.0 - 1e-12) {
    const Vector colsum = (Vector::Ones(n).transpose() * A_).transpose();
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + std::min<Index>(5, n), order.end(),
                      [&](Index a, Index b) { return colsum(a) > colsum(b); });
    std::string worst;
    for (Index k = 0; k < std::min<Index>(5, n); ++k) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " (column sum %.6g)", colsum(order[static_cast<std::size_t>(k)]));
      worst += (k ? "; " : "") + labels().describe(static_cast<std::size_t>(order[static_cast<std::size_t>(k)])) + buf;
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.6g", rho);
    throw NumericalError("the system is not productive: spectral radius of A is " + std::string(buf) +
                         " >= 1 (Hawkins-Simon fails). Largest coefficient column sums: " + worst);
  }
}

std::unique_ptr<LinearSolver> LeontiefModel::factorize(Backend b) const {
  const std::string what = "I - A of '" + (table_.meta.name.empty() ? std::string("table") : table_.meta.name) + "'";
  const Index n = this->n();
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<LinearSolver> s;
  auto ImA = [&] {
    SparseMatrix M = -A_;
    SparseMatrix I(n, n);
    I.setIdentity();
    M += I;
    return M;
  };
  switch (b) {
    case Backend::kDense:
    case Backend::kAuto:  // not reached: choose_backend resolves kAuto
      s = make_dense_lu_identity_minus(A_, what);
      break;
    case Backend::kUmfpack: s = make_umfpack_lu(ImA(), what); break;
    case Backend::kKlu: s = make_klu_lu(ImA(), what); break;
    case Backend::kIterative:
      s = opt_.iterative.method == IterativeMethod::kGmres
              ? make_block_gmres(A_, region_blocks_, opt_.iterative, what)
              : make_block_jacobi(A_, region_blocks_, opt_.iterative, what);
      break;
    case Backend::kPetsc: s = make_petsc_gmres(A_, region_blocks_, opt_.iterative, what); break;
  }
  factor_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ++factorizations_;
  const double rc = s->rcond();
  if (std::isfinite(rc) && rc < 1e-12) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", rc);
    throw NumericalError(what + " is singular or ill-conditioned (reciprocal condition number " + buf +
                         " < 1e-12); largest coefficient column sum " + std::to_string(max_colsum_));
  }
  return s;
}

const LinearSolver& LeontiefModel::global_solver(bool need_factorization) const {
  const Backend b = choose_backend(n(), A_.nonZeros(), need_factorization, opt_);
  auto& slot = b == Backend::kIterative || b == Backend::kPetsc ? iterative_ : direct_;
  if (!slot) slot = factorize(b);
  return *slot;
}

Index dense_break_even_rhs(Index n, Index nnz) {
  // Measured constants (docs/performance.md, "Dense LU or GMRES: the cost model"; `irio_bench
  // costmodel`, 2026-12-07 after the GMRES-step work of that evening): CPU seconds of dgetrf per
  // n^3, of block GMRES per right-hand side and non-zero of A (about 9 products with A and
  // preconditioner applications), of a dense solve per right-hand side and n^2.
  constexpr double kLuPerN3 = 1.24e-11, kGmresPerNnz = 1.58e-9, kDenseSolvePerN2 = 6.9e-11;
  const double nd = static_cast<double>(n);
  const double lu = kLuPerN3 * nd * nd * nd;
  const double saved = kGmresPerNnz * static_cast<double>(nnz) - kDenseSolvePerN2 * nd * nd;  // per column
  if (!(saved > 0)) return std::numeric_limits<Index>::max();  // the iteration is never dearer per column
  return static_cast<Index>(std::ceil(lu / saved));
}

bool LeontiefModel::base_preconditioned(Matrix& B, bool transposed) const {
  const LeontiefModel* base = opt_.precondition_with;
  if (!base || base == this || base_failed_ || direct_ || base->n() != n() || base->zero_output_ != zero_output_)
    return false;
  if (dA_.rows() != n()) {
    dA_ = A_ - base->A_;
    dA_.prune(0.0);
    dAt_ = dA_.transpose();
  }
  const SparseMatrix& D = transposed ? dAt_ : dA_;
  const LinearSolver& L0 = base->global_solver(true);  // the base's factorisation, made once
  auto apply = [&](Matrix& M) {
    preconditioned_iterations_ += static_cast<std::size_t>(M.cols());
    if (transposed) L0.solve_transposed(M);
    else L0.solve(M);
  };
  Vector scale(B.cols());
  for (Index c = 0; c < B.cols(); ++c) scale(c) = std::max(B.col(c).cwiseAbs().maxCoeff(), 1e-300);
  Matrix X = B;
  apply(X);
  constexpr int kMaxIterations = 200;
  constexpr double kTolerance = 1e-12;
  double previous = std::numeric_limits<double>::infinity();
  for (int it = 1; it <= kMaxIterations; ++it) {
    Matrix R = B - X;  // B - (I - A) X
    if (transposed) R.noalias() += A_.transpose() * X;
    else R.noalias() += A_ * X;
    double worst = 0;
    for (Index c = 0; c < B.cols(); ++c) worst = std::max(worst, R.col(c).cwiseAbs().maxCoeff() / scale(c));
    if (!std::isfinite(worst) || (it > 10 && worst > previous)) break;  // diverges or stalls
    if (worst <= kTolerance) {
      preconditioned_rhs_ += static_cast<std::size_t>(B.cols());
      B = std::move(X);
      return true;
    }
    previous = worst;
    Matrix next = B;
    next.noalias() += D * X;
    apply(next);
    X = std::move(next);
  }
  base_failed_ = true;
  return false;
}

Matrix LeontiefModel::global_solve(Matrix B, bool transposed) const {
  global_rhs_ += static_cast<std::size_t>(B.cols());
  if (opt_.precondition_with && base_preconditioned(B, transposed)) return B;
  // Cost model (choose_backend, rule 6): under kAuto a batch of at least dense_break_even_rhs
  // columns, or a request planned to solve that many in all (plan_solves), pays for a dense LU,
  // and once one exists every later batch uses it.
  const bool factor = opt_.backend == Backend::kAuto && opt_.rhs_cost_model && n() > opt_.dense_max_n &&
                      (direct_ || std::max(B.cols(), planned_rhs_) >= dense_break_even_rhs(n(), A_.nonZeros()));
  // The iteration keeps a Krylov basis of (m + 1) n k doubles for k right-hand sides in lockstep:
  // at n = 10^5 and thousands of columns (footprints of a county table: k_F (1 + G) + G) that is
  // tens of GB. Columns are therefore solved in chunks whose basis fits kIterativeBasisBytes;
  // below that (every table up to n ~ 10^4 with ~200 columns) the whole block goes at once.
  constexpr double kIterativeBasisBytes = 512.0 * 1024 * 1024;
  if (!factor && n() > 0 && B.cols() > 1 && choose_backend(n(), A_.nonZeros(), false, opt_) == Backend::kIterative) {
    const double per_column = 8.0 * static_cast<double>(opt_.iterative.restart + 1) * static_cast<double>(n());
    const Index chunk = std::max<Index>(1, static_cast<Index>(kIterativeBasisBytes / per_column));
    if (B.cols() > chunk) {
      for (Index c0 = 0; c0 < B.cols(); c0 += chunk) {
        const Index k = std::min(chunk, B.cols() - c0);
        B.middleCols(c0, k) = solve_columns(B.middleCols(c0, k), transposed, false);
      }
      return B;
    }
  }
  return solve_columns(std::move(B), transposed, factor);
}

Matrix LeontiefModel::solve_columns(Matrix B, bool transposed, bool factor) const {
  const SolveStatus st = global_solver(factor).try_solve(B, transposed);  // B unchanged on failure
  if (st) return B;
  // Only an iteration fails here; under kAuto it is repeated with the factorization.
  if (opt_.backend != Backend::kAuto) throw NumericalError(st.message);
  fell_back_ = true;
  const auto& direct = global_solver(true);
  if (transposed) direct.solve_transposed(B);
  else direct.solve(B);
  return B;
}

Matrix LeontiefModel::solve(Matrix B) const { return global_solve(std::move(B), false); }

Matrix LeontiefModel::solve_transposed(Matrix B) const { return global_solve(std::move(B), true); }

SparseMatrix LeontiefModel::A_within(Perimeter p) const {
  const auto& table_labels = labels();
  const Index N = num_sectors();
  SparseMatrix out = A_;
  out.prune([&](Index i, Index j, double) {
    const auto ri = static_cast<std::size_t>(i / N), rj = static_cast<std::size_t>(j / N);
    return p == Perimeter::kRegion ? ri == rj
                                   : table_labels.country_of_region[ri] == table_labels.country_of_region[rj];
  });
  return out;
}

SparseMatrix LeontiefModel::A_across(Perimeter p) const {
  const auto& table_labels = labels();
  const Index N = num_sectors();
  SparseMatrix out = A_;
  out.prune([&](Index i, Index j, double a) {
    const auto ri = static_cast<std::size_t>(i / N), rj = static_cast<std::size_t>(j / N);
    const bool within =
        p == Perimeter::kRegion ? ri == rj : table_labels.country_of_region[ri] == table_labels.country_of_region[rj];
    return !within && a != 0.0;
  });
  return out;
}

const std::vector<std::vector<Index>>& LeontiefModel::blocks(Perimeter p) const {
  return p == Perimeter::kRegion ? region_blocks_ : country_blocks_;
}

Matrix LeontiefModel::local_solve(Perimeter p, Matrix B) const {
  // Every country a single region: L_C = L_R, reuse the region factorization.
  if (p == Perimeter::kCountry && countries_are_regions_) p = Perimeter::kRegion;
  auto& slot = p == Perimeter::kRegion ? local_region_ : local_country_;
  if (!slot) {
    slot = make_block_diagonal_lu(A_, blocks(p), std::string("I - A_") + (p == Perimeter::kRegion ? "R" : "C"), true);
    ++factorizations_;
  }
  local_rhs_ += static_cast<std::size_t>(B.cols());
  slot->solve(B);
  return B;
}

Matrix LeontiefModel::local_solve_transposed(Perimeter p, Matrix B) const {
  if (p == Perimeter::kCountry && countries_are_regions_) p = Perimeter::kRegion;
  if (!(p == Perimeter::kRegion ? local_region_ : local_country_)) local_solve(p, Matrix(n(), 0));
  local_rhs_ += static_cast<std::size_t>(B.cols());
  (p == Perimeter::kRegion ? local_region_ : local_country_)->solve_transposed(B);
  return B;
}

const Vector& LeontiefModel::model_output() const {
  if (output_gap_ >= 0) return x_model_;
  const Index n = this->n();
  Vector y = table_.final_demand_total();
  for (Index j = 0; j < n; ++j)
    if (!is_active(j)) y(j) = 0.0;  // zero-output sectors are compressed out (§1.3)
  const double scale = std::max(1.0, n > 0 ? x_.cwiseAbs().maxCoeff() : 0.0);
  const Vector residual = x_ - A_ * x_ - y;
  if (n == 0 || residual.cwiseAbs().maxCoeff() <= 1e-10 * scale) {
    x_model_ = x_;
    output_gap_ = 0.0;
    return x_model_;
  }
  x_model_ = solve(Matrix(y)).col(0);
  output_gap_ = 0.0;
  for (Index j = 0; j < n; ++j) {
    const double gap = std::abs(x_(j) - x_model_(j)) / scale;
    if (gap > output_gap_) output_gap_ = gap, output_gap_at_ = j;
  }
  return x_model_;
}

double LeontiefModel::output_gap() const {
  (void)model_output();
  return output_gap_;
}

void LeontiefModel::mask_inactive(Vector& v) const {
  for (Index j : zero_output_) v(j) = std::numeric_limits<double>::quiet_NaN();
}

SolveSummary LeontiefModel::summary() const {
  SolveSummary s;
  s.n = n();
  s.nnz_A = A_.nonZeros();
  s.max_column_sum = max_colsum_;
  s.zero_output = zero_output_.size();
  s.factor_seconds = factor_seconds_;
  s.factorizations = factorizations_;
  s.global_rhs = global_rhs_;
  s.local_rhs = local_rhs_;
  s.preconditioned_rhs = preconditioned_rhs_;
  s.preconditioned_iterations = preconditioned_iterations_;
  if (iterative_ && direct_)
    s.backend = iterative_->name() + "; " + direct_->name() +
                (fell_back_ ? " after the iteration failed" : " for many right-hand sides");
  else if (iterative_ || direct_) s.backend = (iterative_ ? iterative_ : direct_)->name();
  else s.backend = "not factorized yet";
  s.rcond = direct_ ? direct_->rcond() : std::numeric_limits<double>::quiet_NaN();
  if (output_gap_ >= 0) {
    s.output_gap = output_gap_;
    if (output_gap_at_ >= 0) s.output_gap_at = labels().describe(static_cast<std::size_t>(output_gap_at_));
  }
  return s;
}

}  // namespace irio::solver
