// SPDX-License-Identifier: MIT
// JSON metadata on nlohmann::json: parse with a depth limit, convert to the small Json tree.
#include "irio/io/internal/json_reader.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "irio/tables/error.h"

namespace irio::io::internal {

const Json* Json::get(const std::string& key) const {
  auto it = members.find(key);
  return it == members.end() ? nullptr : &it->second;
}

std::string Json::str(const std::string& key, const std::string& fallback) const {
  const Json* j = get(key);
  if (j == nullptr || (j->kind != Kind::kString && j->kind != Kind::kNumber)) return fallback;
  return j->text;
}

namespace {

using nlohmann::json;

/// Convert a parsed value; depth is bounded by the parser callback, so recursion is shallow.
Json convert(const json& v) {
  Json j;
  switch (v.type()) {
    case json::value_t::object:
      j.kind = Json::Kind::kObject;
      for (const auto& [k, m] : v.items()) j.members.emplace(k, convert(m));
      break;
    case json::value_t::array:
      j.kind = Json::Kind::kArray;
      for (const auto& m : v) j.items.push_back(convert(m));
      break;
    case json::value_t::string:
      j.kind = Json::Kind::kString;
      j.text = v.get<std::string>();
      break;
    case json::value_t::boolean:
      j.kind = Json::Kind::kBool;
      j.text = v.get<bool>() ? "true" : "false";
      break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      j.kind = Json::Kind::kNumber;
      j.text = v.dump();
      break;
    default:
      j.kind = Json::Kind::kNull;
      j.text = "null";
      break;
  }
  return j;
}

}  // namespace

Json parse_json(const std::string& text, const std::string& path) {
  if (text.size() > kMaxJsonBytes)
    throw InputError(path + ": JSON file of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(kMaxJsonBytes) + " bytes for metadata");
  struct TooDeep {};
  const json::parser_callback_t limit = [](int depth, json::parse_event_t, json&) {
    if (depth > kMaxJsonDepth) throw TooDeep{};  // stop at once: nothing deeper is read
    return true;
  };
  json v;
  try {
    // nlohmann's parser keeps its own stack (no recursion), and the callback stops it at the depth
    // limit, so a pathological nesting neither overflows the stack nor allocates much.
    v = json::parse(text, limit, /*allow_exceptions=*/true, /*ignore_comments=*/false);
  } catch (const TooDeep&) {
    throw InputError(path + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                     " levels; not a metadata file");
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    throw InputError(path + ": invalid JSON at byte " + std::to_string(e.byte) + ": " + what);
  } catch (const json::exception& e) {  // e.g. out_of_range: a number such as 1e400 (found by json_fuzz)
    throw InputError(path + ": invalid JSON: " + std::string(e.what()));
  }
  return convert(v);
}

Json read_json(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxJsonBytes)
    throw InputError(path + ": JSON file of " + std::to_string(size) + " bytes exceeds the limit of " +
                     std::to_string(kMaxJsonBytes) + " bytes for metadata");
  std::ifstream is(path, std::ios::binary);
  if (!is)
    throw InputError("cannot open the JSON file '" + path + "' (" + (ec ? ec.message() : std::string("unreadable")) +
                     "): check that it exists and can be read");
  std::ostringstream ss;
  ss << is.rdbuf();
  return parse_json(ss.str(), path);
}

std::size_t count_member(const Json& obj, const std::string& key, std::size_t fallback, const std::string& path) {
  const Json* m = obj.get(key);
  if (m == nullptr || m->kind == Json::Kind::kNull) return fallback;
  const std::string& s = m->text;
  const bool digits = (m->kind == Json::Kind::kNumber || m->kind == Json::Kind::kString) && !s.empty() &&
                      s.size() <= 6 && s.find_first_not_of("0123456789") == std::string::npos;
  if (!digits)
    throw InputError(path + ": '" + key + "' must be a non-negative integer (at most 6 digits), got '" + s + "'");
  return static_cast<std::size_t>(std::stoul(s));
}

}  // namespace irio::io::internal
