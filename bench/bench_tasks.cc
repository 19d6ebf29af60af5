// SPDX-License-Identifier: MIT
// Benchmark tasks (see bench_tasks.h).
#include "bench/bench_tasks.h"

#include <stdexcept>
#include <vector>

#include "solver/leontief_model.h"

extern "C" {
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void dgetri_(const int* n, double* a, const int* lda, const int* ipiv, double* work, const int* lwork, int* info);
}

namespace irio::bench {
namespace {

using tables::Matrix;
using tables::Vector;

/// Stack column vectors of several matrices into one column (for comparison).
Matrix flatten(std::initializer_list<const Matrix*> parts) {
  Eigen::Index total = 0;
  for (auto* p : parts) total += p->size();
  Matrix out(total, 1);
  Eigen::Index at = 0;
  for (auto* p : parts) {
    out.block(at, 0, p->size(), 1) = Eigen::Map<const Vector>(p->data(), p->size());
    at += p->size();
  }
  return out;
}

/// Coefficient rows [1; v; S] (k x n) used by both methods.
Matrix coefficient_rows(const tables::IoTable& t, const Vector& x, const Vector& va) {
  const auto& F = t.satellites.at(0).F;
  const Vector xinv = tables::safe_reciprocal(x);
  Matrix C(2 + F.rows(), x.size());
  C.row(0).setOnes();
  C.row(1) = va.cwiseProduct(xinv).transpose();
  C.bottomRows(F.rows()) = F * xinv.asDiagonal();
  return C;
}

/// irio: one factorization (or the preconditioned iteration at large n), 2 + k_F transposed
/// solves for the multiplier rows, then footprints by region D_cba = M Y^d + F_Y (§2.3).
Matrix core_irio(const tables::IoTable& t) {
  solver::LeontiefModel m(t);
  const Matrix C = coefficient_rows(t, m.x(), m.va());
  const Matrix mult = m.solve_transposed(C.transpose()).transpose();  // rows: 1'L, v'L, S L
  const Matrix M = mult.bottomRows(C.rows() - 2);
  Matrix D_cba = M * t.final_demand_by_region();
  D_cba += t.satellites.at(0).F_Y;
  return flatten({&mult, &D_cba});
}

/// Peers: L = (I - A)^{-1} in full, then the same products.
Matrix core_baseline(const tables::IoTable& t) {
  const Vector x = t.output();
  const Vector va = t.value_added_residual();
  const Matrix L = dense_leontief_inverse(t);
  const Matrix C = coefficient_rows(t, x, va);
  const Matrix mult = C * L;
  const Matrix M = mult.bottomRows(C.rows() - 2);
  Matrix D_cba = M * t.final_demand_by_region();
  D_cba += t.satellites.at(0).F_Y;
  return flatten({&mult, &D_cba});
}

std::vector<Task>& registry() {
  static std::vector<Task> tasks = {
      {"core", "output + value-added + 2 satellite multipliers + footprints by region",
       "full inverse (dgetrf + dgetri)", core_irio, core_baseline},
  };
  return tasks;
}

}  // namespace

Matrix dense_leontief_inverse(const tables::IoTable& t) {
  const Vector xinv = tables::safe_reciprocal(t.output());
  Matrix L = -(Matrix(t.Z) * xinv.asDiagonal());
  L.diagonal().array() += 1.0;
  const int n = static_cast<int>(L.rows());
  std::vector<int> ipiv(static_cast<std::size_t>(n));
  int info = 0;
  dgetrf_(&n, &n, L.data(), &n, ipiv.data(), &info);
  if (info != 0) throw std::runtime_error("dgetrf failed");
  int lwork = -1;
  double wq = 0;
  dgetri_(&n, L.data(), &n, ipiv.data(), &wq, &lwork, &info);
  lwork = static_cast<int>(wq);
  std::vector<double> work(static_cast<std::size_t>(lwork));
  dgetri_(&n, L.data(), &n, ipiv.data(), work.data(), &lwork, &info);
  if (info != 0) throw std::runtime_error("dgetri failed");
  return L;
}

const Task* find_task(const std::string& name) {
  for (const auto& t : registry())
    if (t.name == name) return &t;
  return nullptr;
}

std::string task_names() {
  std::string s;
  for (const auto& t : registry()) s += (s.empty() ? "" : ", ") + t.name;
  return s;
}

}  // namespace irio::bench
