// SPDX-License-Identifier: MIT
// libFuzzer target: import a pymrio folder built from the input with io::import_pymrio.
//
// The input is split into files at lines "@@ <name>": the bytes before the first such line are
// file_parameters.json, each "@@ <name>" line starts the file <name>, which must be one of
// kNames (other names drop their part). The files are written into a fresh folder of this
// process's scratch folder. Example (fuzz/corpus/pymrio_fuzz/saved_layout):
//
//   {"name": "t", "files": {"Z": {"name": "Z.txt", "nr_index_col": 2, "nr_header": 2},
//                           "Y": {"name": "Y.txt", "nr_index_col": 2, "nr_header": 2}}}
//   @@ Z.txt
//   region,,r1,r1
//   ...
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>

#include "fuzz_util.h"
#include "irio/io/import_pymrio.h"
#include "irio/tables/error.h"

namespace {

// The saved layout (IOSystem.save_all), the test-MRIO layout (pymrio.load_test) and one
// extension folder.
constexpr const char* kNames[] = {"file_parameters.json",
                                  "metadata.json",
                                  "Z.txt",
                                  "Y.txt",
                                  "unit.txt",
                                  "trade_flows_Z.txt",
                                  "finald_demand_Y.txt",
                                  "factor_input.txt",
                                  "emissions.txt",
                                  "FDemissions.txt",
                                  "ext/file_parameters.json",
                                  "ext/F.txt",
                                  "ext/F_Y.txt",
                                  "ext/unit.txt"};

bool allowed(const std::string& name) {
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

void write_part(const std::filesystem::path& dir, const std::string& name, const char* data, std::size_t size) {
  if (!allowed(name)) return;
  const auto p = dir / name;
  if (name.rfind("ext/", 0) == 0) std::filesystem::create_directories(dir / "ext");
  irio::fuzz::write_file(p, data, size);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  irio::fuzz::limit_csv_bytes();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const char* data = reinterpret_cast<const char*>(bytes);
  const auto dir = irio::fuzz::scratch("pymrio_fuzz") / "case";
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);

  // Split at "@@ name" lines; the '\n' before such a line ends the previous part and is not in it.
  // A part before the first header is file_parameters.json; it is left out when empty, so that an
  // input starting with "@@ trade_flows_Z.txt" is read in the test-MRIO layout.
  std::string name = "file_parameters.json";
  std::size_t start = 0, line = 0;
  while (line < size) {
    const void* nl = std::memchr(data + line, '\n', size - line);
    const std::size_t eol = nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : size;
    if (size - line >= 3 && std::memcmp(data + line, "@@ ", 3) == 0) {
      if (line > 0) write_part(dir, name, data + start, std::max(start, line - 1) - start);
      name.assign(data + line + 3, eol - line - 3);
      start = std::min(eol + 1, size);
    }
    line = eol + 1;
  }
  if (size > 0) write_part(dir, name, data + start, size - start);

  try {
    const auto t = irio::io::import_pymrio(dir.string());
    irio::fuzz::note("ok: n = " + std::to_string(t.n()) + ", " + std::to_string(t.satellites.size()) +
                     " satellites, sum " + std::to_string(irio::fuzz::touch(t)));
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  return 0;
}
