// SPDX-License-Identifier: MIT
// JSON reader for small metadata files (pymrio's file_parameters.json, metadata.json), on
// nlohmann::json with a nesting-depth and size limit (hostile input must not crash the reader).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace irio::io::internal {

/// A parsed JSON value. Numbers keep their text; booleans and null become "true"/"false"/"null".
struct Json {
  enum class Kind { kNull, kString, kNumber, kBool, kArray, kObject } kind = Kind::kNull;
  std::string text;                     ///< string, number, bool or null
  std::vector<Json> items;              ///< array
  std::map<std::string, Json> members;  ///< object

  /// Member `key` of an object, or nullptr.
  const Json* get(const std::string& key) const;
  /// Member `key` as text (strings and numbers), or `fallback`.
  std::string str(const std::string& key, const std::string& fallback = "") const;
};

/// Nesting deeper than this is refused (metadata files are 2-3 levels deep).
constexpr int kMaxJsonDepth = 64;
/// Files larger than this are refused before reading (metadata files are a few KB).
constexpr std::size_t kMaxJsonBytes = std::size_t{16} << 20;

/// Parse a JSON file. Throws InputError naming the file and byte offset on a syntax error, an
/// invalid escape, nesting deeper than kMaxJsonDepth or a file over kMaxJsonBytes.
Json read_json(const std::string& path);
Json parse_json(const std::string& text, const std::string& path);

/// A non-negative integer member `key` of `obj` (given as a number or a string of digits), or
/// `fallback` when absent. Throws InputError naming the file and key otherwise.
std::size_t count_member(const Json& obj, const std::string& key, std::size_t fallback, const std::string& path);

}  // namespace irio::io::internal
