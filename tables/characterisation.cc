// SPDX-License-Identifier: MIT
// Characterisation of stressors into impacts (characterisation.h, methods.md §2.9).
#include "irio/tables/characterisation.h"

#include "irio/tables/error.h"

namespace irio::tables {

Satellite characterise(const Satellite& sat, const Characterisation& c, const Labels& labels, const std::string& name) {
  const auto kF = static_cast<Eigen::Index>(sat.stressors.size());
  const auto kI = static_cast<Eigen::Index>(c.impacts.size());
  const std::size_t G = labels.num_regions(), N = labels.num_sectors();
  const auto check = [&](const Matrix& C, const std::string& where) {
    if (C.rows() != kI || C.cols() != kF)
      throw InputError("characterisation of satellite '" + sat.name + "'" + where + ": factors are " +
                       std::to_string(C.rows()) + " x " + std::to_string(C.cols()) + ", expected " +
                       std::to_string(kI) + " impacts x " + std::to_string(kF) + " stressors");
  };
  if (c.regionalised()) {
    if (c.by_region.size() != G)
      throw InputError("characterisation of satellite '" + sat.name + "': factors for " +
                       std::to_string(c.by_region.size()) + " regions, the table has " + std::to_string(G));
    for (std::size_t r = 0; r < G; ++r) check(c.by_region[r], " (region '" + labels.regions[r] + "')");
  } else {
    check(c.factors, "");
  }
  Satellite out;
  out.name = name;
  out.stressors = c.impacts;
  out.units = c.impact_units;
  out.units.resize(c.impacts.size());
  out.F = Matrix::Zero(kI, sat.F.cols());
  const auto n_cols = static_cast<Eigen::Index>(N);
  for (std::size_t r = 0; r < G && sat.F.cols() > 0; ++r) {
    const auto r0 = static_cast<Eigen::Index>(r) * n_cols;
    out.F.middleCols(r0, n_cols) = c.of_region(r) * sat.F.middleCols(r0, n_cols);
  }
  if (sat.F_Y.cols() > 0) {
    const auto K = static_cast<Eigen::Index>(labels.fd_categories.size());
    out.F_Y = Matrix::Zero(kI, sat.F_Y.cols());
    for (std::size_t r = 0; r < G; ++r) {
      const auto r0 = static_cast<Eigen::Index>(r) * K;
      out.F_Y.middleCols(r0, K) = c.of_region(r) * sat.F_Y.middleCols(r0, K);
    }
  } else {
    out.F_Y = Matrix(kI, 0);
  }
  return out;
}

}  // namespace irio::tables
