// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary bytes as a market-scenario file (`irio scenario
// --scenarios`) with io::read_scenario_file against regions CN, US, JP and the grouping
// east = {CN, JP}, rest = {US}.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "irio/io/scenario_reader.h"
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
  static const std::vector<irio::tables::Grouping> groupings = {
      irio::tables::Grouping::from_pairs("blocs", {{"CN", "east"}, {"JP", "east"}, {"US", "rest"}})};
  const auto path = irio::fuzz::scratch("scenario_fuzz") / "scenarios.csv";
  irio::fuzz::write_file(path, reinterpret_cast<const char*>(data), size);
  try {
    const auto rows = irio::io::read_scenario_file(path.string(), labels, groupings);
    if (rows.empty()) __builtin_trap();  // no scenario is an error
    for (const auto& s : rows) {
      // The documented promises: a name, finite factors >= 0, a flag per region or none.
      if (s.name.empty() || !std::isfinite(s.factor) || s.factor < 0 || !std::isfinite(s.final_demand_factor) ||
          s.final_demand_factor < 0)
        __builtin_trap();
      if ((!s.origin.empty() && s.origin.size() != labels.num_regions()) ||
          (!s.destination.empty() && s.destination.size() != labels.num_regions()))
        __builtin_trap();
    }
    irio::fuzz::note("ok: " + std::to_string(rows.size()) + " scenarios");
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  return 0;
}
