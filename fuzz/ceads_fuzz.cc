// SPDX-License-Identifier: MIT
// libFuzzer target: read arbitrary bytes as a CEADs workbook (every sheet tried as the table).
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "irio/io/ceads_reader.h"
#include "irio/tables/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  irio::io::CeadsOptions opt;
  opt.limits.max_part_bytes = std::uint64_t{16} << 20;
  opt.max_elements = 4000000;  // a 31 x 42 table needs 1.9 million
  try {
    irio::io::XlsxWorkbook book(data, size, "fuzz.xlsx", opt.limits);
    for (const auto& name : book.sheet_names()) {
      try {
        const auto res = irio::io::parse_ceads_sheet(book.read_sheet(name), opt);
        (void)res.report();
        irio::fuzz::note("ok: sheet '" + name + "' read as a CEADs table");
      } catch (const irio::Error& e) {
        irio::fuzz::note(e.what());
      }
    }
  } catch (const irio::Error& e) {
    irio::fuzz::note(e.what());
  }
  return 0;
}
