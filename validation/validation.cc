// SPDX-License-Identifier: MIT
// Validation report: comparisons at printed precision and their text/tidy forms.
#include "irio/validation/validation.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include "irio/io/shipped_data.h"

namespace irio::validation {

std::size_t Report::failures() const {
  std::size_t f = errors.size();
  for (const auto& c : checks) f += c.pass ? 0 : 1;
  return f;
}

void Report::printed(const std::string& case_name, const std::string& quantity, const std::string& key,
                     double published, int decimals, double computed, int terms) {
  const double tol = terms * 0.5 * std::pow(10.0, -decimals) * (1 + 1e-9) + 1e-12 * std::abs(published);
  const double diff = std::abs(computed - published);
  checks.push_back({case_name, quantity, key, published, computed, tol, std::isfinite(computed) && diff <= tol});
}

void Report::relative(const std::string& case_name, const std::string& quantity, const std::string& key,
                      double expected, double computed, double rel_tol) {
  const double tol = rel_tol * std::max(1.0, std::abs(expected));
  const bool both_nan = std::isnan(expected) && std::isnan(computed);
  checks.push_back({case_name, quantity, key, expected, computed, tol,
                    both_nan || (std::isfinite(computed) && std::abs(computed - expected) <= tol)});
}

std::string Report::text(bool failures_only) const {
  std::ostringstream os;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-22s %-34s %-28s %16s %16s %10s %s\n", "case", "quantity", "key", "published",
                "computed", "difference", "pass");
  os << buf;
  std::map<std::string, std::pair<std::size_t, std::size_t>> per_case;  // passed, total
  for (const auto& c : checks) {
    auto& pc = per_case[c.case_name];
    pc.second++;
    if (c.pass) pc.first++;
    if (failures_only && c.pass) continue;
    std::snprintf(buf, sizeof buf, "%-22s %-34s %-28s %16.10g %16.10g %10.2e %s\n", c.case_name.c_str(),
                  c.quantity.substr(0, 34).c_str(), c.key.substr(0, 28).c_str(), c.published, c.computed,
                  std::abs(c.computed - c.published), c.pass ? "yes" : "NO");
    os << buf;
  }
  os << "\n";
  for (const auto& [name, pc] : per_case) {
    std::snprintf(buf, sizeof buf, "%-22s %zu/%zu checks pass\n", name.c_str(), pc.first, pc.second);
    os << buf;
  }
  for (const auto& e : errors) os << "ERROR " << e << "\n";
  std::snprintf(buf, sizeof buf, "%zu checks, %zu failed, %zu case errors\n", checks.size(), failures() - errors.size(),
                errors.size());
  os << buf;
  return os.str();
}

tables::TidyTable Report::tidy() const {
  tables::TidyTable t("validation", {"case", "quantity", "key", "column"});
  for (const auto& c : checks) {
    t.add_row({c.case_name, c.quantity, c.key, "published"}, c.published);
    t.add_row({c.case_name, c.quantity, c.key, "computed"}, c.computed);
    t.add_row({c.case_name, c.quantity, c.key, "difference"}, c.computed - c.published);
    t.add_row({c.case_name, c.quantity, c.key, "tolerance"}, c.tolerance);
    t.add_row({c.case_name, c.quantity, c.key, "pass"}, c.pass ? 1.0 : 0.0);
  }
  return t;
}

Report run_cases(const std::string& data_dir, const std::string& filter, bool exact) {
  Report r;
  for (const auto& c : cases()) {
    if (!filter.empty() && (exact ? c.name != filter : c.name.find(filter) == std::string::npos)) continue;
    try {
      c.run(data_dir, r);
    } catch (const std::exception& e) {
      r.errors.push_back(c.name + ": " + e.what());
    }
  }
  return r;
}

std::string default_data_dir() { return io::shipped_data_dir("validation", "IRIO_VALIDATION_DATA"); }

}  // namespace irio::validation
