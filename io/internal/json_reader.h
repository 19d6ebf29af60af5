// SPDX-License-Identifier: MIT
// A minimal JSON reader for small metadata files (pymrio's file_parameters.json, metadata.json).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace irio::io::internal {

/// A parsed JSON value. Numbers keep their text; booleans and null become "true"/"false"/"null".
struct Json {
  enum class Kind { kNull, kString, kNumber, kBool, kArray, kObject } kind = Kind::kNull;
  std::string text;                   ///< string, number, bool or null
  std::vector<Json> items;            ///< array
  std::map<std::string, Json> members;///< object

  /// Member `key` of an object, or nullptr.
  const Json* get(const std::string& key) const;
  /// Member `key` as text (strings and numbers), or `fallback`.
  std::string str(const std::string& key, const std::string& fallback = "") const;
};

/// Parse a JSON file. Throws InputError naming the file and byte offset on a syntax error.
Json read_json(const std::string& path);
Json parse_json(const std::string& text, const std::string& path);

}  // namespace irio::io::internal
