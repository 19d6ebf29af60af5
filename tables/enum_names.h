// SPDX-License-Identifier: MIT
// One name table per enum: the single list of an enum's spellings, from which its to_string, its
// parsing (an InputError listing the valid names) and the command line's choices are all derived.
//
//   enum class Backend { kAuto, kDense };
//   inline constexpr EnumTable<Backend, 2> kBackendNames{"backend", {{{Backend::kAuto, "auto"},
//                                                                     {Backend::kDense, "dense"}}}};
//   constexpr const auto& enum_table(Backend) { return kBackendNames; }  // found by ADL
//
//   enum_name(Backend::kDense)        // "dense"
//   parse_enum<Backend>("magic")      // InputError: unknown backend 'magic' (expected auto or dense)
//   enum_names<Backend>()             // {"auto", "dense"}: what the CLI accepts
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "irio/tables/error.h"

namespace irio {

/// The names of an enum E: `what` names the choice in messages ("backend", "trade method").
template <class E, std::size_t N>
struct EnumTable {
  const char* what;
  std::array<std::pair<E, const char*>, N> entries;
};

/// The name of `e` in its table ("?" for a value the table does not list).
template <class E>
const char* enum_name(E e) {
  for (const auto& [v, n] : enum_table(E{}).entries)
    if (v == e) return n;
  return "?";
}

/// Every name, in table order.
template <class E>
std::vector<std::string> enum_names() {
  std::vector<std::string> out;
  for (const auto& entry : enum_table(E{}).entries) out.emplace_back(entry.second);
  return out;
}

/// "a, b or c" (for messages); with a separator, e.g. "|", "a|b|c" (for help texts).
template <class E>
std::string enum_choices(const char* separator = nullptr) {
  const auto names = enum_names<E>();
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += separator ? separator : (i + 1 == names.size() ? " or " : ", ");
    s += names[i];
  }
  return s;
}

/// The value named `s`, or false.
template <class E>
bool try_parse_enum(const std::string& s, E& out) {
  for (const auto& [v, n] : enum_table(E{}).entries)
    if (s == n) {
      out = v;
      return true;
    }
  return false;
}

/// The value named `s`; throws InputError "unknown WHAT 's' (expected a, b or c)".
template <class E>
E parse_enum(const std::string& s) {
  E out{};
  if (!try_parse_enum(s, out))
    throw InputError("unknown " + std::string(enum_table(E{}).what) + " '" + s + "' (expected " + enum_choices<E>() +
                     ")");
  return out;
}

}  // namespace irio
