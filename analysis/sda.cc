// SPDX-License-Identifier: MIT
// Structural decomposition between two tables through irio::Analysis (methods.md §10.4).
#include <algorithm>

#include "irio/analysis/regional.h"
#include "irio/solver/gvc/chain_sda.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

constexpr const char* kFootprint = "footprint:";

constexpr const char* kFootprintCba = "footprint_cba:";

bool is_footprint(const std::string& q) { return q.rfind(kFootprint, 0) == 0 && q.size() > 10; }
bool is_consumption_footprint(const std::string& q) { return q.rfind(kFootprintCba, 0) == 0 && q.size() > 14; }

/// Rows quantity, scope, region, sector, factor: scope region_sector (the region and sector of
/// the row), region (sector "(all)"), each grouping (its group in the region column), total
/// (region "all"). `by_destination`: the decomposition is indexed by destination (regions, then
/// "exports"), not by region-sector.
void add_rows(const solver::StructuralDecomposition& d, const std::string& quantity, const tables::Labels& lab,
              const std::vector<tables::Grouping>& groupings, tables::TidyTable& out, bool by_destination = false) {
  const Index n = d.q0.size(), N = static_cast<Index>(lab.num_sectors());
  const auto k = static_cast<Index>(d.factors.size());
  // Columns: the factors, change, q0, q1.
  Matrix cols(n, k + 3);
  cols.leftCols(k) = d.parts;
  cols.col(k) = d.q1 - d.q0;
  cols.col(k + 1) = d.q0;
  cols.col(k + 2) = d.q1;
  std::vector<std::string> names = d.factors;
  names.insert(names.end(), {"change", "q0", "q1"});
  auto emit = [&](const std::string& scope, const std::string& region, const std::string& sector,
                  const Eigen::RowVectorXd& v) {
    for (Index c = 0; c < v.size(); ++c)
      out.add_row({quantity, scope, region, sector, names[static_cast<std::size_t>(c)]}, v(c));
  };
  const auto G = static_cast<Index>(lab.num_regions());
  Matrix by_region = Matrix::Zero(G, cols.cols());
  if (by_destination) {
    by_region = cols.topRows(G);
  } else {
    for (Index i = 0; i < n; ++i)
      emit("region_sector", lab.regions[static_cast<std::size_t>(i / N)], lab.sectors[static_cast<std::size_t>(i % N)],
           cols.row(i));
    for (Index i = 0; i < n; ++i) by_region.row(i / N) += cols.row(i);
  }
  for (Index g = 0; g < G; ++g) emit("region", lab.regions[static_cast<std::size_t>(g)], "(all)", by_region.row(g));
  if (by_destination && n > G) emit("abroad", "exports", "(all)", cols.bottomRows(n - G).colwise().sum());
  for (const auto& grouping : groupings) {
    const auto idx = grouping.map(lab.regions, "region", grouping.name());
    Matrix by_group = Matrix::Zero(static_cast<Index>(grouping.num_groups()), cols.cols());
    for (Index g = 0; g < G; ++g) by_group.row(idx[static_cast<std::size_t>(g)]) += by_region.row(g);
    for (Index h = 0; h < by_group.rows(); ++h)
      emit(grouping.name(), grouping.groups()[static_cast<std::size_t>(h)], "(all)", by_group.row(h));
  }
  emit("total", "all", "(all)", cols.colwise().sum());
}

