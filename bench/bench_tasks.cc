// SPDX-License-Identifier: MIT
// Benchmark tasks (see bench_tasks.h).
#include "bench/bench_tasks.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "bench/features_task.h"
#include "bench/paths_task.h"
#include "bench/wwz_tasks.h"
#include "irio/analysis/runtime/batch.h"
#include "irio/solver/gvc/production.h"
#include "irio/solver/leontief_model.h"

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

/// irio: the three-level decomposition (5.1) with all indices; result = forward and backward
/// term sums (n x 7 each).
Matrix chains_irio(const tables::IoTable& t) {
  solver::LeontiefModel m(t);
  const auto d = solver::gvc::three_level_decomposition(m);
  Matrix out(m.n(), 14);
  out << d.forward.leftCols(7), d.backward.leftCols(7);
  return out;
}

/// The dense method: L, L_R and L_C formed in full, then the (5.1) row and column sums by
/// matrix-vector products with them (methods.md §5.2).
Matrix chains_baseline(const tables::IoTable& t) {
  const auto& lab = t.labels;
  const Eigen::Index n = static_cast<Eigen::Index>(t.n()), N = static_cast<Eigen::Index>(lab.num_sectors());
  const Vector x = t.output(), xinv = tables::safe_reciprocal(x);
  const Vector v = t.value_added_residual().cwiseProduct(xinv);
  const Matrix A = Matrix(t.Z) * xinv.asDiagonal();
  const Matrix L = dense_leontief_inverse(t);
  std::vector<std::vector<Eigen::Index>> rb(lab.num_regions()), cb(lab.num_countries());
  for (Eigen::Index i = 0; i < n; ++i) {
    rb[static_cast<std::size_t>(i / N)].push_back(i);
    cb[static_cast<std::size_t>(lab.country_of_region[static_cast<std::size_t>(i / N)])].push_back(i);
  }
  const Matrix LR = block_inverse(A, rb), LC = block_inverse(A, cb);
  Matrix AN = Matrix::Zero(n, n), AF = Matrix::Zero(n, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto ri = static_cast<std::size_t>(i / N), rj = static_cast<std::size_t>(j / N);
      if (ri == rj) continue;
      (lab.country_of_region[ri] == lab.country_of_region[rj] ? AN : AF)(i, j) = A(i, j);
    }
  const Matrix Yd = t.final_demand_by_region();
  Vector yR = Vector::Zero(n), yN = Vector::Zero(n), yF = Vector::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index r = 0; r < Yd.cols(); ++r) {
      const auto ri = static_cast<std::size_t>(i / N);
      (r == static_cast<Eigen::Index>(ri)                                                ? yR
       : lab.country_of_region[ri] == lab.country_of_region[static_cast<std::size_t>(r)] ? yN
                                                                                         : yF)(i) += Yd(i, r);
    }
  const Vector yC = yR + yN, y = yC + yF;
  Matrix out(n, 14);
  const Vector LRyR = LR * yR, LCyC = LC * yC, Ly = L * y;
  out.col(0) = v.cwiseProduct(LRyR);
  out.col(1) = v.cwiseProduct(LR * yN);
  out.col(2) = v.cwiseProduct(LR * (AN * LRyR));
  out.col(3) = v.cwiseProduct(LR * (AN * (LCyC - LRyR)));
  out.col(4) = v.cwiseProduct(LC * yF);
  out.col(5) = v.cwiseProduct(LC * (AF * LCyC));
  out.col(6) = v.cwiseProduct(LC * (AF * (Ly - LCyC)));
  const Vector vLR = LR.transpose() * v, vLC = LC.transpose() * v;
  const Vector vLRANLR = LR.transpose() * (AN.transpose() * vLR);
  const Vector vLRANLC = LC.transpose() * (AN.transpose() * vLR);
  const Vector vLCAFLC = LC.transpose() * (AF.transpose() * vLC);
  const Vector vLCAFL = L.transpose() * (AF.transpose() * vLC);
  out.col(7) = vLR.cwiseProduct(yR);
  out.col(8) = vLR.cwiseProduct(yN);
  out.col(9) = vLRANLR.cwiseProduct(yR);
  out.col(10) = vLRANLC.cwiseProduct(yC) - vLRANLR.cwiseProduct(yR);
  out.col(11) = vLC.cwiseProduct(yF);
  out.col(12) = vLCAFLC.cwiseProduct(yC);
  out.col(13) = vLCAFL.cwiseProduct(y) - vLCAFLC.cwiseProduct(yC);
  return out;
}

/// Monte Carlo draws (irio batch): 4 seeded draws Z:lognormal:0.05 of the table, each with the
/// multiplier rows [1; v; S] L of its own I - A.
constexpr int kDraws = 4;

Matrix draw_rows(const tables::IoTable& d, const solver::LeontiefModel& m) {
  const Matrix C = coefficient_rows(d, m.x(), m.va());
  return m.solve_transposed(C.transpose());
}

