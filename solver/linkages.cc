// SPDX-License-Identifier: MIT
// Linkages and Rasmussen-Hirschman indices (methods.md §2.5).
#include "irio/solver/linkages.h"

#include <cmath>
#include <limits>

#include "irio/solver/ghosh.h"
#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"

namespace irio::solver {

ForwardLinkage forward_linkage_from_string(const std::string& s) { return parse_enum<ForwardLinkage>(s); }

const char* to_string(SectorClass c) { return enum_name(c); }

LinkageWeights linkage_weights_from_string(const std::string& s) { return parse_enum<LinkageWeights>(s); }

std::string LinkageOptions::validate() const { return cv_block < 1 ? "cv_block must be >= 1" : ""; }

namespace {
/// v_j / sum over active k of w_k v_k with the active w summing to 1 (methods.md §2.5
/// normalization; the w-weighted average is exactly 1). w = 1 gives n_active v_j / sum v.
Vector normalize(const LeontiefModel& model, const Vector& v, const Vector& w) {
  double wsum = 0, wv = 0;
  for (Index j = 0; j < v.size(); ++j)
    if (model.is_active(j)) {
      wsum += w(j);
      wv += w(j) * v(j);
    }
  if (wsum == 0)
    throw InputError("linkages: the weights (--weights) sum to zero over the active sectors: choose --weights none");
  Vector r = v * (wsum / wv);
  model.mask_inactive(r);
  return r;
}
}  // namespace

Linkages compute_linkages(const LeontiefModel& model, const LinkageOptions& opt) {
  if (auto e = opt.validate(); !e.empty()) throw InputError("linkages: " + e);
  const Index n = model.n();
  const Vector ones = Vector::Ones(n);
  Linkages lk;
  lk.direct_backward = (ones.transpose() * model.A()).transpose();
  lk.direct_forward = ghosh_allocation(model) * ones;
  lk.total_backward = model.solve_transposed(ones).col(0);  // 1'L
  Matrix rhs(n, 2);
  rhs.col(0) = ones;
  rhs.col(1) = model.model_output();
  const Matrix Lr = model.solve(rhs);  // L 1, L x
  lk.leontief_row_sum = Lr.col(0);
  lk.total_forward = tables::safe_reciprocal(model.model_output()).cwiseProduct(Lr.col(1));  // G 1 (§1.2)
  for (Vector* v :
       {&lk.direct_backward, &lk.direct_forward, &lk.total_backward, &lk.total_forward, &lk.leontief_row_sum})
    model.mask_inactive(*v);
  const Vector w = opt.weights == LinkageWeights::kOutput        ? model.model_output()
                   : opt.weights == LinkageWeights::kFinalDemand ? Vector(model.table().final_demand_total())
                                                                 : ones;
  lk.power_of_dispersion = normalize(model, lk.total_backward, w);
  lk.sensitivity_ghosh = normalize(model, lk.total_forward, w);
  lk.sensitivity_leontief = normalize(model, lk.leontief_row_sum, w);
  const Vector& Uf = opt.forward == ForwardLinkage::kGhosh ? lk.sensitivity_ghosh : lk.sensitivity_leontief;
  lk.classes.resize(static_cast<std::size_t>(n), SectorClass::kWeak);
  for (Index j = 0; j < n; ++j) {
    const bool b = lk.power_of_dispersion(j) > 1, f = Uf(j) > 1;
    lk.classes[static_cast<std::size_t>(j)] = b && f ? SectorClass::kKey
                                              : b    ? SectorClass::kBackward
                                              : f    ? SectorClass::kForward
                                                     : SectorClass::kWeak;
  }
  if (opt.coefficient_of_variation) {
    // V_j = sqrt(1/(n-1) sum_i (L_ij - mean_j)^2) / mean_j over active rows (FULL cost: the columns
    // of L are streamed in blocks of cv_block solves and never stored together).
    Index na = 0;
    for (Index j = 0; j < n; ++j) na += model.is_active(j) ? 1 : 0;
    lk.coefficient_of_variation = Vector::Constant(n, std::numeric_limits<double>::quiet_NaN());
    for (Index j0 = 0; j0 < n; j0 += opt.cv_block) {
      const Index k = std::min(opt.cv_block, n - j0);
      Matrix E = Matrix::Zero(n, k);
      for (Index c = 0; c < k; ++c) E(j0 + c, c) = 1.0;
      const Matrix Lcols = model.solve(std::move(E));
      for (Index c = 0; c < k; ++c) {
        const Index j = j0 + c;
        if (!model.is_active(j) || na < 2) continue;
        double mean = 0;
        for (Index i = 0; i < n; ++i)
          if (model.is_active(i)) mean += Lcols(i, c);
        mean /= static_cast<double>(na);
        double ss = 0;
        for (Index i = 0; i < n; ++i)
          if (model.is_active(i)) ss += (Lcols(i, c) - mean) * (Lcols(i, c) - mean);
        lk.coefficient_of_variation(j) = std::sqrt(ss / static_cast<double>(na - 1)) / mean;
      }
    }
  }
  return lk;
}

tables::TidyTable linkages_table(const LeontiefModel& model, const Linkages& lk) {
  auto t = make_region_sector_table(model, "linkages");
  add_region_sector_rows(t, model, "direct_backward", lk.direct_backward);
  add_region_sector_rows(t, model, "direct_forward", lk.direct_forward);
  add_region_sector_rows(t, model, "total_backward", lk.total_backward);
  add_region_sector_rows(t, model, "total_forward_ghosh", lk.total_forward);
  add_region_sector_rows(t, model, "leontief_row_sum", lk.leontief_row_sum);
  add_region_sector_rows(t, model, "power_of_dispersion", lk.power_of_dispersion);
  add_region_sector_rows(t, model, "sensitivity_of_dispersion_ghosh", lk.sensitivity_ghosh);
  add_region_sector_rows(t, model, "sensitivity_of_dispersion_leontief", lk.sensitivity_leontief);
  if (lk.coefficient_of_variation.size() > 0)
    add_region_sector_rows(t, model, "coefficient_of_variation", lk.coefficient_of_variation);
  Vector cls(static_cast<Index>(lk.classes.size()));
  for (std::size_t j = 0; j < lk.classes.size(); ++j)
    cls(static_cast<Index>(j)) = model.is_active(static_cast<Index>(j))
                                     ? static_cast<double>(static_cast<int>(lk.classes[j]))
                                     : std::numeric_limits<double>::quiet_NaN();
  add_region_sector_rows(t, model, "key_sector_class", cls);
  return t;
}

}  // namespace irio::solver