/// Final demand of `t` split into the parts of `split` (methods.md §10.4): by category (each
/// final-demand category summed over destination regions, then each export column) or by
/// destination (final demand of the table's regions, then exports); names in `names`.
Matrix final_demand_parts(const tables::IoTable& t, SdaFinalDemandSplit split, std::vector<std::string>& names) {
  const Index n = static_cast<Index>(t.n());
  const auto K = static_cast<Index>(t.labels.fd_categories.size());
  const Index G = static_cast<Index>(t.labels.num_regions());
  const Index E = t.exports.cols();
  names.clear();
  if (split == SdaFinalDemandSplit::kDestination) {
    Matrix Y(n, E > 0 ? 2 : 1);
    Y.col(0) = t.Y.rowwise().sum();
    names.push_back("domestic");
    if (E > 0) {
      Y.col(1) = t.exports.rowwise().sum();
      names.push_back("exports");
    }
    return Y;
  }
  Matrix Y = Matrix::Zero(n, K + E);
  for (Index r = 0; r < G; ++r)
    for (Index c = 0; c < K; ++c) Y.col(c) += t.Y.col(r * K + c);
  for (const auto& c : t.labels.fd_categories) names.push_back(c);
  for (Index e = 0; e < E; ++e) {
    Y.col(K + e) = t.exports.col(e);
    names.push_back(t.export_labels.size() > static_cast<std::size_t>(e) ? t.export_labels[static_cast<std::size_t>(e)]
                                                                         : "exports" + std::to_string(e + 1));
  }
  return Y;
}

/// Final demand by destination: the table's regions (Y^d), then exports as one destination.
Matrix final_demand_destinations(const tables::IoTable& t) {
  Matrix Yd = t.final_demand_by_region();
  if (t.exports.cols() == 0) return Yd;
  Matrix out(Yd.rows(), Yd.cols() + 1);
  out << Yd, t.exports.rowwise().sum();
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

/// The first label where two tables' regions (then sectors) differ: "region 3 is 'Hebei' in the
/// first table and 'Henan' in the second", or the count when one list is longer.
std::string first_difference(const tables::Labels& a, const tables::Labels& b) {
  auto compare = [](const char* what, const std::vector<std::string>& x, const std::vector<std::string>& y) {
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
      if (x[i] != y[i])
        return std::string(what) + " " + std::to_string(i + 1) + " is '" + x[i] + "' in the first table and '" + y[i] +
               "' in the second";
    if (x.size() != y.size()) {
      const auto& longer = x.size() > y.size() ? x : y;
      return std::string("the first table has ") + std::to_string(x.size()) + " " + what + "s, the second " +
             std::to_string(y.size()) + " (first extra " + what + ": '" + longer[std::min(x.size(), y.size())] + "')";
    }
    return std::string();
  };
  std::string d = compare("region", a.regions, b.regions);
  return d.empty() ? compare("sector", a.sectors, b.sectors) : d;
}

}  // namespace

std::string SdaRequest::validate() const {
  const bool cba = is_consumption_footprint(quantity);
  if (!(quantity == "output" || quantity == "value_added" || quantity == "participation" || is_footprint(quantity) ||
        cba))
    return "unknown quantity '" + quantity +
           "' (output, value_added, participation, footprint:SATELLITE[/STRESSOR] or "
           "footprint_cba:SATELLITE[/STRESSOR])";
  if (fd_split != SdaFinalDemandSplit::kLevelMix && (quantity == "participation" || cba))
    return "--fd-split " + std::string(enum_name(fd_split)) +
           " applies to output, value_added and footprint:, not to " + quantity;
  return {};
}

