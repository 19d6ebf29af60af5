// SPDX-License-Identifier: MIT
// Benchmark tasks "embodied", "tiva" and "bmt" (features_task.h).
#include "bench/features_task.h"

#include "bench/bench_tasks.h"
#include "irio/solver/embodied_trade.h"
#include "irio/solver/gvc/tiva.h"
#include "irio/solver/gvc/trade.h"
#include "irio/solver/gvc/trade_context.h"

namespace irio::bench {

namespace {
using tables::Matrix;
using tables::Vector;
using Index = Eigen::Index;

/// The dense coefficients and the region blocks of a table.
struct Dense {
  Index n, N, G;
  Vector x, v;
  Matrix A, L, LR;  // L_R: the block-diagonal local inverses
  Matrix Yd;
  explicit Dense(const tables::IoTable& t)
      : n(static_cast<Index>(t.n())), N(static_cast<Index>(t.labels.num_sectors())),
        G(static_cast<Index>(t.labels.num_regions())), x(t.output()), Yd(t.final_demand_by_region()) {
    const Vector xinv = tables::safe_reciprocal(x);
    A = Matrix(t.Z) * xinv.asDiagonal();
    v = (Vector::Ones(n).transpose() - Vector::Ones(n).transpose() * A).transpose();  // 1' - 1'A (balanced)
    if (t.V.rows() > 0) v = (t.V.colwise().sum().transpose()).cwiseProduct(xinv);
    L = dense_leontief_inverse(t);
    std::vector<std::vector<Index>> blocks(static_cast<std::size_t>(G));
    for (Index i = 0; i < n; ++i) blocks[static_cast<std::size_t>(i / N)].push_back(i);
    LR = block_inverse(A, blocks);
  }
  Index region(Index i) const { return i / N; }
};
}  // namespace

Matrix embodied_irio(const tables::IoTable& t) {
  const solver::LeontiefModel m(t, {});
  const auto e = solver::embodied_trade(m, "env");
  const Index G = m.num_regions(), k = static_cast<Index>(e.stressors.size());
  Matrix out(2 * G * k, G);
  for (Index q = 0; q < k; ++q) {
    out.middleRows(2 * G * q, G) = e.mrio[static_cast<std::size_t>(q)];
    out.middleRows(2 * G * q + G, G) = e.eebt_final[static_cast<std::size_t>(q)] +
                                       e.eebt_intermediate[static_cast<std::size_t>(q)];
  }
  return out;
}

Matrix embodied_dense(const tables::IoTable& t) {
  const Dense d(t);
  const auto& F = t.satellites.at(0).F;
  const Matrix S = F * tables::safe_reciprocal(d.x).asDiagonal();
  const Matrix X = d.L * d.Yd;          // L y^{.s}
  const Vector xm = X.rowwise().sum();  // x = L y
  const Matrix Mloc = S * d.LR;         // s_r (I - A^{rr})^{-1}
  Matrix E = Matrix::Zero(d.n, d.G);    // bilateral exports e^{rs}: A^{rs} x^s + y^{rs}
  for (Index j = 0; j < d.n; ++j)
    for (Index i = 0; i < d.n; ++i)
      if (d.region(i) != d.region(j)) E(i, d.region(j)) += d.A(i, j) * xm(j);
  for (Index i = 0; i < d.n; ++i)
    for (Index c = 0; c < d.G; ++c)
      if (c != d.region(i)) E(i, c) += d.Yd(i, c);
  const Index k = S.rows();
  Matrix out = Matrix::Zero(2 * d.G * k, d.G);
  for (Index q = 0; q < k; ++q)
    for (Index i = 0; i < d.n; ++i)
      for (Index c = 0; c < d.G; ++c) {
        const Index r = d.region(i);
        out(2 * d.G * q + r, c) += S(q, i) * X(i, c);
        out(2 * d.G * q + d.G + r, c) += Mloc(q, i) * (c == r ? d.Yd(i, c) : E(i, c));
      }
  return out;
}

Matrix tiva_irio(const tables::IoTable& t) {
  const solver::LeontiefModel m(t, {});
  const solver::gvc::TradeContext ctx(m, solver::Perimeter::kRegion, {}, false);  // as `irio trade --method tiva`
  const auto tv = solver::gvc::tiva_indicators(ctx);
  const char* codes[] = {"EXGR_DVA", "EXGR_DDC", "EXGR_IDC", "EXGR_RIM", "EXGR_FVA", "FFD_DVA", "FEXDVAP"};
  Matrix out(ctx.units.size(), 7);
  for (Index c = 0; c < 7; ++c) out.col(c) = solver::gvc::sum_rows_by_unit(Matrix(tv[codes[c]]), ctx.units).col(0);
  return out;
}

Matrix tiva_dense(const tables::IoTable& t) {
  const Dense d(t);
  const Matrix VB = d.v.asDiagonal() * d.L;  // value added of row i in the output of column j
  const Matrix X = d.L * d.Yd;
  const Vector xm = X.rowwise().sum();
  Vector e = Vector::Zero(d.n);  // gross exports e^{s*}
  for (Index j = 0; j < d.n; ++j)
    for (Index i = 0; i < d.n; ++i)
      if (d.region(i) != d.region(j)) e(i) += d.A(i, j) * xm(j);
  for (Index i = 0; i < d.n; ++i)
    for (Index c = 0; c < d.G; ++c)
      if (c != d.region(i)) e(i) += d.Yd(i, c);
  Matrix out = Matrix::Zero(d.G, 7);
  for (Index j = 0; j < d.n; ++j) {
    const Index s = d.region(j);
    double dom = 0, loc = 0, fore = 0;
    for (Index i = 0; i < d.n; ++i) {
      if (d.region(i) == s) {
        dom += VB(i, j);
        loc += d.v(i) * d.LR(i, j);
      } else {
        fore += VB(i, j);
      }
    }
    const double direct = d.v(j) * d.LR(j, j);
    out(s, 0) += dom * e(j);
    out(s, 1) += direct * e(j);
    out(s, 2) += (loc - direct) * e(j);
    out(s, 3) += (dom - loc) * e(j);
    out(s, 4) += fore * e(j);
  }
  for (Index i = 0; i < d.n; ++i) {
    const Index s = d.region(i);
    for (Index c = 0; c < d.G; ++c)
      if (c != s) out(s, 5) += d.v(i) * X(i, c);
    double others = 0;
    for (Index j = 0; j < d.n; ++j)
      if (d.region(j) != s) others += VB(i, j) * e(j);
    out(s, 6) += others;
  }
  return out;
}

Matrix bmt_irio(const tables::IoTable& t) {
  const solver::LeontiefModel m(t, {});
  const solver::gvc::TradeContext ctx(m, solver::Perimeter::kRegion, {}, false);  // as `irio trade --method bmt`
  const auto b = solver::gvc::bmt_tripartite(ctx);
  const Index G = ctx.units.size();
  Matrix out = Matrix::Zero(G * G, 4);
  const char* parts[] = {"DAVAX", "GVC_PF", "GVC_TS", "GVC_PB"};
  for (Index c = 0; c < 4; ++c) {
    const Matrix by_pair = solver::gvc::sum_rows_by_unit(b[parts[c]], ctx.units);  // G x G, exporter x importer
    out.col(c) = Eigen::Map<const Vector>(by_pair.data(), G * G);
  }
  return out;
}

Matrix bmt_dense(const tables::IoTable& t) {
  // As gvcAnalyzer computes them: the local inverses L_ss, exports by pair, and for PB and TS the
  // inputs from every other country t, pair by pair.
  const Dense d(t);
  const Index N = d.N, G = d.G;
  const Vector x = d.L * d.Yd.rowwise().sum();
  auto blk = [&](const Matrix& M, Index a, Index b) { return M.block(a * N, b * N, N, N); };
  auto exports = [&](Index s, Index r) {
    return Vector(d.Yd.block(s * N, r, N, 1) + blk(d.A, s, r) * x.segment(r * N, N));
  };
  Matrix out = Matrix::Zero(G * G, 4);
  const Eigen::RowVectorXd ones = Eigen::RowVectorXd::Ones(N);
  for (Index r = 0; r < G; ++r) {
    Vector e_rstar = Vector::Zero(N);
    for (Index j = 0; j < G; ++j)
      if (j != r) e_rstar += exports(r, j);
    const Vector lyr = blk(d.LR, r, r) * d.Yd.block(r * N, r, N, 1), ler = blk(d.LR, r, r) * e_rstar;
    for (Index s = 0; s < G; ++s) {
      if (s == r) continue;
      const Vector absorbed = d.Yd.block(s * N, r, N, 1) + blk(d.A, s, r) * lyr;
      const Vector qa = blk(d.LR, s, s) * absorbed, qb = blk(d.LR, s, s) * (blk(d.A, s, r) * ler);
      const Index row = r * G + s;  // column-major G x G: exporter s, importer r
      out(row, 0) = d.v.segment(s * N, N).dot(qa);
      out(row, 1) = d.v.segment(s * N, N).dot(qb);
      for (Index k = 0; k < G; ++k) {
        if (k == s) continue;
        out(row, 2) += ones * (blk(d.A, k, s) * qb);
        out(row, 3) += ones * (blk(d.A, k, s) * qa);
      }
    }
  }
  return out;
}

}  // namespace irio::bench
