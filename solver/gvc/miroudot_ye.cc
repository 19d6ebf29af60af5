// SPDX-License-Identifier: MIT
// Miroudot & Ye (2021, Economic Systems Research 33(1)) source-based decomposition of value added in
// gross exports, as the R package exvatools implements it (`make_exvadec(method = "my")`), from the
// Borin-Mancini table of the same border (methods.md §3.4, "Miroudot-Ye").
#include <algorithm>
#include <array>

#include "irio/solver/gvc/trade.h"

namespace irio::solver::gvc {

namespace {

/// MY's terms in exvatools' order, and the BM measure each one is (GEXP is MY's EXGR).
constexpr std::array<std::array<const char*, 2>, 7> kTerms{
    {{"EXGR", "GEXP"}, {"DC", "DC"}, {"DVA", "DVA"}, {"DDC", "DDC"}, {"FC", "FC"}, {"FVA", "FVA"}, {"FDC", "FDC"}}};

}  // namespace

TradeResult miroudot_ye(const TradeResult& bm, const std::string& table_name) {
  TradeResult out;
  const auto& keys = bm.table.key_columns();
  const std::size_t mcol = keys.size() - 1;  // the measure column is the last key
  out.table = tables::TidyTable(table_name, keys, bm.table.value_column());
  for (std::size_t c = 0; c < mcol; ++c) out.table.set_levels(c, bm.table.levels(c));
  std::vector<std::int32_t> term_of(bm.table.levels(mcol).size(), -1);
  for (const auto& [my, bm_name] : kTerms) {
    out.measures.emplace_back(my);
    out.cells.push_back(bm[bm_name]);
    const std::int32_t code = out.table.level(mcol, my);
    const auto& lv = bm.table.levels(mcol);
    for (std::size_t l = 0; l < lv.size(); ++l)
      if (lv[l] == bm_name) term_of[l] = code;
  }
  out.table.reserve(bm.table.num_rows() * kTerms.size() / std::max<std::size_t>(term_of.size(), 1));
  std::vector<std::int32_t> row(keys.size());
  for (std::size_t i = 0; i < bm.table.num_rows(); ++i) {
    const std::int32_t t = term_of[static_cast<std::size_t>(bm.table.code(mcol, i))];
    if (t < 0) continue;
    for (std::size_t c = 0; c < mcol; ++c) row[c] = bm.table.code(c, i);
    row[mcol] = t;
    out.table.add_row_codes(row, bm.table.value(i));
  }
  out.diagnostics = bm.diagnostics;
  return out;
}

}  // namespace irio::solver::gvc
