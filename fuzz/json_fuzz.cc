// SPDX-License-Identifier: MIT
// libFuzzer target: parse arbitrary text as JSON metadata (pymrio's file_parameters.json,
// metadata.json) with io::internal::parse_json, then walk the tree the way import_pymrio does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "irio/io/internal/json_reader.h"
#include "irio/tables/error.h"

namespace {

using irio::io::internal::Json;

std::size_t walk(const Json& j, int depth) {
  std::size_t n = j.text.size();
  for (const auto& item : j.items) n += walk(item, depth + 1);
  for (const auto& [key, member] : j.members) n += key.size() + walk(member, depth + 1);
  return n + static_cast<std::size_t>(depth);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const Json j = irio::io::internal::parse_json(text, "fuzz.json");
    irio::fuzz::note("ok: " + std::to_string(walk(j, 0)) + " bytes of text");
    (void)j.str("name");
    // The lookups of import_pymrio's file_spec: files.<key> as a name or as an object.
    if (const Json* files = j.get("files")) {
      for (const char* key : {"Z", "Y", "F", "F_Y", "unit"}) {
        const Json* f = files->get(key);
        if (f == nullptr) continue;
        (void)f->str("name");
        try {
          (void)irio::io::internal::count_member(*f, "nr_index_col", 2, "fuzz.json");
          (void)irio::io::internal::count_member(*f, "nr_header", 2, "fuzz.json");
        } catch (const irio::Error&) {
        }
      }
    }
    try {
      (void)irio::io::internal::count_member(j, "nr_index_col", 2, "fuzz.json");
    } catch (const irio::Error&) {
    }
  } catch (const irio::Error& e) {
    // Bad input must end in an irio::Error; anything else is a finding.
    irio::fuzz::note(e.what());
  }
  return 0;
}
