// SPDX-License-Identifier: MIT
// Intra/feedback/spillover and local/national/international multiplier parts (methods.md §2.4, §5.4).
#include "irio/solver/multiplier_split.h"

#include <limits>

#include "irio/solver/indicator_common.h"
#include "irio/tables/error.h"

namespace irio::solver {

bool models_international_effects(const LeontiefModel& model) {
  const auto& t = model.table();
  return !(model.labels().num_countries() == 1 && (t.exports.cols() > 0 || t.imports.rows() > 0));
}

MultiplierSplit split_multipliers(const LeontiefModel& model, const Vector& c_in) {
  const Index n = model.n(), G = model.num_regions(), N = model.num_sectors();
  if (c_in.size() != n)
    throw InputError("multiplier split: coefficient row has " + std::to_string(c_in.size()) + " entries, expected " +
                     std::to_string(n));
  const auto& lab = model.labels();
  const Index C = static_cast<Index>(lab.num_countries());
  Vector c = c_in;
  for (Index j : model.zero_output()) c(j) = 0.0;
  auto region_of = [&](Index j) { return j / N; };
  auto country_of = [&](Index r) { return static_cast<Index>(lab.country_of_region[static_cast<std::size_t>(r)]); };

  // Right-hand sides: c, then c o 1_r (G), then c o 1_kappa (C), then a_M when there are imports.
  const bool imports = model.table().imports.rows() > 0;
  Matrix rhs = Matrix::Zero(n, 1 + G + C + (imports ? 1 : 0));
  if (imports) rhs.col(1 + G + C) = model.a_M();
  rhs.col(0) = c;
  for (Index j = 0; j < n; ++j) {
    rhs(j, 1 + region_of(j)) = c(j);
    rhs(j, 1 + G + country_of(region_of(j))) = c(j);
  }
  const Matrix T = model.solve_transposed(rhs);                                                // S'(1+G+C)
  const Matrix LC = model.local_solve_transposed(Perimeter::kCountry, rhs.leftCols(1 + G));    // C'(1+G)
  const Vector LR = model.local_solve_transposed(Perimeter::kRegion, rhs.leftCols(1)).col(0);  // R'(1)

  MultiplierSplit s;
  s.international_modelled = models_international_effects(model);
  if (imports) {
    s.import_content = T.col(1 + G + C);  // a_M'L (methods.md §5.5: backward GVC per unit of y)
    model.mask_inactive(s.import_content);
  }
  for (Vector* v :
       {&s.total, &s.intra, &s.feedback, &s.spillover, &s.local, &s.national, &s.international, &s.national_own,
        &s.national_same_country, &s.international_own, &s.international_same_country, &s.international_foreign})
    v->resize(n);
  for (Index j = 0; j < n; ++j) {
    const Index r = region_of(j), k = country_of(r);
    const double tot = T(j, 0), own = T(j, 1 + r), ctry = T(j, 1 + G + k);
    const double lc = LC(j, 0), lc_own = LC(j, 1 + r), lr = LR(j);
    s.total(j) = tot;
    s.intra(j) = lr;                // 1'L_R (§2.4)
    s.feedback(j) = own - lr;       // own-region rows of L minus L_R
    s.spillover(j) = tot - own;     // other-region rows of L
    s.local(j) = lr;                // §5.4: L_R
    s.national(j) = lc - lr;        // L_C - L_R
    s.international(j) = tot - lc;  // L - L_C
    s.national_own(j) = lc_own - lr;
    s.national_same_country(j) = lc - lc_own;
    s.international_own(j) = own - lc_own;
    s.international_same_country(j) = (ctry - own) - (lc - lc_own);
    s.international_foreign(j) = tot - ctry;
  }
  for (Vector* v :
       {&s.total, &s.intra, &s.feedback, &s.spillover, &s.local, &s.national, &s.international, &s.national_own,
        &s.national_same_country, &s.international_own, &s.international_same_country, &s.international_foreign})
    model.mask_inactive(*v);
  if (!s.international_modelled)  // no foreign region in the model: not 0 but not available
    for (Vector* v : {&s.international, &s.international_own, &s.international_same_country, &s.international_foreign})
      v->setConstant(std::numeric_limits<double>::quiet_NaN());
  return s;
}

tables::TidyTable multiplier_split_table(const LeontiefModel& model,
                                         const std::vector<std::pair<std::string, Vector>>& rows) {
  auto t = make_region_sector_table(model, "multiplier_split", {"part", "row_group"});
  for (const auto& [name, c] : rows) {
    const auto s = split_multipliers(model, c);
    add_region_sector_rows(t, model, name, s.total, {"total", "all"});
    add_region_sector_rows(t, model, name, s.intra, {"intra", "own_region"});
    add_region_sector_rows(t, model, name, s.feedback, {"feedback", "own_region"});
    add_region_sector_rows(t, model, name, s.spillover, {"spillover", "other_regions"});
    add_region_sector_rows(t, model, name, s.local, {"local", "own_region"});
    add_region_sector_rows(t, model, name, s.national, {"national", "all"});
    add_region_sector_rows(t, model, name, s.national_own, {"national", "own_region"});
    add_region_sector_rows(t, model, name, s.national_same_country, {"national", "same_country"});
    add_region_sector_rows(t, model, name, s.international, {"international", "all"});
    add_region_sector_rows(t, model, name, s.international_own, {"international", "own_region"});
    add_region_sector_rows(t, model, name, s.international_same_country, {"international", "same_country"});
    add_region_sector_rows(t, model, name, s.international_foreign, {"international", "foreign"});
    if (name == "output" && s.import_content.size() > 0)
      add_region_sector_rows(t, model, name, s.import_content, {"import_content", "abroad"});
  }
  return t;
}

}  // namespace irio::solver
