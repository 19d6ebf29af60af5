// SPDX-License-Identifier: MIT
// Round's multiplicative decomposition, additive (Stone) reading, per two-region partition
// {r, rest} (methods.md §2.4); see round_split.h.
#include "irio/solver/round_split.h"

#include "irio/solver/indicator_common.h"
#include "irio/solver/linear_solver.h"
#include "irio/tables/error.h"

namespace irio::solver {

std::vector<RoundSplit> round_split_rows(const LeontiefModel& model, const Matrix& C_in) {
  const Index n = model.n(), G = model.num_regions(), N = model.num_sectors(), k = C_in.cols();
  if (C_in.rows() != n)
    throw InputError("Round decomposition: coefficient row has " + std::to_string(C_in.rows()) + " entries, expected " +
                     std::to_string(n));
  if (n > model.options().dense_max_n)
    throw InputError(
        "Round decomposition: it factors I - A without each region (dense, n - N = " + std::to_string(n - N) +
        " per region), which is limited to n <= " + std::to_string(model.options().dense_max_n) +
        "; aggregate the table first (`irio aggregate`)");
  Matrix C = C_in;
  for (Index j : model.zero_output()) C.row(j).setZero();
  // (c'L)' and ((c o 1_r)'L)' for every row c and region r: S'(k (1 + G)).
  Matrix rhs = Matrix::Zero(n, k * (1 + G));
  for (Index q = 0; q < k; ++q) {
    rhs.col(q * (1 + G)) = C.col(q);
    for (Index j = 0; j < n; ++j) rhs(j, q * (1 + G) + 1 + j / N) = C(j, q);
  }
  const Matrix T = model.solve_transposed(rhs);
  const Matrix intra = model.local_solve_transposed(Perimeter::kRegion, C);  // (c'L_R)'
  // W(., q) on the rows of r: (A^{or})' (I - A^{oo})^{-T} c_o, one dense LU per region for all rows.
  const Matrix Ad = Matrix(model.A());
  Matrix W = Matrix::Zero(n, k);
  std::vector<Index> rest;
  for (Index r = 0; r < G; ++r) {
    rest.clear();
    for (Index i = 0; i < n; ++i)
      if (i / N != r) rest.push_back(i);
    const Index m = static_cast<Index>(rest.size());
    if (m == 0) continue;
    Matrix M(m, m);
    for (Index b = 0; b < m; ++b)
      for (Index a = 0; a < m; ++a)
        M(a, b) = (a == b ? 1.0 : 0.0) - Ad(rest[static_cast<std::size_t>(a)], rest[static_cast<std::size_t>(b)]);
    Matrix g(m, k);
    for (Index a = 0; a < m; ++a) g.row(a) = C.row(rest[static_cast<std::size_t>(a)]);
    make_dense_lu(std::move(M), "I - A without region " + model.labels().regions[static_cast<std::size_t>(r)])
        ->solve_transposed(g);
    for (Index j = r * N; j < (r + 1) * N; ++j)
      for (Index a = 0; a < m; ++a) W.row(j) += Ad(rest[static_cast<std::size_t>(a)], j) * g.row(a);
  }
  const Matrix spill = model.local_solve_transposed(Perimeter::kRegion, W);
  std::vector<RoundSplit> out(static_cast<std::size_t>(k));
  for (Index q = 0; q < k; ++q) {
    RoundSplit& s = out[static_cast<std::size_t>(q)];
    s.total = T.col(q * (1 + G));
    s.intra = intra.col(q);
    s.spillover = spill.col(q);
    s.feedback = s.total - s.intra - s.spillover;
    s.feedback_own_region.resize(n);
    for (Index j = 0; j < n; ++j) s.feedback_own_region(j) = T(j, q * (1 + G) + 1 + j / N) - s.intra(j);
    s.feedback_other_regions = s.feedback - s.feedback_own_region;
    for (Vector* v : {&s.total, &s.intra, &s.spillover, &s.feedback, &s.feedback_own_region, &s.feedback_other_regions})
      model.mask_inactive(*v);
  }
  return out;
}

RoundSplit round_split(const LeontiefModel& model, const Vector& c) {
  return round_split_rows(model, Matrix(c)).front();
}

tables::TidyTable round_split_table(const LeontiefModel& model,
                                    const std::vector<std::pair<std::string, Vector>>& rows) {
  auto t = make_region_sector_table(model, "multiplier_round", {"part", "row_group"});
  Matrix C(model.n(), static_cast<Index>(rows.size()));
  for (std::size_t q = 0; q < rows.size(); ++q) C.col(static_cast<Index>(q)) = rows[q].second;
  const auto splits = round_split_rows(model, C);
  for (std::size_t q = 0; q < rows.size(); ++q) {
    const std::string& name = rows[q].first;
    const RoundSplit& s = splits[q];
    add_region_sector_rows(t, model, name, s.total, {"total", "all"});
    add_region_sector_rows(t, model, name, s.intra, {"intra", "own_region"});
    add_region_sector_rows(t, model, name, s.spillover, {"spillover", "other_regions"});
    add_region_sector_rows(t, model, name, s.feedback, {"feedback", "all"});
    add_region_sector_rows(t, model, name, s.feedback_own_region, {"feedback", "own_region"});
    add_region_sector_rows(t, model, name, s.feedback_other_regions, {"feedback", "other_regions"});
  }
  return t;
}

}  // namespace irio::solver
