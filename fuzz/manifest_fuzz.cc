// SPDX-License-Identifier: MIT
// libFuzzer target: arbitrary bytes as a result manifest (`NAME.meta.json`, docs/formats.md
// "Result manifests") beside a data file and a journal of an interrupted replacement, read with
// io::read_result_manifest (which first recovers the folder) and checked with
// io::check_result_file, as `irio aggregate` does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "irio/io/table_store.h"
#include "irio/tables/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& dir = irio::fuzz::scratch("manifest_fuzz");
  const std::string text(reinterpret_cast<const char*>(data), size);
  // The input is the manifest; its second half also serves as a journal left by a dead process
  // (pid 1 never is an irio writer here, and a journal that is not whole is ignored).
  irio::fuzz::write_file(dir / "m.meta.json", text.data(), text.size());
  irio::fuzz::write_file(dir / "m.csv", "region,value\nA,1\n", 17);
  const std::string half = text.substr(text.size() / 2);
  irio::fuzz::write_file(dir / ".m.meta.json.irio-journal-999999999", half.data(), half.size());
  try {
    const auto m = irio::io::read_result_manifest((dir / "m.meta.json").string());
    for (const auto& f : m.files) {
      if (f.file.find('/') != std::string::npos || f.file.find("..") != std::string::npos) continue;
      (void)irio::io::check_result_file(f, (dir / "m.csv").string());
    }
    irio::fuzz::note("ok: " + std::to_string(m.files.size()) + " files");
  } catch (const irio::Error& e) {
    irio::fuzz::note(e.what());
  }
  return 0;
}
