// SPDX-License-Identifier: MIT
// libFuzzer target: tokenize arbitrary text with the CSV reader and parse every cell as a number.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "irio/io/csv_reader.h"
#include "irio/tables/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto csv = irio::io::parse_csv(text, "fuzz.csv");
    for (std::size_t r = 0; r < csv.rows.size(); ++r)
      for (std::size_t c = 0; c < csv.rows[r].fields.size(); ++c) {
        try {
          (void)csv.number(r, c, "cell");
        } catch (const irio::Error&) {
        }
      }
    irio::fuzz::note("ok: " + std::to_string(csv.rows.size()) + " rows");
    if (!csv.rows.empty()) csv.require_width(csv.rows[0].fields.size());
  } catch (const irio::Error& e) {
    irio::fuzz::note(e.what());
  }
  return 0;
}
