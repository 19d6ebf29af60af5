// SPDX-License-Identifier: MIT
// Structural decomposition between two tables through irio::Analysis (methods.md §10.4).
#include "irio/analysis/regional.h"
#include "irio/solver/gvc/chain_sda.h"
#include "irio/tables/error.h"

namespace irio {
namespace {

using solver::Index;

constexpr const char* kFootprint = "footprint:";

bool is_footprint(const std::string& q) { return q.rfind(kFootprint, 0) == 0 && q.size() > 10; }

void add_rows(const solver::StructuralDecomposition& d, const std::string& quantity, const tables::Labels& lab,
              const std::vector<tables::Grouping>& groupings, tables::TidyTable& out) {
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
  auto emit = [&](const std::string& scope, const std::string& unit, const Eigen::RowVectorXd& v) {
    for (Index c = 0; c < v.size(); ++c) out.add_row({quantity, scope, unit, names[static_cast<std::size_t>(c)]}, v(c));
  };
  for (Index i = 0; i < n; ++i)
    emit("region_sector", lab.regions[static_cast<std::size_t>(i / N)] + "/" + lab.sectors[static_cast<std::size_t>(i % N)],
         cols.row(i));
  const auto G = static_cast<Index>(lab.num_regions());
  Matrix by_region = Matrix::Zero(G, cols.cols());
  for (Index i = 0; i < n; ++i) by_region.row(i / N) += cols.row(i);
  for (Index g = 0; g < G; ++g) emit("region", lab.regions[static_cast<std::size_t>(g)], by_region.row(g));
  for (const auto& grouping : groupings) {
    const auto idx = grouping.map(lab.regions, "region", grouping.name());
    Matrix by_group = Matrix::Zero(static_cast<Index>(grouping.num_groups()), cols.cols());
    for (Index g = 0; g < G; ++g) by_group.row(idx[static_cast<std::size_t>(g)]) += by_region.row(g);
    for (Index h = 0; h < by_group.rows(); ++h)
      emit(grouping.name(), grouping.groups()[static_cast<std::size_t>(h)], by_group.row(h));
  }
  emit("total", "all", cols.colwise().sum());
}

}  // namespace

std::string SdaRequest::validate() const {
  if (quantity == "output" || quantity == "value_added" || quantity == "participation" || is_footprint(quantity))
    return {};
  return "unknown quantity '" + quantity + "' (output, value_added, participation or footprint:SATELLITE[/STRESSOR])";
}

SdaResults sda(const Analysis& a0, const Analysis& a1, const SdaRequest& r) {
  require_valid("sda", r.validate());
  const auto& lab = a0.table().labels;
  const auto& lab1 = a1.table().labels;
  if (lab.regions != lab1.regions || lab.sectors != lab1.sectors)
    throw InputError("sda: " + a0.source() + " and " + a1.source() +
                     " differ in regions or sectors; aggregate them to one classification first");
  const auto groupings = a0.groupings(r.groups);
  const auto& m0 = a0.model();
  const auto& m1 = a1.model();
  SdaResults out;
  tables::TidyTable t("sda", {"quantity", "scope", "unit", "factor"});
  auto run = [&](const std::string& name, const Vector& e0, const Vector& e1, const char* intensity_name) {
    out.quantities.push_back(name);
    out.decompositions.push_back(solver::structural_decomposition(m0, m1, e0, e1));
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
