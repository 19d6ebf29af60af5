// SPDX-License-Identifier: MIT
// Tidy layouts shared by the trade decompositions.
#include "irio/solver/gvc/trade_tidy.h"

#include <stdexcept>

namespace irio::solver::gvc {

const Matrix& TradeResult::operator[](const std::string& measure) const {
  for (std::size_t k = 0; k < measures.size(); ++k)
    if (measures[k] == measure) return cells[k];
  throw std::out_of_range("TradeResult: no measure " + measure);
}

std::string exporter_sector_label(const TradeContext& ctx, Index row) {
  const auto& lab = ctx.model.labels();
  const auto i = static_cast<std::size_t>(row);
  const auto& rows = ctx.units.rows[static_cast<std::size_t>(ctx.units.unit(row))];
  if (static_cast<Index>(rows.size()) > ctx.model.num_sectors()) return lab.region_of(i) + ":" + lab.sector_of(i);
  return lab.sector_of(i);
}

namespace detail {

tables::TidyTable bilateral_table(const TradeContext& ctx, const std::string& name, const std::string& measure_column,
                                  const std::vector<std::string>& measures, const std::vector<Matrix>& cells) {
  tables::TidyTable t(name, {"exporter", "sector", "importer", measure_column});
  const Index n = ctx.model.n(), U = ctx.units.size();
  t.set_levels(0, ctx.units.names);
  t.set_levels(2, ctx.units.names);
  t.set_levels(3, measures);
  std::vector<std::int32_t> sector_code(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) sector_code[static_cast<std::size_t>(i)] = t.level(1, exporter_sector_label(ctx, i));
  t.reserve(static_cast<std::size_t>(n * std::max<Index>(U - 1, 0)) * measures.size());
  for (Index i = 0; i < n; ++i) {
    const Index s = ctx.units.unit(i);
    for (Index r = 0; r < U; ++r) {
      if (r == s) continue;
      for (std::size_t k = 0; k < measures.size(); ++k)
        t.add_row_codes({static_cast<std::int32_t>(s), sector_code[static_cast<std::size_t>(i)],
                         static_cast<std::int32_t>(r), static_cast<std::int32_t>(k)},
                        cells[k](i, r));
    }
  }
  return t;
}

tables::TidyTable exporter_table(const TradeContext& ctx, const std::string& name, const std::string& measure_column,
                                 const std::vector<std::string>& measures, const std::vector<Matrix>& cells) {
  tables::TidyTable t(name, {"exporter", measure_column});
  t.set_levels(0, ctx.units.names);
  t.set_levels(1, measures);
  for (Index s = 0; s < ctx.units.size(); ++s)
    for (std::size_t k = 0; k < measures.size(); ++k)
      t.add_row_codes({static_cast<std::int32_t>(s), static_cast<std::int32_t>(k)}, cells[k](s, 0));
  return t;
}

Matrix off_own(const TradeContext& ctx, Matrix M) {
  for (Index i = 0; i < M.rows(); ++i) M(i, ctx.units.unit(i)) = 0.0;
  return M;
}

Matrix by_exporter(const TradeContext& ctx, const Matrix& cells) {
  const Matrix off = off_own(ctx, cells);
  return sum_rows_by_unit(Matrix(off.rowwise().sum()), ctx.units);
}

std::string scope(const TradeContext& ctx, const std::string& what) {
  return what + ", perimeter=" + to_string(ctx.units.perimeter);
}

}  // namespace detail
}  // namespace irio::solver::gvc
