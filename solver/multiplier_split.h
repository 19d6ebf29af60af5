// SPDX-License-Identifier: MIT
// Spatial decomposition of multipliers: additive intra-regional / feedback / spillover (Miller
// 1966; methods.md §2.4) and three-level local / national / international (§2.4, §5.4), for the
// output multiplier 1'L or any coefficient row c'L, with row-group detail.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "irio/solver/leontief_model.h"
#include "irio/tables/tidy_table.h"

namespace irio::solver {

/// All parts for one coefficient row c (n each, by column region-sector j in region r):
///   total = c'L;  intra = c'L_R;  feedback = (c o 1_r)'L - c'L_R;  spillover = c'L - (c o 1_r)'L
///   local = c'L_R;  national = c'L_C - c'L_R;  international = c'L - c'L_C
/// and the row groups (where the effect lands) of the national and international parts:
/// own region r, other regions of r's country, foreign. Identity §6.2 (10): the parts add to c'L.
/// On a table of one endogenous country with an exogenous rest of the world (e.g. China's
/// provinces with export columns and import rows), international effects are not modelled: the
/// international parts are NaN (NA, never 0) and `import_content` carries the import-content
/// multiplier a_M'L beside them (methods.md §2.4, §5.5).
struct MultiplierSplit {
  Vector total, intra, feedback, spillover;
  Vector local, national, international;
  Vector national_own, national_same_country;  ///< national foreign part is 0 by construction
  Vector international_own, international_same_country, international_foreign;
  bool international_modelled = true;  ///< false: one endogenous country and an exogenous rest of the world
  Vector import_content;               ///< a_M'L, n; empty when the table has no import rows
};

/// True when the model has a foreign region inside it, i.e. not (one endogenous country with
/// exogenous export columns or import rows).
bool models_international_effects(const LeontiefModel& model);

/// Cost (methods.md §8): S'(1 + G + C) + C'(1 + G) + R'(1) transposed solves in three blocks.
/// Zero-output sectors are NaN. Throws InputError if c has the wrong size.
MultiplierSplit split_multipliers(const LeontiefModel& model, const Vector& c);

/// Tidy: region,sector,indicator,part,row_group,value. `rows` pairs an indicator name (e.g.
/// "output", "value_added", "employment") with its coefficient row c. Parts: total, intra,
/// feedback, spillover, local, national, international (NA where not modelled, see above);
/// row_group: all, own_region, same_country, foreign. With import rows, the indicator "output"
/// also has part import_content (row_group abroad): a_M'L.
tables::TidyTable multiplier_split_table(const LeontiefModel& model,
                                         const std::vector<std::pair<std::string, Vector>>& rows);

}  // namespace irio::solver
