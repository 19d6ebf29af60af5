// SPDX-License-Identifier: MIT
#include "cli/numeric_checks.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace irio::cli {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

const CLI::Validator& finite_number() {
  static const CLI::Validator v(
      [](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        char* end = nullptr;
        const double x = std::strtod(s.c_str(), &end);
        if (s.empty() || end == s.c_str() || *end != '\0' || !std::isfinite(x))
          return "'" + in + "' is not a finite number";
        return {};
      },
      "", "finite");
  return v;
}

const CLI::Validator& whole_unsigned() {
  static const CLI::Validator v(
      [](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        std::uint64_t x = 0;
        const auto* b = s.data();
        const auto* e = s.data() + s.size();
        if (b != e && *b == '+') ++b;
        const auto r = std::from_chars(b, e, x);
        if (s.empty() || r.ec != std::errc() || r.ptr != e)
          return "'" + in + "' is not a whole number from 0 to " +
                 std::to_string(std::numeric_limits<std::uint64_t>::max());
        return {};
      },
      "", "unsigned");
  return v;
}

const CLI::Validator& whole_signed() {
  static const CLI::Validator v(
      [](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        std::int64_t x = 0;
        const auto* b = s.data();
        const auto* e = s.data() + s.size();
        if (b != e && *b == '+') ++b;
        const auto r = std::from_chars(b, e, x);
        if (s.empty() || r.ec != std::errc() || r.ptr != e)
          return "'" + in + "' is not a whole number from " + std::to_string(std::numeric_limits<std::int64_t>::min()) +
                 " to " + std::to_string(std::numeric_limits<std::int64_t>::max());
        return {};
      },
      "", "signed");
  return v;
}

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

}  // namespace

const CLI::Validator& positive_number() {
  static const CLI::Validator v(
      [](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        char* end = nullptr;
        const double x = std::strtod(s.c_str(), &end);
        if (s.empty() || end == s.c_str() || *end != '\0' || !std::isfinite(x) || !(x > 0))
          return "'" + in + "' is not a number > 0";
        return {};
      },
      "> 0", "positive");
  return v;
}

CLI::Validator whole_in(long long lo, long long hi) {
  const std::string range = std::to_string(lo) + " to " + std::to_string(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        long long x = 0;
        const auto* b = s.data();
        const auto* e = s.data() + s.size();
        if (b != e && *b == '+') ++b;
        const auto r = std::from_chars(b, e, x);
        if (s.empty() || r.ec != std::errc() || r.ptr != e || x < lo || x > hi)
          return "'" + in + "' is not a whole number from " + range;
        return {};
      },
      range, "whole_in");
}

CLI::Validator number_in(double lo, double hi) {
  auto text = [](double x) {
    std::string t = std::to_string(x);
    t.erase(t.find_last_not_of('0') + 1);
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t;
  };
  const std::string range = text(lo) + " to " + text(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& in) -> std::string {
        const std::string s = trimmed(in);
        char* end = nullptr;
        const double x = std::strtod(s.c_str(), &end);
        if (s.empty() || end == s.c_str() || *end != '\0' || !std::isfinite(x) || !(x >= lo && x <= hi))
          return "'" + in + "' is not a number from " + range;
        return {};
      },
      range, "number_in");
}

void add_numeric_checks(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    const std::string type = opt->get_type_name();
    // CLI11's type names: FLOAT (float, double), UINT (unsigned integers), INT (signed ones).
    if (starts_with(type, "FLOAT")) opt->check(finite_number());
    else if (starts_with(type, "UINT")) opt->check(whole_unsigned());
    else if (starts_with(type, "INT")) opt->check(whole_signed());
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) add_numeric_checks(*sub);
}

}  // namespace irio::cli
