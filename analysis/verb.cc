// SPDX-License-Identifier: MIT
// The parts of a verb's declaration that do not depend on its request type (verb.h).
#include "irio/analysis/verb.h"

#include <cstdio>

#include "irio/analysis/analysis.h"
#include "irio/analysis/display_names.h"

namespace irio {

std::string OptionSpec::cli_flags() const {
  if (!flags.empty()) return flags;
  std::string f = "--" + name;
  for (auto& c : f)
    if (c == '_') c = '-';
  return f;
}

std::string OptionSpec::flag() const {
  const std::string all = cli_flags();
  std::size_t start = 0;
  while (start < all.size()) {
    const auto end = std::min(all.find(',', start), all.size());
    std::string f = all.substr(start, end - start);
    if (f.rfind("--", 0) == 0) return f;
    start = end + 1;
  }
  return all.substr(0, all.find(','));
}

std::string OptionSpec::range_text() const {
  const bool lo = std::isfinite(min), hi = std::isfinite(max);
  if (lo && hi) return detail::format_number(min) + " to " + detail::format_number(max);
  if (lo) return "at least " + detail::format_number(min);
  if (hi) return "at most " + detail::format_number(max);
  return "the finite numbers";
}

bool OutputSpec::matches(const std::string& t) const {
  if (!table.empty() && table.back() == '*') return t.compare(0, table.size() - 1, table, 0, table.size() - 1) == 0;
  return t == table;
}

const tables::IndicatorRule* OutputSpec::rule_for(const std::string& ind) const {
  for (const auto& r : rules) {
    const auto& p = r.pattern;
    const bool hit = p == "*" || p == ind ||
                     (p.size() > 1 && p.back() == '*' && ind.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0) ||
                     (p.size() > 1 && p.front() == '*' && ind.size() >= p.size() - 1 &&
                      ind.compare(ind.size() - (p.size() - 1), p.size() - 1, p, 1, p.size() - 1) == 0);
    if (hit) return &r.rule;
  }
  return nullptr;
}

const OptionSpec& VerbBase::option(const std::string& name) const {
  for (const auto& o : options_)
    if (o.name == name) return o;
  std::string names;
  for (const auto& o : options_) names += (names.empty() ? "" : ", ") + o.name;
  throw InputError(name_ + ": no option '" + name + "' (" + (names.empty() ? "it takes none" : "options: " + names) +
                   ")");
}

const VerbBase& verb(const std::string& name) {
  for (const auto* v : verbs())
    if (v->name() == name) return *v;
  std::string names;
  for (const auto* v : verbs()) names += (names.empty() ? "" : ", ") + v->name();
  throw InputError("no verb '" + name + "' (verbs: " + names + ")");
}

std::optional<tables::IndicatorRule> indicator_rule(const std::string& table, const std::string& indicator) {
  for (const auto* v : verbs())
    for (const auto& o : v->outputs())
      if (o.matches(table)) {
        if (const auto* r = o.rule_for(indicator)) return *r;
      }
  return std::nullopt;
}

void finish_results(std::vector<tables::TidyTable>& results, const tables::IoTable& table) {
  add_display_names(results, table);
  require_finite(results);
}

namespace detail {

void bad_option(const std::string& verb, const OptionSpec& o, const std::string& reason) {
  throw InputError(verb + ": " + o.flag() + ": " + reason);
}

std::string format_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

std::string out_of_range(const OptionSpec& o, double x) {
  if (std::isfinite(o.min) && std::isfinite(o.max)) return format_number(x) + " is outside " + o.range_text();
  if (x < o.min) return format_number(x) + " is below the least value, " + format_number(o.min);
  return format_number(x) + " is above the greatest value, " + format_number(o.max);
}

double number_in_range(const std::string& verb, const OptionSpec& o, const OptionValue& v) {
  double x = 0;
  if (const auto* d = std::get_if<double>(&v)) x = *d;
  else if (const auto* i = std::get_if<long long>(&v)) x = static_cast<double>(*i);
  else bad_option(verb, o, "expects a number (" + o.range_text() + ")");
  if (!std::isfinite(x)) bad_option(verb, o, "'" + format_number(x) + "' is not a finite number");
  if (o.kind == OptionKind::kWhole && x != std::floor(x))
    bad_option(verb, o, format_number(x) + " is not a whole number (" + o.range_text() + ")");
  if (x < o.min || x > o.max) bad_option(verb, o, out_of_range(o, x));
  return x;
}

std::string text_of(const std::string& verb, const OptionSpec& o, const OptionValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  bad_option(verb, o, "expects a text value");
}

std::vector<std::string> texts_of(const std::string& verb, const OptionSpec& o, const OptionValue& v) {
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) return *l;
  if (const auto* s = std::get_if<std::string>(&v)) return {*s};
  bad_option(verb, o, "expects a list of text values");
}

void finish(const Analysis& a, const std::string& verb, VerbResult& res) {
  if (res.run.empty()) res.run = verb;
  if (res.names.empty())
    for (const auto& t : res.tables) res.names.push_back(t.name());
  finish_results(res.tables, a.table());
}

}  // namespace detail
}  // namespace irio
