// SPDX-License-Identifier: MIT
// Structural path analysis by best-first search with the total-intensity bound (structural_paths.h,
// methods.md §2.8).
#include "irio/solver/structural_paths.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "irio/tables/error.h"

namespace irio::solver {

namespace {

/// A node of the search tree: the sector reached and the node it was reached from (-1: a root,
/// a final-demand cell). 8 bytes; the weight and depth travel in the queue entry.
struct Node {
  std::int32_t parent;
  std::int32_t sector;
};

/// A node waiting to be visited: its bound |w| m_i orders the queue (largest first).
struct Entry {
  double bound;
  double w;
  std::uint32_t node;
  std::int32_t depth;
  bool operator<(const Entry& o) const { return bound < o.bound; }
};

/// A reported path, kept in a min-heap of the `top` largest by |value|.
struct Held {
  double magnitude;
  double value;
  std::uint32_t node;
  std::int32_t depth;
  std::uint64_t seq;                     ///< visiting order: ties broken by it, so the result is deterministic
  bool operator<(const Held& o) const {  // "larger" in the heap = smaller path (min-heap)
    return magnitude != o.magnitude ? magnitude > o.magnitude : seq < o.seq;
  }
};

/// A must be non-negative for m = |s|'L to bound the paths (methods.md §2.8).
void require_nonnegative(const LeontiefModel& m) {
  const auto& A = m.A();
  double worst = 0;
  Index wr = -1, wc = -1;
  std::size_t count = 0;
  for (Index j = 0; j < A.outerSize(); ++j)
    for (SparseMatrix::InnerIterator it(A, j); it; ++it)
      if (it.value() < 0) {
        ++count;
        if (it.value() < worst) {
          worst = it.value();
          wr = it.row();
          wc = j;
        }
      }
  if (count > 0)
    throw InputError("structural paths: the bound on the paths below a node needs A >= 0, but the table has " +
                     std::to_string(count) + " negative coefficient(s), the most negative a = " +
                     std::to_string(worst) + " (" + m.labels().describe(static_cast<std::size_t>(wr)) +
                     " delivering to " + m.labels().describe(static_cast<std::size_t>(wc)) +
                     "); set negative intermediate flows to zero (or move them to final demand) before the analysis");
}

}  // namespace

StructuralPaths structural_paths(const LeontiefModel& m, const Vector& s, const Vector& y,
                                 const StructuralPathOptions& opt) {
  const Index n = m.n();
  if (s.size() != n || y.size() != n)
    throw InputError("structural paths: intensities and final demand must have n = " + std::to_string(n) + " entries");
  if (opt.max_order < 0) throw InputError("structural paths: --max-order must be at least 0");
  if (!(opt.threshold >= 0) || !std::isfinite(opt.threshold))
    throw InputError("structural paths: --threshold must be a finite number >= 0");
  if (opt.max_nodes > std::numeric_limits<std::uint32_t>::max())
    throw InputError("structural paths: --max-nodes must be below 2^32");
  require_nonnegative(m);
  const auto& A = m.A();
  const auto T = static_cast<std::size_t>(opt.max_order);

  StructuralPaths r;
  r.by_order.resize(T + 1);

  // Total intensities: one transposed solve with |s| (the bound) and, when s has a negative entry,
  // one with s (the signed total).
  const Vector sa = s.cwiseAbs(), ya = y.cwiseAbs();
  const bool signed_s = (s.array() < 0).any();
  Matrix rhs(n, signed_s ? 2 : 1);
  rhs.col(0) = sa;
  if (signed_s) rhs.col(1) = s;
  const Matrix M = m.solve_transposed(rhs);
  // m_i >= |s_i| in exact arithmetic (m = |s| + A'm, A >= 0); the factor keeps the bound above
  // every path below a node under round-off.
  const Vector mb = M.col(0).cwiseMax(sa) * (1.0 + 1e-10);
  r.total = (signed_s ? M.col(1) : M.col(0)).dot(y);
  r.total_abs = M.col(0).cwiseMax(sa).dot(ya);
  r.threshold_abs = opt.threshold * r.total_abs;

  // The exact terms of the series, s'A^t y, by t sparse products.
  {
    Vector v = y;
    double sum = 0;
    for (std::size_t t = 0; t <= T; ++t) {
      if (t > 0) v = A * v;
      r.by_order[t].series_term = s.dot(v);
      sum += r.by_order[t].series_term;
    }
    r.beyond_max_order = r.total - sum;
  }
  if (!(r.total_abs > 0) || opt.top == 0) {
    for (auto& o : r.by_order) o.pruned_bound = std::abs(o.series_term);
    return r;
  }

  const double tau = r.threshold_abs;
  std::vector<double> missing(T + 1, 0.0);     // exact |value| of visited paths not reported, by order
  std::vector<double> prune_from(T + 2, 0.0);  // bounds of pruned subtrees, by the order they start at
  std::vector<Node> nodes;
  std::vector<Entry> queue;
  std::vector<Held> held;
  std::uint64_t seq = 0;
  nodes.reserve(std::min<std::size_t>(opt.max_nodes, 1u << 20));

  auto add_node = [&](std::int32_t parent, Index sector, double w, double bound, std::int32_t depth) {
    nodes.push_back({parent, static_cast<std::int32_t>(sector)});
    queue.push_back({bound, w, static_cast<std::uint32_t>(nodes.size() - 1), depth});
    std::push_heap(queue.begin(), queue.end());
  };
  auto current_threshold = [&] { return held.size() >= opt.top ? std::max(tau, held.front().magnitude) : tau; };

  for (Index i = 0; i < n; ++i) {
    if (y(i) == 0) continue;
    const double b = std::abs(y(i)) * mb(i);
    if (b == 0) continue;
    if (b < tau || nodes.size() >= opt.max_nodes) {
      if (b >= tau) r.capped = true;
      prune_from[0] += b;
      continue;
    }
    add_node(-1, i, y(i), b, 0);
  }

  while (!queue.empty()) {
    double tau_eff = current_threshold();
    if (queue.front().bound < tau_eff) break;  // nothing left can reach the threshold
    std::pop_heap(queue.begin(), queue.end());
    const Entry e = queue.back();
    queue.pop_back();
    const Index i = nodes[e.node].sector;
    const auto d = static_cast<std::size_t>(e.depth);

    const double value = e.w * s(i);
    if (value != 0) {
      const double mag = std::abs(value);
      if (mag < tau) {
        missing[d] += mag;
      } else if (held.size() < opt.top) {
        held.push_back({mag, value, e.node, e.depth, seq++});
        std::push_heap(held.begin(), held.end());
      } else if (mag > held.front().magnitude) {
        std::pop_heap(held.begin(), held.end());
        missing[static_cast<std::size_t>(held.back().depth)] += held.back().magnitude;
        r.top_reached = true;
        held.back() = {mag, value, e.node, e.depth, seq++};
        std::push_heap(held.begin(), held.end());
      } else {
        r.top_reached = true;
        missing[d] += mag;
      }
    }
    if (d == T) continue;  // below max_order: beyond_max_order
    const double below = std::abs(e.w) * std::max(0.0, mb(i) - sa(i));
    if (below == 0) continue;
    tau_eff = current_threshold();
    if (below < tau_eff) {
      prune_from[d + 1] += below;
      continue;
    }
    ++r.expansions;
    for (SparseMatrix::InnerIterator it(A, i); it; ++it) {
      if (it.value() == 0) continue;
      const Index k = it.row();
      const double w = e.w * it.value();
      const double b = std::abs(w) * mb(k);
      if (b == 0) continue;
      if (b < tau_eff) {
        prune_from[d + 1] += b;
      } else if (nodes.size() >= opt.max_nodes) {
        r.capped = true;
        prune_from[d + 1] += b;
      } else {
        add_node(static_cast<std::int32_t>(e.node), k, w, b, e.depth + 1);
      }
    }
  }
  for (const auto& e : queue) prune_from[static_cast<std::size_t>(e.depth)] += e.bound;
  r.nodes = nodes.size();

  // The reported paths, largest first; their flows recomputed in the search's order of products,
  // so that each value is bitwise the one the search found.
  std::sort(held.begin(), held.end());  // operator< puts the larger first
  r.paths.reserve(held.size());
  for (const auto& h : held) {
    StructuralPath p;
    for (std::int32_t k = static_cast<std::int32_t>(h.node); k >= 0; k = nodes[static_cast<std::size_t>(k)].parent)
      p.nodes.push_back(nodes[static_cast<std::size_t>(k)].sector);
    std::reverse(p.nodes.begin(), p.nodes.end());
    p.flows.resize(p.nodes.size());
    p.flows[0] = y(p.nodes[0]);
    for (std::size_t k = 1; k < p.nodes.size(); ++k) p.flows[k] = p.flows[k - 1] * A.coeff(p.nodes[k], p.nodes[k - 1]);
    p.value = p.flows.back() * s(p.nodes.back());
    auto& o = r.by_order[static_cast<std::size_t>(p.order())];
    o.found += p.value;
    ++o.paths;
    r.paths.push_back(std::move(p));
  }
  double pruned = 0;
  for (std::size_t t = 0; t <= T; ++t) {
    pruned += prune_from[t];
    r.by_order[t].pruned_bound = missing[t] + pruned;
  }
  return r;
}

Vector stressor_intensity(const LeontiefModel& m, const std::string& satellite, const std::string& stressor,
                          std::string* chosen) {
  const auto& t = m.table();
  const auto* sat = t.satellite(satellite);
  if (sat == nullptr) {
    std::string names;
    for (const auto& s : t.satellites) names += (names.empty() ? "'" : ", '") + s.name + "'";
    throw InputError("structural paths: no satellite '" + satellite + "' in the table (" +
                     (names.empty() ? "it has none; use --of value-added or --of output" : "satellites: " + names) +
                     ")");
  }
  auto list = [&] {
    std::string names;
    for (const auto& s : sat->stressors) names += (names.empty() ? "'" : ", '") + s + "'";
    return names;
  };
  Index q = 0;
  if (stressor.empty()) {
    if (sat->stressors.size() != 1)
      throw InputError("structural paths: satellite '" + satellite + "' has " + std::to_string(sat->stressors.size()) +
                       " stressors: name one with --stressor (" + list() + ")");
  } else {
    const int f = tables::Labels::find(sat->stressors, stressor);
    if (f < 0)
      throw InputError("structural paths: no stressor '" + stressor + "' in satellite '" + satellite +
                       "' (nearest: " + tables::Labels::nearest(sat->stressors, stressor) + ")");
    q = f;
  }
  if (chosen != nullptr) *chosen = sat->stressors[static_cast<std::size_t>(q)];
  Vector s = (sat->F.row(q).transpose().array() * tables::safe_reciprocal(m.x()).array()).matrix();
  for (Index j : m.zero_output()) s(j) = 0;
  return s;
}

Vector final_demand_of(const LeontiefModel& m, const std::string& region) {
  const auto& t = m.table();
  if (region.empty()) return t.final_demand_total();
  const int r = tables::Labels::find(t.labels.regions, region);
  if (r < 0)
    throw InputError("structural paths: --region '" + region + "' is not a region of the table (nearest: " +
                     tables::Labels::nearest(t.labels.regions, region) + ")");
  return t.final_demand_by_region().col(r);
}

std::string path_text(const tables::Labels& labels, const StructuralPath& p) {
  std::string out;
  for (std::size_t k = 0; k < p.nodes.size(); ++k) {
    const auto i = static_cast<std::size_t>(p.nodes[k]);
    out += (k == 0 ? "" : " <- ") + labels.region_of(i) + "/" + labels.sector_of(i);
  }
  return out;
}

tables::TidyTable paths_table(const LeontiefModel& m, const StructuralPaths& r) {
  tables::TidyTable out("paths", {"rank", "order", "path", "indicator"});
  for (std::size_t k = 0; k < r.paths.size(); ++k) {
    const auto& p = r.paths[k];
    const std::string rank = std::to_string(k + 1), order = std::to_string(p.order());
    const std::string text = path_text(m.labels(), p);
    out.add_row({rank, order, text, "value"}, p.value);
    out.add_row({rank, order, text, "share"}, r.total != 0 ? p.value / r.total : std::nan(""));
  }
  return out;
}

tables::TidyTable path_nodes_table(const LeontiefModel& m, const StructuralPaths& r) {
  tables::TidyTable out("path_nodes", {"rank", "step", "region", "sector"});
  const auto& labels = m.labels();
  out.set_levels(2, labels.regions);
  out.set_levels(3, labels.sectors);
  for (std::size_t k = 0; k < r.paths.size(); ++k) {
    const auto& p = r.paths[k];
    for (std::size_t j = 0; j < p.nodes.size(); ++j) {
      const auto i = static_cast<std::size_t>(p.nodes[j]);
      out.add_row({std::to_string(k + 1), std::to_string(j), labels.region_of(i), labels.sector_of(i)}, p.flows[j]);
    }
  }
  return out;
}

tables::TidyTable paths_by_order_table(const StructuralPaths& r) {
  tables::TidyTable out("paths_by_order", {"order", "indicator"});
  for (std::size_t t = 0; t < r.by_order.size(); ++t) {
    const auto& o = r.by_order[t];
    const std::string order = std::to_string(t);
    out.add_row({order, "series_term"}, o.series_term);
    out.add_row({order, "found"}, o.found);
    out.add_row({order, "pruned_bound"}, o.pruned_bound);
    out.add_row({order, "paths"}, static_cast<double>(o.paths));
  }
  out.add_row({"beyond", "series_term"}, r.beyond_max_order);
  return out;
}

}  // namespace irio::solver
