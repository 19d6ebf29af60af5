// SPDX-License-Identifier: MIT
// Reader of the "region,value" files: populations (footprints, disparity), disparity indicators
// and the coupling indices of circulation (docs/formats.md, "Region values").
#pragma once

#include <string>

#include "irio/tables/io_table.h"

namespace irio::io {

/// A CSV "region,value" with a header line (the one CSV tokenizer, io/csv_reader.h): the value of
/// each region of `labels` (NaN for a region the file does not list, unless `every_region`, which
/// makes a missing region an error). `what` names the file in messages ("population"). Throws
/// InputError naming the file, line and field for a missing file, an empty file, an unknown
/// region (with the nearest ones), a repeated region, a value that is not a finite number, and
/// (with `every_region`) the first region without a value.
tables::Vector read_region_values(const std::string& path, const tables::Labels& labels, const std::string& what,
                                  bool every_region = false);

}  // namespace irio::io
