// SPDX-License-Identifier: MIT
// Three-level terms and participation by groups of regions (see production_groups.h).
#include "irio/solver/gvc/production_groups.h"

namespace irio::solver::gvc {

const std::vector<std::string>& grouped_participation_names() {
  static const std::vector<std::string> names{"nvc_forward", "nvc_backward", "gvc_forward", "gvc_backward"};
  return names;
}

GroupedChains group_three_level(const LeontiefModel& m, const ProductionDecomposition& d, const tables::Grouping& g) {
  const auto& lab = m.labels();
  const auto idx = g.map(lab.regions, "region", "table");
  const Index N = m.num_sectors(), G = static_cast<Index>(g.num_groups());
  GroupedChains out;
  out.grouping = g.name();
  out.groups = g.groups();
  out.other_final_demand = d.other_final_demand;
  out.forward = Matrix::Zero(G, d.forward.cols());
  out.backward = Matrix::Zero(G, d.backward.cols());
  Vector va = Vector::Zero(G), y = Vector::Zero(G);
  for (Index i = 0; i < m.n(); ++i) {
    if (!m.is_active(i)) continue;
    const auto k = static_cast<Index>(idx[static_cast<std::size_t>(i / N)]);
    out.forward.row(k) += d.forward.row(i);  // NaN columns (not identified) stay NaN
    out.backward.row(k) += d.backward.row(i);
    va(k) += d.va(i);
    y(k) += d.y(i);
  }
  out.participation.resize(G, 4);
  for (Index k = 0; k < G; ++k) {
    const auto& F = out.forward;
    const auto& B = out.backward;
    out.participation(k, 0) = tables::ratio_or_nan(F(k, kNvcS) + F(k, kNvcC), va(k));
    out.participation(k, 1) = tables::ratio_or_nan(B(k, kNvcS) + B(k, kNvcC), y(k));
    out.participation(k, 2) = tables::ratio_or_nan(F(k, kGvcS) + F(k, kGvcC), va(k));
    out.participation(k, 3) =
        tables::ratio_or_nan(d.exogenous_rest_of_world ? B(k, kGvc) : B(k, kGvcS) + B(k, kGvcC), y(k));
  }
  return out;
}

tables::TidyTable chains_by_group_table() {
  return tables::TidyTable("chains_by_group", {"grouping", "group", "direction", "term"});
}

tables::TidyTable participation_by_group_table() {
  return tables::TidyTable("participation_by_group", {"grouping", "group", "indicator"});
}

void append_grouped(const GroupedChains& gc, tables::TidyTable& terms, tables::TidyTable& participation) {
  const auto& names = production_term_names();
  for (std::size_t k = 0; k < gc.groups.size(); ++k) {
    const auto row = static_cast<Index>(k);
    for (Index t = 0; t < gc.forward.cols(); ++t) {
      if (t == kOtherFd && !gc.other_final_demand) continue;
      terms.add_row({gc.grouping, gc.groups[k], "forward", names[static_cast<std::size_t>(t)]}, gc.forward(row, t));
      terms.add_row({gc.grouping, gc.groups[k], "backward", names[static_cast<std::size_t>(t)]}, gc.backward(row, t));
    }
    for (Index c = 0; c < 4; ++c)
      participation.add_row({gc.grouping, gc.groups[k], grouped_participation_names()[static_cast<std::size_t>(c)]},
                            gc.participation(row, c));
  }
}

}  // namespace irio::solver::gvc
