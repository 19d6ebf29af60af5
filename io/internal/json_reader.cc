// SPDX-License-Identifier: MIT
// Recursive-descent JSON parser for small metadata files.
#include "irio/io/internal/json_lite.h"

#include <cctype>
#include <fstream>
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

struct Parser {
  const std::string& s;
  const std::string& path;
  std::size_t pos = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(path + ": invalid JSON at byte " + std::to_string(pos) + ": " + what);
  }
  void ws() {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\r' || s[pos] == '\t')) ++pos;
  }
  bool eat(char c) {
    ws();
    if (pos < s.size() && s[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  std::string string() {
    if (!eat('"')) fail("expected a string");
    std::string out;
    while (pos < s.size() && s[pos] != '"') {
      char c = s[pos++];
      if (c == '\\') {
        if (pos >= s.size()) fail("unterminated escape");
        char e = s[pos++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            if (pos + 4 > s.size()) fail("short \\u escape");
            const unsigned cp = static_cast<unsigned>(std::stoul(s.substr(pos, 4), nullptr, 16));
            pos += 4;
            if (cp < 0x80) {
              out += static_cast<char>(cp);
            } else if (cp < 0x800) {
              out += static_cast<char>(0xC0 | (cp >> 6));
              out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
              out += static_cast<char>(0xE0 | (cp >> 12));
              out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
              out += static_cast<char>(0x80 | (cp & 0x3F));
            }
            break;
          }
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    if (pos >= s.size()) fail("unterminated string");
    ++pos;
    return out;
  }
  Json value() {
    ws();
    if (pos >= s.size()) fail("unexpected end");
    Json j;
    const char c = s[pos];
    if (c == '{') {
      ++pos;
      j.kind = Json::Kind::kObject;
      if (eat('}')) return j;
      do {
        std::string k = string();
        if (!eat(':')) fail("expected ':'");
        j.members[k] = value();
      } while (eat(','));
      if (!eat('}')) fail("expected '}'");
    } else if (c == '[') {
      ++pos;
      j.kind = Json::Kind::kArray;
      if (eat(']')) return j;
      do j.items.push_back(value());
      while (eat(','));
      if (!eat(']')) fail("expected ']'");
    } else if (c == '"') {
      j.kind = Json::Kind::kString;
      j.text = string();
    } else {
      const std::size_t b = pos;
      while (pos < s.size() && std::string(",]} \n\r\t").find(s[pos]) == std::string::npos) ++pos;
      j.text = s.substr(b, pos - b);
      if (j.text == "true" || j.text == "false") j.kind = Json::Kind::kBool;
      else if (j.text == "null") j.kind = Json::Kind::kNull;
      else if (!j.text.empty() && (std::isdigit(static_cast<unsigned char>(j.text[0])) || j.text[0] == '-'))
        j.kind = Json::Kind::kNumber;
      else fail("unexpected '" + j.text + "'");
    }
    return j;
  }
};

}  // namespace

Json parse_json(const std::string& text, const std::string& path) {
  Parser p{text, path};
  Json j = p.value();
  p.ws();
  if (p.pos != text.size()) p.fail("trailing characters");
  return j;
}

Json read_json(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) throw InputError("cannot open '" + path + "'");
  std::ostringstream ss;
  ss << is.rdbuf();
  return parse_json(ss.str(), path);
}

}  // namespace irio::io::internal