/// irio batch --reuse-factorization: the base table's LU (made once) preconditions a Richardson
/// iteration for each draw's solves (solver::ModelOptions::precondition_with).
Matrix draws_reused(const tables::IoTable& t) {
  solver::ModelOptions opt;
  opt.backend = solver::Backend::kDense;
  const solver::LeontiefModel base(t, opt);
  opt.precondition_with = &base;
  const std::vector<Perturbation> p{parse_perturbation("Z:lognormal:0.05")};
  Matrix out(t.n(), 0);
  for (int d = 1; d <= kDraws; ++d) {
    auto t0 = std::chrono::steady_clock::now();
    const auto draw = perturbed_table(t, p, 7, d);
    auto t1 = std::chrono::steady_clock::now();
    const solver::LeontiefModel m(draw, opt);
    auto t2 = std::chrono::steady_clock::now();
    const Matrix r = draw_rows(draw, m);
    auto t3 = std::chrono::steady_clock::now();
    const auto sum = m.summary();
    if (sum.preconditioned_rhs == 0) throw std::runtime_error("the draw did not use the base factorisation");
    std::fprintf(
        stderr,
        "  draw %d: table %.3f s, model %.3f s, solves %.3f s (%zu right-hand sides, %zu solves with the base LU)\n", d,
        std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
        std::chrono::duration<double>(t3 - t2).count(), sum.preconditioned_rhs, sum.preconditioned_iterations);
    out.conservativeResize(Eigen::NoChange, out.cols() + r.cols());
    out.rightCols(r.cols()) = r;
  }
  return out;
}

/// A fresh dense LU of each draw's I - A.
Matrix draws_fresh(const tables::IoTable& t) {
  solver::ModelOptions opt;
  opt.backend = solver::Backend::kDense;
  const std::vector<Perturbation> p{parse_perturbation("Z:lognormal:0.05")};
  Matrix out(t.n(), 0);
  for (int d = 1; d <= kDraws; ++d) {
    const auto draw = perturbed_table(t, p, 7, d);
    const solver::LeontiefModel m(draw, opt);
    const Matrix r = draw_rows(draw, m);
    out.conservativeResize(Eigen::NoChange, out.cols() + r.cols());
    out.rightCols(r.cols()) = r;
  }
  return out;
}

std::vector<Task>& registry() {
  static std::vector<Task> tasks = {
      {"core", "output + value-added + 2 satellite multipliers + footprints by region",
       "full inverse (dgetrf + dgetri)", core_irio, core_baseline},
      {"chains", "three-level NVC/GVC decomposition (5.1), forward and backward, all indices",
       "dense L, L_R, L_C then products", chains_irio, chains_baseline},
      {"wwz", "WWZ 16-term decomposition of gross exports by exporter-sector x importer (3.3)",
       "decompr::wwz (dense B, L, n x n products)", wwz_irio, wwz_decompr},
      {"paths", "structural paths of region 0's footprint: top 1000 at threshold 1e-5, orders 0-8 (2.8)",
       "dense L: s'L y and s'A^t y (checks; no paths)", paths_irio, paths_dense},
      {"embodied", "stressors embodied in bilateral trade, MRIO and EEBT, every stressor of 'env' (2.7)",
       "dense L and local inverses, then products", embodied_irio, embodied_dense},
      {"tiva", "OECD TiVA content codes by region: EXGR_DVA/DDC/IDC/RIM/FVA, FFD_DVA, FEXDVAP (3.6)",
       "dense B = L and L_d, V B (as exvatools)", tiva_irio, tiva_dense},
      {"bmt", "Borin-Mancini-Taglioni tripartite GVC trade: DAVAX, GVC_PF, GVC_TS, GVC_PB by pair (3.4)",
       "dense L and local inverses, sums over third countries (as gvcAnalyzer)", bmt_irio, bmt_dense},
      {"draws", "multiplier rows [1; v; S] L of 4 Monte Carlo draws (Z:lognormal:0.05), base LU reused",
       "a fresh dense LU per draw", draws_reused, draws_fresh},
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

Matrix block_inverse(const Matrix& A, const std::vector<std::vector<Eigen::Index>>& blocks) {
  Matrix out = Matrix::Zero(A.rows(), A.cols());
  for (const auto& b : blocks) {
    const auto k = static_cast<Eigen::Index>(b.size());
    Matrix M(k, k);
    for (Eigen::Index j = 0; j < k; ++j)
      for (Eigen::Index i = 0; i < k; ++i)
        M(i, j) = (i == j ? 1.0 : 0.0) - A(b[static_cast<std::size_t>(i)], b[static_cast<std::size_t>(j)]);
    const Matrix Minv = M.partialPivLu().inverse();
    for (Eigen::Index j = 0; j < k; ++j)
      for (Eigen::Index i = 0; i < k; ++i)
        out(b[static_cast<std::size_t>(i)], b[static_cast<std::size_t>(j)]) = Minv(i, j);
  }
  return out;
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
