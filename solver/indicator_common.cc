// SPDX-License-Identifier: MIT
// Helpers shared by the Leontief indicators (coefficient rows, ratios, tidy layout).
#include "irio/solver/indicator_common.h"

#include "irio/tables/error.h"

namespace irio::solver {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += (s.empty() ? "" : ", ") + e;
  return s.empty() ? "(none)" : s;
}
}  // namespace

Vector flow_row(const LeontiefModel& model, const std::string& spec) {
  const auto& t = model.table();
  if (spec == "value_added") return model.va();
  const auto slash = spec.find('/');
  if (slash == std::string::npos) {
    const int k = tables::Labels::find(t.va_components, spec);
    if (k < 0)
      throw InputError("unknown value-added component '" + spec + "' (table has: " + join(t.va_components) +
                       "; use SATELLITE/STRESSOR for a satellite row)");
    return t.V.row(k).transpose();
  }
  const std::string sat = spec.substr(0, slash), str = spec.substr(slash + 1);
  const auto* s = t.satellite(sat);
  if (!s) {
    std::vector<std::string> names;
    for (const auto& e : t.satellites) names.push_back(e.name);
    throw InputError("unknown satellite '" + sat + "' (table has: " + join(names) + ")");
  }
  const int q = tables::Labels::find(s->stressors, str);
  if (q < 0)
    throw InputError("satellite '" + sat + "' has no stressor '" + str + "' (it has: " + join(s->stressors) + ")");
  return s->F.row(q).transpose();
}

Vector per_unit_output(const LeontiefModel& model, const Vector& flow) {
  Vector c = flow.cwiseProduct(tables::safe_reciprocal(model.x()));
  for (Index j : model.zero_output()) c(j) = 0.0;
  return c;
}

Vector va_components_sum(const LeontiefModel& model, const std::vector<std::string>& names) {
  Vector s = Vector::Zero(model.n());
  for (const auto& nm : names) {
    if (nm.find('/') != std::string::npos || nm == "value_added")
      throw InputError("'" + nm + "' is not a value-added component name (the table has: " +
                       join(model.table().va_components) + "): name one row of V, not a satellite or the total");
    s += flow_row(model, nm);
  }
  return s;
}

Matrix multiplier_rows(const LeontiefModel& model, const Matrix& C) {
  if (C.cols() == 0) return Matrix(model.n(), 0);
  return model.solve_transposed(C);
}

tables::TidyTable make_region_sector_table(const LeontiefModel& model, const std::string& name,
                                           const std::vector<std::string>& extra_keys) {
  std::vector<std::string> keys{"region", "sector", "indicator"};
  keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
  tables::TidyTable t(name, keys);
  t.set_levels(0, model.labels().regions);
  t.set_levels(1, model.labels().sectors);
  return t;
}

void add_region_sector_rows(tables::TidyTable& t, const LeontiefModel& model, const std::string& indicator,
                            const Vector& values, const std::vector<std::string>& extra) {
  const auto N = static_cast<Index>(model.num_sectors());
  std::vector<std::int32_t> codes(3 + extra.size());
  codes[2] = t.level(2, indicator);
  for (std::size_t e = 0; e < extra.size(); ++e) codes[3 + e] = t.level(3 + e, extra[e]);
  for (Index j = 0; j < values.size(); ++j) {
    codes[0] = static_cast<std::int32_t>(j / N);
    codes[1] = static_cast<std::int32_t>(j % N);
    t.add_row_codes(codes, values(j));
  }
}

}  // namespace irio::solver
