// SPDX-License-Identifier: MIT
// Characterisation factors in pymrio's long layout (docs/formats.md, "Characterisation factors"):
// one row per factor with columns impact, stressor, factor and, optionally, compartment,
// impact_unit, stressor_unit and region; other columns are ignored.
#pragma once

#include <string>
#include <vector>

#include "irio/tables/characterisation.h"

namespace irio::io {

struct CharacterisationFile {
  tables::Characterisation factors;
  /// Impacts of the file none of whose stressors the satellite has (e.g. the rows meant for another
  /// of EXIOBASE's satellites): left out, and listed so that the caller can say so.
  std::vector<std::string> skipped_impacts;
  std::size_t rows = 0;  ///< factor rows read
};

/// Read the factors that turn the stressors of `satellite` into impacts. A stressor is matched by
/// `stressor` or, with a compartment column, by "stressor/compartment" (the name irio gives
/// pymrio's two-level stressors) first. InputError naming the file and line for: a missing
/// column; an unknown region; a stressor_unit that differs from the satellite's unit; an impact
/// with two units; a repeated factor; an impact that needs a stressor the satellite lacks while it
/// has others (its value would be understated); regionalised factors that leave a region without
/// one; no impact left.
CharacterisationFile read_characterisation(const std::string& path, const tables::Satellite& satellite,
                                           const tables::Labels& labels);

}  // namespace irio::io
