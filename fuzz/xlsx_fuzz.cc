// SPDX-License-Identifier: MIT
// libFuzzer target: open arbitrary bytes as an .xlsx workbook and read every sheet.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "irio/io/xlsx_reader.h"
#include "irio/tables/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  irio::io::XlsxLimits limits;
  limits.max_part_bytes = std::uint64_t{16} << 20;  // keep zip bombs inside the fuzzer's memory
  try {
    irio::io::XlsxWorkbook book(data, size, "fuzz.xlsx", limits);
    for (const auto& name : book.sheet_names()) {
      const auto sheet = book.read_sheet(name);
      for (std::size_t r = 0; r < sheet.num_rows() && r < 64; ++r)
        for (std::size_t c = 0; c < sheet.num_cols() && c < 64; ++c) (void)sheet.display(r, c);
    }
    irio::fuzz::note("ok: " + std::to_string(book.sheet_names().size()) + " sheets");
  } catch (const irio::Error& e) {
    irio::fuzz::note(e.what());
    // Bad input must end in an irio::Error; anything else (a crash, std::bad_alloc, another
    // exception type) is a finding.
  }
  return 0;
}
