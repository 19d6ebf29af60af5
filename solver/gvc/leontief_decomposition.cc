// SPDX-License-Identifier: MIT
// decompr's Leontief decomposition v^ L diag(post) (methods.md §3.1; WWZ 2013 eq. 3): the n x n
// value-added origin matrix, the one result here that needs the whole inverse.
#include "irio/solver/gvc/trade_tidy.h"
#include "irio/tables/error.h"

namespace irio::solver::gvc {

TradeResult leontief_decomposition(const TradeContext& ctx, const std::string& post) {
  LeontiefPost p{};
  if (!try_parse_enum(post, p))
    throw InputError("Leontief decomposition: post must be " + enum_choices<LeontiefPost>() +
                     " (final_demand is `--method vax`, VBY), got '" + post + "'");
  return leontief_decomposition(ctx, p);
}

TradeResult leontief_decomposition(const TradeContext& ctx, LeontiefPost p) {
  const Index n = ctx.model.n(), N = ctx.model.num_sectors();
  const std::string post = enum_name(p);
  Vector w;
  std::string measure;
  switch (p) {
    case LeontiefPost::kExports:
      w = ctx.e_star;
      measure = "FVAX";
      break;
    case LeontiefPost::kOutput:
      w = ctx.x;
      measure = "VAX_output";
      break;
    case LeontiefPost::kNone:
      w = Vector::Ones(n);
      measure = "VB";
      break;
  }
  report_progress(ctx.progress, 0.0, "leontief: the inverse L (n solves; the result is n x n)");
  // Output is itself n x n (DENSE-OUT): L = (I - A)^{-1} by n solves, then v^ L w^.
  Matrix M = ctx.solve(Matrix::Identity(n, n));
  M = ctx.model.v().asDiagonal() * M * w.asDiagonal();
  TradeResult out;
  out.measures = {measure};
  const auto& lab = ctx.model.labels();
  auto& t = out.table =
      tables::TidyTable("leontief_" + post, {"source_region", "source_sector", "using_region", "using_sector"});
  t.set_levels(0, lab.regions);
  t.set_levels(1, lab.sectors);
  t.set_levels(2, lab.regions);
  t.set_levels(3, lab.sectors);
  t.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j)
      t.add_row_codes({static_cast<std::int32_t>(i / N), static_cast<std::int32_t>(i % N),
                       static_cast<std::int32_t>(j / N), static_cast<std::int32_t>(j % N)},
                      M(i, j));
  // Identity (1.1): with residual value added the column sums of v^ L are 1, so those of v^ L w^
  // are w; a zero-output column has v_j = 0 and column sum 0.
  Vector expect = w;
  for (Index j : ctx.model.zero_output()) expect(j) = 0.0;
  Diagnostics d(n);
  d.check_vectors("1.1: 1' v^ L w^ = w'", detail::scope(ctx, "using_row"), M.colwise().sum().transpose(), expect);
  out.diagnostics = d.table();
  out.cells = {std::move(M)};
  report_progress(ctx.progress, 1.0, "leontief: done");
  return out;
}

}  // namespace irio::solver::gvc
