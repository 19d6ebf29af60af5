// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary bytes as a "region,value" file (populations, disparity
// indicators, coupling indices) with io::read_region_values against regions CN, US, JP, both as
// an optional list (disparity's indicator) and as one that needs every region (population).
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "irio/io/region_values.h"
#include "irio/tables/error.h"

namespace {

irio::tables::Labels make_labels() {
  irio::tables::Labels L;
  L.regions = {"CN", "US", "JP"};
  L.sectors = {"agri", "mfg"};
  L.set_each_region_own_country();
  return L;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  irio::fuzz::limit_csv_bytes();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const irio::tables::Labels labels = make_labels();
  const auto path = irio::fuzz::scratch("region_values_fuzz") / "population.csv";
  irio::fuzz::write_file(path, reinterpret_cast<const char*>(data), size);
  for (const bool every : {false, true}) {
    try {
      const auto v = irio::io::read_region_values(path.string(), labels, "population", every);
      if (v.size() != static_cast<Eigen::Index>(labels.num_regions())) __builtin_trap();
      for (Eigen::Index r = 0; r < v.size(); ++r)  // a value is finite, or NaN for an unlisted region
        if (std::isinf(v(r)) || (every && std::isnan(v(r)))) __builtin_trap();
      irio::fuzz::note(std::string("ok") + (every ? " (every region)" : ""));
    } catch (const irio::Error& e) {
      // Bad input must end in an irio::Error; anything else is a finding.
      irio::fuzz::note(e.what());
    }
  }
  return 0;
}
