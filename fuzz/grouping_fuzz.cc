// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary bytes as a grouping (concordance) CSV with
// io::read_grouping_csv, then map labels through it and build its concordance matrix.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "irio/io/concordance_reader.h"
#include "irio/tables/error.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  irio::fuzz::limit_csv_bytes();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = irio::fuzz::scratch("grouping_fuzz") / "grouping.csv";
  irio::fuzz::write_file(path, reinterpret_cast<const char*>(data), size);
  try {
    const auto g = irio::io::read_grouping_csv(path.string());
    irio::fuzz::note("ok: " + std::to_string(g.members().size()) + " members in " + std::to_string(g.num_groups()) +
                     " groups");
    std::vector<std::string> labels = g.members();
    const auto idx = g.map(labels, "region", "fuzz");
    for (std::size_t i = 0; i < idx.size(); ++i) (void)g.group_of(labels[i]);
    if (labels.size() <= 256) (void)g.matrix(labels, "region", "fuzz");
    labels.push_back("not a member of any group");
    try {
      (void)g.map(labels, "region", "fuzz");
    } catch (const irio::Error&) {
    }
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  return 0;
}
