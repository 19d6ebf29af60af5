// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary bytes as a shock CSV (region,sector,value[,scenario]) with
// io::read_shocks against fixed labels: regions CN, US; sectors agri, mfg, serv (n = 6).
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "irio/io/shock_reader.h"
#include "irio/tables/error.h"

namespace {

irio::tables::Labels make_labels() {
  irio::tables::Labels L;
  L.regions = {"CN", "US"};
  L.sectors = {"agri", "mfg", "serv"};
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
  const auto path = irio::fuzz::scratch("shock_fuzz") / "shock.csv";
  irio::fuzz::write_file(path, reinterpret_cast<const char*>(data), size);
  try {
    const auto s = irio::io::read_shocks(path.string(), labels);
    if (s.values.rows() != static_cast<Eigen::Index>(labels.size()) ||
        s.values.cols() != static_cast<Eigen::Index>(s.scenarios.size()))
      __builtin_trap();  // the documented shape: n x k
    irio::fuzz::note("ok: " + std::to_string(s.scenarios.size()) + " scenarios, sum " + std::to_string(s.values.sum()));
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  return 0;
}