SdaResults sda(const Analysis& a0, const Analysis& a1, const SdaRequest& r) {
  require_valid("sda", r.validate());
  const auto& lab = a0.table().labels;
  const auto& lab1 = a1.table().labels;
  if (lab.regions != lab1.regions || lab.sectors != lab1.sectors)
    throw InputError("sda: " + a0.source() + " and " + a1.source() + " differ: " + first_difference(lab, lab1) +
                     "; aggregate them to one classification first (--region-concordance, --sector-concordance)");
  const auto groupings = a0.groupings(r.groups);
  const auto& m0 = a0.model();
  const auto& m1 = a1.model();
  SdaResults out;
  tables::TidyTable t("sda", {"quantity", "scope", "region", "sector", "factor"});
  auto run = [&](const std::string& name, const Vector& e0, const Vector& e1, const char* intensity_name) {
    out.quantities.push_back(name);
    if (r.fd_split == SdaFinalDemandSplit::kLevelMix) {
      out.decompositions.push_back(solver::structural_decomposition(m0, m1, e0, e1));
    } else {
      std::vector<std::string> names0, names1;
      const Matrix Y0 = final_demand_parts(a0.table(), r.fd_split, names0);
      const Matrix Y1 = final_demand_parts(a1.table(), r.fd_split, names1);
      if (names0 != names1)
        throw InputError("sda: " + a0.source() + " and " + a1.source() + " differ in their final-demand " +
                         (r.fd_split == SdaFinalDemandSplit::kCategory ? "categories and export columns" : "columns") +
                         " (" + join(names0) + " vs " + join(names1) + "); --fd-split " + enum_name(r.fd_split) +
                         " needs the same in both");
      out.decompositions.push_back(solver::final_demand_split_decomposition(m0, m1, e0, e1, Y0, Y1, names0));
    }
    auto& d = out.decompositions.back();
    if (intensity_name) d.factors.back() = intensity_name;
    add_rows(d, name, lab, groupings, t);
  };
  if (r.quantity == "output") {
    run("output", Vector(), Vector(), nullptr);
  } else if (r.quantity == "value_added") {
    run("value_added", m0.v(), m1.v(), "va_coefficients");
  } else if (r.quantity == "participation") {
    auto c = solver::gvc::chain_structural_decomposition(m0, m1);
    // Forward (by value-added origin) and backward (by final producer); forward GVC is not
    // identified with an exogenous rest of the world (methods.md §5.5).
    out.quantities = {"nvc_value_added"};
    out.decompositions = {std::move(c.nvc)};
    if (!c.exogenous_rest_of_world) {
      out.quantities.push_back("gvc_value_added");
      out.decompositions.push_back(std::move(c.gvc));
    }
    out.quantities.insert(out.quantities.end(), {"nvc_value_added_backward", "gvc_value_added_backward"});
    out.decompositions.push_back(std::move(c.nvc_backward));
    out.decompositions.push_back(std::move(c.gvc_backward));
    for (std::size_t k = 0; k < out.quantities.size(); ++k)
      add_rows(out.decompositions[k], out.quantities[k], lab, groupings, t);
  } else if (is_consumption_footprint(r.quantity)) {
    // Consumption-based: by destination of final demand (methods.md §10.4, §2.3).
    const std::string spec = r.quantity.substr(14);
    const auto slash = spec.find('/');
    const std::string sat = spec.substr(0, slash);
    const tables::Satellite* s = a0.table().satellite(sat);
    if (!s) throw InputError("sda: " + a0.source() + " has no satellite '" + sat + "'");
    std::vector<std::string> stressors = s->stressors;
    if (slash != std::string::npos) stressors = {spec.substr(slash + 1)};
    const Matrix Yd0 = final_demand_destinations(a0.table()), Yd1 = final_demand_destinations(a1.table());
    if (Yd0.cols() != Yd1.cols())
      throw InputError("sda: " + a0.source() + " and " + a1.source() +
                       " differ in exogenous exports (one has an export "
                       "column, the other none)");
    for (const auto& q : stressors) {
      const std::string name = "cba:" + sat + "/" + q;
      out.quantities.push_back(name);
      out.decompositions.push_back(solver::consumption_footprint_decomposition(
          m0, m1, solver::stressor_intensity(m0, sat, q), solver::stressor_intensity(m1, sat, q), Yd0, Yd1));
      out.decompositions.back().factors.back() = "stressor_intensity";
      add_rows(out.decompositions.back(), name, lab, groupings, t, true);
    }
  } else {
    const std::string spec = r.quantity.substr(10);
    const auto slash = spec.find('/');
    const std::string sat = spec.substr(0, slash);
    const tables::Satellite* s = a0.table().satellite(sat);
    if (!s) throw InputError("sda: " + a0.source() + " has no satellite '" + sat + "'");
    std::vector<std::string> stressors = s->stressors;
    if (slash != std::string::npos) stressors = {spec.substr(slash + 1)};
    for (const auto& q : stressors)
      run(sat + "/" + q, solver::stressor_intensity(m0, sat, q), solver::stressor_intensity(m1, sat, q),
          "stressor_intensity");
  }
  out.tables = {std::move(t)};
  return out;
}

}  // namespace irio
